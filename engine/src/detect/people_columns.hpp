// Names in the people columns of a case-management export: "brenda whitworth (mother)" under
// OtherParty, "sam (partner)" under Contact with. Exports write names in lower case or capitals
// and with no cue around them; the column says it is a person.
#pragma once

#include "folded_text.hpp"
#include "lexicon.hpp"
#include "span.hpp"

#include "safesar/document.hpp"

#include <vector>

namespace safesar {

// `taken` marks tokens already claimed by a known person or organisation: a cell holding one
// is left to that finding.
std::vector<Span> find_people_in_columns(const Section& section, const FoldedText& folded,
                                         const std::vector<Token>& tokens,
                                         const std::vector<bool>& taken, const Lexicon& lexicon);

} // namespace safesar
