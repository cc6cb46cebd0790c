#include "export/source_pdf.hpp"

#include "export/poppler.hpp"
#include "safesar/errors.hpp"

#include <climits>

namespace safesar::exporting {

std::unique_ptr<poppler::document> open_source_pdf(const Record& record) {
    std::unique_ptr<poppler::document> doc;
    if (!record.bytes.empty()) {
        if (record.bytes.size() > static_cast<std::size_t>(INT_MAX))
            throw ExportError(record.name, "attachment too large to open");
        // A copy the document owns: a page given up after its time limit may still be drawing
        // from it when the record is gone (time_limit.hpp).
        poppler::byte_array copy(record.bytes.begin(), record.bytes.end());
        doc.reset(poppler::document::load_from_data(&copy));
    } else {
        doc.reset(poppler::document::load_from_file(record.path.string()));
    }
    if (!doc) throw ExportError(record.name, "Poppler cannot open the PDF to render it");
    if (doc->is_locked()) throw ExportError(record.name, "the PDF is password-protected");
    return doc;
}

ShownSize shown_size(const poppler::page& page) {
    poppler::rectf crop = page.page_rect(poppler::crop_box);
    bool sideways = page.orientation() == poppler::page::landscape ||
                    page.orientation() == poppler::page::seascape;
    return sideways ? ShownSize{crop.height(), crop.width()}
                    : ShownSize{crop.width(), crop.height()};
}

} // namespace safesar::exporting
