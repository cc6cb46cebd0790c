#include "places.hpp"

#include "known_terms.hpp"

#include <cctype>
#include <initializer_list>

namespace safesar {

namespace {

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    for (auto s : list)
        if (w == s) return true;
    return false;
}

// Words after which a capitalised town is where someone is, goes or comes from.
bool town_cue(std::string_view w) {
    return one_of(w, {"in", "to", "near", "at", "from", "around", "outside", "into", "towards",
                      "toward", "nr", "round", "over"});
}

// Words after which "Kingfisher Lane" is a street someone is on.
bool street_cue(std::string_view w) {
    return one_of(w, {"on", "off", "in", "at", "near", "along", "from", "by", "behind", "down",
                      "up", "onto", "past", "opposite", "nr", "to", "round", "around"});
}

// Homes: "her flat in Starbeck" names a place too small for the gazetteer.
bool dwelling(std::string_view w) {
    return one_of(w, {"flat", "house", "home", "refuge", "hostel", "bedsit", "accommodation",
                      "property", "caravan", "lodgings", "tenancy", "place"});
}

// Words that say a capitalised word before them is a district: "the Manningham area".
bool district(std::string_view w) {
    return one_of(w, {"area", "estate", "district", "side"});
}

} // namespace

std::vector<Span> find_unnumbered_places(const FoldedText& folded, const std::vector<Token>& tokens,
                                         const std::vector<bool>& taken,
                                         const std::string& original, const Lexicon& lexicon) {
    std::vector<Span> out;
    auto cap = [&](std::size_t i) {
        return is_capitalised(original, folded.original_begin(tokens[i].begin));
    };
    // Only white space between two tokens (a line break included: "in\nBarnsley").
    auto adjacent = [&](std::size_t i) {
        for (std::size_t k = tokens[i].end; k < tokens[i + 1].begin; ++k)
            if (folded.text[k] != ' ') return false;
        return true;
    };
    auto alpha = [&](std::size_t i) {
        for (char ch : tokens[i].text)
            if (!std::isalpha(static_cast<unsigned char>(ch)) && ch != '\'') return false;
        return true;
    };
    // A capitalised word that can name a place: not a title, weekday or month.
    auto place_word = [&](std::size_t k) {
        const std::string_view w = tokens[k].text;
        return !taken[k] && cap(k) && alpha(k) && w.size() >= 3 && !lexicon.titles.count(w) &&
               (!lexicon.not_names.count(w) || lexicon.town_first.count(w));
    };
    auto emit = [&](std::size_t first, std::size_t last) {
        Span s;
        s.begin = folded.original_begin(tokens[first].begin);
        s.end = folded.original_end(tokens[last].end);
        s.category = Category::Address;
        s.confidence = 0.7f;
        s.rule = "a place where someone lives";
        out.push_back(s);
    };
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        if (taken[i] || !cap(i) || !adjacent(i - 1)) continue;
        const std::string_view prev = tokens[i - 1].text;
        // A town from the gazetteer, longest first.
        if (town_cue(prev) && lexicon.town_first.count(tokens[i].text)) {
            std::size_t best = 0;
            for (const auto& town : lexicon.towns) {
                if (town.front() != tokens[i].text || town.size() <= best ||
                    i + town.size() > tokens.size())
                    continue;
                bool ok = true;
                for (std::size_t k = 0; k < town.size() && ok; ++k)
                    ok = tokens[i + k].text == town[k] && !taken[i + k] &&
                         (k == 0 || adjacent(i + k - 1));
                if (ok) best = town.size();
            }
            if (best) {
                emit(i, i + best - 1);
                i += best - 1;
                continue;
            }
        }
        // A district and its town: "in the Manningham area of Bradford".
        if (prev == "the" && i >= 2 &&
            (town_cue(tokens[i - 2].text) || street_cue(tokens[i - 2].text)) && place_word(i)) {
            std::size_t j = i;
            if (j + 1 < tokens.size() && adjacent(j) && place_word(j + 1)) ++j;
            if (j + 1 < tokens.size() && adjacent(j) && district(tokens[j + 1].text)) {
                emit(i, j);
                i = j + 1;
                if (i + 2 < tokens.size() && tokens[i + 1].text == "of" && adjacent(i) &&
                    adjacent(i + 1) && place_word(i + 2)) {
                    emit(i + 2, i + 2);
                    i += 2;
                }
                continue;
            }
        }
        // Somewhere a home is: "her flat in Starbeck", one or two capitalised words.
        if ((prev == "in" || prev == "near") && i >= 2 && dwelling(tokens[i - 2].text) &&
            adjacent(i - 2) && place_word(i)) {
            std::size_t j = i;
            if (j + 1 < tokens.size() && adjacent(j) && place_word(j + 1)) ++j;
            emit(i, j);
            i = j;
            continue;
        }
        // A street: one to three capitalised words, then a thoroughfare word.
        if (street_cue(prev) && alpha(i) && !lexicon.titles.count(tokens[i].text) &&
            !lexicon.street_suffixes.count(tokens[i].text)) {
            std::size_t j = i;
            while (j + 1 < tokens.size() && j - i < 2 && adjacent(j) && !taken[j + 1] &&
                   cap(j + 1) && alpha(j + 1) && !lexicon.street_suffixes.count(tokens[j + 1].text))
                ++j;
            if (j + 1 < tokens.size() && adjacent(j) && !taken[j + 1] && cap(j + 1) &&
                lexicon.street_suffixes.count(tokens[j + 1].text)) {
                emit(i, j + 1);
                i = j + 1;
            }
        }
    }
    return out;
}

} // namespace safesar
