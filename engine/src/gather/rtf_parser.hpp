// Private: RTF read by a tokenizer (groups, control words and symbols, destinations), not by
// patterns: what each destination holds goes where it belongs. The body's paragraphs and table
// rows; headers and footers; footnotes and endnotes; annotations (comments) with their authors;
// hidden text (\v) and deleted revisions (\deleted) apart; the \info group and user properties
// as document properties; field instructions; pictures (PNG and JPEG, for OCR) and embedded OLE
// objects. Shared by read_rtf and the Outlook reader (a .msg body is often RTF).
#pragma once

#include "gather/block_writer.hpp"

#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace safesar::gather_detail {

struct RtfComment {
    std::string author, initials, text;
};

struct RtfDocument {
    BlockWriter body, footnotes, endnotes, hidden, deleted;
    std::deque<std::pair<std::string, BlockWriter>> headers_footers; // ("header", text)...
    std::vector<RtfComment> comments;
    std::vector<std::pair<std::string, std::string>> properties; // ("author", "Joanne...")
    std::vector<std::string> field_codes;
    std::vector<std::string> pictures;     // PNG or JPEG bytes
    int unreadable_pictures = 0;           // WMF, EMF, device-dependent bitmaps
    std::vector<std::string> objects;      // embedded OLE objects' native data
    bool html = false;                     // \fromhtml: an HTML mail body Outlook wrapped in RTF
    std::string html_text;                 // the wrapped HTML, when html
};

// Throws RecordError (with no file name) when the bytes are not RTF or nest too deeply.
RtfDocument parse_rtf(std::string_view bytes);

} // namespace safesar::gather_detail
