// A 5x7 bitmap font (A-Z, 0-9, - . /) for the reason code printed inside a burnt box. Built in,
// so the burning needs no font engine and cannot fail.
#pragma once

#include "export/raster.hpp"

#include <string_view>

namespace safesar::exporting {

// Size of `text` at integer scale `scale`, in pixels.
int bitmap_text_width(std::string_view text, int scale);
int bitmap_text_height(int scale);

// Draws `text` with its top-left corner at (x, y); unknown characters are left blank.
void draw_bitmap_text(Raster& raster, int x, int y, std::string_view text, int scale,
                      std::uint8_t value);

} // namespace safesar::exporting
