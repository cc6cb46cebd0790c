// OCR of pages of one PDF. Each page (or the part of it that holds a large image) is rendered in
// the calling thread, since a Poppler document must not be used from two threads; its words come
// from the cache when the same pixels were read before, otherwise from the OCR threads, several
// pages at a time. Words come back in points, on the page as it is shown.
#pragma once

#include "ocr.hpp"
#include "ocr_cache.hpp"
#include "safesar/document.hpp"
#include "shared_pdf.hpp"

#include <poppler/cpp/poppler-document.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace safesar {

constexpr int ocr_dpi = 300; // Tesseract reads typed text best at 300 dpi

struct PageOcrJob {
    int page = 0;              // 1-based
    std::optional<Box> region; // points, page as shown; none: the whole page
};

struct PointWord {
    std::string text;
    Box box; // points, page as shown
    float confidence = 0;
    bool line_start = false;
};

struct PageOcrResult {
    int page = 0;
    std::vector<PointWord> words;
    int dpi = 0;      // resolution used: lower than asked for a very large page
    int rotation = 0; // how the scan was turned (see OcrPage)
    float skew = 0;
    bool from_cache = false;
    std::string error; // why the page could not be read; empty when it was
};

struct OcrTimeLimits {
    double read_seconds = 0;   // Tesseract on one page; 0: no limit
    double render_seconds = 0; // Poppler drawing one page for OCR; 0: no limit
};

// Results in the order of `jobs`, for the PDF `data`. A page that cannot be rendered or read,
// or takes longer than its time limit, has its `error` set. `check` runs before each page and
// may throw to stop (Cancelled, a spent time budget); nothing else is thrown.
std::vector<PageOcrResult> ocr_pages(const gather_detail::PdfBytes& data,
                                     const std::vector<PageOcrJob>& jobs, int dpi,
                                     const OcrCache& cache, OcrTimeLimits limits = {},
                                     const std::function<void()>& check = {});

// A page image made ready for OCR, and where its pixels lie on the page.
struct OcrImage {
    GrayImage image;
    int dpi = 0;                 // the resolution Tesseract is told
    double x0 = 0, y0 = 0;       // the image's top left on the page, points
    double points_per_pixel = 0; // the page's scale
};

// The same for pages that are not PDF pages (photographs, scans, embedded pictures): `make(i)`
// makes the image of page `pages[i]` in the calling thread, one page at a time, and may throw
// (the page's `error` says why). Tesseract gets `read_seconds` a page (0: no limit); `check` as
// for ocr_pages.
std::vector<PageOcrResult> ocr_page_images(const std::vector<int>& pages,
                                           const std::function<OcrImage(std::size_t)>& make,
                                           const OcrCache& cache, double read_seconds = 0,
                                           const std::function<void()>& check = {});

} // namespace safesar
