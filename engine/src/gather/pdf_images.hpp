// Large images on pages that also have text: a scanned letter pasted into a typed note, a scan
// with a typed stamp. Their words are invisible to text extraction and only OCR can read them.
// poppler-cpp cannot list a page's images, so they are read with poppler-glib.
#pragma once

#include "safesar/document.hpp"

#include <optional>
#include <vector>

namespace safesar {

// An image is large when it covers this share of the page.
constexpr double large_image_share = 0.15;

// For each page (1-based numbers in `pages`), the area to OCR in points on the page as shown:
// the box around its large images, or the whole page when Poppler cannot place them (it gives
// turned pages' images off the page). Nothing for a page without large images. `data` is the
// whole PDF file. Throws nothing: a file whose images cannot be listed yields nothing.
std::vector<std::optional<Box>> large_image_areas(const std::vector<char>& data,
                                                  const std::vector<int>& pages);

// Whether the page's own text covers so little of `area` (under 3%) that the area holds text
// only an image shows; a full-page letterhead image under typed text does not.
bool mostly_without_text(const Box& area, const std::vector<Word>& words);

} // namespace safesar
