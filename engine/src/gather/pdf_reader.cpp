// PDF records. qpdf checks the file's structure against the limits first (decompression bombs,
// object floods) and reads everything besides the page text (pdf_extras); Poppler then reads per
// page the crop box and the words with their boxes in reading order. Words that do not show when
// the page is drawn are marked hidden; pages without text are OCR'd. Embedded files become
// records of their own.
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"
#include "safesar/printable.hpp"
#include "safesar/time_limit.hpp"

#include "gather/record_budget.hpp"
#include "gather/shared_pdf.hpp"
#include "ocr_section.hpp"
#include "page_ocr.hpp"
#include "pdf_extras.hpp"
#include "pdf_images.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cwctype>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <thread>

namespace safesar {

namespace {

std::string utf8(const poppler::ustring& s) {
    auto bytes = s.to_utf8();
    return valid_utf8(std::string_view(bytes.data(), bytes.size()));
}

void quiet_poppler() {
    static std::once_flag once;
    std::call_once(
        once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::vector<char> read_all(const std::filesystem::path& file, const std::string& name,
                           std::size_t limit) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw RecordError(name, "cannot be opened: " + ec.message());
    if (size > limit)
        throw RecordError(name, "file too large (" + std::to_string(size >> 20) +
                                    " MiB; the limit is " + std::to_string(limit >> 20) +
                                    " MiB, limits.file_bytes)");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw RecordError(name, "cannot be opened");
    std::vector<char> data(static_cast<std::size_t>(size));
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (static_cast<std::size_t>(in.gcount()) != data.size())
        throw RecordError(name, "cannot be read: it changed while being read");
    return data;
}

// A word's box in the direction its text runs: `along` the line (where it begins and ends in
// reading order) and `across` it (the line's band). Poppler gives boxes on the unrotated page, so
// text printed sideways ("a landscape table set on a portrait page") runs down or up the page.
struct LineBox {
    double along_begin, along_end, across_begin, across_end;
    double height() const { return across_end - across_begin; }
};

LineBox line_box(const poppler::text_box& tb) {
    const auto r = tb.bbox();
    const double x0 = r.x(), x1 = r.x() + r.width(), y0 = r.y(), y1 = r.y() + r.height();
    switch (tb.rotation()) {
    case 1:
        return {y0, y1, x0, x1}; // runs down the page
    case 2:
        return {-x1, -x0, y0, y1}; // upside down
    case 3:
        return {-y1, -y0, x0, x1}; // runs up the page
    default:
        return {x0, x1, y0, y1};
    }
}

// Words joined into the page text: a space between words of a line, a newline between lines.
Section page_text(const std::vector<poppler::text_box>& boxes, int number) {
    Section s;
    s.kind = SectionKind::PageText;
    s.label = "page " + std::to_string(number);
    s.page = number;
    const poppler::text_box* prev = nullptr;
    for (const auto& tb : boxes) {
        std::string w = utf8(tb.text());
        if (w.empty()) continue;
        const auto r = tb.bbox();
        if (prev) {
            const LineBox p = line_box(*prev), b = line_box(tb);
            const double mid = (b.across_begin + b.across_end) / 2;
            const bool same_line = prev->rotation() == tb.rotation() && mid > p.across_begin &&
                                   mid < p.across_end && b.along_begin >= p.along_begin;
            const double gap = b.along_begin - p.along_end;
            const double size = std::max(b.height(), p.height());
            // A wide gap on a line is a column break (a form's label and value, a table's
            // cells): a tab, so that words either side are not read as one name.
            if (!same_line)
                s.text += '\n';
            else if (gap > 1.5 * size)
                s.text += '\t';
            // Two words that overlap were drawn apart (an amount set over the end of a
            // description): a word's parts never overlap, so they are never one word.
            else if (prev->has_space_after() || gap > b.height() * 0.15 || gap < -0.15 * size)
                s.text += ' ';
        }
        Word word;
        word.begin = s.text.size();
        s.text += w;
        word.end = s.text.size();
        word.box = Box{r.x(), r.y(), r.x() + r.width(), r.y() + r.height()};
        word.font_size = static_cast<float>(tb.get_font_size());
        s.words.push_back(word);
        prev = &tb;
    }
    return s;
}

// A character whose box is one flat colour in the rendered page does not show: it is white,
// drawn invisibly, hidden under a filled box, or off the visible area. A word most of whose
// letters do not show is hidden text: a classic leak of an earlier, failed redaction.
bool flat(const poppler::image& img, double scale, const poppler::rectf& r) {
    const int w = img.width(), h = img.height();
    const int x0 = std::max(0, static_cast<int>(std::floor(r.x() * scale)));
    const int y0 = std::max(0, static_cast<int>(std::floor(r.y() * scale)));
    const int x1 = std::min(w, static_cast<int>(std::ceil((r.x() + r.width()) * scale)));
    const int y1 = std::min(h, static_cast<int>(std::ceil((r.y() + r.height()) * scale)));
    if (x1 <= x0 || y1 <= y0) return true; // off the page
    int lo = 255, hi = 0;
    for (int y = y0; y < y1; ++y) {
        const auto* row = reinterpret_cast<const unsigned char*>(img.const_data()) +
                          static_cast<std::size_t>(y) * img.bytes_per_row();
        for (int x = x0; x < x1; ++x) {
            const unsigned char* px = row + 4 * x; // BGRA
            const int lum = (px[0] * 11 + px[1] * 59 + px[2] * 30) / 100;
            lo = std::min(lo, lum);
            hi = std::max(hi, lum);
        }
    }
    return hi - lo < 48;
}

// Marks the hidden words of one page; `boxes` are the page's text boxes in the order the
// section's words were made from them.
int mark_hidden_words(const poppler::page& page, const std::vector<poppler::text_box>& boxes,
                      Section& s, double pixel_limit) {
    if (s.words.empty()) return 0;
    // 72 dpi without anti-aliasing: a glyph still leaves dark pixels, and Splash draws it
    // much faster. A huge page is drawn coarser, so its image stays within the limit.
    const auto crop = page.page_rect(poppler::crop_box);
    const double area = std::max(1.0, crop.width() * crop.height());
    const double dpi = area > pixel_limit ? 72 * std::sqrt(pixel_limit / area) : 72;
    poppler::page_renderer renderer;
    poppler::image img = renderer.render_page(&page, dpi, dpi);
    if (!img.is_valid() || img.format() != poppler::image::format_argb32) return 0;
    int hidden = 0;
    std::size_t w = 0;
    for (const auto& tb : boxes) {
        const std::string text = utf8(tb.text());
        if (text.empty() || w >= s.words.size()) continue;
        Word& word = s.words[w++];
        const auto u = tb.text();
        int letters = 0, unseen = 0;
        for (std::size_t i = 0; i < u.size(); ++i) {
            if (!std::iswalnum(static_cast<wint_t>(u[i]))) continue;
            ++letters;
            unseen += flat(img, dpi / 72.0, tb.char_bbox(i));
        }
        if (letters == 0) unseen = letters = flat(img, dpi / 72.0, tb.bbox()) ? 1 : 0;
        if (letters > 0 && unseen * 2 > letters) {
            word.hidden = true;
            ++hidden;
        }
    }
    return hidden;
}

// OCR of the pages planned while reading them, several at a time; the words fill the sections
// set aside for them. A page OCR could not read is reported; an image-only one stays not
// ocr_done, so the policy covers it whole.
void run_ocr(const gather_detail::PdfBytes& data, const std::vector<PageOcrJob>& jobs,
             const std::vector<std::size_t>& targets, const GatherOptions& options, Record& r) {
    if (jobs.empty()) return;
    const auto results = ocr_pages(data, jobs, ocr_dpi, OcrCache(options.ocr_cache),
                                   {gather_detail::limits_of(options).ocr_page_seconds,
                                    gather_detail::limits_of(options).page_seconds},
                                   gather_detail::budget_check(options, r.name));
    std::vector<std::size_t> empty;
    for (std::size_t k = 0; k < jobs.size(); ++k) {
        const PageOcrResult& res = results[k];
        Section& target = r.sections[targets[k]];
        if (!res.error.empty()) {
            r.warnings.push_back("page " + std::to_string(res.page) +
                                 " could not be OCR'd: " + res.error);
        } else {
            // An image's words are new only where the page has no text of its own.
            std::vector<Box> taken;
            if (jobs[k].region)
                for (const auto& s : r.sections)
                    if (s.kind == SectionKind::PageText && s.page == res.page && !s.ocr)
                        for (const auto& w : s.words)
                            taken.push_back(w.box);
            add_ocr_words(res, taken, target, r.pages[static_cast<std::size_t>(res.page) - 1],
                          r.warnings);
        }
        if (jobs[k].region && target.words.empty()) empty.push_back(targets[k]);
    }
    // Sections set aside for images with no words go; from the last, so indices hold.
    std::sort(empty.rbegin(), empty.rend());
    for (std::size_t i : empty)
        r.sections.erase(r.sections.begin() + static_cast<std::ptrdiff_t>(i));
}

Section ocr_placeholder(int number, const std::string& what) {
    Section s;
    s.kind = SectionKind::PageText;
    s.label = "page " + std::to_string(number) + " (" + what + ")";
    s.page = number;
    s.ocr = true;
    return s;
}

// One page as read: its crop box and rotation, its words (hidden ones marked).
struct PageRead {
    PageInfo info;
    Section section;
    bool readable = false;
    std::string problem; // why a page is not readable, when known
};

// Everything a page read needs, by value: a page given up after its time limit goes on using
// it on its own thread.
struct PageTask {
    bool detect_hidden = true;
    double render_pixels = 40e6;
};

PageRead read_page(const poppler::document& doc, int i, const PageTask& task) {
    PageRead out;
    std::unique_ptr<poppler::page> page(doc.create_page(i));
    if (!page) return out;
    out.readable = true;
    PageInfo& info = out.info;
    const auto crop = page->page_rect(poppler::crop_box);
    const auto o = page->orientation();
    const bool turned = o == poppler::page::landscape || o == poppler::page::seascape;
    info.rotation = o == poppler::page::landscape     ? 90
                    : o == poppler::page::upside_down ? 180
                    : o == poppler::page::seascape    ? 270
                                                      : 0;
    info.crop =
        turned ? Box{0, 0, crop.height(), crop.width()} : Box{0, 0, crop.width(), crop.height()};
    // With font information: each word's font size, which export's text layer needs.
    const auto boxes = page->text_list(poppler::page::text_list_include_font);
    out.section = page_text(boxes, i + 1);
    if (task.detect_hidden)
        info.hidden_words = mark_hidden_words(*page, boxes, out.section, task.render_pixels);
    return out;
}

// Pages per extra thread below which one thread is quicker (opening a document costs).
constexpr int kPagesPerThread = 24;

// Reads every page. Rendering for the hidden-text check dominates, so a long PDF is split in
// contiguous runs of pages over the cores the caller allows (GatherOptions::threads; a batch
// gives each case one), each thread with a document of its own: Poppler documents are not
// shared between threads. A page that takes longer than its limit is given up (not readable)
// and the run goes on with a fresh document.
std::vector<PageRead> read_pages(const gather_detail::PdfBytes& data, int n,
                                 const GatherOptions& options, const std::string& name) {
    std::vector<PageRead> out(static_cast<std::size_t>(n));
    const Limits& limits = gather_detail::limits_of(options);
    const PageTask task{options.detect_hidden, limits.render_pixels};
    std::atomic<std::size_t> text_bytes{0};
    const unsigned cores = options.threads ? options.threads : std::thread::hardware_concurrency();
    const int threads = std::clamp(n / kPagesPerThread, 1, static_cast<int>(std::max(1u, cores)));
    auto run = [&](int first, int last) {
        std::shared_ptr<poppler::document> doc;
        for (int i = first; i < last; ++i) {
            gather_detail::check_budget(options, name); // rendering a long PDF takes a while
            if (!doc) doc = gather_detail::open_shared_pdf(data);
            if (!doc) throw RecordError(name, "the PDF could not be opened a second time");
            auto read = std::make_shared<PageRead>();
            PageRead& page = out[static_cast<std::size_t>(i)];
            if (!run_with_time_limit(limits.page_seconds,
                                     [doc, i, task, read] { *read = read_page(*doc, i, task); })) {
                doc.reset(); // still in use by the page given up
                page.problem = "it took longer than " +
                               std::to_string(std::lround(limits.page_seconds)) +
                               " s to read, limits.page_seconds";
                continue;
            }
            page = std::move(*read);
            if ((text_bytes += page.section.text.size()) > limits.record_text_bytes)
                throw RecordError(name, "more than " +
                                            std::to_string(limits.record_text_bytes >> 20) +
                                            " MiB of text (limits.record_text_bytes); not read");
        }
    };
    std::vector<std::thread> workers;
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
    for (int t = 1; t < threads; ++t)
        workers.emplace_back([&, t] {
            try {
                run(n * t / threads, n * (t + 1) / threads);
            } catch (...) {
                errors[static_cast<std::size_t>(t)] = std::current_exception();
            }
        });
    try {
        run(0, n / threads);
    } catch (...) {
        errors[0] = std::current_exception();
    }
    for (auto& w : workers)
        w.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
    return out;
}

} // namespace

Record read_pdf(const std::filesystem::path& file, const std::string& name,
                const std::vector<unsigned char>* bytes, const GatherOptions& options,
                std::vector<Record>& attachments) {
    quiet_poppler();
    const Limits& limits = gather_detail::limits_of(options);
    const gather_detail::PdfBytes shared_data = std::make_shared<const std::vector<char>>(
        bytes ? std::vector<char>(bytes->begin(), bytes->end())
              : read_all(file, name, limits.file_bytes));
    const std::vector<char>& data = *shared_data;
    if (data.empty()) throw RecordError(name, "empty file (0 bytes)");
    if (data.size() > static_cast<std::size_t>(INT_MAX))
        throw RecordError(name, "file too large for Poppler (2 GiB or more)");
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
    if (!doc) throw RecordError(name, "not a readable PDF (damaged, truncated or not a PDF)");
    if (doc->is_locked())
        throw RecordError(name, "encrypted PDF: it needs a password, so it cannot be read");
    const int n = doc->pages();
    if (n <= 0) throw RecordError(name, "PDF with no readable pages (damaged or truncated)");
    if (n > limits.pdf_pages)
        throw RecordError(name, "PDF of " + std::to_string(n) + " pages; the limit is " +
                                    std::to_string(limits.pdf_pages) + " (limits.pdf_pages)");
    // Before Poppler reads a page: the limits (throws for a bomb), then everything but the
    // page text.
    const auto check = gather_detail::budget_check(options, name);
    gather_detail::PdfExtras extras =
        gather_detail::read_pdf_structure(data, name, limits, check);

    Record r;
    r.path = file;
    r.name = name;
    r.kind = RecordKind::Pdf;
    r.mime_type = "application/pdf";
    r.unread = std::move(extras.unread);
    // Metadata first, as a reader of the file meets it; annotations and fields after the pages.
    for (auto& s : extras.sections)
        if (s.kind == SectionKind::Metadata) r.sections.push_back(std::move(s));

    // Pages with text of their own may show a large image (a pasted scan) only OCR can read.
    std::vector<std::optional<Box>> image_areas;
    if (options.ocr) {
        std::vector<int> numbers(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            numbers[static_cast<std::size_t>(i)] = i + 1;
        image_areas = large_image_areas(data, numbers);
    }
    // Each page's words and hidden-text check, on more than one thread for a long PDF.
    std::vector<PageRead> read = read_pages(shared_data, n, options, name);

    std::vector<PageOcrJob> ocr_jobs;
    std::vector<std::size_t> ocr_targets; // the section each job fills
    for (int i = 0; i < n; ++i) {
        PageRead& page = read[static_cast<std::size_t>(i)];
        PageInfo& info = page.info;
        Section& s = page.section;
        if (!page.readable) {
            // Never shown as it is: nobody has seen what it holds.
            r.unread.push_back("page " + std::to_string(i + 1) + " (" +
                               (page.problem.empty() ? "Poppler cannot open it" : page.problem) +
                               ")");
            info.unread = true;
            r.pages.push_back(info);
            continue;
        }
        // A page with no visible text is a scan (or a picture of text): only OCR can read it.
        const bool any_visible =
            std::any_of(s.words.begin(), s.words.end(), [](const Word& w) { return !w.hidden; });
        info.image_only = !any_visible;
        if (info.image_only && options.ocr) {
            // The hidden text stays for detection; the OCR words, read after this loop, take
            // the page's place.
            if (!s.words.empty()) r.sections.push_back(std::move(s));
            s = ocr_placeholder(i + 1, "OCR");
            ocr_jobs.push_back({i + 1, std::nullopt});
            ocr_targets.push_back(r.sections.size());
        }
        r.pages.push_back(info);
        r.sections.push_back(std::move(s));
        if (options.ocr && !info.image_only) {
            const auto& area = image_areas[static_cast<std::size_t>(i)];
            if (area && mostly_without_text(*area, r.sections.back().words)) {
                ocr_jobs.push_back({i + 1, area});
                ocr_targets.push_back(r.sections.size());
                r.sections.push_back(ocr_placeholder(i + 1, "OCR of an image"));
            }
        }
    }
    run_ocr(shared_data, ocr_jobs, ocr_targets, options, r);

    for (auto& s : extras.sections)
        if (s.kind != SectionKind::Metadata) r.sections.push_back(std::move(s));
    for (auto& file_inside : extras.attachments) {
        Record a;
        a.path = file;
        a.name = name + "#" + file_inside.name;
        a.parent = name;
        a.bytes = std::move(file_inside.bytes);
        attachments.push_back(std::move(a));
    }
    return r;
}

} // namespace safesar
