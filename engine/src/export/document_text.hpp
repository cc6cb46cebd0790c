// The exportable content of a document-like record (a word-processor file, a spreadsheet, a web
// page) in the order its reader shows it, redactions already replaced by tokens: captioned text
// parts with their paragraphs, headings and table rows; comments and header fields; sheets as
// tables under their column headings. The PDF layout and the JSON are both made from this, so
// they always agree. Hidden sections, metadata and form fields are never part of it.
#pragma once

#include "export/record_text.hpp"
#include "safesar/document.hpp"

#include <string>
#include <vector>

namespace safesar::exporting {

struct DocumentBlock {
    TextBlock::Style style = TextBlock::Style::Paragraph;
    int level = 0;
    std::vector<Piece> text;                // Paragraph, Heading
    std::vector<std::vector<Piece>> cells;  // TableRow
};

struct DocumentPart {
    enum class Kind { Text, Fields, Table };
    Kind kind = Kind::Text;
    // SafeSAR's own words for the part ("Header", "Comment 2", "Footnotes"), made from the
    // reader's section label; empty for a document's body.
    std::string caption;
    std::vector<DocumentBlock> blocks;                  // Text
    std::vector<LabelledPieces> fields;                 // Fields (labels are the reader's)
    std::vector<std::vector<Piece>> head;               // Table: the column headings
    std::vector<std::vector<std::vector<Piece>>> rows;  // Table: each row's cells
};

// True for the kinds laid out from document_text (Document, Spreadsheet, WebPage).
bool is_document_kind(RecordKind kind);

std::vector<DocumentPart> document_text(const SectionSpans& spans);

// The caption a section label gives: "footnotes" -> "Footnotes"; "" for "body".
std::string caption_of(const std::string& label);

} // namespace safesar::exporting
