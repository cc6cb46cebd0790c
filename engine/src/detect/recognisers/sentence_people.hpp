// Who a sentence is about: the people it names and the pronouns it uses, in order, so that a
// sentence-level recogniser (special-category data, whereabouts) can say whose each term is and
// state the facts policy decides on.
#pragma once

#include "../recogniser.hpp"

#include <optional>
#include <vector>

namespace safesar {

struct Mention {
    std::size_t at = 0; // original byte offset
    Owner owner;        // for a name: its owner; for a pronoun: the requester's when it fits him
    bool pronoun = false;
    bool subject = false; // the requester (by name, or a pronoun that fits the requester)
    // "I", "me", "my" of whoever wrote the record when that is not known to be the requester:
    // a worker, a witness, the person he harmed. Never the requester's by default.
    bool author = false;
    bool possessive = false; // "my", "mine": the writer's things, not the writer acting
};

struct SentencePeople {
    std::vector<Mention> mentions;
    std::uint32_t facts = 0; // kSubjectNamed, kOtherNamed, kSubjectPronoun, kOtherPronoun,
                             // kAboutOther ("the victim" unnamed)

    // Whose is a term at token `ti`? The object pronoun right after it ("raped her"), else the
    // nearest mention before it, else the first after it; nullptr when the sentence has none.
    // The writer's "I" is chosen only over the requester or nobody: "Dean forced me to..." in
    // a statement someone else wrote is the writer's, "Dean told me about Amy's drinking" Amy's.
    // `places`: the term is a place or routine, where "my work" is the writer's; for a state
    // of health "Sam came to my desk and was tearful" is still Sam's.
    const Mention* owner_of_term(const SectionContext& ctx, std::size_t ti,
                                 bool places = true) const;
};

// The mentions in the sentence [b, e) whose first token is `first_token`.
SentencePeople people_in_sentence(const SectionContext& ctx, std::size_t b, std::size_t e,
                                  std::size_t first_token);

// A whole sentence as a finding: its span (trimmed, with the facts of who it names) and whose
// it is: the first term about someone other than the requester makes it theirs; a sentence
// that mentions nobody ("Works days at the depot.") goes on about whoever its paragraph
// mentioned last. `terms`: the first tokens of its terms; `places`: see owner_of_term.
struct WholeSentence {
    Span span;
    std::optional<Mention> owner; // none: the sentence does not say whose
};
WholeSentence whose_sentence(const SectionContext& ctx, std::size_t b, std::size_t e,
                             const std::vector<std::size_t>& terms, bool places);

// Does the sentence's line, or (with `line_before`) the heading line just above it, speak of
// the abuser?
bool about_abuser(const SectionContext& ctx, std::size_t b, std::size_t e, bool line_before = true);

// Does the sentence [b, e) of `text` end in a question mark?
bool is_question(const std::string& text, std::size_t b, std::size_t e);

// Relation words ("mother", "partner", "nan", "kids"): a person the sentence speaks of.
bool relation_word(std::string_view folded_word);
// "his", "her", "their": whose a relation is.
bool relation_owner(std::string_view folded_word);
// "the", "a", "an", "this", "that", "these", "those": what follows is a thing or a body's name.
bool article(std::string_view folded_word);
// An article or a possessive ("our", "my", "its"): a capitalised word after one is a title's or a
// thing's, not a person's.
bool determiner(std::string_view folded_word);
// The sex a relation word gives ("mother", "husband"); Unknown for "partner", "parent".
Gender relation_gender(std::string_view folded_word);

// Trims white space off both ends of [b, e) in the section text.
void trim_span(const std::string& text, std::size_t& b, std::size_t& e);

} // namespace safesar
