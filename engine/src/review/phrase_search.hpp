// Finding a reviewer's text in a section: folded as detection folds it (case, accents,
// apostrophes, line-end hyphens), so "o'brien" finds "O’Brien", with offsets in the original.
#pragma once

#include "safesar/document.hpp"
#include "safesar/policy.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace safesar::review {

using ByteSpan = std::pair<std::size_t, std::size_t>; // [begin, end) in the section text

// Every occurrence of `phrase` standing as whole words.
std::vector<ByteSpan> find_phrase(const std::string& section_text, const std::string& phrase);

// The occurrence of `text` that overlaps [begin, end) (one containing it preferred): where a
// changed span lands for a finding at [begin, end).
std::optional<ByteSpan> find_span_over(const std::string& section_text, const std::string& text,
                                       std::size_t begin, std::size_t end);

// A changed span must contain the finding's text or lie inside it, compared folded.
bool span_fits_finding(const std::string& span_text, const std::string& finding_text);

// What to burn for [begin, end): the boxes of a page's words it covers, or the area of a note
// or field.
std::vector<Box> boxes_for(const Section& section, std::size_t begin, std::size_t end);

// A record's title is printed on every page of it: `phrase` goes from there too ("[redacted]").
// Returns the number of places replaced.
int redact_phrase_in_title(const std::string& phrase, RecordDisclosure& rd);

// `phrase` redacted, with `reason`, wherever it stands as whole words in the record's sections
// (its title is redact_phrase_in_title's); returns the number of places.
int redact_phrase_in_sections(const std::string& phrase, const Reason& reason,
                              RecordDisclosure& rd);

} // namespace safesar::review
