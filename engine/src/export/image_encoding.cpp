#include "export/image_encoding.hpp"

#include "export/flate.hpp"
#include "export/g4_encoder.hpp"
#include "export/jpeg_encoder.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace safesar::exporting {

namespace {
constexpr int jpeg_quality = 85;
// Below this a grey pixel is black on a G4 page: a little past half, so that the anti-aliased
// edges of thin strokes stay joined.
constexpr std::uint8_t g4_threshold = 144;

bool is_mid_tone(std::uint8_t v) {
    return v > 48 && v < 208;
}

// Packs 8-bit samples into `bits`-bit samples (2 or 4), rows padded to a byte.
std::string pack_samples(const std::uint8_t* samples, int samples_per_row, int rows, int bits) {
    std::array<std::uint8_t, 256> level{};
    const int levels = (1 << bits) - 1;
    for (int v = 0; v < 256; ++v)
        level[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>((v * levels + 127) / 255);
    const int per_byte = 8 / bits;
    const std::size_t stride =
        (static_cast<std::size_t>(samples_per_row) + static_cast<std::size_t>(per_byte) - 1) /
        static_cast<std::size_t>(per_byte);
    std::string out(stride * static_cast<std::size_t>(rows), '\0');
    auto* o = reinterpret_cast<std::uint8_t*>(out.data());
    for (int y = 0; y < rows; ++y) {
        const std::uint8_t* in =
            samples + static_cast<std::size_t>(y) * static_cast<std::size_t>(samples_per_row);
        std::uint8_t* row = o + static_cast<std::size_t>(y) * stride;
        for (int x = 0; x < samples_per_row; ++x)
            row[x / per_byte] = static_cast<std::uint8_t>(
                row[x / per_byte] | (level[in[x]] << (8 - bits - (x % per_byte) * bits)));
    }
    return out;
}

EncodedImage make_image(const Raster& r, bool colour, int bits, ImageFilter filter,
                        std::string data) {
    EncodedImage e;
    e.width = r.width;
    e.height = r.height;
    e.colour = colour;
    e.bits_per_component = bits;
    e.filter = filter;
    e.data = std::move(data);
    e.method =
        std::string(colour ? "RGB " : "grey ") +
        (filter == ImageFilter::Dct ? std::string("JPEG") : std::to_string(bits) + "-bit Flate");
    return e;
}

EncodedImage flate_image(const Raster& r, bool colour, int bits) {
    const int per_row = r.width * r.channels;
    if (bits == 8)
        return make_image(r, colour, 8, ImageFilter::Flate,
                          flate_compress(std::string_view(
                              reinterpret_cast<const char*>(r.pixels.data()), r.pixels.size())));
    return make_image(r, colour, bits, ImageFilter::Flate,
                      flate_compress(pack_samples(r.pixels.data(), per_row, r.height, bits)));
}

// Anti-aliased text has mid-tones only along the edges of strokes; a grey tint, a shaded box or a
// photograph has areas of them. A mid-tone pixel whose four neighbours are mid-tones too belongs
// to such an area. A page with almost none of those loses nothing readable at 1 bit.
bool black_and_white(const Raster& r) {
    if (r.channels != 1 || r.width < 3 || r.height < 3) return false;
    const std::size_t w = static_cast<std::size_t>(r.width);
    const std::size_t allowed = r.size() / 5000; // 0.02%: specks, never a tinted box of text
    std::size_t flat = 0;
    for (std::size_t y = 1; y + 1 < static_cast<std::size_t>(r.height); ++y) {
        const std::uint8_t* row = r.pixels.data() + y * w;
        for (std::size_t x = 1; x + 1 < w; ++x) {
            if (!is_mid_tone(row[x])) continue;
            if (is_mid_tone(row[x - 1]) && is_mid_tone(row[x + 1]) && is_mid_tone(row[x - w]) &&
                is_mid_tone(row[x + w]) && ++flat > allowed)
                return false;
        }
    }
    return true;
}

EncodedImage g4_image(const Raster& r) {
    const std::size_t stride = (static_cast<std::size_t>(r.width) + 7) / 8;
    std::vector<std::uint8_t> bits(stride * static_cast<std::size_t>(r.height), 0);
    for (std::size_t y = 0; y < static_cast<std::size_t>(r.height); ++y) {
        const std::uint8_t* in = r.pixels.data() + y * static_cast<std::size_t>(r.width);
        std::uint8_t* out = bits.data() + y * stride;
        for (std::size_t x = 0; x < static_cast<std::size_t>(r.width); ++x)
            if (in[x] < g4_threshold) out[x / 8] |= static_cast<std::uint8_t>(0x80 >> (x % 8));
    }
    EncodedImage e;
    e.width = r.width;
    e.height = r.height;
    e.bits_per_component = 1;
    e.filter = ImageFilter::G4;
    e.data = encode_g4(bits.data(), r.width, r.height);
    e.method = "black-and-white G4";
    return e;
}

EncodedImage jpeg_image(const Raster& r, bool colour) {
    return make_image(r, colour, 8, ImageFilter::Dct,
                      encode_jpeg(r.pixels.data(), r.width, r.height, r.channels, jpeg_quality));
}

EncodedImage smaller(EncodedImage a, EncodedImage b) {
    return a.data.size() <= b.data.size() ? std::move(a) : std::move(b);
}

std::uint8_t luma(const std::uint8_t* p) {
    return static_cast<std::uint8_t>((p[0] * 77 + p[1] * 150 + p[2] * 29 + 128) >> 8);
}
} // namespace

EncodedImage encode_page_image(Raster r) {
    const std::size_t pixels = r.size();
    std::size_t mid_tones = 0;
    if (r.channels == 3) {
        // One pass: colour count, mid-tones, and the grey version in case colour does not matter.
        std::size_t coloured = 0;
        std::vector<std::uint8_t> grey(pixels);
        const std::uint8_t* p = r.pixels.data();
        for (std::size_t i = 0; i < pixels; ++i, p += 3) {
            int spread = std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]});
            coloured += spread > 32;
            grey[i] = luma(p);
            mid_tones += is_mid_tone(grey[i]);
        }
        bool document = mid_tones < pixels * 15 / 100;
        // A few stray pixels (a scanner's fringe) do not make a colour page; a rule or a logo does.
        if (coloured >= std::max<std::size_t>(64, pixels / 20000)) {
            if (document) return smaller(flate_image(r, true, 4), jpeg_image(r, true));
            return smaller(flate_image(r, true, 8), jpeg_image(r, true));
        }
        r.pixels = std::move(grey);
        r.channels = 1;
    } else {
        for (std::uint8_t v : r.pixels)
            mid_tones += is_mid_tone(v);
    }
    if (mid_tones < pixels * 15 / 100) {
        // Not measured against 2-bit Flate: on such a page G4 is always well under half of it
        // (docs/performance.md), and encoding both would double the encoding time.
        if (black_and_white(r)) return g4_image(r);
        return flate_image(r, false, 2);
    }
    return smaller(flate_image(r, false, 8), jpeg_image(r, false));
}

} // namespace safesar::exporting
