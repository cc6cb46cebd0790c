// The recogniser registry's interface. A recogniser is one small thing that finds one kind of
// personal data in one section; the detector runs them in phases, each phase seeing what the
// earlier ones found (the people first, then shapes, then what depends on both, then whole
// sentences, and last the residue: what nothing recognised but may still identify someone).
#pragma once

#include "folded_text.hpp"
#include "known_terms.hpp"
#include "lexicon.hpp"
#include "span.hpp"

#include "safesar/document.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace safesar {

enum class Phase {
    Known,     // the requester's and the listed parties' own terms; organisations
    People,    // people nobody listed: by title, role cue, name lists, columns
    Shapes,    // patterns (phones, postcodes, references...), places, workplaces
    Derived,   // what follows from earlier spans: an address's town, a form block's values
    Sentences, // whole sentences: special-category data, whereabouts and safety arrangements
    Residue,   // last: candidate identifiers no finding covers, withheld unless the requester's
};

// Per-token facts computed once per section.
struct TokenInfo {
    std::uint32_t classes = 0; // WordClass bits of the folded word
    bool capitalised = false;  // first letter upper or title case in the original
    bool all_caps = false;     // two or more letters, none lower case
    bool alpha = false;        // letters (and inner apostrophes) only
    bool has_digit = false;
    // In a table row or an e-mail header: the field the token is in, -1 in a label between
    // fields; 0 for text without fields.
    int field = 0;
};

// The requester's pronouns as the records use them, learnt in pass 1 from the titles that go
// with the requester's surname ("Mr Hollis"): none when the records never say.
enum class Gender { Unknown, Male, Female };

// The sex a pronoun speaks of: he, him, his, himself; she, her, hers, herself.
Gender pronoun_gender(std::string_view folded_word);

// The writer's own words in an e-mail body: up to the first quoted line ("> ..."), the first
// "On ... wrote:", "-----Original Message-----", "Begin forwarded message" or a header block
// ("From: ...") that opens a quoted or forwarded message; the whole text when there is none.
std::size_t own_words_end(const std::string& body);

// What the whole case knows while a section is scanned.
struct CaseKnowledge {
    const KnownTerms& known;
    const Lexicon& lex;
    Gender subject_gender = Gender::Unknown;
    std::map<int, Gender> party_gender =
        {}; // listed parties (by index) the records speak of as he or she
    // The one victim the request lists, when it lists exactly one: whom "the victim" means.
    Owner victim = {};
};

// A listed member of staff or another agency's professional: what they write or say is the
// service's record, not a third party's words or whereabouts.
inline bool staff_like(const Owner& o) {
    return o.kind == Owner::Party && (o.role == Role::Staff || o.role == Role::Professional);
}

// A reference that names a multi-agency process ("MAPPA/SY/24/0101", "MARAC-0412"): the
// process's, whoever's name stands near it; never his own file's.
inline bool multi_agency_reference(std::string_view folded) {
    for (const char* process : {"marac", "mappa", "matac"})
        if (folded.find(process) != std::string_view::npos) return true;
    return false;
}

// A table column that says whose row it is ("Client", "Patient", "Caller"): the person the
// register is about, not a worker who deals with them (recognisers/someone_elses_row.cpp).
bool whose_column(const std::string& label);

// One section being scanned: its text folded and tokenised once, and what the phases so far
// have found.
class SectionContext {
  public:
    SectionContext(const Section& section, const CaseKnowledge& knowledge);

    const Section& section;
    const std::string& text; // the original text
    const CaseKnowledge& knowledge;
    const KnownTerms& known;
    const Lexicon& lex;
    FoldedText folded;
    std::vector<Token> tokens;
    std::vector<TokenInfo> info;
    std::vector<bool> taken;  // tokens claimed by a known person or an organisation
    std::vector<Span> people; // Name spans found so far (known and unlisted), sorted by begin
    std::vector<Span> found;  // every span found so far
    bool people_only = false; // pass 1: only the Known and People phases run
    // "I", "me", "my" before this byte are the requester's: his own words in a message he sent,
    // up to the first quoted or forwarded part. Elsewhere the first person is whoever wrote the
    // record (a worker, a witness, the victim), never presumed to be him.
    std::size_t requester_voice_end = 0;
    // The body of a message someone other than the requester sent: who sent it.
    std::optional<Owner> message_writer;
    // Does the section open as a letter to the requester ("Dear Mr Marsh,")? Then "you" and
    // "your" in it are his. Judged once, when first asked (the people are found by then).
    bool addressed_to_requester() const;

  private:
    mutable std::optional<bool> addressed_to_requester_;

  public:
    // Original byte span of token i.
    std::size_t begin_of(std::size_t i) const { return folded.original_begin(tokens[i].begin); }
    std::size_t end_of(std::size_t i) const { return folded.original_end(tokens[i].end); }
    std::string_view word(std::size_t i) const { return tokens[i].text; }
    bool is(std::size_t i, std::uint32_t classes) const { return (info[i].classes & classes) != 0; }
    // Only white space, ". " (after an initial) or "-" between tokens i and i + 1; a line break
    // counts as white space unless `same_line` (then a tab, between table cells, parts them too).
    bool adjacent(std::size_t i, bool same_line = false) const;
    // Token i stands as a title before a name: one space (in the original text) before a word
    // that is a name or no common word ("DR SHAH", not "DR  Keys returned" nor "DR Keys").
    bool spaced_as_title(std::size_t i) const;
    // Is token i the requester's initials ("GM", "GEM" for Gordon Ellis Marsh): every letter
    // the first of one of his names?
    bool requester_initials(std::size_t i) const;
    // The gap of folded text between tokens i and i + 1 (empty after the last token).
    std::string_view gap(std::size_t i) const;
    // Index of the first token that starts at or after original byte `at`.
    std::size_t token_at(std::size_t at) const;
    // Sentence boundaries (original bytes), computed on first use.
    const std::vector<std::pair<std::size_t, std::size_t>>& sentences() const;
    // The sentence (index into sentences()) that holds original byte `at`.
    std::size_t sentence_of(std::size_t at) const;
    // The bounds of that sentence; the last one for a byte past every sentence's end.
    std::pair<std::size_t, std::size_t> sentence_around(std::size_t at) const {
        return sentences()[std::min(sentence_of(at), sentences().size() - 1)];
    }
    bool same_sentence(std::size_t a, std::size_t b) const {
        return sentence_of(a) == sentence_of(b);
    }
    // The person named last before original byte `at` in the same paragraph, if any.
    const Span* last_person_before(std::size_t at) const;
    // Do the records give `person` the other sex than `g` (a listed party by the pronouns used
    // of them, anyone else by a given name that is only a woman's or only a man's)?
    bool other_sex(const Span& person, Gender g) const;
    // The name span that covers original byte `at`, if any.
    const Span* person_at(std::size_t at) const;
    // The first person (of any category) named wholly inside [b, e), if any.
    const Span* first_person_in(std::size_t b, std::size_t e) const;
    // No line break in the original text [b, e): a bounded look, never a search to the end.
    bool one_line(std::size_t b, std::size_t e) const {
        return b >= e ||
               std::string_view(text).substr(b, e - b).find('\n') == std::string_view::npos;
    }
    // Whose is a place or workplace named at [b, e) ("moved to X", "works at Y")? The person
    // mentioned last before it in its paragraph, by name or by a pronoun (when the records tell
    // the requester's sex). The requester owns it when the mention is his and nothing in its own
    // sentence points to someone else; otherwise he is only its likely owner. A place its
    // sentence keeps someone away from ("not to enter X") is nobody's it can tell, and not his.
    void attribute_place(Span& s) const;
    // Is the code at original bytes [begin, end) the requester's own reference? It follows his
    // name on the same line with no other person named between ("Participant: D. Marsh · ID
    // VP-0457", "Student: A. Jones (K1104523)"): a file's heading names whose file it is. Not a
    // reference that names a multi-agency process ("MAPPA/...": the process's, not his file's).
    bool follows_requester_on_line(std::size_t begin, std::size_t end) const;
    // Is there nothing but spaces and tabs between the start of its line and original byte
    // `at`: does what stands there open its line (a form's label, a letter's greeting)?
    bool opens_line(std::size_t at) const;

    // Does the section hold the requester's listed phone number (found by the patterns)? A call
    // note's "Caller" is then him. Computed on first use.
    bool holds_requester_phone() const;

  private:
    bool kept_away_before(std::size_t at) const;

    mutable std::optional<bool> requester_phone_;
    mutable std::optional<std::vector<std::pair<std::size_t, std::size_t>>> sentences_;
    mutable std::optional<std::vector<std::size_t>> paragraph_breaks_; // offsets of "\n\n"
};

class Recogniser {
  public:
    virtual ~Recogniser() = default;
    // A stable id, used by resolution, policy rules and the data-driven tests.
    virtual std::string_view id() const = 0;
    virtual Phase phase() const = 0;
    // Appends what it finds in the section to `out`. May read (never change) earlier phases'
    // spans; Known and People recognisers may also mark `ctx.taken`.
    virtual void find(SectionContext& ctx, std::vector<Span>& out) const = 0;
};

// The recognisers for one case, in phase order.
using Recognisers = std::vector<std::unique_ptr<Recogniser>>;

} // namespace safesar
