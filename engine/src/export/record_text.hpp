// The exportable content of one disclosed record, redactions already replaced by tokens:
// e-mail header fields, CSV rows, note and body text, PDF page text. Both the PDF layout of
// text records and the JSON are made from this, so they always agree.
#pragma once

#include "export/redaction_spans.hpp"

#include <string>
#include <vector>

namespace safesar::exporting {

struct LabelledPieces {
    std::string label; // e-mail header name or CSV column; empty when the section had no fields
    std::vector<Piece> value;
};

struct PagePieces {
    int page = 0; // 1-based page of the record
    std::vector<Piece> text;
};

struct RecordText {
    std::vector<LabelledPieces> headers;           // Header sections
    std::vector<std::vector<LabelledPieces>> rows; // Row sections, one vector per row
    std::vector<std::vector<Piece>> bodies;        // Body sections
    std::vector<PagePieces> pages;                 // PageText sections, one entry per page
};

// Only sections shown_as_text() are part of it; a document's comments are laid out by
// document_text instead.
RecordText record_text(const SectionSpans& spans);

} // namespace safesar::exporting
