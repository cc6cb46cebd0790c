#include "gather/odf_package.hpp"

#include "gather/block_writer.hpp"

#include <algorithm>

namespace safesar::gather_detail {

void odf_properties(ZipArchive& zip, const std::string& name, std::vector<Section>& out) {
    auto bytes = zip.read("meta.xml");
    if (!bytes) return;
    XmlDoc doc = xml_parse(*bytes, name, "meta.xml");
    for (const xmlNode* n : xml_children(xml_child(xml_root(doc), "meta"))) {
        const std::string_view field = xml_name(n);
        if (field == "document-statistic" || field == "generator" || field == "editing-cycles" ||
            field == "editing-duration" || field == "template")
            continue;
        std::string label = "property " + std::string(field);
        std::string text = trim(clean_control_characters(xml_text(n)));
        if (field == "user-defined") text = xml_attr(n, "name") + ": " + text;
        if (field == "hyperlink-behaviour" || field == "auto-reload")
            text = xml_attr(n, "href");
        if (!trim(text).empty()) out.push_back({SectionKind::Metadata, label, trim(text)});
    }
}

void odf_read_styles(const xmlNode* container, OdfStyles& styles) {
    struct Raw {
        std::string parent;
        int hidden = -1;
        int level = 0;
    };
    std::map<std::string, Raw> raw;
    for (const xmlNode* s : xml_children(container, "style")) {
        const std::string name = xml_attr(s, "name");
        const std::string family = xml_attr(s, "family");
        if (family == "table") {
            if (xml_attr(xml_child(s, "table-properties"), "display") == "false")
                styles.hidden_tables.insert(name);
            continue;
        }
        Raw r;
        r.parent = xml_attr(s, "parent-style-name");
        if (const xmlNode* text = xml_child(s, "text-properties")) {
            if (xml_has_attr(text, "display")) r.hidden = xml_attr(text, "display") == "none";
            std::string colour = xml_attr(text, "color");
            std::transform(colour.begin(), colour.end(), colour.begin(), ::tolower);
            if (colour == "#ffffff" && r.hidden < 0) r.hidden = 1;
        }
        const std::string level = xml_attr(s, "default-outline-level");
        if (!level.empty()) r.level = std::atoi(level.c_str());
        raw[name] = r;
    }
    for (const auto& [name, r] : raw) {
        int hidden = -1, level = 0;
        std::string at = name;
        for (int hops = 0; hops < 20 && !at.empty(); ++hops) {
            auto it = raw.find(at);
            if (it == raw.end()) {
                if (hidden < 0 && styles.hidden_text.count(at)) hidden = 1;
                if (level == 0)
                    if (auto h = styles.heading_level.find(at); h != styles.heading_level.end())
                        level = h->second;
                break;
            }
            if (hidden < 0) hidden = it->second.hidden;
            if (level == 0) level = it->second.level;
            at = it->second.parent;
        }
        if (hidden == 1) styles.hidden_text.insert(name);
        if (level > 0) styles.heading_level[name] = std::min(level, 6);
    }
}

} // namespace safesar::gather_detail
