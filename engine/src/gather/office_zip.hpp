// Private: the readers of zip-based office files (.docx, .xlsx, .odt, .ods) behind one entry
// that decides which it is from the content, and what they share: comment sections, custom XML
// data, the macro caution.
#pragma once

#include "gather/zip_archive.hpp"
#include "safesar/gather.hpp"

#include <string>
#include <utility>
#include <vector>

namespace safesar::gather_detail {

// Decides from the package's content (its main part or its mimetype), never from the name.
Record read_office_zip(const std::string& name, std::string_view bytes,
                       const GatherOptions& options, std::vector<Record>& attachments);

Record docx_record(ZipArchive& zip, const std::string& name, const GatherOptions& options,
                   std::vector<Record>& attachments);
Record xlsx_record(ZipArchive& zip, const std::string& name, const GatherOptions& options,
                   std::vector<Record>& attachments);
Record odt_record(ZipArchive& zip, const std::string& name, const GatherOptions& options,
                  std::vector<Record>& attachments);
Record ods_record(ZipArchive& zip, const std::string& name, const GatherOptions& options,
                  std::vector<Record>& attachments);

inline constexpr const char* office_macro_caution =
    "the file holds macros (a VBA project); they were never run and their code was not read: "
    "check them in the original if they may hold personal data";

// A comment or note as an Annotation section not drawn on a page: one "Label: value" line per
// non-empty field, each value a Field (an "Author" field is read as a people column).
Section office_comment(std::string label,
                       const std::vector<std::pair<std::string, std::string>>& fields);

// The text of customXml/item*.xml (data bound to content controls, SharePoint columns) as
// Metadata sections.
void office_custom_xml(ZipArchive& zip, const std::string& name, std::vector<Section>& out);

} // namespace safesar::gather_detail
