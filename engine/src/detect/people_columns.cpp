#include "people_columns.hpp"

#include <algorithm>
#include <cctype>

namespace safesar {

namespace {

// Does a column label say its cells are people? Parts of a word for the long cues (StaffName,
// OtherParty, ClientForename), whole words for the short ones (with, by, from, to).
bool people_column(const std::string& label) {
    const std::string f = fold(label);
    for (const char* part : {"name", "party", "client", "staff", "worker", "person", "parent",
                             "carer", "handover", "attendee", "member", "contact", "author",
                             "officer", "referrer", "relative", "participant"})
        if (f.find(part) != std::string::npos) return true;
    for (const auto& w : tokenize(f))
        if (w == "with" || w == "by" || w == "from" || w == "to" || w == "who") return true;
    return false;
}

bool is_word(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || c == '\'';
    });
}

} // namespace

std::vector<Span> find_people_in_columns(const Section& section, const FoldedText& folded,
                                         const std::vector<Token>& tokens,
                                         const std::vector<bool>& taken, const Lexicon& lexicon) {
    std::vector<Span> out;
    std::size_t t = 0;
    for (const auto& field : section.fields) {
        if (field.end <= field.begin || !people_column(field.label)) continue;
        // The cell's tokens, up to a bracket: "(mother)", "(CSC)" say who, not a name.
        std::size_t stop = section.text.find('(', field.begin);
        if (stop == std::string::npos || stop > field.end) stop = field.end;
        while (t < tokens.size() && folded.original_begin(tokens[t].begin) < field.begin)
            ++t;
        std::size_t first = t, last = t;
        bool claimed = false, a_name = false, ok = true;
        for (; last < tokens.size() && folded.original_begin(tokens[last].begin) < stop; ++last) {
            const std::string_view w = tokens[last].text;
            claimed = claimed || taken[last];
            ok = ok && (is_word(w) || w.size() == 1) && !lexicon.not_names.count(w) &&
                 !lexicon.titles.count(w);
            a_name = a_name || lexicon.given_names.count(w) || lexicon.surnames.count(w);
        }
        if (last == first || last - first > 4 || claimed || !ok || !a_name) continue;
        Span s;
        s.begin = folded.original_begin(tokens[first].begin);
        s.end = folded.original_end(tokens[last - 1].end);
        s.category = Category::Name;
        s.confidence = 0.75f;
        s.rule = "a name in the people column '" + field.label + "'";
        out.push_back(s);
    }
    return out;
}

} // namespace safesar
