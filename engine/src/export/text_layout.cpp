#include "export/text_layout.hpp"

#include "core/utf8.hpp"
#include "export/redaction_spans.hpp"

#include <algorithm>

namespace safesar::exporting {

namespace {
// A word, a token or a forced line break, with whether whitespace came before it.
struct Atom {
    std::string text; // printable
    Face face = Face::Regular;
    bool token = false, line_break = false, space_before = false;
    std::string code;
    std::vector<std::size_t> redactions;
};

// Calls `visit` with each atom in order, one at a time: a paragraph of 50 MB is millions of
// atoms, which must never all be held at once.
template <typename Visit>
void atomise(const std::vector<TextRun>& spans, const TextLayout& layout, Visit&& visit) {
    bool pending_space = false;
    for (const TextRun& span : spans) {
        if (span.token) {
            Atom a;
            a.token = true;
            a.text = layout.face(Face::Bold).printable(token_text(span.code));
            a.code = span.code;
            a.redactions = span.redactions;
            a.space_before = pending_space;
            pending_space = false;
            visit(a);
            continue;
        }
        // printable() drops controls, so split on '\n' first and clean each line.
        std::size_t start = 0;
        const std::string& raw = span.text;
        while (start <= raw.size()) {
            std::size_t nl = raw.find('\n', start);
            std::string line = layout.face(span.face).printable(std::string_view(raw).substr(
                start, nl == std::string::npos ? std::string::npos : nl - start));
            std::size_t pos = 0;
            while (pos < line.size()) {
                if (line[pos] == ' ') {
                    pending_space = true;
                    ++pos;
                    continue;
                }
                std::size_t end = line.find(' ', pos);
                if (end == std::string::npos) end = line.size();
                Atom a;
                a.text = line.substr(pos, end - pos);
                a.face = span.face;
                a.space_before = pending_space;
                pending_space = false;
                visit(a);
                pos = end;
            }
            if (nl == std::string::npos) break;
            Atom br;
            br.line_break = true;
            visit(br);
            pending_space = false;
            start = nl + 1;
        }
    }
}

// Splits a word too long for a line into pieces that fit.
std::vector<std::string> split_long_word(const std::string& word, const FontFace& face, double size,
                                         double width) {
    std::vector<std::string> parts;
    std::string current;
    for (std::size_t pos = 0; pos < word.size();) {
        std::size_t start = pos;
        next_code_point(word, pos);
        std::string ch = word.substr(start, pos - start);
        if (!current.empty() && face.width(current + ch, size) > width) {
            parts.push_back(current);
            current.clear();
        }
        current += ch;
    }
    if (!current.empty()) parts.push_back(current);
    return parts;
}
} // namespace

// Exactly the bracketed code's width: padding beyond it would read as a space in extracted
// text ("[TP] ,"); the brackets' side bearings leave a black margin round the letters.
double TextLayout::token_width(const std::string& code, double size) const {
    return fonts_->bold.width(fonts_->bold.printable(token_text(code)), size);
}

std::vector<TextLayout::Line> TextLayout::break_lines(const std::vector<TextRun>& spans,
                                                      double size, double width, Ink ink) const {
    std::vector<Line> lines(1);
    double x = 0;
    auto new_line = [&] {
        lines.emplace_back();
        x = 0;
    };
    auto place = [&](const Atom& a, double w) {
        Line& line = lines.back();
        double gap = a.space_before && !line.items.empty() ? face(a.face).width(" ", size) : 0;
        if (!line.items.empty() && x + gap + w > width) {
            new_line();
            gap = 0;
        }
        Line& target = lines.back();
        // Neighbouring words of one face share one string: fewer, cleaner text objects.
        if (!a.token && !target.items.empty() && !target.items.back().token &&
            target.items.back().face == a.face) {
            target.items.back().text += (gap > 0 ? " " : "") + a.text;
        } else {
            DrawnText t;
            t.x = x + gap;
            t.size = size;
            t.face = a.token ? Face::Bold : a.face;
            t.ink = a.token ? Ink::White : ink;
            t.text = a.text;
            t.token = a.token;
            t.box_width = a.token ? w : 0;
            t.redactions = a.redactions;
            target.items.push_back(std::move(t));
        }
        x += gap + w;
    };
    atomise(spans, *this, [&](const Atom& a) {
        if (a.line_break) {
            new_line();
            return;
        }
        double w = a.token ? token_width(a.code, size) : face(a.face).width(a.text, size);
        if (!a.token && w > width) {
            bool first = true;
            for (const std::string& part : split_long_word(a.text, face(a.face), size, width)) {
                Atom piece = a;
                piece.text = part;
                piece.space_before = first && a.space_before;
                if (!first) new_line();
                place(piece, face(a.face).width(part, size));
                first = false;
            }
            return;
        }
        place(a, w);
    });
    return lines;
}

std::vector<LaidOutPage> TextLayout::lay_out(const std::vector<Block>& blocks) const {
    std::vector<LaidOutPage> pages(1);
    const double top = frame_.top, bottom = frame_.height - frame_.bottom;
    const double content_width = frame_.width - frame_.left - frame_.right;
    double y = top;
    auto new_page = [&] {
        pages.emplace_back();
        y = top;
    };
    auto at_top = [&] { return y <= top; };
    auto baseline_in = [&](double line_top, const Block& b) {
        const FontFace& f = fonts_->regular;
        double glyph_height = (f.ascent() - f.descent()) * b.size;
        return line_top + (b.leading - glyph_height) / 2 + f.ascent() * b.size;
    };
    auto place_line = [&](const Line& line, double left, const Block& b, double line_top) {
        for (DrawnText t : line.items) {
            t.x += left;
            t.baseline = baseline_in(line_top, b);
            pages.back().texts.push_back(std::move(t));
        }
    };

    for (std::size_t bi = 0; bi < blocks.size(); ++bi) {
        const Block& b = blocks[bi];
        if (!at_top()) y += b.space_before;
        double left = frame_.left + b.indent;
        double width = content_width - b.indent;

        if (!b.cells.empty()) {
            std::vector<std::vector<Line>> cells;
            std::size_t rows = 1;
            for (const Cell& c : b.cells) {
                cells.push_back(break_lines(c.spans, b.size, c.width, b.ink));
                rows = std::max(rows, cells.back().size());
            }
            double height = static_cast<double>(rows) * b.leading;
            if (y + height > bottom && !at_top()) new_page();
            for (std::size_t r = 0; r < rows; ++r) {
                if (y + b.leading > bottom && !at_top()) new_page(); // rows taller than a page
                for (std::size_t c = 0; c < cells.size(); ++c)
                    if (r < cells[c].size()) place_line(cells[c][r], left + b.cells[c].x, b, y);
                y += b.leading;
            }
        } else {
            double right_width = 0;
            if (!b.right.empty()) {
                right_width = fonts_->regular.width(fonts_->regular.printable(b.right), b.size);
                width -= right_width + 12;
            }
            std::vector<Line> lines = break_lines(b.spans, b.size, width, b.ink);
            double height = static_cast<double>(lines.size()) * b.leading;
            double need = height;
            if (b.keep_with_next && bi + 1 < blocks.size())
                need += blocks[bi + 1].space_before + 2 * blocks[bi + 1].leading;
            if (y + need > bottom && !at_top() && need <= bottom - top) new_page();
            for (std::size_t li = 0; li < lines.size(); ++li) {
                if (y + b.leading > bottom && !at_top()) new_page();
                place_line(lines[li], left, b, y);
                if (li == 0 && !b.right.empty()) {
                    DrawnText t;
                    t.text = fonts_->regular.printable(b.right);
                    t.x = frame_.width - frame_.right - right_width;
                    t.baseline = baseline_in(y, b);
                    t.size = b.size;
                    t.ink = b.ink;
                    pages.back().texts.push_back(std::move(t));
                }
                y += b.leading;
            }
        }
        if (b.rule_below)
            pages.back().rules.push_back({frame_.left, frame_.width - frame_.right, y});
    }
    return pages;
}

} // namespace safesar::exporting
