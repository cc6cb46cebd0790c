// Baseline JPEG for photographic pages (libjpeg). Safe to call from several threads.
#pragma once

#include <cstdint>
#include <string>

namespace safesar::exporting {

// `components` is 1 (grey) or 3 (RGB); rows packed without padding. Throws ExportError.
std::string encode_jpeg(const std::uint8_t* pixels, int width, int height, int components,
                        int quality);

} // namespace safesar::exporting
