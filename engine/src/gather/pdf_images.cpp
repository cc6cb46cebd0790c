#include "pdf_images.hpp"

#include <poppler.h>

#include <algorithm>
#include <memory>

// glib's casting macros are C casts.
#pragma GCC diagnostic ignored "-Wold-style-cast"

namespace safesar {

namespace {

struct DocumentDeleter {
    void operator()(PopplerDocument* d) const { g_object_unref(d); }
};
struct PageDeleter {
    void operator()(PopplerPage* p) const { g_object_unref(p); }
};

std::optional<Box> large_images_of(PopplerPage* page) {
    double width = 0, height = 0;
    poppler_page_get_size(page, &width, &height); // as shown, turned pages included
    const Box whole{0, 0, width, height};
    if (whole.empty()) return std::nullopt;
    std::optional<Box> out;
    GList* list = poppler_page_get_image_mapping(page);
    for (GList* l = list; l; l = l->next) {
        const auto* m = static_cast<PopplerImageMapping*>(l->data);
        // Mapping areas have their origin at the top left of the page as shown.
        Box b{std::min(m->area.x1, m->area.x2), std::min(m->area.y1, m->area.y2),
              std::max(m->area.x1, m->area.x2), std::max(m->area.y1, m->area.y2)};
        if (b.width() * b.height() < large_image_share * width * height) continue;
        const double slack = 2; // points: images are often placed a hair past the edge
        const bool on_page =
            b.x0 >= -slack && b.y0 >= -slack && b.x1 <= width + slack && b.y1 <= height + slack;
        if (!on_page) b = whole;
        out = out ? Box{std::min(out->x0, b.x0), std::min(out->y0, b.y0), std::max(out->x1, b.x1),
                        std::max(out->y1, b.y1)}
                  : b;
    }
    poppler_page_free_image_mapping(list);
    if (out)
        *out = Box{std::max(0.0, out->x0), std::max(0.0, out->y0), std::min(width, out->x1),
                   std::min(height, out->y1)};
    return out;
}

} // namespace

std::vector<std::optional<Box>> large_image_areas(const std::vector<char>& data,
                                                  const std::vector<int>& pages) {
    std::vector<std::optional<Box>> out(pages.size());
    if (pages.empty() || data.empty()) return out;
    GBytes* bytes = g_bytes_new_static(data.data(), data.size());
    GError* error = nullptr;
    std::unique_ptr<PopplerDocument, DocumentDeleter> doc(
        poppler_document_new_from_bytes(bytes, nullptr, &error));
    g_bytes_unref(bytes);
    if (error) g_error_free(error);
    if (!doc) return out;
    const int n = poppler_document_get_n_pages(doc.get());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (pages[i] < 1 || pages[i] > n) continue;
        std::unique_ptr<PopplerPage, PageDeleter> page(
            poppler_document_get_page(doc.get(), pages[i] - 1));
        if (page) out[i] = large_images_of(page.get());
    }
    return out;
}

bool mostly_without_text(const Box& area, const std::vector<Word>& words) {
    double covered = 0;
    for (const Word& w : words) {
        if (w.hidden) continue;
        const double x = std::min(w.box.x1, area.x1) - std::max(w.box.x0, area.x0);
        const double y = std::min(w.box.y1, area.y1) - std::max(w.box.y0, area.y0);
        if (x > 0 && y > 0) covered += x * y;
    }
    return covered < 0.03 * area.width() * area.height();
}

} // namespace safesar
