#include "export/image_encoding.hpp"

#include "export/flate.hpp"
#include "export/jpeg_encoder.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace safesar::exporting {

namespace {
constexpr int jpeg_quality = 85;

std::uint8_t luma(const std::uint8_t* p) {
    return static_cast<std::uint8_t>((p[0] * 299 + p[1] * 587 + p[2] * 114 + 500) / 1000);
}

// Packs samples (one byte each, 0..255) into `bits`-bit samples, rows padded to a byte.
std::string pack_samples(const std::vector<std::uint8_t>& samples, int samples_per_row, int rows,
                         int bits) {
    const int levels = (1 << bits) - 1;
    const std::size_t stride = (static_cast<std::size_t>(samples_per_row) * static_cast<std::size_t>(bits) + 7) / 8;
    std::string out(stride * static_cast<std::size_t>(rows), '\0');
    for (int y = 0; y < rows; ++y) {
        const std::uint8_t* in = samples.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(samples_per_row);
        auto* row = reinterpret_cast<std::uint8_t*>(out.data()) + static_cast<std::size_t>(y) * stride;
        for (int x = 0; x < samples_per_row; ++x) {
            int q = (in[x] * levels + 127) / 255;
            int bit = x * bits;
            row[bit / 8] = static_cast<std::uint8_t>(row[bit / 8] | (q << (8 - bits - bit % 8)));
        }
    }
    return out;
}

EncodedImage flate_image(const Raster& r, const std::vector<std::uint8_t>& samples, bool colour,
                         int bits) {
    EncodedImage e;
    e.width = r.width;
    e.height = r.height;
    e.colour = colour;
    e.bits_per_component = bits;
    e.filter = ImageFilter::Flate;
    int per_row = r.width * (colour ? 3 : 1);
    if (bits == 8)
        e.data = flate_compress(std::string_view(reinterpret_cast<const char*>(samples.data()), samples.size()));
    else
        e.data = flate_compress(pack_samples(samples, per_row, r.height, bits));
    e.method = std::string(colour ? "RGB " : "grey ") + std::to_string(bits) + "-bit Flate";
    return e;
}

EncodedImage jpeg_image(const Raster& r, const std::vector<std::uint8_t>& samples, bool colour) {
    EncodedImage e;
    e.width = r.width;
    e.height = r.height;
    e.colour = colour;
    e.bits_per_component = 8;
    e.filter = ImageFilter::Dct;
    e.data = encode_jpeg(samples.data(), r.width, r.height, colour ? 3 : 1, jpeg_quality);
    e.method = colour ? "RGB JPEG" : "grey JPEG";
    return e;
}

EncodedImage smaller(EncodedImage a, EncodedImage b) {
    return a.data.size() <= b.data.size() ? std::move(a) : std::move(b);
}
} // namespace

PageClass classify_page(const Raster& raster) {
    std::size_t pixels = static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height);
    std::size_t coloured = 0, mid_tones = 0;
    const std::uint8_t* p = raster.rgb.data();
    for (std::size_t i = 0; i < pixels; ++i, p += 3) {
        int spread = std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]});
        if (spread > 32) ++coloured;
        std::uint8_t y = luma(p);
        if (y > 48 && y < 208) ++mid_tones;
    }
    PageClass c;
    // A few stray pixels (a scanner's fringe) do not make a colour page; a rule or a logo does.
    c.colour = coloured >= std::max<std::size_t>(64, pixels / 20000);
    c.document = mid_tones < pixels * 15 / 100;
    return c;
}

EncodedImage encode_page_image(const Raster& raster) {
    PageClass c = classify_page(raster);
    std::size_t pixels = static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.height);
    if (c.colour) {
        const std::vector<std::uint8_t>& rgb = raster.rgb;
        if (c.document) return smaller(flate_image(raster, rgb, true, 4), jpeg_image(raster, rgb, true));
        return smaller(flate_image(raster, rgb, true, 8), jpeg_image(raster, rgb, true));
    }
    std::vector<std::uint8_t> grey(pixels);
    for (std::size_t i = 0; i < pixels; ++i) grey[i] = luma(raster.rgb.data() + i * 3);
    if (c.document) return flate_image(raster, grey, false, 2);
    return smaller(flate_image(raster, grey, false, 8), jpeg_image(raster, grey, false));
}

} // namespace safesar::exporting
