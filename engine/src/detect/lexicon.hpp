// The word lists detection reads from dictionaries/: given names, surnames, common English
// words, capitalised words that are not people, titles, role cues, special-category terms,
// UK towns.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace safesar {

// A set of folded words that can be asked about a string_view without building a string.
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

struct Lexicon {
    WordSet given_names, surnames, common_words, not_names;
    WordSet titles;      // mr, mrs, dc, sgt...
    WordSet role_cues;   // neighbour, partner, sister, officer...
    WordSet generic_place_words; // primary, school, practice, ltd...
    WordSet company_words;       // bakery, scaffolding, motors: the end of a business name
    WordSet sector_acronyms;     // dva, idva, csc: the records' own words, never a place's initials
    WordSet car_makes;           // audi, vauxhall: a car, not a person
    WordSet street_suffixes;     // road, street, close, walk... and their abbreviations
    // Each thoroughfare word and its abbreviations, every form to the others (lane: ln).
    std::unordered_map<std::string, std::vector<std::string>> street_variants;
    std::vector<std::vector<std::string>> special_terms; // folded token sequences
    WordSet special_first;       // their first tokens
    std::vector<std::string> organisations;              // agencies, courts, services
    std::vector<std::vector<std::string>> towns;         // UK towns, folded token sequences
    WordSet town_first;                                  // their first tokens

    static Lexicon load(const std::filesystem::path& dictionaries);
};

} // namespace safesar
