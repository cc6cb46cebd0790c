// Private: the readers of zip-based office files (.docx, .xlsx, .odt, .ods) behind one entry
// that decides which it is from the content, and the custom XML data they share.
#pragma once

#include "gather/zip_archive.hpp"
#include "safesar/gather.hpp"

#include <string>
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

// The text of customXml/item*.xml (data bound to content controls, SharePoint columns) as
// Metadata sections.
void office_custom_xml(ZipArchive& zip, const std::string& name, std::vector<Section>& out);

} // namespace safesar::gather_detail
