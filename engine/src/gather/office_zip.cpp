#include "gather/office_zip.hpp"

#include "gather/block_writer.hpp"
#include "gather/ooxml_package.hpp"
#include "gather/xml.hpp"
#include "safesar/errors.hpp"

#include <algorithm>

namespace safesar::gather_detail {

void office_custom_xml(ZipArchive& zip, const std::string& name, std::vector<Section>& out) {
    int number = 0;
    for (const std::string& part : zip.names()) {
        if (part.rfind("customXml/item", 0) != 0 || part.find("Props") != std::string::npos ||
            part.size() < 4 || part.compare(part.size() - 4, 4, ".xml") != 0)
            continue;
        auto bytes = zip.read(part);
        if (!bytes) continue;
        XmlDoc doc = xml_parse(*bytes, name, part);
        // One value a line: the text of each element that holds text directly.
        std::string text;
        std::vector<const xmlNode*> stack = {xml_root(doc)};
        while (!stack.empty()) {
            const xmlNode* n = stack.back();
            stack.pop_back();
            std::string own;
            for (const xmlNode* c = n->children; c; c = c->next)
                if (c->type == XML_TEXT_NODE && c->content)
                    own += reinterpret_cast<const char*>(c->content);
            own = trim(clean_control_characters(own));
            if (!own.empty()) text += own + "\n";
            std::vector<xmlNode*> children = xml_children(n);
            for (auto it = children.rbegin(); it != children.rend(); ++it)
                stack.push_back(*it);
        }
        text = trim(text);
        if (!text.empty())
            out.push_back({SectionKind::Metadata, "custom XML data " + std::to_string(++number),
                           std::move(text)});
    }
}

Record read_office_zip(const std::string& name, std::string_view bytes,
                       const GatherOptions& options, std::vector<Record>& attachments) {
    ZipArchive zip(bytes, name);
    if (zip.has("mimetype")) {
        const std::string mime = trim(zip.read_required("mimetype"));
        if (mime == "application/vnd.oasis.opendocument.text" ||
            mime == "application/vnd.oasis.opendocument.text-template")
            return odt_record(zip, name, options, attachments);
        if (mime == "application/vnd.oasis.opendocument.spreadsheet" ||
            mime == "application/vnd.oasis.opendocument.spreadsheet-template")
            return ods_record(zip, name, options, attachments);
        if (mime.rfind("application/vnd.oasis.opendocument.", 0) == 0)
            throw RecordError(name, "an OpenDocument file of a kind SafeSAR does not read (" +
                                        mime + ")");
    }
    if (zip.has("[Content_Types].xml")) {
        const std::string main = ooxml_main_part(zip, name, "");
        const std::string type = main.empty() ? "" : ooxml_content_type(zip, name, main);
        if (type.find("wordprocessingml") != std::string::npos ||
            type.find("ms-word") != std::string::npos)
            return docx_record(zip, name, options, attachments);
        if (type.find("spreadsheetml") != std::string::npos ||
            type.find("ms-excel") != std::string::npos)
            return xlsx_record(zip, name, options, attachments);
        if (type.find("presentationml") != std::string::npos ||
            type.find("ms-powerpoint") != std::string::npos)
            throw RecordError(name, "a PowerPoint presentation: not a kind SafeSAR reads");
        if (zip.has("word/document.xml")) return docx_record(zip, name, options, attachments);
        if (zip.has("xl/workbook.xml")) return xlsx_record(zip, name, options, attachments);
        throw RecordError(name, "an Office Open XML package of a kind SafeSAR does not read");
    }
    throw RecordError(name, "a zip archive, not a document SafeSAR reads");
}

} // namespace safesar::gather_detail
