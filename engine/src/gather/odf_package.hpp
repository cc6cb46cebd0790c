// Private: what .odt and .ods files share (OpenDocument packages): the document properties in
// meta.xml, and which styles make text or tables invisible.
#pragma once

#include "gather/xml.hpp"
#include "gather/zip_archive.hpp"
#include "safesar/document.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace safesar::gather_detail {

// meta.xml as Metadata sections ("property initial-creator", "property user-defined Client").
void odf_properties(ZipArchive& zip, const std::string& name, std::vector<Section>& out);

// Styles (automatic and named) that hide what they format: text with text:display="none" or
// white text, tables with table:display="false"; and the heading level of paragraph styles.
struct OdfStyles {
    std::set<std::string> hidden_text, hidden_tables;
    std::map<std::string, int> heading_level;
};
// Adds the styles under `container` (office:automatic-styles or office:styles).
void odf_read_styles(const xmlNode* container, OdfStyles& styles);

} // namespace safesar::gather_detail
