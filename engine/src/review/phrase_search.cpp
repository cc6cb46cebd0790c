#include "review/phrase_search.hpp"

#include "detect/folded_text.hpp"

#include <cctype>

namespace safesar::review {

namespace {

bool word_byte(const std::string& s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    return std::isalnum(c) || c >= 0x80; // folded text is ASCII where Latin; others are letters
}

// Offsets in the folded text of every occurrence of `needle`.
std::vector<std::size_t> occurrences(const std::string& hay, const std::string& needle) {
    std::vector<std::size_t> out;
    if (needle.empty()) return out;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1))
        out.push_back(at);
    return out;
}

} // namespace

std::vector<ByteSpan> find_phrase(const std::string& section_text, const std::string& phrase) {
    const FoldedText folded = fold_text(section_text);
    const std::string needle = fold(phrase);
    std::vector<ByteSpan> out;
    for (std::size_t at : occurrences(folded.text, needle)) {
        const std::size_t end = at + needle.size();
        const bool starts = at == 0 || !word_byte(folded.text, at - 1) || !word_byte(needle, 0);
        const bool ends = end == folded.text.size() || !word_byte(folded.text, end) ||
                          !word_byte(needle, needle.size() - 1);
        if (starts && ends) out.emplace_back(folded.original_begin(at), folded.original_end(end));
    }
    return out;
}

std::optional<ByteSpan> find_span_over(const std::string& section_text, const std::string& text,
                                       std::size_t begin, std::size_t end) {
    const FoldedText folded = fold_text(section_text);
    const std::string needle = fold(text);
    std::optional<ByteSpan> overlapping;
    for (std::size_t at : occurrences(folded.text, needle)) {
        const ByteSpan span{folded.original_begin(at), folded.original_end(at + needle.size())};
        if (span.first <= begin && end <= span.second) return span;
        if (!overlapping && span.first < end && begin < span.second) overlapping = span;
    }
    return overlapping;
}

bool span_fits_finding(const std::string& span_text, const std::string& finding_text) {
    const std::string span = fold(span_text), finding = fold(finding_text);
    if (span.empty() || finding.empty()) return false;
    return span.find(finding) != std::string::npos || finding.find(span) != std::string::npos;
}

std::vector<Box> boxes_for(const Section& section, std::size_t begin, std::size_t end) {
    std::vector<Box> out;
    if (section.kind == SectionKind::PageText) {
        for (const Word& w : section.words)
            if (w.begin < end && begin < w.end) out.push_back(w.box);
    } else if (section.area) {
        out.push_back(*section.area);
    }
    return out;
}

int redact_phrase_in_title(const std::string& phrase, RecordDisclosure& rd) {
    const auto spans = find_phrase(rd.title, phrase);
    for (auto it = spans.rbegin(); it != spans.rend(); ++it)
        rd.title.replace(it->first, it->second - it->first, "[redacted]");
    return static_cast<int>(spans.size());
}

int redact_phrase_in_sections(const std::string& phrase, const Reason& reason,
                              RecordDisclosure& rd) {
    int applied = 0;
    for (std::size_t si = 0; si < rd.record->sections.size(); ++si) {
        const Section& s = rd.record->sections[si];
        for (const auto& [begin, end] : find_phrase(s.text, phrase)) {
            rd.redactions.push_back({si, begin, end, reason, boxes_for(s, begin, end), ""});
            ++applied;
        }
    }
    return applied;
}

} // namespace safesar::review
