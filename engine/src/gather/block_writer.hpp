// Private: builds the text of a document-like section (a word-processor body, a header, the
// footnotes, a web page) paragraph by paragraph, recording each paragraph, heading and table row
// as a TextBlock so that export can lay the section out as the document showed it.
//
// The text is what detection reads: paragraphs one to a line (a letter's address block stays
// together, as on a PDF page), at most one blank line in a row, and a table row on one line with
// its cells separated by tabs ("Name<TAB>Sarah Okafor", as PDF text gives a form's row).
#pragma once

#include "safesar/document.hpp"

#include <string>
#include <vector>

namespace safesar::gather_detail {

class BlockWriter {
  public:
    // A paragraph (or heading, level 1-6). Runs of spaces are kept, control characters other
    // than '\n' and '\t' dropped; an empty paragraph becomes a blank line, never two in a row.
    void paragraph(std::string text, TextBlock::Style style = TextBlock::Style::Paragraph,
                   int level = 0);
    // A table row: each cell's own line breaks and tabs become spaces. A row with no text is
    // left out.
    void table_row(std::vector<std::string> cells);
    // Appends another writer's blocks (a text box read on its own, placed after a paragraph).
    void append(const BlockWriter& other);

    bool empty() const { return text_.find_first_not_of(" \t\n") == std::string::npos; }
    const std::string& text() const { return text_; }

    // The section, with trailing blank lines removed; the writer is left empty.
    Section take(SectionKind kind, std::string label);

  private:
    void start_line();
    std::string text_;
    std::vector<TextBlock> blocks_;
    bool blank_pending_ = false;
};

// Control characters other than '\n' and '\t' removed, and '\r' turned into '\n'; invalid UTF-8
// is left to the caller (the formats read here are UTF-8 or decoded before).
std::string clean_control_characters(std::string text);

// Whitespace at both ends removed.
std::string trim(std::string text);

} // namespace safesar::gather_detail
