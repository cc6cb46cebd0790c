#include "unlisted_people.hpp"

#include "known_terms.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace safesar {

namespace {

struct Context {
    const FoldedText& folded;
    const std::vector<Token>& tokens;
    const std::vector<bool>& taken;
    const std::string& original;
    const std::vector<std::string>& subject_tokens;
    const Lexicon& lex;

    std::string_view word(std::size_t i) const { return tokens[i].text; }
    bool cap(std::size_t i) const {
        return is_capitalised(original, folded.original_begin(tokens[i].begin));
    }
    // SHOUTING headers ("CALDER BROOK CCC") are not read for names by dictionary.
    bool all_caps(std::size_t i) const {
        std::size_t b = folded.original_begin(tokens[i].begin);
        std::size_t e = folded.original_end(tokens[i].end);
        if (e - b < 2) return false;
        for (std::size_t k = b; k < e; ++k)
            if (std::islower(static_cast<unsigned char>(original[k]))) return false;
        return true;
    }
    bool subject(std::size_t i) const {
        return std::find(subject_tokens.begin(), subject_tokens.end(), word(i)) !=
               subject_tokens.end();
    }
    bool alpha(std::size_t i) const {
        return std::all_of(tokens[i].text.begin(), tokens[i].text.end(),
                           [](char c) { return std::isalpha(static_cast<unsigned char>(c)) ||
                                               c == '\''; });
    }
    // Is there only a space (or a full stop after an initial) between tokens i and i+1?
    bool adjacent(std::size_t i) const {
        if (i + 1 >= tokens.size()) return false;
        std::string_view gap = std::string_view(folded.text)
                                   .substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end);
        return gap == " " || gap == "-" || gap == ". ";
    }
    // A capitalised word that may be part of a name: not a known non-name, not the subject's.
    bool namelike(std::size_t i) const {
        if (i >= tokens.size() || taken[i] || !cap(i) || !alpha(i) || subject(i)) return false;
        const std::string_view w = word(i);
        return w.size() >= 2 && !lex.not_names.count(w) && !lex.titles.count(w);
    }
    bool digits(std::size_t i) const {
        return i < tokens.size() && std::isdigit(static_cast<unsigned char>(tokens[i].text[0]));
    }
    // "Jan" in "9 Jan 2021", "May" in "May 2024": a month inside a date is never a name.
    bool month_in_date(std::size_t i) const {
        static const std::array<std::string_view, 17> months{
            "jan", "feb",    "mar", "apr",  "may", "jun", "june", "jul",  "july",
            "aug", "august", "sep", "sept", "oct", "nov", "dec",  "april"};
        if (std::find(months.begin(), months.end(), word(i)) == months.end()) return false;
        return (i > 0 && digits(i - 1)) || digits(i + 1);
    }
    // "black Audi A3", "his Vauxhall": a car make said as a car.
    bool car(std::size_t i) const {
        if (!lex.car_makes.count(word(i))) return false;
        static const std::array<std::string_view, 16> before{
            "a",      "an",   "the", "his",  "her",   "their", "black", "white",
            "silver", "grey", "red", "blue", "green", "gold",  "dark",  "old"};
        if (i > 0 && std::find(before.begin(), before.end(), word(i - 1)) != before.end())
            return true;
        const std::size_t n = i + 1;
        return n < tokens.size() &&
               std::any_of(tokens[n].text.begin(), tokens[n].text.end(),
                           [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
    }
    // "Ashby Scaffolding", "Hebble Bakery Ltd": a business, not a person.
    bool business_after(std::size_t i) const {
        return adjacent(i) && cap(i + 1) && lex.company_words.count(word(i + 1));
    }
    bool initial(std::size_t i) const {
        if (i >= tokens.size() || taken[i] || !cap(i) || tokens[i].text.size() != 1) return false;
        std::size_t e = tokens[i].end;
        return e < folded.text.size() && folded.text[e] == '.';
    }
};

// Extends a name that starts at `i` over the capitalised words that follow: a surname, a
// middle name, or a single initial (Lee S.).
std::size_t extend(const Context& c, std::size_t i, int max_more) {
    std::size_t last = i;
    for (int k = 0; k < max_more; ++k) {
        std::size_t n = last + 1;
        if (!c.adjacent(last)) break;
        if (c.namelike(n) && !c.all_caps(n) &&
            (c.lex.surnames.count(c.word(n)) || c.lex.given_names.count(c.word(n)) ||
             !c.lex.common_words.count(c.word(n)))) {
            last = n;
            continue;
        }
        if (c.initial(n)) last = n;
        break;
    }
    return last;
}

} // namespace

std::vector<UnlistedPerson> find_unlisted_people(const FoldedText& folded,
                                                 const std::vector<Token>& tokens,
                                                 const std::vector<bool>& taken,
                                                 const std::string& original,
                                                 const std::vector<std::string>& subject_tokens,
                                                 const Lexicon& lexicon) {
    Context c{folded, tokens, taken, original, subject_tokens, lexicon};
    std::vector<UnlistedPerson> out;
    auto emit = [&](std::size_t first, std::size_t last, std::string rule, float conf) {
        UnlistedPerson p;
        p.span.begin = folded.original_begin(tokens[first].begin);
        p.span.end = folded.original_end(tokens[last].end);
        p.span.category = Category::Name;
        p.span.rule = std::move(rule);
        p.span.confidence = conf;
        for (std::size_t k = first; k <= last; ++k)
            if (tokens[k].text.size() > 1) p.tokens.emplace_back(c.word(k));
        out.push_back(std::move(p));
    };

    // A name followed by a bracketed description: "Dean (from the Batley group)".
    auto described = [&](std::size_t i) {
        if (i + 1 >= tokens.size() || c.cap(i + 1)) return false;
        std::string_view gap = std::string_view(folded.text)
                                   .substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end);
        return gap == " (";
    };

    for (std::size_t i = 0; i < tokens.size(); ++i) {
        // A given name the requester shares, then a surname that is not his: "Owen
        // Leadbetter" when Owen is his middle name is someone else.
        if (taken[i] && c.subject(i) && lexicon.given_names.count(c.word(i)) && c.cap(i) &&
            !c.all_caps(i) && c.adjacent(i) && c.namelike(i + 1) && !c.all_caps(i + 1) &&
            !c.business_after(i) &&
            (lexicon.surnames.count(c.word(i + 1)) || !lexicon.common_words.count(c.word(i + 1)))) {
            emit(i, i + 1, kSharedGivenName, 0.8f);
            ++i;
            continue;
        }
        if (taken[i]) continue;
        const std::string_view w = c.word(i);
        const bool next_ok = c.adjacent(i) && c.namelike(i + 1);
        // 1. Titles and ranks: Mr Pemberton, DC Priya Nandra.
        if (lexicon.titles.count(w) && c.cap(i) && next_ok) {
            std::size_t last = extend(c, i + 1, 2);
            // "PC Bryony Stead": after a rank and a word that is no surname, the next
            // capitalised word is the surname even when it is also an English word.
            if (last == i + 1 && !lexicon.surnames.count(c.word(i + 1)) && c.adjacent(i + 1) &&
                c.namelike(i + 2) && !c.all_caps(i + 2) && !c.business_after(i + 1) &&
                !lexicon.street_suffixes.count(c.word(i + 2)) &&
                !lexicon.generic_place_words.count(c.word(i + 2)))
                last = i + 2;
            emit(i + 1, last, "a name after the title '" + std::string(w) + "'", 0.9f);
            i = last;
            continue;
        }
        // 2. "the Rahman family".
        if (w == "the" && next_ok && i + 2 < tokens.size() && c.word(i + 2) == "family") {
            emit(i + 1, i + 1, "a family name ('the ... family')", 0.85f);
            i += 1;
            continue;
        }
        // 3. Role cues: her sister Michelle, social worker Tom Egerton, neighbour Mr X.
        if (lexicon.role_cues.count(w) && next_ok && !c.all_caps(i + 1) &&
            !lexicon.common_words.count(c.word(i + 1))) {
            std::size_t last = extend(c, i + 1, 2);
            emit(i + 1, last, "a name after '" + std::string(w) + "'", 0.85f);
            i = last;
            continue;
        }
        // 4. A given name from the dictionary, with the surname or initial that follows.
        if (c.namelike(i) && !c.all_caps(i) && lexicon.given_names.count(w)) {
            if (c.month_in_date(i) || c.car(i) || c.business_after(i)) continue;
            std::size_t last = extend(c, i, 2);
            if (last > i && c.business_after(last - 1)) continue; // "Dale Hill Motors"
            const bool common = lexicon.common_words.count(w) > 0;
            // "Will", "Rose" alone: an ordinary word; "Dean (from the group)" is a person.
            if (common && last == i && !described(i)) continue;
            emit(i, last, "a given name from the name list", last > i ? 0.9f : 0.75f);
            i = last;
            continue;
        }
        // 5. SHOUTED names in headers and forms: a listed given name and a listed surname.
        if (c.all_caps(i) && next_ok && c.all_caps(i + 1) && lexicon.given_names.count(w) &&
            lexicon.surnames.count(c.word(i + 1)) && !lexicon.common_words.count(w) &&
            !lexicon.common_words.count(c.word(i + 1))) {
            emit(i, i + 1, "a given name and surname from the name lists, in capitals", 0.7f);
            i += 1;
            continue;
        }
        // 6. "Surname, Given" as case-management exports write people: "Pryce, Joanne".
        if (c.namelike(i) && !c.all_caps(i) && lexicon.surnames.count(w) &&
            !lexicon.common_words.count(w) && i + 1 < tokens.size() &&
            std::string_view(folded.text).substr(tokens[i].end,
                                                  tokens[i + 1].begin - tokens[i].end) == ", " &&
            c.namelike(i + 1) && lexicon.given_names.count(c.word(i + 1))) {
            emit(i, i + 1, "a surname and given name from the name lists", 0.85f);
            i += 1;
            continue;
        }
        // 7. An initial and a surname: T. Egerton, J Pryce.
        if (tokens[i].text.size() == 1 && c.cap(i) && !taken[i] && next_ok &&
            !c.all_caps(i + 1) && lexicon.surnames.count(c.word(i + 1)) &&
            !lexicon.common_words.count(c.word(i + 1)) && !lexicon.titles.count(w)) {
            emit(i, i + 1, "an initial and a surname from the name list", 0.8f);
            i += 1;
            continue;
        }
        // 8. Two capitalised words where the second is a known surname: Marcus Webb.
        if (c.namelike(i) && !c.all_caps(i) && next_ok && !c.all_caps(i + 1) &&
            lexicon.surnames.count(c.word(i + 1)) && !lexicon.given_names.count(c.word(i + 1)) &&
            !lexicon.common_words.count(w) && !c.business_after(i + 1)) {
            emit(i, i + 1, "a capitalised name with a surname from the name list", 0.8f);
            i += 1;
            continue;
        }
    }
    return out;
}

} // namespace safesar
