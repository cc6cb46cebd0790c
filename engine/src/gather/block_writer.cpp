#include "gather/block_writer.hpp"

#include <algorithm>

namespace safesar::gather_detail {

std::string clean_control_characters(std::string text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (c == '\r') c = '\n';
        if (b < 0x20 && c != '\n' && c != '\t') continue;
        if (b == 0x7F) continue;
        out += c;
    }
    return out;
}

std::string trim(std::string text) {
    const auto first = text.find_first_not_of(" \t\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\n");
    return text.substr(first, last - first + 1);
}

void BlockWriter::start_line() {
    if (text_.empty()) return;
    text_ += '\n';
    if (blank_pending_) text_ += '\n';
    blank_pending_ = false;
}

void BlockWriter::paragraph(std::string text, TextBlock::Style style, int level) {
    text = clean_control_characters(std::move(text));
    // Spaces and tabs at the ends only pad the line; a paragraph of nothing else is a blank line.
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n'))
        text.pop_back();
    std::size_t lead = 0;
    while (lead < text.size() && (text[lead] == '\n' || text[lead] == ' ')) ++lead;
    text.erase(0, lead);
    if (text.empty()) {
        blank_pending_ = !text_.empty();
        return;
    }
    start_line();
    TextBlock block;
    block.style = style;
    block.level = style == TextBlock::Style::Heading ? std::clamp(level, 1, 6) : 0;
    block.begin = text_.size();
    text_ += text;
    block.end = text_.size();
    blocks_.push_back(block);
}

void BlockWriter::table_row(std::vector<std::string> cells) {
    bool any = false;
    for (std::string& cell : cells) {
        cell = clean_control_characters(std::move(cell));
        std::replace_if(
            cell.begin(), cell.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
        cell = trim(std::move(cell));
        any = any || !cell.empty();
    }
    if (!any) return;
    start_line();
    TextBlock block;
    block.style = TextBlock::Style::TableRow;
    block.begin = text_.size();
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) text_ += '\t';
        text_ += cells[i];
    }
    block.end = text_.size();
    blocks_.push_back(block);
}

void BlockWriter::append(const BlockWriter& other) {
    if (other.blocks_.empty()) return;
    start_line();
    const std::size_t shift = text_.size();
    text_ += other.text_;
    for (TextBlock b : other.blocks_) {
        b.begin += shift;
        b.end += shift;
        blocks_.push_back(b);
    }
}

Section BlockWriter::take(SectionKind kind, std::string label) {
    Section s;
    s.kind = kind;
    s.label = std::move(label);
    s.text = std::move(text_);
    s.blocks = std::move(blocks_);
    text_.clear();
    blocks_.clear();
    blank_pending_ = false;
    return s;
}

} // namespace safesar::gather_detail
