// What OCR found on a page, in the document model: the words as a PageText section (ocr = true)
// that detection reads like any other text and export burns and re-lays like any other page
// words; and what the reviewer is told: the page's mean confidence, and how many unsure words
// may be names, numbers or addresses (a misread name is one detection cannot find).
#pragma once

#include "page_ocr.hpp"
#include "safesar/document.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace safesar {

// Below this confidence a word is flagged when it may identify someone.
constexpr float low_ocr_confidence = 60;

// Capitalised words (names, streets, towns), numbers of four digits or more (phones, dates,
// references) and letter-digit mixes (postcodes, registrations).
bool may_identify(std::string_view word);

// Fills `out` (whose kind, label and page are kept) with the result's words, leaving out those
// that overlap a box of `taken` (words the page's own text already has). Sets the page's
// ocr_done, ocr_confidence and low_confidence_words, and adds a warning for the reviewer when
// unsure words may identify someone.
void add_ocr_words(const PageOcrResult& result, const std::vector<Box>& taken, Section& out,
                   PageInfo& info, std::vector<std::string>& warnings);

} // namespace safesar
