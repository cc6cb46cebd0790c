#include "gather/document_parts.hpp"

namespace safesar::gather_detail {

Section comment_section(std::string label,
                        const std::vector<std::pair<std::string, std::string>>& fields) {
    Section s;
    s.kind = SectionKind::Annotation;
    s.label = std::move(label);
    for (const auto& [field_label, raw] : fields) {
        std::string value = trim(clean_control_characters(raw));
        if (value.empty()) continue;
        if (!s.text.empty()) s.text += '\n';
        s.text += field_label + ": ";
        Field f{field_label, s.text.size(), 0};
        s.text += value;
        f.end = s.text.size();
        s.fields.push_back(std::move(f));
    }
    return s;
}

void add_hidden_text(Record& record, BlockWriter& hidden, BlockWriter& deleted) {
    if (!hidden.empty()) {
        Section s = hidden.take(SectionKind::Body, "hidden text");
        s.hidden = true;
        record.sections.push_back(std::move(s));
        record.cautions.push_back("the document holds hidden text (formatted not to show); it is "
                                  "not disclosed: check it in the original");
    }
    if (!deleted.empty()) {
        Section s = deleted.take(SectionKind::Body, "deleted text (tracked changes)");
        s.hidden = true;
        record.sections.push_back(std::move(s));
        record.cautions.push_back("the document keeps deleted text in its tracked changes; it is "
                                  "not disclosed: check it in the original");
    }
}

void add_metadata_lines(std::vector<Section>& out, const std::string& label,
                        const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) {
        const std::string clean = trim(clean_control_characters(line));
        if (clean.empty()) continue;
        if (!text.empty()) text += '\n';
        text += clean;
    }
    if (!text.empty()) out.push_back({SectionKind::Metadata, label, std::move(text)});
}

} // namespace safesar::gather_detail
