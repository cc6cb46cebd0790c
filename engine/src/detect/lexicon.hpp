// The word lists detection reads from dictionaries/ and from Debian's English word list: given
// names, surnames, English words, capitalised words that are not people, titles, role cues,
// place and facility words, special-category terms, UK towns, the keep list of public bodies.
// Every folded word maps to a bit set of the lists that hold it, so a recogniser asks one hash
// lookup per token instead of one per list.
#pragma once

#include <cstdint>
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

// The lists a folded word is on.
enum WordClass : std::uint32_t {
    kGivenName = 1u << 0,
    kSurname = 1u << 1,
    kCommonWord = 1u << 2,    // a frequent lower-case English word (names/common-words.txt)
    kNotName = 1u << 3,       // capitalised in records but never a person (Monday, Police)
    kTitle = 1u << 4,         // mr, mrs, dc, sgt
    kRoleCue = 1u << 5,       // neighbour, sister, officer: a name may follow
    kGenericPlace = 1u << 6,  // primary, school, practice: the generic part of a place's name
    kCompanyWord = 1u << 7,   // bakery, motors: the end of a business name
    kSectorAcronym = 1u << 8, // idva, marac: the records' own words
    kCarMake = 1u << 9,
    kStreetSuffix = 1u << 10, // road, rd, close
    kTownFirst = 1u << 11,    // the first word of a UK town
    kSpecialFirst = 1u << 12, // the first word of a special-category term
    kEnglish = 1u << 13,      // an English word written in lower case (Debian's word list)
    kProperNoun = 1u << 14,   // listed only capitalised in the English word list: a proper noun
    kFacility = 1u << 15,     // centre, surgery, depot: a capitalised run ending here is a place
    kGeneral = 1u << 16,      // a proper noun that identifies nobody (English, Facebook, Eid)
    kKeepFirst = 1u << 17,    // the first written word of a keep-list phrase
    kWhereaboutsFirst = 1u << 18, // the first word of a whereabouts or safety cue
    kFemaleName = 1u << 19,       // a given name its sources file as a woman's only
    kMaleName = 1u << 20,         // ... as a man's only
    kPoliceForce = 1u << 21,      // gmp, psni: a police force's initials, as its references hold
    kCarModel = 1u << 22,         // micra, sprinter: a vehicle after a colour ("a gold Micra")
    kAbbreviation = 1u << 23,     // listed in capitals only (JJ, KY): "Jj" in title case is not it
    kKinship = 1u << 24, // abbu, tata, nain: mother, father, grandparents in other languages
};

// Every listed word with its classes in one open-addressed table: a look-up touches one slot
// (short words are stored in it), where a node-based map touches a bucket, a node and often a
// string. Every word of every section is looked up, in a table of 300,000 words; the lists are
// marked into it directly as they are read, with no map in between (loading is most of the
// cost of a short `safesar detect`).
class WordIndex {
  public:
    void mark(std::string_view w, std::uint32_t classes); // adds the classes to the word's
    std::uint32_t find(std::string_view w) const; // the word's classes; 0 when absent

  private:
    static constexpr std::size_t kInline = 14; // longer words are kept in `long_words_`
    struct Slot {
        std::uint32_t classes = 0;
        std::uint32_t check = 0; // low bits of the hash; the slot is free when size == 0
        std::uint8_t size = 0;   // 255: a long word, `at` indexes long_words_
        char word[kInline + 1] = {};
        std::uint32_t at = 0;
    };
    static std::uint64_t hash(std::string_view w);
    // The slot holding `w`, or the free slot where it belongs.
    std::size_t slot_of(std::string_view w, std::uint64_t h) const;
    void grow();              // doubles the table, keeping every word
    std::vector<Slot> slots_; // a power of two, at most 5/8 full
    std::size_t used_ = 0;
    int shift_ = 64;          // a hash's top bits index the slots
    std::vector<std::string> long_words_;
};

struct Lexicon {
    WordIndex index; // each folded word's classes
    std::uint32_t classes_of(std::string_view w) const { return index.find(w); }
    bool is(std::string_view w, std::uint32_t c) const { return (classes_of(w) & c) != 0; }

    // Each thoroughfare word and its abbreviations, every form to the others (lane: ln).
    std::unordered_map<std::string, std::vector<std::string>> street_variants;
    std::vector<std::string> street_suffixes;            // folded, for building patterns
    std::vector<std::string> company_words;              // folded, for building patterns
    std::vector<std::string> boat_words;                 // folded: "nb", "narrow boat"
    std::vector<std::vector<std::string>> special_terms; // folded token sequences
    std::vector<std::string> organisations;              // agencies, courts, services
    // Phrases of the keep list by their first written word; `wildcard` when the phrase starts
    // with '*', one to three capitalised words ("South Yorkshire" of "* Police").
    struct KeepPhrase {
        bool wildcard = false;
        std::vector<std::string> words;
    };
    std::unordered_map<std::string, std::vector<KeepPhrase>, WordHash, std::equal_to<>> keep;
    // Sentence cues that say where someone is, when they can be found, or that a safety
    // arrangement exists, each with its kind ("routine", "staying", "safety").
    std::vector<std::pair<std::vector<std::string>, std::string>> whereabouts_cues;
    // Words after which the next word is a secret: codeword, safe word, password, PIN.
    std::vector<std::vector<std::string>> secret_cues;
    // Both lists by their cues' first word: indices, in the file's order (a token is matched
    // only against the cues that can start at it, not against all of them).
    std::unordered_map<std::string, std::vector<std::size_t>, WordHash, std::equal_to<>>
        whereabouts_by_first, secrets_by_first;
    // UK towns by their first folded word, each as its folded token sequence, longest first.
    std::unordered_map<std::string, std::vector<std::vector<std::string>>, WordHash,
                       std::equal_to<>>
        towns;

    static Lexicon load(const std::filesystem::path& dictionaries);
};

// Where Debian's English word list (package wbritish-large) is installed.
std::filesystem::path english_word_list();

} // namespace safesar
