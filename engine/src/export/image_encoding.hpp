// Compressing a page image: each page gets the smallest of the encodings that suit it, measured,
// not guessed. See docs/export.md for the figures behind the choices.
#pragma once

#include "export/raster.hpp"

#include <string>

namespace safesar::exporting {

enum class ImageFilter { Flate, Dct, G4 };

struct EncodedImage {
    int width = 0, height = 0;
    int bits_per_component = 8;
    bool colour = false; // DeviceRGB, else DeviceGray
    ImageFilter filter = ImageFilter::Flate;
    std::string data;   // the compressed stream
    std::string method; // e.g. "grey 2-bit Flate", for the benchmark and docs
};

// Black-and-white pages (text, rules, black-and-white scans: mid-tones only at the edges of
// strokes, no flat grey areas): 1-bit CCITT G4, thresholded.
// Document pages (few mid-tones: text, rules, flat tints): 2-bit grey or 4-bit RGB, Flate.
// Photographic pages: 8-bit Flate or JPEG, whichever is smaller. An RGB raster with too little
// colour to matter is encoded as grey.
EncodedImage encode_page_image(Raster raster);

} // namespace safesar::exporting
