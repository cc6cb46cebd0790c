#include "export/page_raster.hpp"

#include "export/bitmap_font.hpp"
#include "export/poppler.hpp"
#include "safesar/errors.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace safesar::exporting {

void Raster::fill(int x0, int y0, int x1, int y1, std::uint8_t value) {
    x0 = std::clamp(x0, 0, width);
    x1 = std::clamp(x1, 0, width);
    y0 = std::clamp(y0, 0, height);
    y1 = std::clamp(y1, 0, height);
    if (x0 >= x1) return;
    for (int y = y0; y < y1; ++y)
        std::memset(pixel(x0, y), value,
                    static_cast<std::size_t>(x1 - x0) * static_cast<std::size_t>(channels));
}

double effective_dpi(double dpi, double width_pt, double height_pt) {
    double pixels = width_pt * height_pt * (dpi / 72.0) * (dpi / 72.0);
    if (pixels <= max_page_pixels) return dpi;
    return dpi * std::sqrt(max_page_pixels / pixels);
}

namespace {
poppler::image render_image(const poppler::page& page, double dpi,
                            poppler::image::format_enum format) {
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(format);
    renderer.set_paper_color(0xffffffff);
    poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid() || image.format() != format)
        throw ExportError("", "Poppler could not render a page");
    return image;
}
} // namespace

bool page_has_colour(const poppler::page& page) {
    // At 50 dpi a thin coloured rule is blended with white but keeps enough hue to show. A
    // poster-sized page is looked at coarser, so the check never costs more than 4 Mpx.
    const poppler::rectf crop = page.page_rect(poppler::crop_box);
    const double area = std::max(1.0, crop.width() * crop.height());
    const double dpi = std::min(50.0, 72 * std::sqrt(4e6 / area));
    poppler::image image = render_image(page, dpi, poppler::image::format_rgb24);
    int coloured = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto* row =
            reinterpret_cast<const std::uint8_t*>(image.const_data()) +
            static_cast<std::size_t>(y) * static_cast<std::size_t>(image.bytes_per_row());
        for (int x = 0; x < image.width(); ++x) {
            const std::uint8_t* p = row + 3 * x;
            int spread = std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]});
            if (spread > 20 && ++coloured >= 4) return true;
        }
    }
    return false;
}

Raster render_page(const poppler::page& page, double dpi, bool colour) {
    poppler::image image = render_image(
        page, dpi, colour ? poppler::image::format_rgb24 : poppler::image::format_gray8);
    Raster raster;
    raster.width = image.width();
    raster.height = image.height();
    raster.channels = colour ? 3 : 1;
    std::size_t row_bytes =
        static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.channels);
    raster.pixels.resize(row_bytes * static_cast<std::size_t>(raster.height));
    const char* data = image.const_data();
    for (int y = 0; y < raster.height; ++y)
        std::memcpy(raster.pixel(0, y),
                    data + static_cast<std::size_t>(y) *
                               static_cast<std::size_t>(image.bytes_per_row()),
                    row_bytes);
    return raster;
}

void burn_boxes(Raster& raster, const std::vector<BurnBox>& boxes, double width_pt,
                double height_pt) {
    if (width_pt <= 0 || height_pt <= 0) return;
    double sx = raster.width / width_pt, sy = raster.height / height_pt;
    int pad = std::max(2, static_cast<int>(std::lround(sx * 0.75))); // ~0.75 pt
    for (const BurnBox& b : boxes) {
        int x0 = static_cast<int>(std::floor(b.box.x0 * sx)) - pad;
        int y0 = static_cast<int>(std::floor(b.box.y0 * sy)) - pad;
        int x1 = static_cast<int>(std::ceil(b.box.x1 * sx)) + pad;
        int y1 = static_cast<int>(std::ceil(b.box.y1 * sy)) + pad;
        raster.fill(x0, y0, x1, y1, 0);
    }
    // Labels after all boxes, so an overlapping box cannot paint over a label.
    for (const BurnBox& b : boxes) {
        int x0 = static_cast<int>(std::floor(b.box.x0 * sx)) - pad;
        int y0 = static_cast<int>(std::floor(b.box.y0 * sy)) - pad;
        int x1 = static_cast<int>(std::ceil(b.box.x1 * sx)) + pad;
        int y1 = static_cast<int>(std::ceil(b.box.y1 * sy)) + pad;
        // Small print: about 5 pt high whatever the resolution.
        for (int scale = std::max(1, static_cast<int>(sx * 0.8)); scale >= 1; --scale) {
            int w = bitmap_text_width(b.code, scale), h = bitmap_text_height(scale);
            if (w == 0 || w + 2 * scale > x1 - x0 || h + 2 * scale > y1 - y0) continue;
            draw_bitmap_text(raster, x0 + (x1 - x0 - w) / 2, y0 + (y1 - y0 - h) / 2, b.code, scale,
                             255);
            break;
        }
    }
}

} // namespace safesar::exporting
