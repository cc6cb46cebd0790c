#include "known_terms.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <regex>

namespace safesar {

bool is_capitalised(const std::string& original, std::size_t i) {
    if (i >= original.size()) return false;
    UChar32 cp;
    int32_t j = static_cast<int32_t>(i);
    U8_NEXT(original.data(), j, static_cast<int32_t>(original.size()), cp);
    return cp >= 0 && (u_isupper(cp) || u_istitle(cp));
}

namespace {

bool all_capitals(const std::string& original, std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e; ++k)
        if (!std::isupper(static_cast<unsigned char>(original[k]))) return false;
    return e > b;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

bool letter_byte(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

// The word joined by a hyphen to the text [b, e) of `original`, folded, or "" when there is
// none: "Jones" for "Smith" in "Smith-Jones", "Smith" for "Jones" in "Smith-Jones".
std::string hyphened_neighbour(const std::string& original, std::size_t b, std::size_t e) {
    auto word_from = [&](std::size_t from, bool forward) {
        std::size_t a = from, z = from;
        if (forward)
            while (z < original.size() && letter_byte(original[z]))
                ++z;
        else
            while (a > 0 && letter_byte(original[a - 1]))
                --a;
        return fold(original.substr(a, z - a));
    };
    if (e + 1 < original.size() && original[e] == '-' && letter_byte(original[e + 1]))
        return word_from(e + 1, true);
    if (b >= 2 && original[b - 1] == '-' && letter_byte(original[b - 2]))
        return word_from(b - 1, false);
    return {};
}

const std::regex& postcode_regex() {
    static const std::regex re(R"(\b([A-Za-z]{1,2}[0-9][0-9A-Za-z]?)\s*([0-9][A-Za-z]{2})\b)");
    return re;
}

std::string trim(std::string s) {
    const char* ws = " \t\r\n,.";
    s.erase(0, s.find_first_not_of(ws));
    s.erase(s.find_last_not_of(ws) + 1);
    return s;
}

} // namespace

std::vector<std::string> given_names(const Person& p) {
    std::vector<std::string> out;
    std::vector<std::string> names{p.name};
    names.insert(names.end(), p.aliases.begin(), p.aliases.end());
    for (const auto& n : names)
        if (auto t = tokenize(fold(n)); !t.empty() && t.front().size() >= 3)
            out.push_back(t.front());
    return out;
}

std::optional<std::vector<std::string>> without_trade_word(std::vector<std::string> tokens,
                                                           const Lexicon& lexicon) {
    if (tokens.size() < 3 || !lexicon.is(tokens.back(), kCompanyWord)) return std::nullopt;
    tokens.pop_back();
    return tokens;
}

KnownTerms::KnownTerms(const Case* request, const Lexicon& lexicon) : lexicon_(lexicon) {
    if (!request) return;
    // The subject first: their tokens are never used alone for anyone else.
    const Person& s = request->subject;
    for (const auto& n : std::vector<std::string>{s.name}) {
        for (auto& t : tokenize(fold(n)))
            subject_tokens_.push_back(t);
    }
    for (const auto& a : s.aliases)
        for (auto& t : tokenize(fold(a)))
            subject_tokens_.push_back(t);
    if (auto t = tokenize(fold(s.name)); t.size() >= 2) subject_surname_ = t.back();
    subject_given_ = given_names(s);
    for (const Person& p : request->parties)
        for (const auto& g : given_names(p))
            subject_given_.erase(std::remove(subject_given_.begin(), subject_given_.end(), g),
                                 subject_given_.end());
    for (const auto& a : s.addresses)
        for (auto& t : tokenize(fold(a)))
            subject_address_tokens_.push_back(t);
    // The first initials of listed adults who carry his surname (children have no titles).
    for (const Person& p : request->parties) {
        if (p.role == Role::Child || p.child_of_subject) continue;
        std::vector<std::string> names{p.name};
        names.insert(names.end(), p.aliases.begin(), p.aliases.end());
        for (const auto& n : names)
            if (const auto t = tokenize(fold(n)); t.size() >= 2 && t.back() == subject_surname_)
                shared_initials_ += t.front()[0];
    }

    // The initials he goes by: of the first word of his name and of each alias ("G. Marsh" for
    // Gordon Ellis Marsh; not "E. Marsh", whom the records would call so only if he went by it).
    std::vector<std::string> his_names{s.name};
    his_names.insert(his_names.end(), s.aliases.begin(), s.aliases.end());
    for (const auto& n : his_names)
        if (const auto t = tokenize(fold(n)); t.size() >= 2)
            subject_first_initials_ += t.front()[0];

    add_person(s, Owner{Owner::Subject, -1, Role::Subject});
    for (std::size_t i = 0; i < request->parties.size(); ++i) {
        const Person& p = request->parties[i];
        add_person(p, Owner{Owner::Party, static_cast<int>(i), p.role});
        if (!p.organisation.empty()) add_organisation(p.organisation);
    }
    for (const auto& org : lexicon.organisations)
        add_organisation(org);
}

void KnownTerms::add(Term t) {
    if (t.tokens.empty()) return;
    by_first_[t.tokens.front()].push_back(terms_.size());
    terms_.push_back(std::move(t));
}

void KnownTerms::add_person(const Person& p, const Owner& owner) {
    const bool subject = owner.kind == Owner::Subject;
    const std::string who =
        subject ? "the requester" : "the listed " + std::string(to_string(p.role));
    std::vector<std::string> names{p.name};
    names.insert(names.end(), p.aliases.begin(), p.aliases.end());
    for (const auto& name : names) {
        auto tokens = tokenize(fold(name));
        if (tokens.empty()) continue;
        add({tokens, Category::Name, owner, "matches " + who + "'s name"});
        if (tokens.size() >= 2) {
            add({{tokens.front(), tokens.back()},
                 Category::Name,
                 owner,
                 "matches " + who + "'s name"});
        }
        // A single given name or surname stands for the person, unless the requester shares it
        // (then it is the requester's, and the third party's other names still find them).
        auto single = [&](const std::string& tok, const std::string& what) {
            if (tok.size() < 2) return;
            if (!subject && contains(subject_tokens_, tok)) return;
            // A name several listed people share ("Tattersall" for the child and the father) is
            // no single one's: found, owner unknown, and policy withholds it unless it is the
            // requester's.
            if (auto it = by_first_.find(tok); !subject && it != by_first_.end())
                for (std::size_t ti : it->second) {
                    Term& other = terms_[ti];
                    if (other.tokens.size() != 1 || other.organisation) continue;
                    if (other.owner.kind == Owner::Party && other.owner.party != owner.party) {
                        other.owner = Owner{};
                        other.rule = "a name several listed people share";
                    }
                    if (other.owner.kind != Owner::Party) return; // shared already
                }
            Term t{{tok}, Category::Name, owner, "matches " + who + "'s " + what};
            t.needs_capital = lexicon_.is(tok, kCommonWord) || tok.size() <= 3;
            t.not_all_caps = tok.size() <= 3;
            add(std::move(t));
        };
        single(tokens.front(), "given name");
        // A short given name ("Kez", "Vi") only when it is no frequent English word in lower
        // case, as "sue" and "pat" are.
        if (!subject &&
            (tokens.front().size() >= 4 ||
             (tokens.front().size() >= 2 && !lexicon_.is(tokens.front(), kCommonWord | kNotName))))
            given_names_.emplace_back(tokens.front(), owner);
        if (tokens.size() >= 2) single(tokens.back(), "surname");
        for (std::size_t k = 1; k + 1 < tokens.size(); ++k)
            single(tokens[k], "middle name");
        if (tokens.size() >= 2 && (subject || !contains(subject_tokens_, tokens.back()))) {
            // Titles with an initial: Mrs O., Ms O.
            for (const char* title : {"mr", "mrs", "ms", "miss", "mx"}) {
                Term t{{title, tokens.back().substr(0, 1)},
                       Category::Name,
                       owner,
                       "matches " + who + "'s title and initial"};
                t.title_initial = true;
                add(std::move(t));
            }
            // Initial and surname: S. Okafor (the surname alone is found anyway; this
            // takes the initial with it), and run together as handles and e-mail names write
            // them ("@dmarsh"). Not the requester's when a listed adult of his family has the
            // same initial: "D. Whitlock" may be his mother Doreen.
            if (!(subject && shared_initials_.find(tokens.front()[0]) != std::string::npos)) {
                const std::string initial = tokens.front().substr(0, 1);
                add({{initial, tokens.back()},
                     Category::Name,
                     owner,
                     "matches " + who + "'s initial and surname"});
                if (tokens.back().size() >= 4)
                    add({{initial + tokens.back()},
                         Category::Name,
                         owner,
                         "matches " + who + "'s initial and surname run together"});
            }
        }
        // A surname the requester shares, with an initial he does not go by: "Z. Marsh" is his
        // wife Zoe when he is Gordon Ellis Marsh, and "E. Marsh" his mother Edna.
        if (!subject && tokens.size() >= 2 && contains(subject_tokens_, tokens.back()) &&
            subject_first_initials_.find(tokens.front()[0]) == std::string::npos)
            add({{tokens.front().substr(0, 1), tokens.back()},
                 Category::Name,
                 owner,
                 "matches " + who + "'s initial and the surname the requester shares"});
        if (tokens.size() >= 3) {
            std::vector<std::string> initials;
            for (auto& t : tokens)
                initials.push_back(t.substr(0, 1));
            add({initials, Category::Name, owner, "matches " + who + "'s initials"});
            // Every given name's initial before the surname ("S K Prothero"): his whole, where
            // the last initial alone with the surname may be someone else's.
            initials.back() = tokens.back();
            add({initials, Category::Name, owner, "matches " + who + "'s initials and surname"});
        }
        add_run_initials(tokens, owner, who);
    }
    for (const auto& a : p.addresses)
        add_address(a, owner, who);
    if (!p.school.empty()) add_place(p.school, Category::School, owner, who + "'s school");
    if (!p.workplace.empty())
        add_place(p.workplace, Category::Workplace, owner, who + "'s workplace");
}

// Initials in capitals, as logs and rotas sign entries ("given by TL", "T.L."): the first
// letters of the given name and surname, and of every name when there are three. Not a word the
// records use for anything else (an English word, an abbreviation the word list has such as GP
// or PC, a title, an acronym of the sector), and no one's when two listed people share them.
void KnownTerms::add_run_initials(const std::vector<std::string>& tokens, const Owner& owner,
                                  const std::string& who, bool listed) {
    if (tokens.size() < 2) return;
    const std::string first_last{tokens.front()[0], tokens.back()[0]};
    std::vector<std::vector<std::string>> forms{
        {first_last},                                        // "TL"
        {first_last.substr(0, 1), first_last.substr(1, 1)}}; // "T.L.", "T L"
    if (tokens.size() == 3)
        forms.push_back({std::string{tokens[0][0], tokens[1][0], tokens[2][0]}}); // "TAL"
    for (auto& form : forms) {
        if (form.size() == 1 &&
            lexicon_.is(form.front(), kEnglish | kProperNoun | kCommonWord | kTitle |
                                          kSectorAcronym | kPoliceForce | kGivenName | kSurname))
            continue;
        // Someone's already (an alias's, or another listed person's: then no one's).
        bool known = false;
        if (auto it = by_first_.find(form.front()); it != by_first_.end())
            for (std::size_t ti : it->second) {
                Term& other = terms_[ti];
                if (other.tokens != form || !other.needs_all_caps) continue;
                known = true;
                // A person found in the records does not make a listed person's initials
                // no one's: the list is what the controller knows.
                if (listed &&
                    (other.owner.kind != owner.kind || other.owner.party != owner.party)) {
                    other.owner = Owner{};
                    other.rule = "initials several listed people share";
                }
            }
        if (known) continue;
        Term t{std::move(form), Category::Name, owner, "matches " + who + "'s initials"};
        t.needs_all_caps = true;
        add(std::move(t));
    }
}

void KnownTerms::add_address(const std::string& address, const Owner& owner,
                             const std::string& who) {
    const bool subject = owner.kind == Owner::Subject;
    std::string rest = address;
    std::smatch m;
    if (std::regex_search(rest, m, postcode_regex())) {
        std::string out = fold(m[1].str()), in = fold(m[2].str());
        add({{out, in}, Category::Postcode, owner, "matches " + who + "'s postcode"});
        add({{out + in}, Category::Postcode, owner, "matches " + who + "'s postcode"});
        // Part of it places someone too: "not to enter the XX9 2 area", "moved to XX9". Not
        // when the requester's postcode shares the district: then it says nothing of hers.
        if (!subject && !in.empty() && !contains(subject_address_tokens_, out)) {
            // An area, not a postcode: no address line before it is taken with it.
            add({{out, in.substr(0, 1)},
                 Category::Address,
                 owner,
                 "matches the sector of " + who + "'s postcode"});
            add({{out},
                 Category::Address,
                 owner,
                 "matches the district of " + who + "'s postcode"});
        }
        rest = m.prefix().str() + ", " + m.suffix().str();
    }
    std::size_t start = 0;
    std::vector<std::string> flat; // "Flat 5": said only with the part after it
    while (start <= rest.size()) {
        std::size_t comma = rest.find_first_of(",\n", start);
        std::string part = trim(
            rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        start = comma == std::string::npos ? rest.size() + 1 : comma + 1;
        auto tokens = tokenize(fold(part));
        if (tokens.empty()) continue;
        // "Flat 5" and the like say nothing on their own; with the next part they are the
        // address as written ("Flat 5, Bramble House").
        if (tokens.size() == 2 && std::all_of(tokens[1].begin(), tokens[1].end(), [](char ch) {
                return std::isdigit(static_cast<unsigned char>(ch)) != 0;
            })) {
            flat = tokens;
            continue;
        }
        if (!flat.empty()) {
            std::vector<std::string> whole = flat;
            whole.insert(whole.end(), tokens.begin(), tokens.end());
            add({whole, Category::Address, owner, "matches " + who + "'s address"});
            flat.clear();
        }
        // A town the requester shares (both live in Stockport) is not the third party's.
        if (!subject && std::all_of(tokens.begin(), tokens.end(), [&](const std::string& t) {
                return contains(subject_address_tokens_, t);
            }))
            continue;
        // "41 Cotton Lane" is also written "41 Cotton Ln" (and the other way round).
        std::vector<std::vector<std::string>> forms{tokens};
        if (auto v = lexicon_.street_variants.find(tokens.back());
            tokens.size() >= 2 && v != lexicon_.street_variants.end())
            for (const auto& other : v->second) {
                forms.push_back(tokens);
                forms.back().back() = other;
            }
        for (const auto& form : forms) {
            add({form, Category::Address, owner, "matches " + who + "'s address"});
            // "9 Medlar Walk" is also written "Medlar Walk".
            if (form.size() >= 2 && std::isdigit(static_cast<unsigned char>(form[0][0]))) {
                std::vector<std::string> street(form.begin() + 1, form.end());
                Term t{street, Category::Address, owner, "matches " + who + "'s street"};
                t.house_number = form[0];
                add(std::move(t));
            }
        }
        // A boat is a home named, not numbered: "NB Silver Heron" is also "Silver Heron".
        for (const auto& boat : lexicon_.boat_words) {
            const auto kind = tokenize(boat);
            if (tokens.size() > kind.size() && std::equal(kind.begin(), kind.end(), tokens.begin()))
                add({std::vector<std::string>(tokens.begin() + static_cast<long>(kind.size()),
                                              tokens.end()),
                     Category::Address, owner, "matches the name of " + who + "'s boat"});
        }
    }
}

namespace {

// A business's name without what registers add to it: bracketed parts ("(Leeds)") and a
// legal form at the end (Ltd, Limited, plc, LLP, CIC).
std::vector<std::string> trading_name(const std::string& place) {
    std::string bare;
    int depth = 0;
    for (char ch : place) {
        if (ch == '(') ++depth;
        if (depth == 0) bare += ch;
        if (ch == ')' && depth > 0) --depth;
    }
    auto tokens = tokenize(fold(bare));
    static constexpr std::array<std::string_view, 6> forms{"ltd", "limited", "plc",
                                                           "llp", "cic",     "inc"};
    while (!tokens.empty() && std::find(forms.begin(), forms.end(), tokens.back()) != forms.end())
        tokens.pop_back();
    return tokens;
}

} // namespace

void KnownTerms::add_place(const std::string& place, Category c, const Owner& owner,
                           const std::string& what) {
    auto tokens = tokenize(fold(place));
    if (tokens.empty()) return;
    add({tokens, c, owner, "matches " + what});
    // A business is written without its legal form and its bracketed town: "Haq Motors" for
    // Haq Motors (Leeds) Ltd. That short name is the same place, and its owner's, though it
    // holds a surname the requester shares.
    const auto trading = trading_name(place);
    if (trading.size() >= 2 && trading != tokens)
        add({trading, c, owner, "matches " + what + " (its trading name)"});
    // And without its trade word: "Jade Orchid" for Jade Orchid Nails.
    if (auto bare = without_trade_word(trading, lexicon_))
        add({*bare, c, owner, "matches " + what + " (its name without the trade word)"});
    // A workplace named by its kind: "she finishes at the garden centre" for Greenacre Garden
    // Centre, "nights at the care home", "the library". The last word alone only when it says
    // more than "the home" or "the centre" would.
    if (c == Category::Workplace && tokens.size() >= 2) {
        auto kind = [&](std::size_t words) {
            std::vector<std::string> t{"the"};
            t.insert(t.end(), tokens.end() - static_cast<std::ptrdiff_t>(words), tokens.end());
            add({t, c, owner, "matches the kind of " + what});
        };
        if (tokens.size() >= 3) kind(2);
        const std::string& last = tokens.back();
        if (last != "home" && last != "house" &&
            (tokens.size() == 2 || !lexicon_.is(last, kGenericPlace)))
            kind(1);
    }
    add_acronyms(place, c, owner, what);
    std::vector<std::string> distinctive;
    for (auto& t : tokens)
        if (!lexicon_.is(t, kGenericPlace)) distinctive.push_back(t);
    if (!distinctive.empty() && distinctive.size() < tokens.size()) {
        Term t{distinctive, c, owner, "matches the distinctive part of " + what};
        t.needs_capital = distinctive.size() == 1 && lexicon_.is(distinctive[0], kCommonWord);
        add(std::move(t));
    }
}

// Schools and workplaces are written by their initials: "NGA" for Normanton Grange Academy,
// "SHRC" for Sacred Heart RC Primary School (a word in capitals kept whole, the kind of school
// left off). Three letters or more, matched only in capitals.
void KnownTerms::add_acronyms(const std::string& place, Category c, const Owner& owner,
                              const std::string& what) {
    std::vector<std::string> words; // the capitalised words, as written
    for (std::size_t b = 0; b < place.size();) {
        std::size_t e = std::min(place.find(' ', b), place.size());
        if (e > b && std::isupper(static_cast<unsigned char>(place[b])))
            words.push_back(place.substr(b, e - b));
        b = e + 1;
    }
    std::vector<std::string> forms;
    for (std::size_t n = words.size(); n >= 2; --n) {
        std::string initials, whole;
        for (std::size_t k = 0; k < n; ++k) {
            const std::string& w = words[k];
            initials += w[0];
            const bool caps = std::all_of(w.begin(), w.end(), [](char ch) {
                return std::isupper(static_cast<unsigned char>(ch)) != 0;
            });
            whole += caps ? w : w.substr(0, 1);
        }
        forms.push_back(initials);
        forms.push_back(whole);
        // Shorter forms only by leaving off the kind of place ("Primary School").
        if (!lexicon_.is(fold(words[n - 1]), kGenericPlace)) break;
    }
    for (const auto& f : forms) {
        const std::string folded = fold(f);
        if (f.size() < 3 || lexicon_.is(folded, kSectorAcronym) ||
            lexicon_.is(folded, kCommonWord) || by_first_.count(folded))
            continue;
        Term t{{folded}, c, owner, "matches the initials of " + what};
        t.needs_all_caps = true;
        add(std::move(t));
    }
}

void KnownTerms::add_other_titles(bool subject_is_mr, const Case& request) {
    // Every surname the requester goes by: her name's and her aliases' ("Ingrid Brennock" when
    // her name is Ingrid Pelham).
    std::vector<std::string> surnames;
    if (!subject_surname_.empty()) surnames.push_back(subject_surname_);
    for (const auto& a : request.subject.aliases)
        if (auto t = tokenize(fold(a));
            t.size() >= 2 && t.back().size() >= 2 && !contains(surnames, t.back()))
            surnames.push_back(t.back());
    for (const std::string& surname : surnames)
        add_other_titles(subject_is_mr, request, surname);
}

void KnownTerms::add_other_titles(bool subject_is_mr, const Case& request,
                                  const std::string& surname) {
    // Whose is it? A listed party with that surname, else someone unlisted.
    Owner owner;
    for (std::size_t i = 0; i < request.parties.size(); ++i) {
        const Person& p = request.parties[i];
        std::vector<std::string> names{p.name};
        names.insert(names.end(), p.aliases.begin(), p.aliases.end());
        for (const auto& n : names)
            if (auto t = tokenize(fold(n)); t.size() >= 2 && t.back() == surname &&
                                            !p.child_of_subject && owner.kind == Owner::Unknown)
                owner = Owner{Owner::Party, static_cast<int>(i), p.role};
    }
    const std::vector<const char*> titles = subject_is_mr
                                                ? std::vector<const char*>{"mrs", "ms", "miss"}
                                                : std::vector<const char*>{"mr"};
    for (const char* title : titles) {
        add({{title, surname},
             Category::Name,
             owner,
             "the requester's surname after a title the records do not use for the requester"});
        // "Mrs H." when he is Mr Hale: his mother, his wife, or another Mrs H; never him.
        if (surname != subject_surname_) continue;
        if (auto it = by_first_.find(title); it != by_first_.end())
            for (std::size_t ti : it->second) {
                Term& t = terms_[ti];
                if (t.title_initial && t.owner.kind == Owner::Subject) {
                    t.owner = owner;
                    t.rule = "the requester's surname's initial after a title the records do not "
                             "use for the requester";
                }
            }
    }
}

void KnownTerms::add_organisation(const std::string& name) {
    Term t{tokenize(fold(name)), Category::Name, Owner{}, ""};
    t.organisation = true;
    if (t.tokens.size() >= 2) add(std::move(t));
}

void KnownTerms::add_discovered(const std::vector<std::string>& name_tokens) {
    Owner unknown;
    for (const auto& tok : name_tokens) {
        if (tok.size() < 3 || contains(subject_tokens_, tok)) continue;
        if (lexicon_.is(tok, kNotName)) continue;
        if (by_first_.count(tok)) continue; // already known (a listed party's name)
        discovered_.insert(tok);
        Term t{{tok}, Category::Name, unknown, "the name of an unlisted person found elsewhere"};
        // In lower case too ("dermot will drop them", as messages write names), unless the
        // word is also an English one ("grace", "will").
        t.needs_capital = lexicon_.is(tok, kEnglish | kCommonWord | kTownFirst) || tok.size() <= 3;
        add(std::move(t));
    }
    // "LW" in a register's "collected by" column, when a record names Lena Wyatt.
    std::vector<std::string> full;
    for (const auto& tok : name_tokens)
        if (tok.size() >= 2 && !lexicon_.is(tok, kNotName | kTitle)) full.push_back(tok);
    if (full.size() >= 2 && full.size() <= 3 &&
        std::none_of(full.begin(), full.end(),
                     [&](const std::string& tok) { return contains(subject_tokens_, tok); }))
        add_run_initials(full, unknown, "an unlisted person found elsewhere", false);
}

void KnownTerms::add_defined_initials(const std::string& folded_initials, const Owner& owner) {
    if (auto it = by_first_.find(folded_initials); it != by_first_.end())
        for (std::size_t ti : it->second)
            if (terms_[ti].tokens.size() == 1) return;
    Term t{{folded_initials}, Category::Name, owner, "initials a record defines for someone"};
    t.needs_all_caps = true;
    add(std::move(t));
}

std::vector<Span> KnownTerms::match(const FoldedText& folded, const std::vector<Token>& tokens,
                                    const std::string& original) const {
    std::vector<Span> spans;
    for (std::size_t i = 0; i < tokens.size();) {
        auto it = by_first_.find(tokens[i].text);
        const Term* best = nullptr;
        std::size_t best_len = 0;
        if (it != by_first_.end()) {
            for (std::size_t ti : it->second) {
                const Term& t = terms_[ti];
                if (t.tokens.size() <= best_len || i + t.tokens.size() > tokens.size()) continue;
                bool ok = true;
                for (std::size_t k = 0; k < t.tokens.size() && ok; ++k)
                    ok = tokens[i + k].text == t.tokens[k];
                if (!ok) continue;
                if (t.needs_capital &&
                    !is_capitalised(original, folded.original_begin(tokens[i].begin)))
                    continue;
                if (t.not_all_caps &&
                    all_capitals(original, folded.original_begin(tokens[i].begin),
                                 folded.original_end(tokens[i].end)) &&
                    tokens[i].end - tokens[i].begin >= 2)
                    continue;
                if (t.needs_all_caps &&
                    !all_capitals(original, folded.original_begin(tokens[i].begin),
                                  folded.original_end(tokens[i].end)))
                    continue;
                if (!t.house_number.empty() && i > 0 && tokens[i - 1].text != t.house_number &&
                    std::isdigit(static_cast<unsigned char>(tokens[i - 1].text[0])))
                    continue;
                // A title and an initial followed by another initial, or by a surname some
                // other person has, are the start of that fuller name: "Mr A. B. Smith" is
                // not the "Mr A." of a listed Ms Adams.
                if (t.title_initial && i + t.tokens.size() < tokens.size()) {
                    const std::string next(tokens[i + t.tokens.size()].text);
                    bool fuller = next.size() == 1;
                    if (auto nt = by_first_.find(next); !fuller && nt != by_first_.end())
                        for (std::size_t ni : nt->second) {
                            const Term& o = terms_[ni];
                            if (o.tokens.size() == 1 && o.category == Category::Name &&
                                !o.organisation &&
                                (o.owner.kind != t.owner.kind || o.owner.party != t.owner.party))
                                fuller = true;
                        }
                    if (fuller) continue;
                }
                // A double-barrelled name that holds one of the requester's is someone else's
                // ("Mrs Smith-Jones", his daughter), unless both halves are his.
                if (t.owner.kind == Owner::Subject && t.category == Category::Name) {
                    const std::string joined = hyphened_neighbour(
                        original, folded.original_begin(tokens[i].begin),
                        folded.original_end(tokens[i + t.tokens.size() - 1].end));
                    if (!joined.empty() && !contains(subject_tokens_, joined)) continue;
                }
                // Prefer the first reading on a tie: the subject's terms come first, so their
                // own name is not redacted.
                if (best && t.tokens.size() == best_len) continue;
                best = &t;
                best_len = t.tokens.size();
            }
        }
        if (!best) {
            ++i;
            continue;
        }
        const Token& last = tokens[i + best_len - 1];
        std::size_t fb = tokens[i].begin, fe = last.end;
        Span s;
        s.begin = folded.original_begin(fb);
        s.end = folded.original_end(fe);
        s.category = best->category;
        s.owner = best->owner;
        s.confidence = best->owner.kind == Owner::Subject ? 1.0f : 0.95f;
        s.rule = best->rule;
        spans.push_back(std::move(s));
        i += best_len;
    }
    return spans;
}

} // namespace safesar
