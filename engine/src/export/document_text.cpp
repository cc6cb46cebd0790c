#include "export/document_text.hpp"

#include <cctype>

namespace safesar::exporting {

bool is_document_kind(RecordKind kind) {
    return kind == RecordKind::Document || kind == RecordKind::Spreadsheet ||
           kind == RecordKind::WebPage;
}

std::string caption_of(const std::string& label) {
    if (label == "body" || label.empty()) return {};
    std::string caption = label;
    caption[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(caption[0])));
    return caption;
}

namespace {

bool is_heading_row(const Section& s) {
    return s.kind == SectionKind::Row && !s.blocks.empty() &&
           s.blocks.front().style == TextBlock::Style::TableHeader;
}

// A table row's text split at its tabs, each cell redacted on its own.
std::vector<std::vector<Piece>> cells_of(const SectionSpans& spans, std::size_t index,
                                         const TextBlock& block) {
    const std::string& text = spans.disclosure().record->sections[index].text;
    std::vector<std::vector<Piece>> cells;
    std::size_t begin = block.begin;
    while (begin <= block.end) {
        std::size_t tab = text.find('\t', begin);
        if (tab == std::string::npos || tab > block.end) tab = block.end;
        cells.push_back(redact_slice(spans, index, begin, tab));
        begin = tab + 1;
    }
    return cells;
}

DocumentPart text_part(const SectionSpans& spans, std::size_t index) {
    const Section& s = spans.disclosure().record->sections[index];
    DocumentPart part;
    part.caption = caption_of(s.label);
    if (s.blocks.empty()) {
        part.blocks.push_back({TextBlock::Style::Paragraph, 0,
                               redact_slice(spans, index, 0, s.text.size()), {}});
        return part;
    }
    for (const TextBlock& b : s.blocks) {
        if (b.begin > b.end || b.end > s.text.size()) continue;
        DocumentBlock block;
        block.style = b.style;
        block.level = b.level;
        if (b.style == TextBlock::Style::TableRow || b.style == TextBlock::Style::TableHeader)
            block.cells = cells_of(spans, index, b);
        else
            block.text = redact_slice(spans, index, b.begin, b.end);
        part.blocks.push_back(std::move(block));
    }
    return part;
}

std::vector<std::vector<Piece>> field_values(const SectionSpans& spans, std::size_t index) {
    std::vector<std::vector<Piece>> out;
    for (const Field& f : spans.disclosure().record->sections[index].fields)
        out.push_back(redact_slice(spans, index, f.begin, f.end));
    return out;
}

} // namespace

std::vector<DocumentPart> document_text(const SectionSpans& spans) {
    const Record& record = *spans.disclosure().record;
    std::vector<DocumentPart> out;
    std::size_t table = 0; // 1 + index in `out` of the sheet whose rows are being read; 0: none
    for (std::size_t i = 0; i < record.sections.size(); ++i) {
        const Section& s = record.sections[i];
        if (!shown_as_text(s)) continue;
        if (is_heading_row(s)) {
            DocumentPart part;
            part.kind = DocumentPart::Kind::Table;
            part.head = field_values(spans, i);
            out.push_back(std::move(part));
            table = out.size();
            continue;
        }
        if (s.kind == SectionKind::Row) {
            if (table == 0) {
                out.push_back({DocumentPart::Kind::Table, {}, {}, {}, {}, {}});
                table = out.size();
            }
            out[table - 1].rows.push_back(field_values(spans, i));
            continue;
        }
        table = 0;
        if (s.kind == SectionKind::Header || s.kind == SectionKind::Annotation) {
            DocumentPart part;
            part.kind = DocumentPart::Kind::Fields;
            part.caption = caption_of(s.label);
            const auto values = field_values(spans, i);
            for (std::size_t f = 0; f < s.fields.size(); ++f)
                part.fields.push_back({shown_label(spans, i, s.fields[f]), values[f]});
            if (s.fields.empty())
                part.fields.push_back({"", redact_slice(spans, i, 0, s.text.size())});
            out.push_back(std::move(part));
        } else if (s.kind == SectionKind::Body) {
            out.push_back(text_part(spans, i));
        }
    }
    return out;
}

} // namespace safesar::exporting
