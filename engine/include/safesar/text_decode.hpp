// Text decoding shared by the readers. Its own header, in C++17, so that the files that include
// qpdf (built by clang as C++17 in the fuzz build) declare these once, as gather.hpp does.
#pragma once

#include <string>

namespace safesar {

// UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252.
std::string decode_text(const std::string& bytes, const std::string& charset_hint = {});

// A PDF text string (titles, metadata, annotation contents, form fields, attachment names) to
// UTF-8: UTF-16BE or UTF-16LE after its byte-order mark, UTF-8 after its BOM (PDF 2.0), else
// PDFDocEncoding. Language escapes and NULs are dropped; the result is always valid UTF-8.
std::string decode_pdf_text(const std::string& raw);

} // namespace safesar
