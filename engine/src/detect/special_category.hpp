// Special-category information about someone other than the requester (pregnancy, mental
// health, sexual violence, drug use...): the whole sentence is a finding when it holds a term of
// dictionaries/detect/special-category.txt and names a third party, or, in a perpetrator
// request, speaks of "she/her" without naming the requester.
#pragma once

#include "folded_text.hpp"
#include "lexicon.hpp"
#include "span.hpp"

#include <string>
#include <vector>

namespace safesar {

std::vector<Span> find_special_category(const std::string& original, const FoldedText& folded,
                                        const std::vector<Token>& tokens,
                                        const std::vector<Span>& people, const Lexicon& lexicon,
                                        bool perpetrator_request);

} // namespace safesar
