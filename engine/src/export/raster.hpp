// A rendered page: 8-bit grey (1 channel) or RGB (3 channels), rows packed without padding.
#pragma once

#include <cstdint>
#include <vector>

namespace safesar::exporting {

struct Raster {
    int width = 0, height = 0;
    int channels = 1; // 1: grey, 3: RGB
    std::vector<std::uint8_t> pixels;

    std::uint8_t* pixel(int x, int y) {
        return pixels.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                                static_cast<std::size_t>(x)) *
                                   static_cast<std::size_t>(channels);
    }
    std::size_t size() const {
        return static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    }
    // Paints the rectangle [x0, x1) x [y0, y1), clipped to the raster.
    void fill(int x0, int y0, int x1, int y1, std::uint8_t value);
};

} // namespace safesar::exporting
