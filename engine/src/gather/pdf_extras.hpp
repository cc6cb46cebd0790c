// Everything in a PDF besides the page text, read from its objects with qpdf: the Info
// dictionary and XMP, outline titles, annotation contents, form fields (name, value, tooltip)
// and embedded files (the EmbeddedFiles tree and file-attachment annotations). Every text string
// goes through decode_pdf_text. An annotation or a form field keeps the area it occupies on its
// page, so export can cover it when it holds a third party's data.
#pragma once

#include "safesar/document.hpp"
#include "safesar/limits.hpp"

#include <functional>
#include <string>
#include <vector>

namespace safesar::gather_detail {

struct PdfAttachment {
    std::string name; // cleaned and unique within the PDF
    std::vector<unsigned char> bytes;
};

struct PdfExtras {
    std::vector<Section> sections;
    std::vector<PdfAttachment> attachments;
    std::vector<std::string> unread; // parts not read and why, one line each
};

// The PDF `data` (the whole file) checked against the limits, then read: throws RecordError
// naming `name` when the file breaks a limit (pdf_structure.hpp), and what `check_budget`
// throws; a damaged part is listed in `unread`. No qpdf type in this header: the files that
// include qpdf are built as C++17 by clang (qpdf 11.3's JSON.hh does not compile as C++20
// there), everything else stays C++20.
PdfExtras read_pdf_structure(const std::vector<char>& data, const std::string& name,
                             const Limits& limits, const std::function<void()>& check_budget);

} // namespace safesar::gather_detail
