#include "export/redaction_spans.hpp"

#include "core/utf8.hpp"
#include "safesar/errors.hpp"

#include <algorithm>
#include <tuple>

namespace safesar::exporting {

std::string token_text(const std::string& code) {
    return "[" + (code.empty() ? std::string("REDACTED") : code) + "]";
}

std::string joined_text(const std::vector<Piece>& pieces) {
    std::string out;
    for (const Piece& p : pieces)
        out += p.token ? token_text(p.code) : p.text;
    return out;
}

SectionSpans::SectionSpans(const RecordDisclosure& disclosure)
    : disclosure_(&disclosure), by_section_(disclosure.record->sections.size()) {
    const Record& record = *disclosure.record;
    for (std::size_t i = 0; i < disclosure.redactions.size(); ++i) {
        const Redaction& r = disclosure.redactions[i];
        if (r.section >= record.sections.size())
            throw ExportError(disclosure.title, "a redaction refers to section " +
                                                    std::to_string(r.section) +
                                                    ", which the record does not have");
        const std::string& text = record.sections[r.section].text;
        std::size_t begin = floor_char_boundary(text, std::min(r.begin, text.size()));
        std::size_t end = ceil_char_boundary(text, std::min(std::max(r.end, r.begin), text.size()));
        if (begin < end) by_section_[r.section].push_back({begin, end, i});
    }
    for (auto& spans : by_section_) {
        std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
            return std::tie(a.begin, a.end, a.redaction) < std::tie(b.begin, b.end, b.redaction);
        });
    }
}

const std::vector<Span>& SectionSpans::of(std::size_t section) const {
    static const std::vector<Span> none;
    return section < by_section_.size() ? by_section_[section] : none;
}

void append_pieces(std::vector<Piece>& pieces, std::vector<Piece> more) {
    for (Piece& p : more) {
        if (!p.token && p.text.empty()) continue;
        if (!p.token && !pieces.empty() && !pieces.back().token)
            pieces.back().text += p.text;
        else
            pieces.push_back(std::move(p));
    }
}

std::optional<std::size_t> label_begin(const Section& section, const Field& field) {
    const std::string& text = section.text;
    const std::string& label = field.label;
    if (field.begin < label.size() + 2 || field.begin > text.size() ||
        text.compare(field.begin - 2, 2, ": ") != 0 ||
        text.compare(field.begin - 2 - label.size(), label.size(), label) != 0)
        return std::nullopt;
    return field.begin - 2 - label.size();
}

std::string shown_label(const SectionSpans& spans, std::size_t section, const Field& field) {
    const Section& sec = spans.disclosure().record->sections.at(section);
    const std::optional<std::size_t> at = label_begin(sec, field);
    if (!at) return field.label;
    const std::string& text = sec.text;
    const std::size_t begin = *at, end = begin + field.label.size();
    // Only what was found in the label itself: a sentence of the value that detection read
    // from the start of its line ("what was said: ...") hides the value, not the column's name.
    std::string out;
    std::size_t pos = begin;
    bool token_at_pos = false; // a token ends at `pos`: a span touching it joins that token
    for (const Span& sp : spans.of(section)) { // sorted by begin
        if (sp.begin < begin || sp.end > end) continue;
        if (token_at_pos && sp.begin <= pos) {
            pos = std::max(pos, sp.end);
            continue;
        }
        out += text.substr(pos, sp.begin - pos);
        out += token_text(spans.disclosure().redactions[sp.redaction].reason.code);
        pos = sp.end;
        token_at_pos = true;
    }
    return out + text.substr(pos, end - pos);
}

std::vector<Piece> redact_slice(const SectionSpans& spans, std::size_t section, std::size_t begin,
                                std::size_t end) {
    const Record& record = *spans.disclosure().record;
    const RecordDisclosure& rd = spans.disclosure();
    const std::string& text = record.sections.at(section).text;
    end = std::min(end, text.size());
    begin = std::min(begin, end);
    std::vector<Piece> out;
    std::size_t pos = begin;
    const std::vector<Span>& list = spans.of(section);
    for (std::size_t i = 0; i < list.size();) {
        if (list[i].end <= begin || list[i].begin >= end) {
            ++i;
            continue;
        }
        // Merge this span with every later one that overlaps or touches it.
        Piece token;
        token.token = true;
        token.code = rd.redactions[list[i].redaction].reason.code;
        std::size_t t_begin = std::max(list[i].begin, begin), t_end = list[i].end;
        for (; i < list.size() && list[i].begin <= t_end; ++i) {
            if (list[i].end <= begin || list[i].begin >= end) continue;
            t_end = std::max(t_end, list[i].end);
            token.redactions.push_back(list[i].redaction);
        }
        t_end = std::min(t_end, end);
        if (t_begin > pos)
            append_pieces(out, {Piece{text.substr(pos, t_begin - pos), false, {}, {}}});
        pos = std::max(pos, t_end);
        out.push_back(std::move(token));
    }
    if (pos < end) append_pieces(out, {Piece{text.substr(pos, end - pos), false, {}, {}}});
    return out;
}

} // namespace safesar::exporting
