// Forms: "Name  Craig Lennon" then "Employer  Hillgate Tyres", "Vehicle  YR19 KXT". A value
// under a label belongs to the person named in the block's last Name row; when that person is a
// third party, the whole value is theirs, even a word no other recogniser knows. In the
// requester's own block the value is his: it keeps his car's registration from being taken for
// someone else's (the detector lets it win over unattributed shapes of the same kind only).
#pragma once

#include "folded_text.hpp"
#include "span.hpp"

#include "safesar/document.hpp"

#include <vector>

namespace safesar {

// `known` are the spans already found in the section (names give each block its owner).
std::vector<Span> find_form_values(const Section& section, const FoldedText& folded,
                                   const std::vector<Span>& known);

} // namespace safesar
