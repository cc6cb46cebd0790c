// Reading our own output PDF as bytes, for what Poppler's text extraction cannot show: strings
// anywhere in the file, decompressed content streams, forbidden dictionary keys and the number
// of revisions. Only ever used on files SafeSAR wrote; input PDFs are parsed by Poppler alone.
// The file is read once, in chunks, one stream at a time, so memory does not grow with it.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace safesar::exporting {

struct RawPdf {
    std::string header;          // the first line, "%PDF-1.7"
    std::string syntax;          // everything outside stream bodies (dictionaries, xref, trailer)
    int text_streams = 0;        // streams handed to the callback
    int undecodable_streams = 0; // text streams that could not be decompressed
};

// Calls `on_text_stream` with each stream that is not an image or a font, decompressed.
// `decode_streams` false (an encrypted file): streams are skipped, only the syntax is kept.
RawPdf scan_raw_pdf(const std::filesystem::path& file, bool decode_streams,
                    const std::function<void(const std::string&)>& on_text_stream);

// The literal (...) and hex <...> strings of a piece of PDF syntax, decoded to UTF-8
// (UTF-16BE with a byte order mark, else PDFDocEncoding read as Latin-1).
std::vector<std::string> pdf_strings(const std::string& syntax);

// Names of the keys a bundle must not have that occur in `syntax` ("/Annots", ...).
std::vector<std::string> forbidden_keys(const std::string& syntax);

// How often a keyword occurs ("%%EOF", "startxref").
int count_keyword(const std::string& syntax, const std::string& keyword);

} // namespace safesar::exporting
