// Everything in a PDF besides the page text, read from its objects with qpdf: the Info
// dictionary and XMP, outline titles, annotation contents, form fields (name, value, tooltip)
// and embedded files (the EmbeddedFiles tree and file-attachment annotations). Every text string
// goes through decode_pdf_text. An annotation or a form field keeps the area it occupies on its
// page, so export can cover it when it holds a third party's data.
#pragma once

#include "gather/pdf_structure.hpp"
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

// Throws only what `check_budget` throws; a damaged part is listed in `unread`.
PdfExtras read_pdf_extras(PdfStructure& structure, const Limits& limits,
                          const std::function<void()>& check_budget);

} // namespace safesar::gather_detail
