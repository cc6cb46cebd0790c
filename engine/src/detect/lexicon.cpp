#include "lexicon.hpp"

#include "folded_text.hpp"
#include "safesar/errors.hpp"

#include <fstream>

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

void into(WordSet& set, const std::vector<std::string>& items) {
    for (auto& s : items)
        if (!s.empty()) set.insert(s);
}

} // namespace

Lexicon Lexicon::load(const std::filesystem::path& dir) {
    Lexicon l;
    into(l.given_names, read_list(dir / "names" / "given-names.txt", false));
    into(l.surnames, read_list(dir / "names" / "surnames.txt", false));
    into(l.common_words, read_list(dir / "names" / "common-words.txt", false));
    into(l.not_names, read_list(dir / "names" / "not-names.txt", false));
    into(l.not_names, read_list(dir / "detect" / "not-names-extra.txt", true));
    into(l.titles, read_list(dir / "detect" / "titles.txt", true));
    into(l.role_cues, read_list(dir / "detect" / "role-cues.txt", true));
    into(l.generic_place_words, read_list(dir / "detect" / "generic-place-words.txt", true));
    into(l.sector_acronyms, read_list(dir / "detect" / "sector-acronyms.txt", true));
    into(l.company_words, read_list(dir / "detect" / "company-words.txt", true));
    for (const auto& make : read_list(dir / "detect" / "car-makes.txt", true))
        for (const auto& t : tokenize(make))
            l.car_makes.insert(t); // "land rover": both words
    for (const auto& line : read_list(dir / "detect" / "street-suffixes.txt", true)) {
        const auto forms = tokenize(line);
        for (const auto& f : forms) {
            l.street_suffixes.insert(f);
            for (const auto& other : forms)
                if (other != f) l.street_variants[f].push_back(other);
        }
    }
    l.organisations = read_list(dir / "detect" / "agencies.txt", true);
    for (auto& term : read_list(dir / "detect" / "special-category.txt", true))
        if (auto t = tokenize(term); !t.empty()) {
            l.special_first.insert(t.front());
            l.special_terms.push_back(std::move(t));
        }
    for (auto& town : read_list(dir / "places" / "uk-towns.txt", true))
        if (auto t = tokenize(town); !t.empty()) {
            l.town_first.insert(t.front());
            l.towns.push_back(std::move(t));
        }
    return l;
}

} // namespace safesar
