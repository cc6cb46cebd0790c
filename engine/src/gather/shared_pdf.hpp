// A PDF's bytes and the Poppler documents opened over them, shared: a page given up after its
// time limit (time_limit.hpp) keeps its document, and the document its bytes, while its thread
// finishes on its own; the reader opens a fresh document and goes on.
#pragma once

#include <poppler/cpp/poppler-document.h>

#include <memory>
#include <vector>

namespace safesar::gather_detail {

using PdfBytes = std::shared_ptr<const std::vector<char>>;

// A document that keeps `bytes` alive as long as it lives; null when Poppler cannot open them.
inline std::shared_ptr<poppler::document> open_shared_pdf(const PdfBytes& bytes) {
    poppler::document* doc =
        poppler::document::load_from_raw_data(bytes->data(), static_cast<int>(bytes->size()));
    if (!doc) return nullptr;
    return std::shared_ptr<poppler::document>(doc, [bytes](poppler::document* d) { delete d; });
}

} // namespace safesar::gather_detail
