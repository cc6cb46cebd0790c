// A rendered page: 8-bit RGB, rows packed without padding.
#pragma once

#include <cstdint>
#include <vector>

namespace safesar::exporting {

struct Raster {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb; // width * height * 3

    std::uint8_t* pixel(int x, int y) {
        return rgb.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                             static_cast<std::size_t>(x)) * 3;
    }
    // Paints the rectangle [x0, x1) x [y0, y1), clipped to the raster.
    void fill(int x0, int y0, int x1, int y1, std::uint8_t value);
};

} // namespace safesar::exporting
