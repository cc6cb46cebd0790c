// Images as pixels, for gathering (OCR) and export (the page shown in the bundle): JPEG, PNG,
// TIFF (every page), GIF, BMP and WebP with Leptonica; HEIC/HEIF with libheif (each top-level
// image a page). A page is turned upright as its EXIF orientation asks, as viewers show it.
// Damaged or truncated data is an error, never a half-grey page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace safesar::media {

enum class ImageFormat { Jpeg, Png, Tiff, Gif, Bmp, WebP, Heif, Unknown };

// From the file's signature.
ImageFormat image_format(std::string_view bytes);
const char* image_mime(ImageFormat format); // "image/jpeg"...

// The largest page decoded (width x height); a bigger one is refused, not decoded (a
// decompression bomb declares huge dimensions in a few bytes).
inline constexpr std::size_t max_image_pixels = 150'000'000;
// Pages read from one file.
inline constexpr int max_image_pages = 2000;

struct ImagePixels {
    int width = 0, height = 0;
    int channels = 1; // 1: grey, 3: RGB (only when the page has colour)
    std::vector<std::uint8_t> pixels; // rows packed
    int resolution = 0; // pixels per inch the file states, 0 when it states none
};

// Pages in the file: a TIFF's pages, a HEIF's top-level images, 1 otherwise. Throws
// RecordError (with no file name) when the data is not a readable image.
int image_page_count(std::string_view bytes);

struct DecodeOptions {
    bool grey = false;         // always one channel (for OCR)
    int width = 0, height = 0; // scale to exactly this size; 0: as stored
};

// Page `index` (0-based), upright. Throws RecordError (with no file name) when it cannot be
// decoded, is truncated or damaged, or is larger than max_image_pixels.
ImagePixels decode_image_page(std::string_view bytes, int index, const DecodeOptions& options = {});

} // namespace safesar::media
