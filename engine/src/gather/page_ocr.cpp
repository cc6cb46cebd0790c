#include "page_ocr.hpp"

#include "ocr_pool.hpp"
#include "safesar/errors.hpp"
#include "safesar/time_limit.hpp"

#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <future>
#include <memory>

namespace safesar {

namespace {

// An A3 page at 300 dpi is 17 Mpx; a poster-sized page is read at a lower resolution instead of
// needing gigabytes.
constexpr double max_pixels = 36e6;


Box shown_box(const poppler::page& page) {
    const auto r = page.page_rect(poppler::crop_box);
    const auto o = page.orientation();
    const bool turned = o == poppler::page::landscape || o == poppler::page::seascape;
    return turned ? Box{0, 0, r.height(), r.width()} : Box{0, 0, r.width(), r.height()};
}

OcrImage render(const poppler::document& doc, const PageOcrJob& job, int dpi) {
    std::unique_ptr<poppler::page> page(doc.create_page(job.page - 1));
    if (!page) throw RecordError("", "the page could not be read");
    const Box whole = shown_box(*page);
    Box area = whole;
    if (job.region) {
        area = Box{std::max(whole.x0, job.region->x0), std::max(whole.y0, job.region->y0),
                   std::min(whole.x1, job.region->x1), std::min(whole.y1, job.region->y1)};
        if (area.empty()) area = whole;
    }
    const double pixels = area.width() * area.height() * (dpi / 72.0) * (dpi / 72.0);
    OcrImage out;
    out.dpi = pixels > max_pixels ? static_cast<int>(dpi * std::sqrt(max_pixels / pixels)) : dpi;
    out.dpi = std::max(out.dpi, 36);
    const double k = out.dpi / 72.0;
    const int x = static_cast<int>(std::floor(area.x0 * k));
    const int y = static_cast<int>(std::floor(area.y0 * k));
    const int w = static_cast<int>(std::ceil(area.x1 * k)) - x;
    const int h = static_cast<int>(std::ceil(area.y1 * k)) - y;
    out.x0 = x / k;
    out.y0 = y / k;
    out.points_per_pixel = 1 / k;

    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_paper_color(0xffffffff);
    poppler::image img = job.region ? renderer.render_page(page.get(), out.dpi, out.dpi, x, y, w, h)
                                    : renderer.render_page(page.get(), out.dpi, out.dpi);
    if (!img.is_valid() || img.format() != poppler::image::format_gray8 || img.width() <= 0 ||
        img.height() <= 0)
        throw RecordError("", "the page could not be rendered for OCR");
    out.image.width = img.width();
    out.image.height = img.height();
    const auto row_bytes = static_cast<std::size_t>(img.width());
    out.image.pixels.resize(row_bytes * static_cast<std::size_t>(img.height()));
    for (int row = 0; row < img.height(); ++row)
        std::memcpy(out.image.pixels.data() + row_bytes * static_cast<std::size_t>(row),
                    img.const_data() + static_cast<std::size_t>(row) * img.bytes_per_row(),
                    row_bytes);
    return out;
}

void fill(PageOcrResult& r, const OcrPage& page, const OcrImage& where) {
    const double to_pt = where.points_per_pixel;
    r.rotation = page.rotation;
    r.skew = page.skew;
    r.words.clear();
    for (const OcrWord& w : page.words)
        r.words.push_back({w.text,
                           Box{where.x0 + w.x0 * to_pt, where.y0 + w.y0 * to_pt,
                               where.x0 + w.x1 * to_pt, where.y0 + w.y1 * to_pt},
                           w.confidence, w.line_start});
}

std::string reason_of(const std::exception& e) {
    if (const auto* err = dynamic_cast<const Error*>(&e)) return err->reason();
    return e.what();
}

// Renders with a time limit: a page given up keeps the document, the next page gets a fresh one.
class TimedRenderer {
  public:
    TimedRenderer(gather_detail::PdfBytes data, double seconds)
        : data_(std::move(data)), seconds_(seconds) {}

    OcrImage render(const PageOcrJob& job, int dpi) {
        if (!doc_) doc_ = gather_detail::open_shared_pdf(data_);
        if (!doc_) throw RecordError("", "the PDF could not be opened again");
        if (seconds_ <= 0) return safesar::render(*doc_, job, dpi);
        auto out = std::make_shared<OcrImage>();
        auto doc = doc_;
        if (!run_with_time_limit(
                seconds_, [doc, job, dpi, out] { *out = safesar::render(*doc, job, dpi); })) {
            doc_.reset();
            throw RecordError("", "the page took longer than " +
                                      std::to_string(std::lround(seconds_)) +
                                      " s to draw (limits.page_seconds)");
        }
        return std::move(*out);
    }

  private:
    gather_detail::PdfBytes data_;
    double seconds_;
    std::shared_ptr<poppler::document> doc_;
};

} // namespace

std::vector<PageOcrResult> ocr_pages(const gather_detail::PdfBytes& data,
                                     const std::vector<PageOcrJob>& jobs, int dpi,
                                     const OcrCache& cache, OcrTimeLimits limits,
                                     const std::function<void()>& check) {
    TimedRenderer renderer(data, limits.render_seconds);
    std::vector<int> pages;
    for (const PageOcrJob& job : jobs)
        pages.push_back(job.page);
    return ocr_page_images(
        pages, [&](std::size_t i) { return renderer.render(jobs[i], dpi); }, cache,
        limits.read_seconds, check);
}

std::vector<PageOcrResult> ocr_page_images(const std::vector<int>& pages,
                                           const std::function<OcrImage(std::size_t)>& make,
                                           const OcrCache& cache, double read_seconds,
                                           const std::function<void()>& check) {
    std::vector<PageOcrResult> results(pages.size());
    struct Pending {
        std::size_t job;
        std::string key;
        OcrImage where; // its image moved to the OCR thread
        int width, height;
        std::future<OcrPage> words;
    };
    std::deque<Pending> pending;
    auto finish = [&](Pending& p) {
        try {
            const OcrPage page = p.words.get();
            cache.store(p.key, p.width, p.height, page);
            fill(results[p.job], page, p.where);
        } catch (const std::exception& e) {
            results[p.job].error = reason_of(e);
        }
    };
    OcrPool& pool = OcrPool::shared();
    // Two pages a thread in flight keep every core busy while the next page renders, and bound
    // the memory a long scan takes to a few page images.
    const std::size_t in_flight = 2 * static_cast<std::size_t>(pool.threads());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        // Pages still in the pool finish there; their futures are dropped with `pending`.
        if (check) check();
        PageOcrResult& r = results[i];
        r.page = pages[i];
        try {
            OcrImage page = make(i);
            r.dpi = page.dpi;
            const int width = page.image.width, height = page.image.height;
            std::string key = OcrCache::key(page.image, page.dpi);
            if (auto hit = cache.load(key, width, height)) {
                fill(r, *hit, page);
                r.from_cache = true;
                continue;
            }
            while (pending.size() >= in_flight) {
                finish(pending.front());
                pending.pop_front();
            }
            std::future<OcrPage> words =
                pool.submit(std::move(page.image), page.dpi, read_seconds);
            pending.push_back(
                {i, std::move(key), std::move(page), width, height, std::move(words)});
        } catch (const Cancelled&) {
            throw;
        } catch (const std::exception& e) {
            r.error = reason_of(e);
        }
    }
    for (Pending& p : pending)
        finish(p);
    return results;
}

} // namespace safesar
