#include "gather/ooxml_package.hpp"

#include "gather/block_writer.hpp"
#include "gather/xml.hpp"

#include <algorithm>

namespace safesar::gather_detail {

std::string part_folder(const std::string& part) {
    const auto slash = part.find_last_of('/');
    return slash == std::string::npos ? std::string{} : part.substr(0, slash);
}

std::vector<Relationship> ooxml_relationships(ZipArchive& zip, const std::string& name,
                                              const std::string& part) {
    const std::string folder = part_folder(part);
    const std::string file = part.substr(part.find_last_of('/') + 1);
    const std::string rels_part =
        part.empty() ? "_rels/.rels" : (folder.empty() ? "" : folder + "/") + "_rels/" + file + ".rels";
    std::vector<Relationship> out;
    auto bytes = zip.read(rels_part);
    if (!bytes) return out;
    XmlDoc doc = xml_parse(*bytes, name, rels_part);
    for (xmlNode* rel : xml_children(xml_root(doc), "Relationship")) {
        Relationship r;
        r.id = xml_attr(rel, "Id");
        const std::string type = xml_attr(rel, "Type");
        r.type = type.substr(type.find_last_of('/') + 1);
        r.external = xml_attr(rel, "TargetMode") == "External";
        const std::string target = xml_attr(rel, "Target");
        r.target = r.external ? target : zip_resolve(folder, target);
        out.push_back(std::move(r));
    }
    return out;
}

const Relationship* ooxml_find(const std::vector<Relationship>& rels, const std::string& id) {
    for (const Relationship& r : rels)
        if (r.id == id) return &r;
    return nullptr;
}

std::string ooxml_main_part(ZipArchive& zip, const std::string& name, const std::string& fallback) {
    for (const Relationship& r : ooxml_relationships(zip, name, ""))
        if (r.type == "officeDocument" && !r.external && zip.has(r.target)) return r.target;
    return fallback;
}

std::string ooxml_content_type(ZipArchive& zip, const std::string& name, const std::string& part) {
    auto bytes = zip.read("[Content_Types].xml");
    if (!bytes) return {};
    XmlDoc doc = xml_parse(*bytes, name, "[Content_Types].xml");
    const std::string wanted = "/" + part;
    std::string by_extension;
    const std::string extension = part.substr(part.find_last_of('.') + 1);
    for (xmlNode* n : xml_children(xml_root(doc))) {
        if (xml_is(n, "Override") && xml_attr(n, "PartName") == wanted)
            return xml_attr(n, "ContentType");
        if (xml_is(n, "Default") && xml_attr(n, "Extension") == extension)
            by_extension = xml_attr(n, "ContentType");
    }
    return by_extension;
}

namespace {

void add(std::vector<Section>& out, std::string label, std::string text) {
    text = trim(clean_control_characters(std::move(text)));
    if (text.empty()) return;
    out.push_back({SectionKind::Metadata, std::move(label), std::move(text)});
}

} // namespace

void ooxml_properties(ZipArchive& zip, const std::string& name, std::vector<Section>& out) {
    // core.xml: title, subject, creator, keywords, description, lastModifiedBy, category...
    // app.xml: Company, Manager, HyperlinkBase, Template...
    for (const char* part : {"docProps/core.xml", "docProps/app.xml"}) {
        auto bytes = zip.read(part);
        if (!bytes) continue;
        XmlDoc doc = xml_parse(*bytes, name, part);
        for (xmlNode* n : xml_children(xml_root(doc))) {
            // Counts, the application's name and version, and the sheet-title lists repeat
            // nothing a person wrote; the rest is kept for detection.
            const std::string_view field = xml_name(n);
            if (field == "HeadingPairs" || field == "TitlesOfParts" || field == "Application" ||
                field == "AppVersion" || field == "DocSecurity" || field == "TotalTime" ||
                field == "ScaleCrop" || field == "LinksUpToDate" || field == "SharedDoc" ||
                field == "HyperlinksChanged" || field == "Pages" || field == "Words" ||
                field == "Characters" || field == "CharactersWithSpaces" || field == "Lines" ||
                field == "Paragraphs" || field == "revision")
                continue;
            add(out, "property " + std::string(field), xml_text(n));
        }
    }
    if (auto bytes = zip.read("docProps/custom.xml")) {
        XmlDoc doc = xml_parse(*bytes, name, "docProps/custom.xml");
        int number = 0;
        for (xmlNode* n : xml_children(xml_root(doc), "property"))
            add(out, "custom property " + std::to_string(++number),
                xml_attr(n, "name") + ": " + xml_text(n));
    }
}

bool ooxml_has_macros(const ZipArchive& zip) {
    return std::any_of(zip.names().begin(), zip.names().end(), [](const std::string& n) {
        return n.size() >= 14 && n.compare(n.size() - 14, 14, "vbaProject.bin") == 0;
    });
}

} // namespace safesar::gather_detail
