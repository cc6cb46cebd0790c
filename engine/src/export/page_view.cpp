#include "export/page_view.hpp"

#include <algorithm>

namespace safesar::exporting {

bool box_touches(const Box& word, const Box& redaction) {
    double ox = std::min(word.x1, redaction.x1) - std::max(word.x0, redaction.x0);
    double oy = std::min(word.y1, redaction.y1) - std::max(word.y0, redaction.y0);
    double min_height = std::min(word.height(), redaction.height());
    return ox > std::min(0.5, 0.5 * word.width()) && oy > 0.3 * min_height && oy > 0;
}

namespace {
bool is_page_section(SectionKind kind) {
    return kind == SectionKind::PageText || kind == SectionKind::FormField ||
           kind == SectionKind::Annotation;
}

void add_burn(std::vector<BurnBox>& burns, const Box& box, const Redaction& r, std::size_t index) {
    if (box.empty()) return;
    burns.push_back({box, r.reason.code, {index}});
}

// One bar per run of redacted words on a line instead of a box per word: the gaps between the
// words of a name would show how many words it has and how long each is. Overlapping and
// abutting redactions share a bar (and one label).
bool same_line(const BurnBox& a, const BurnBox& b) {
    double overlap = std::min(a.box.y1, b.box.y1) - std::max(a.box.y0, b.box.y0);
    double height = std::min(a.box.height(), b.box.height());
    double gap = std::max(a.box.x0, b.box.x0) - std::min(a.box.x1, b.box.x1);
    return overlap >= 0.5 * height && gap < 0.5 * height;
}

void absorb(BurnBox& into, const BurnBox& other) {
    Box& a = into.box;
    const Box& b = other.box;
    a = Box{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
    into.redactions.insert(into.redactions.end(), other.redactions.begin(), other.redactions.end());
    std::sort(into.redactions.begin(), into.redactions.end());
    into.redactions.erase(std::unique(into.redactions.begin(), into.redactions.end()),
                          into.redactions.end());
}

std::vector<BurnBox> merge_lines(std::vector<BurnBox> burns) {
    // Boxes grouped into lines (sorted by their middles, a line is a run whose middles fall
    // inside its first box), then swept left to right: one pass, however many boxes a heavily
    // redacted page has...
    auto middle = [](const BurnBox& b) { return (b.box.y0 + b.box.y1) / 2; };
    std::sort(burns.begin(), burns.end(),
              [&](const BurnBox& a, const BurnBox& b) { return middle(a) < middle(b); });
    std::vector<BurnBox> swept;
    for (std::size_t start = 0; start < burns.size();) {
        std::size_t end = start + 1;
        while (end < burns.size() && middle(burns[end]) <= burns[start].box.y1)
            ++end;
        std::sort(burns.begin() + static_cast<std::ptrdiff_t>(start),
                  burns.begin() + static_cast<std::ptrdiff_t>(end),
                  [](const BurnBox& a, const BurnBox& b) { return a.box.x0 < b.box.x0; });
        std::size_t first = swept.size();
        for (std::size_t i = start; i < end; ++i) {
            if (swept.size() > first && same_line(swept.back(), burns[i]))
                absorb(swept.back(), burns[i]);
            else
                swept.push_back(std::move(burns[i]));
        }
        start = end;
    }
    // ...and a fixed point over what is left catches boxes the grouping kept apart.
    for (bool merged = true; merged;) {
        merged = false;
        for (std::size_t i = 0; i < swept.size() && !merged; ++i) {
            for (std::size_t j = i + 1; j < swept.size(); ++j) {
                if (!same_line(swept[i], swept[j])) continue;
                absorb(swept[i], swept[j]);
                swept.erase(swept.begin() + static_cast<std::ptrdiff_t>(j));
                merged = true;
                break;
            }
        }
    }
    return swept;
}
} // namespace

PageView::PageView(const SectionSpans& spans, int page) : spans_(&spans), page_(page) {
    const RecordDisclosure& rd = spans.disclosure();
    const Record& record = *rd.record;

    // Boxes to burn: the redaction's own boxes, a field's or note's area, and the boxes of the
    // words its byte range covers (so a redaction without boxes still blacks out its words).
    for (std::size_t i = 0; i < rd.redactions.size(); ++i) {
        const Redaction& r = rd.redactions[i];
        const Section& s = record.sections[r.section];
        if (!is_page_section(s.kind) || s.page != page) continue;
        for (const Box& b : r.boxes)
            add_burn(burns_, b, r, i);
        if (s.kind != SectionKind::PageText) {
            if (s.area) add_burn(burns_, *s.area, r, i);
            continue;
        }
        for (const Word& w : s.words)
            if (w.begin < r.end && r.begin < w.end) add_burn(burns_, w.box, r, i);
    }
    burns_ = merge_lines(std::move(burns_));

    for (std::size_t si = 0; si < record.sections.size(); ++si) {
        const Section& s = record.sections[si];
        if (s.kind != SectionKind::PageText || s.page != page) continue;
        const std::vector<Span>& section_spans = spans.of(si);
        for (std::size_t wi = 0; wi < s.words.size(); ++wi) {
            const Word& w = s.words[wi];
            Decision d{si, wi, true, w.hidden, {}};
            for (const Span& span : section_spans)
                if (w.begin < span.end && span.begin < w.end)
                    d.redactions.push_back(span.redaction);
            for (const BurnBox& b : burns_)
                if (box_touches(w.box, b.box))
                    d.redactions.insert(d.redactions.end(), b.redactions.begin(),
                                        b.redactions.end());
            std::sort(d.redactions.begin(), d.redactions.end());
            d.redactions.erase(std::unique(d.redactions.begin(), d.redactions.end()),
                               d.redactions.end());
            d.kept = d.redactions.empty() && !w.hidden && w.begin < w.end && w.end <= s.text.size();
            decisions_.push_back(std::move(d));
        }
    }
}

std::vector<KeptWord> PageView::kept_words() const {
    const Record& record = *spans_->disclosure().record;
    std::vector<KeptWord> out;
    for (const Decision& d : decisions_) {
        if (!d.kept) continue;
        const Section& s = record.sections[d.section];
        const Word& w = s.words[d.word];
        out.push_back({s.text.substr(w.begin, w.end - w.begin), w.box, w.font_size});
    }
    return out;
}

std::vector<Piece> PageView::text_pieces() const {
    const RecordDisclosure& rd = spans_->disclosure();
    const Record& record = *rd.record;
    // Separators are "", " " or "\n"; a newline wins over a space.
    auto stronger = [](const std::string& a, const std::string& b) {
        return a == "\n" || b == "\n" ? std::string("\n")
               : a == " " || b == " " ? std::string(" ")
                                      : std::string();
    };
    std::vector<Piece> out;
    std::string pending; // separator owed before the next piece
    for (std::size_t i = 0; i < decisions_.size(); ++i) {
        const Decision& d = decisions_[i];
        const Section& s = record.sections[d.section];
        const Word& w = s.words[d.word];
        if (i > 0 && decisions_[i - 1].section != d.section) {
            pending = "\n";
        } else if (i > 0) {
            // Only the whitespace of the gap is copied, never other bytes of the section.
            const Word& prev = s.words[decisions_[i - 1].word];
            std::string sep = " ";
            if (prev.end <= w.begin && w.begin <= s.text.size()) {
                std::string_view gap(s.text.data() + prev.end, w.begin - prev.end);
                sep = gap.find('\n') != std::string_view::npos ? "\n" : gap.empty() ? "" : " ";
            }
            pending = stronger(pending, sep);
        }
        if (out.empty()) pending.clear();
        if (d.kept) {
            out.push_back({pending + s.text.substr(w.begin, w.end - w.begin), false, {}, {}});
            pending.clear();
        } else if (!d.redactions.empty()) {
            // One token for a run of words that one redaction covers.
            if (!out.empty() && out.back().token && out.back().redactions == d.redactions) continue;
            if (!pending.empty()) out.push_back({pending, false, {}, {}});
            pending.clear();
            out.push_back(
                {"", true, rd.redactions[d.redactions.front()].reason.code, d.redactions});
        }
        // Hidden words leave nothing, not even a token: they were never visible.
    }
    std::vector<Piece> merged;
    append_pieces(merged, std::move(out));
    return merged;
}

std::vector<std::size_t> PageView::shown_redactions() const {
    std::vector<std::size_t> out;
    for (const BurnBox& b : burns_)
        out.insert(out.end(), b.redactions.begin(), b.redactions.end());
    for (const Decision& d : decisions_)
        out.insert(out.end(), d.redactions.begin(), d.redactions.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace safesar::exporting
