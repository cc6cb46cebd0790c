// Places named without a house number, where one line can say where someone now is: a town
// from the gazetteer after a place word ("settled in Barnsley", "staying with his brother in
// Ossett") and a street after one ("the primary on Kingfisher Lane", "nights at the care home
// on Fenwick Road"). Whose place it is, the detector decides from the person named before it.
#pragma once

#include "folded_text.hpp"
#include "lexicon.hpp"
#include "span.hpp"

#include <string>
#include <vector>

namespace safesar {

// Spans carry the rule "a place where someone lives" (the detector gives them an owner).
// `taken` marks tokens already claimed (known terms, organisations): those are never a place.
std::vector<Span> find_unnumbered_places(const FoldedText& folded, const std::vector<Token>& tokens,
                                         const std::vector<bool>& taken,
                                         const std::string& original, const Lexicon& lexicon);

} // namespace safesar
