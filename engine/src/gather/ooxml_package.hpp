// Private: what .docx and .xlsx files share (Office Open XML packages): the relationships that
// link one part to another, the content types, the document properties (author, last modified
// by, company, custom properties) and the signs of macros.
#pragma once

#include "gather/zip_archive.hpp"
#include "safesar/document.hpp"

#include <string>
#include <vector>

namespace safesar::gather_detail {

struct Relationship {
    std::string id;
    std::string type;   // the last segment of the type URI: "officeDocument", "header", "image"
    std::string target; // a part of the package ("word/header1.xml"), or as written if external
    bool external = false;
};

// The relationships of `part` ("word/document.xml" reads "word/_rels/document.xml.rels"); ""
// for the package's own (_rels/.rels). None when the part has no relationships.
std::vector<Relationship> ooxml_relationships(ZipArchive& zip, const std::string& name,
                                              const std::string& part);
const Relationship* ooxml_find(const std::vector<Relationship>& rels, const std::string& id);

// The main part: the target of the package's officeDocument relationship, or `fallback`.
std::string ooxml_main_part(ZipArchive& zip, const std::string& name, const std::string& fallback);

// The content type [Content_Types].xml gives `part`; empty when it gives none.
std::string ooxml_content_type(ZipArchive& zip, const std::string& name, const std::string& part);

// docProps/core.xml, app.xml and custom.xml as Metadata sections ("property creator",
// "property Company", "custom property 1").
void ooxml_properties(ZipArchive& zip, const std::string& name, std::vector<Section>& out);

// True when the package holds a VBA project (a .docm or .xlsm): its macros are never run.
bool ooxml_has_macros(const ZipArchive& zip);

// The folder of a part: "word/document.xml" -> "word".
std::string part_folder(const std::string& part);

} // namespace safesar::gather_detail
