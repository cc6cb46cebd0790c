#include "export/image_page.hpp"

#include "media/image_decode.hpp"
#include "safesar/errors.hpp"

#include <cmath>
#include <fstream>
#include <iterator>

namespace safesar::exporting {

Raster render_image_page(const Record& record, int page_index, double width_pt, double height_pt,
                         double dpi) {
    std::string bytes;
    if (!record.bytes.empty()) {
        bytes.assign(record.bytes.begin(), record.bytes.end());
    } else {
        std::ifstream in(record.path, std::ios::binary);
        if (!in) throw ExportError(record.name, "the image file cannot be opened");
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    media::DecodeOptions options;
    options.width = std::max(1, static_cast<int>(std::lround(width_pt * dpi / 72)));
    options.height = std::max(1, static_cast<int>(std::lround(height_pt * dpi / 72)));
    media::ImagePixels pixels;
    try {
        pixels = media::decode_image_page(bytes, page_index, options);
    } catch (const Error& e) {
        throw ExportError(record.name, "page " + std::to_string(page_index + 1) + ": " + e.reason());
    }
    Raster raster;
    raster.width = pixels.width;
    raster.height = pixels.height;
    raster.channels = pixels.channels;
    raster.pixels = std::move(pixels.pixels);
    return raster;
}

} // namespace safesar::exporting
