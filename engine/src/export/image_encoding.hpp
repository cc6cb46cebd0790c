// Compressing a page image: each page gets the smallest of the encodings that suit it, measured,
// not guessed. See docs/export.md for the figures behind the choices.
#pragma once

#include "export/raster.hpp"

#include <string>

namespace safesar::exporting {

enum class ImageFilter { Flate, Dct };

struct EncodedImage {
    int width = 0, height = 0;
    int bits_per_component = 8;
    bool colour = false; // DeviceRGB, else DeviceGray
    ImageFilter filter = ImageFilter::Flate;
    std::string data;    // the compressed stream
    std::string method;  // e.g. "grey 2-bit Flate", for the benchmark and docs
};

struct PageClass {
    bool colour = false;   // enough pixels with a real hue to matter
    bool document = false; // few mid-tones: text, lines, flat tints (not a photograph)
};
PageClass classify_page(const Raster& raster);

// Document pages: 2-bit grey (4 levels keep anti-aliased edges) or 4-bit RGB, Flate.
// Photographic pages: 8-bit Flate or JPEG, whichever is smaller.
EncodedImage encode_page_image(const Raster& raster);

} // namespace safesar::exporting
