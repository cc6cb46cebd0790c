// Laying out a document-like record's parts (see document_text.hpp) as text-page blocks: a
// caption over each part, paragraphs and headings as the document had them, table rows as
// table rows, comments as labelled fields, and sheets as tables under their column headings
// (or, when a sheet is too wide for the page, each row as "heading: value" lines).
#pragma once

#include "export/document_text.hpp"
#include "export/text_layout.hpp"

#include <vector>

namespace safesar::exporting {

// Kept text and tokens as runs of the layout ('\t' shown as a space).
std::vector<TextRun> runs_of(const std::vector<Piece>& pieces, Face face = Face::Regular);

// `width` is the text area's width in points.
std::vector<Block> document_blocks(const std::vector<DocumentPart>& parts, double width);

// Sheets with more columns than this are shown a row at a time, not as a table.
inline constexpr std::size_t max_table_columns = 6;

} // namespace safesar::exporting
