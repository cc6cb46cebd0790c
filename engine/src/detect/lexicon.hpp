// The word lists detection reads from dictionaries/: given names, surnames, common English
// words, capitalised words that are not people, titles, role cues, special-category terms.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

namespace safesar {

struct Lexicon {
    std::unordered_set<std::string> given_names, surnames, common_words, not_names;
    std::unordered_set<std::string> titles;      // mr, mrs, dc, sgt...
    std::unordered_set<std::string> role_cues;   // neighbour, partner, sister, officer...
    std::unordered_set<std::string> generic_place_words; // primary, school, practice, ltd...
    std::unordered_set<std::string> street_suffixes;     // road, street, close, walk...
    std::vector<std::vector<std::string>> special_terms; // folded token sequences

    static Lexicon load(const std::filesystem::path& dictionaries);
};

} // namespace safesar
