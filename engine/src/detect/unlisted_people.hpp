// People nobody listed: a neighbour, a new partner, a group member, a police officer. Found by
// titles and ranks (Mr Pemberton, DC Nandra), by role cues (her sister Michelle, social worker
// Tom Egerton), by the given-name dictionary (Hannah Blythe, Lee S.), and by "the X family".
#pragma once

#include "folded_text.hpp"
#include "lexicon.hpp"
#include "span.hpp"

#include <string>
#include <vector>

namespace safesar {

struct UnlistedPerson {
    Span span;
    std::vector<std::string> tokens; // folded name tokens, for finding them again elsewhere
};

// The rule of a name that starts with a given name the requester shares ("Owen Leadbetter"):
// the detector lets it replace the requester's match of that given name.
inline constexpr const char* kSharedGivenName =
    "a given name the requester shares, with a surname that is not his or hers";

// `taken` marks tokens already claimed by a known person (the subject or a party).
std::vector<UnlistedPerson> find_unlisted_people(const FoldedText& folded,
                                                 const std::vector<Token>& tokens,
                                                 const std::vector<bool>& taken,
                                                 const std::string& original,
                                                 const std::vector<std::string>& subject_tokens,
                                                 const Lexicon& lexicon);

} // namespace safesar
