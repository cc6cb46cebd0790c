// The rest of an address written on one line after its street: "on Tenterfield Parade,
// Pontefract", "5 Quarry Fold, Hoyland, S749QR". The town after the comma is where the street
// is, so it belongs to the same person as the street.
#pragma once

#include "lexicon.hpp"
#include "span.hpp"

#include <string>
#include <vector>

namespace safesar {

// For each address span not the requester's, a span of its comma-separated continuation (one
// to three capitalised words a part, up to a postcode, a line end or punctuation), same owner.
std::vector<Span> find_address_tails(const std::string& text, const std::vector<Span>& spans,
                                     const Lexicon& lexicon);

} // namespace safesar
