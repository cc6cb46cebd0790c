#include "export/document_layout.hpp"

#include <algorithm>

namespace safesar::exporting {

std::vector<TextRun> runs_of(const std::vector<Piece>& pieces, Face face) {
    std::vector<TextRun> out;
    for (const Piece& p : pieces) {
        TextRun r;
        r.text = p.text;
        std::replace(r.text.begin(), r.text.end(), '\t', ' ');
        r.face = face;
        r.token = p.token;
        r.code = p.code;
        r.redactions = p.redactions;
        out.push_back(std::move(r));
    }
    return out;
}

namespace {

TextRun fixed(const std::string& text, Face face = Face::Regular) {
    TextRun r;
    r.text = text;
    r.face = face;
    r.fixed = true;
    return r;
}

Block caption_block(const std::string& caption) {
    Block b;
    b.spans = {fixed(caption, Face::Bold)};
    b.size = 9;
    b.leading = 12;
    b.ink = Ink::Grey;
    b.space_before = 12;
    b.keep_with_next = true;
    return b;
}

Block row_block(const std::vector<std::vector<Piece>>& cells, double width, Face face) {
    Block b;
    b.size = 9.5;
    b.leading = 12.5;
    b.space_before = 3;
    const std::size_t n = std::max<std::size_t>(1, cells.size());
    const double column = width / static_cast<double>(n);
    for (std::size_t c = 0; c < cells.size(); ++c)
        b.cells.push_back(Cell{column * static_cast<double>(c), column - 6, runs_of(cells[c], face)});
    return b;
}

void text_blocks(const DocumentPart& part, double width, std::vector<Block>& out) {
    static constexpr double heading_sizes[] = {16, 14, 12.5, 11.5, 11, 10.5};
    for (const DocumentBlock& db : part.blocks) {
        Block b;
        switch (db.style) {
        case TextBlock::Style::Heading: {
            const double size = heading_sizes[std::clamp(db.level, 1, 6) - 1];
            b.spans = runs_of(db.text, Face::Bold);
            b.size = size;
            b.leading = size * 1.3;
            b.space_before = size * 0.8;
            b.keep_with_next = true;
            break;
        }
        case TextBlock::Style::TableRow:
        case TextBlock::Style::TableHeader:
            b = row_block(db.cells, width,
                          db.style == TextBlock::Style::TableHeader ? Face::Bold : Face::Regular);
            break;
        case TextBlock::Style::Paragraph:
            b.spans = runs_of(db.text);
            b.size = 10;
            b.leading = 13.5;
            b.space_before = 5;
            break;
        }
        out.push_back(std::move(b));
    }
}

void field_blocks(const DocumentPart& part, std::vector<Block>& out) {
    for (const LabelledPieces& f : part.fields) {
        Block b;
        if (!f.label.empty()) b.spans.push_back(fixed(f.label + ": ", Face::Bold));
        for (TextRun& r : runs_of(f.value))
            b.spans.push_back(std::move(r));
        b.size = 9.5;
        b.leading = 12.8;
        b.space_before = 2;
        b.indent = 10;
        out.push_back(std::move(b));
    }
}

void table_blocks(const DocumentPart& part, double width, std::vector<Block>& out) {
    std::size_t columns = part.head.size();
    for (const auto& row : part.rows)
        columns = std::max(columns, row.size());
    if (columns <= max_table_columns) {
        if (!part.head.empty()) {
            Block head = row_block(part.head, width, Face::Bold);
            head.rule_below = true;
            head.keep_with_next = true;
            out.push_back(std::move(head));
        }
        for (const auto& row : part.rows)
            out.push_back(row_block(row, width, Face::Regular));
        return;
    }
    // Too wide for the page: each row as "heading: value" lines, its headings as redacted as
    // the heading row itself.
    for (const auto& row : part.rows) {
        bool first = true;
        for (std::size_t c = 0; c < row.size(); ++c) {
            Block b;
            if (c < part.head.size()) {
                b.spans = runs_of(part.head[c], Face::Bold);
                b.spans.push_back(fixed(": ", Face::Bold));
            }
            for (TextRun& r : runs_of(row[c]))
                b.spans.push_back(std::move(r));
            b.size = 9.5;
            b.leading = 12.8;
            b.space_before = first ? 9 : 0;
            first = false;
            out.push_back(std::move(b));
        }
    }
}

} // namespace

std::vector<Block> document_blocks(const std::vector<DocumentPart>& parts, double width) {
    std::vector<Block> out;
    for (const DocumentPart& part : parts) {
        if (!part.caption.empty()) out.push_back(caption_block(part.caption));
        switch (part.kind) {
        case DocumentPart::Kind::Text:
            text_blocks(part, width, out);
            break;
        case DocumentPart::Kind::Fields:
            field_blocks(part, out);
            break;
        case DocumentPart::Kind::Table:
            table_blocks(part, width, out);
            break;
        }
    }
    return out;
}

} // namespace safesar::exporting
