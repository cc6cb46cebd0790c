// The identifiers of the subject and every listed party, as token sequences to look for in
// folded text: full names, given names, surnames, aliases, initials, titles with initials,
// address parts, postcodes, schools and workplaces. Phones, e-mails and dates of birth are
// compared by value in patterns.cpp instead.
#pragma once

#include "folded_text.hpp"
#include "lexicon.hpp"
#include "span.hpp"

#include "safesar/case_model.hpp"

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace safesar {

struct Term {
    std::vector<std::string> tokens;
    Category category;
    Owner owner;
    std::string rule;
    bool needs_capital = false;  // a name that is also a common word: only when capitalised
    bool needs_all_caps = false; // an acronym ("NGA"): only when written in capitals
    bool not_all_caps = false;   // a short name ("Ni", "Bo"): never the acronym "NI", "BO"
    bool organisation = false;   // an organisation's name: not a person, never a finding
    bool title_initial = false;  // "Mrs O.": not when more of a name follows ("Mr A. B. Smith")
    // A street named without its house number ("Medlar Walk" of "9 Medlar Walk"): not when
    // another number stands before it ("11 Medlar Walk" is a neighbour's).
    std::string house_number = {};
};

// The given names a person goes by: the first word (three letters or more) of their name and of
// each alias, folded.
std::vector<std::string> given_names(const Person& p);

// A business's name without its trade word ("jade orchid" for Jade Orchid Nails), when it has
// two words or more left (one alone may be a surname); nothing otherwise.
std::optional<std::vector<std::string>> without_trade_word(std::vector<std::string> tokens,
                                                           const Lexicon& lexicon);

class KnownTerms {
  public:
    KnownTerms(const Case* request, const Lexicon& lexicon);

    // The requester's surname after a title of the other sex (Mrs Whitlock when the records
    // call him Mr Whitlock) is someone else: his mother, his ex-partner.
    void add_other_titles(bool subject_is_mr, const Case& request);

    // The subject's surname, folded ("" when none).
    std::string subject_surname() const { return subject_surname_; }
    // The first initials of listed adults who carry the requester's surname; empty when none.
    const std::string& shared_initials() const { return shared_initials_; }

    // Adds an unlisted person found elsewhere in the case, so every later mention is found.
    void add_discovered(const std::vector<std::string>& name_tokens);
    // Is `folded_word` a name of someone the records name but request.json does not list?
    bool discovered(std::string_view folded_word) const {
        return discovered_.find(folded_word) != discovered_.end();
    }

    // Initials a record defines for someone ("PB = Pat", "Lena Wyatt (LW)"): that person's
    // wherever they stand in capitals, even when the letters are also an abbreviation. A term
    // the request already gives (the requester's own initials) is left as it is.
    void add_defined_initials(const std::string& folded_initials, const Owner& owner);

    // Organisation names (the parties' organisations, dictionaries/agencies.txt): their words
    // are not people ("Calder Brook Child Contact Centre" names no Mr Brook).
    void add_organisation(const std::string& name);

    // Longest match at each token; spans in original offsets. `original` is the section text.
    // Organisation matches come back with an empty rule: they mark words as taken, nothing more.
    std::vector<Span> match(const FoldedText& folded, const std::vector<Token>& tokens,
                            const std::string& original) const;

    const std::vector<std::string>& subject_tokens() const { return subject_tokens_; }
    // The requester's given names that no listed person's name or alias begins with.
    const std::vector<std::string>& subject_given() const { return subject_given_; }
    // The first letters of the first word of his name and of each alias ("pd" for Philip
    // Gossage, alias Dan Gossage), folded.
    const std::string& subject_first_initials() const { return subject_first_initials_; }

    // Listed third parties' given names, folded, with their owners: four letters or more, or
    // shorter when no frequent English word ("kez", not "sue").
    const std::vector<std::pair<std::string, Owner>>& third_party_given_names() const {
        return given_names_;
    }

  private:
    void add_other_titles(bool subject_is_mr, const Case& request, const std::string& surname);
    void add(Term t);
    void add_person(const Person& p, const Owner& owner);
    // `listed`: the person is on the request; a person found only in the records never makes
    // a listed person's initials no one's.
    void add_run_initials(const std::vector<std::string>& tokens, const Owner& owner,
                          const std::string& who, bool listed = true);
    void add_address(const std::string& address, const Owner& owner, const std::string& who);
    void add_acronyms(const std::string& place, Category c, const Owner& owner,
                      const std::string& what);
    void add_place(const std::string& place, Category c, const Owner& owner,
                   const std::string& what);

    const Lexicon& lexicon_;
    std::vector<Term> terms_;
    // Looked up with the string_view of each token, without building a string.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, std::vector<std::size_t>, Hash, std::equal_to<>> by_first_;
    std::vector<std::string> subject_tokens_; // every token of the subject's names
    std::vector<std::string> subject_given_;
    std::vector<std::string> subject_address_tokens_;
    std::string subject_surname_;
    std::string shared_initials_; // of listed adults with the requester's surname
    std::string subject_first_initials_; // of the first word of his name and aliases
    std::vector<std::pair<std::string, Owner>> given_names_; // listed third parties', folded
    std::set<std::string, std::less<>> discovered_;          // unlisted people's names, folded
};

bool is_capitalised(const std::string& original, std::size_t byte_offset);

} // namespace safesar
