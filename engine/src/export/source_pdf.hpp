// Opening a record's PDF with Poppler: from its bytes when it is an attachment, else its file.
#pragma once

#include "safesar/document.hpp"

#include <memory>

namespace poppler {
class document;
class page;
} // namespace poppler

namespace safesar::exporting {

// Throws ExportError (naming the record) when Poppler cannot open it.
std::unique_ptr<poppler::document> open_source_pdf(const Record& record);

struct ShownSize {
    double width = 0, height = 0; // points, crop box with the page's rotation applied
};
ShownSize shown_size(const poppler::page& page);

} // namespace safesar::exporting
