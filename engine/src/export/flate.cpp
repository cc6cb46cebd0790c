#include "export/flate.hpp"

#include "export/podofo.hpp"
#include "safesar/errors.hpp"

#include <memory>

namespace safesar::exporting {

std::string flate_compress(std::string_view data) {
    std::unique_ptr<PoDoFo::PdfFilter> filter(
        PoDoFo::PdfFilterFactory::Create(PoDoFo::ePdfFilter_FlateDecode));
    if (!filter) throw ExportError("", "PoDoFo has no Flate filter");
    char* out = nullptr;
    PoDoFo::pdf_long length = 0;
    try {
        filter->Encode(data.data(), static_cast<PoDoFo::pdf_long>(data.size()), &out, &length);
    } catch (const PoDoFo::PdfError& e) {
        PoDoFo::podofo_free(out);
        throw ExportError("", std::string("Flate compression failed: ") +
                                  PoDoFo::PdfError::ErrorMessage(e.GetError()));
    }
    std::string result(out ? out : "", static_cast<std::size_t>(length));
    PoDoFo::podofo_free(out);
    return result;
}

} // namespace safesar::exporting
