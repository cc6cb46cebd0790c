#include "lexicon.hpp"

#include "folded_text.hpp"
#include "safesar/errors.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <unordered_set>

namespace safesar {

namespace {

// One entry a line; '#' starts a comment line. Entries are folded like the text they match.
std::vector<std::string> read_list(const std::filesystem::path& file, bool required) {
    std::vector<std::string> out;
    std::ifstream in(file);
    if (!in) {
        if (required) throw DataError(file.string(), "missing word list");
        return out;
    }
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        out.push_back(fold(line));
    }
    return out;
}

// Lines of a two-column list "kind: phrase".
std::vector<std::pair<std::string, std::string>> read_pairs(const std::filesystem::path& file) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& line : read_list(file, true)) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) throw DataError(file.string(), "line without 'kind:'");
        std::string kind = line.substr(0, colon), phrase = line.substr(colon + 1);
        phrase.erase(0, phrase.find_first_not_of(' '));
        out.emplace_back(std::move(kind), std::move(phrase));
    }
    return out;
}

bool ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
}

} // namespace

std::filesystem::path english_word_list() {
    return "/usr/share/dict/british-english-large";
}

Lexicon Lexicon::load(const std::filesystem::path& dir) {
    Lexicon l;
    auto mark = [&](std::string_view w, std::uint32_t c) { l.index.mark(w, c); };
    auto mark_all = [&](const std::vector<std::string>& words, std::uint32_t c) {
        for (const auto& w : words)
            mark(w, c);
    };
    mark_all(read_list(dir / "names" / "given-names.txt", false), kGivenName);
    mark_all(read_list(dir / "names" / "surnames.txt", false), kSurname);
    mark_all(read_list(dir / "names" / "common-words.txt", false), kCommonWord);
    // "Name F" / "Name M": the sex a given name tells, when the records say nothing of it.
    for (const auto& line : read_list(dir / "names" / "given-names-sex.txt", false))
        if (const auto space = line.rfind(' ');
            space != std::string::npos && space + 2 == line.size())
            mark(line.substr(0, space), line[space + 1] == 'f' ? kFemaleName : kMaleName);
    mark_all(read_list(dir / "names" / "not-names.txt", false), kNotName);
    mark_all(read_list(dir / "detect" / "not-names-extra.txt", true), kNotName);
    mark_all(read_list(dir / "detect" / "titles.txt", true), kTitle);
    mark_all(read_list(dir / "detect" / "role-cues.txt", true), kRoleCue);
    mark_all(read_list(dir / "detect" / "generic-place-words.txt", true), kGenericPlace);
    mark_all(read_list(dir / "detect" / "sector-acronyms.txt", true), kSectorAcronym);
    mark_all(read_list(dir / "detect" / "police-forces.txt", true), kPoliceForce);
    mark_all(read_list(dir / "detect" / "general-proper-nouns.txt", true), kGeneral);
    // Mother, father, grandparents in other languages ("Abbu", "Tata").
    mark_all(read_list(dir / "detect" / "kinship-words.txt", true), kKinship);
    l.company_words = read_list(dir / "detect" / "company-words.txt", true);
    l.boat_words = read_list(dir / "detect" / "boat-words.txt", true);
    mark_all(l.company_words, kCompanyWord);
    for (const auto& make : read_list(dir / "detect" / "car-makes.txt", true))
        for (const auto& t : tokenize(make))
            mark(t, kCarMake); // "land rover": both words
    mark_all(read_list(dir / "detect" / "car-models.txt", true), kCarModel);
    for (const auto& line : read_list(dir / "detect" / "facility-words.txt", true))
        for (const auto& t : tokenize(line))
            mark(t, kFacility);
    for (const auto& line : read_list(dir / "detect" / "street-suffixes.txt", true)) {
        const auto forms = tokenize(line);
        for (const auto& f : forms) {
            mark(f, kStreetSuffix);
            l.street_suffixes.push_back(f);
            for (const auto& other : forms)
                if (other != f) l.street_variants[f].push_back(other);
        }
    }
    l.organisations = read_list(dir / "detect" / "agencies.txt", true);
    for (auto& term : read_list(dir / "detect" / "special-category.txt", true))
        if (auto t = tokenize(term); !t.empty()) {
            mark(t.front(), kSpecialFirst);
            l.special_terms.push_back(std::move(t));
        }
    for (auto& phrase : read_list(dir / "detect" / "keep-list.txt", true)) {
        KeepPhrase k;
        k.wildcard = phrase.rfind("* ", 0) == 0;
        k.words =
            tokenize(k.wildcard ? std::string_view(phrase).substr(2) : std::string_view(phrase));
        if (k.words.empty()) continue;
        mark(k.words.front(), kKeepFirst);
        const std::string first = k.words.front();
        l.keep[first].push_back(std::move(k));
    }
    for (auto& [kind, phrase] : read_pairs(dir / "detect" / "whereabouts-cues.txt")) {
        auto t = tokenize(phrase);
        if (t.empty()) continue;
        mark(t.front(), kWhereaboutsFirst);
        if (kind == "secret") {
            l.secrets_by_first[t.front()].push_back(l.secret_cues.size());
            l.secret_cues.push_back(std::move(t));
            continue;
        }
        l.whereabouts_by_first[t.front()].push_back(l.whereabouts_cues.size());
        l.whereabouts_cues.emplace_back(std::move(t), kind);
    }
    for (auto& town : read_list(dir / "places" / "uk-towns.txt", true))
        if (auto t = tokenize(town); !t.empty()) {
            mark(t.front(), kTownFirst);
            l.towns[t.front()].push_back(std::move(t));
        }
    for (auto& [first, list] : l.towns)
        std::sort(list.begin(), list.end(),
                  [](const auto& a, const auto& b) { return a.size() > b.size(); });

    // Debian's English word list: a word written in lower case there is an ordinary word; one
    // listed only with a capital is a proper noun (a name, a place, a brand).
    const auto english = english_word_list();
    std::ifstream in(english, std::ios::binary);
    if (!in)
        throw DataError(english.string(),
                        "missing English word list (install the Debian package wbritish-large)");
    // Read whole: the list is 170,000 lines, and a line read at a time costs more than the rest.
    const std::string list{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::vector<std::string> capitalised, abbreviations;
    WordSet titled;
    for (std::size_t at = 0; at < list.size();) {
        std::size_t end = list.find('\n', at);
        if (end == std::string::npos) end = list.size();
        std::string_view line(list.data() + at, end - at);
        at = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        UChar32 first;
        int32_t j = 0;
        U8_NEXT(line.data(), j, static_cast<int32_t>(line.size()), first);
        const bool upper = first >= 0 && (u_isupper(first) || u_istitle(first));
        // A proper noun's possessive ("Alice's") adds nothing to the noun; contractions are
        // ordinary words ("we're", "don't"), and so are "I'm", "I've", "I'll", "I'd", which
        // the list writes with their capital: a letter that opens a sentence is no name.
        const std::size_t apostrophe = line.find('\'');
        const bool first_person = apostrophe == 1 && line[0] == 'I';
        if (apostrophe != std::string::npos && upper && !first_person && line.ends_with("'s"))
            continue;
        std::string w = ascii(line) ? ascii_lower(line) : fold(line);
        if (!upper || first_person) {
            mark(w, kEnglish);
            continue;
        }
        // A word the list writes in capitals ("AZ", "KY") is an abbreviation.
        if (line.size() >= 2 && std::all_of(line.begin(), line.end(), [](char c) {
                return (c >= 'A' && c <= 'Z') || c == '.';
            }))
            abbreviations.push_back(w);
        else
            titled.insert(w);
        capitalised.push_back(std::move(w));
    }
    for (auto& w : capitalised)
        if (!(l.classes_of(w) & kEnglish)) mark(w, kProperNoun);
    // Only in capitals: the same letters in title case ("Jj") are no proper noun the list knows.
    for (auto& w : abbreviations)
        if (!titled.count(w)) mark(w, kAbbreviation);
    return l;
}

std::uint64_t WordIndex::hash(std::string_view w) {
    // FNV-1a, then a multiply that mixes every bit into the high ones (the slot's index).
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : w)
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h * 0x9E3779B97F4A7C15ull;
}

std::size_t WordIndex::slot_of(std::string_view w, std::uint64_t h) const {
    const auto check = static_cast<std::uint32_t>(h);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(h >> shift_);; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.size == 0) return i;
        if (s.check != check) continue;
        if (s.size == 255 ? long_words_[s.at] == w
                          : (s.size == w.size() && std::equal(w.begin(), w.end(), s.word)))
            return i;
    }
}

void WordIndex::grow() {
    std::vector<Slot> old = std::move(slots_);
    const std::size_t capacity = old.empty() ? (1u << 19) : old.size() * 2; // 300,000 words fit
    slots_.assign(capacity, Slot{});
    shift_ = 64;
    for (std::size_t c = capacity; c > 1; c /= 2)
        --shift_;
    for (const Slot& s : old) {
        if (s.size == 0) continue;
        const std::string_view w =
            s.size == 255 ? std::string_view(long_words_[s.at]) : std::string_view(s.word, s.size);
        slots_[slot_of(w, hash(w))] = s;
    }
}

void WordIndex::mark(std::string_view w, std::uint32_t classes) {
    if (w.empty()) return;                           // never marked; find() answers 0 for it
    if ((used_ + 1) * 8 > slots_.size() * 5) grow(); // at most 5/8 full
    const std::uint64_t h = hash(w);
    Slot& s = slots_[slot_of(w, h)];
    if (s.size == 0) {
        ++used_;
        s.check = static_cast<std::uint32_t>(h);
        if (w.size() <= kInline) {
            s.size = static_cast<std::uint8_t>(w.size());
            std::copy(w.begin(), w.end(), s.word);
        } else {
            s.size = 255;
            s.at = static_cast<std::uint32_t>(long_words_.size());
            long_words_.emplace_back(w);
        }
    }
    s.classes |= classes;
}

std::uint32_t WordIndex::find(std::string_view w) const {
    if (w.empty() || slots_.empty()) return 0;
    return slots_[slot_of(w, hash(w))].classes; // a free slot's classes are 0
}

} // namespace safesar
