// Tesseract OCR. One pair of engines (text, orientation) per thread: Tesseract's API objects are
// not shared across threads, and loading the models costs more than reading a page.
//
// A page is read as it is first; only a poor reading asks Tesseract's OSD how the scan is
// turned, and reads it again the right way up. When OSD cannot tell (too little text) the other
// three ways up are tried and the most legible reading wins. Skew up to 2 degrees is left to
// Tesseract, whose word boxes then fit the slanted words exactly; a larger skew is straightened
// with Leptonica first. Every box is mapped back to the image as it was given.
#include "ocr.hpp"

#include "safesar/errors.hpp"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

#include <dlfcn.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <numbers>
#include <optional>

namespace safesar {

namespace {

struct PixDeleter {
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

PixPtr to_pix(const GrayImage& image, int dpi) {
    PixPtr pix(pixCreate(image.width, image.height, 8));
    if (!pix) throw RecordError("tesseract", "not enough memory for a page image");
    pixSetResolution(pix.get(), dpi, dpi);
    for (int y = 0; y < image.height; ++y) {
        l_uint32* line = pixGetData(pix.get()) + y * pixGetWpl(pix.get());
        const unsigned char* row = image.pixels.data() + static_cast<std::size_t>(y) * image.width;
        for (int x = 0; x < image.width; ++x)
            SET_DATA_BYTE(line, x, row[x]);
    }
    return pix;
}

// Tesseract's LSTM runs OpenMP teams of four threads for every text line. Pages are already read
// in parallel, one per core, so the teams would only oversubscribe the cores and spin (a quarter
// more CPU for the same pages, far more on a busy machine). OMP_THREAD_LIMIT is read when libgomp
// loads, too early for a library to set; an active-levels limit of 0 makes every team a team of
// one. libgomp keeps that limit per thread, so each reading thread sets its own.
void no_openmp_teams() {
    using Setter = void (*)(int);
    static const auto set =
        reinterpret_cast<Setter>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
    if (set) set(0);
}

struct Engines {
    tesseract::TessBaseAPI text;
    tesseract::TessBaseAPI osd;
    bool has_osd = false;
};

Engines& engines() {
    thread_local std::unique_ptr<Engines> mine;
    if (mine) return *mine;
    no_openmp_teams();
    static std::mutex init; // Init reads shared model files and global parameters
    std::lock_guard lock(init);
    auto e = std::make_unique<Engines>();
    if (e->text.Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) != 0)
        throw RecordError("tesseract", "cannot start OCR: is tesseract-ocr-eng installed?");
    e->text.SetVariable("debug_file", "/dev/null"); // no "Detected 12 diacritics" on stderr
    e->has_osd = e->osd.Init(nullptr, "osd", tesseract::OEM_TESSERACT_ONLY) == 0;
    if (e->has_osd) e->osd.SetPageSegMode(tesseract::PSM_OSD_ONLY);
    mine = std::move(e);
    return *mine;
}

// Clears an engine's page however the reading ends.
struct PageScope {
    tesseract::TessBaseAPI& api;
    ~PageScope() { api.Clear(); }
};

struct Orientation {
    int clockwise = 0; // turn that puts the page upright
    bool sure = false;
};

Orientation find_orientation(Engines& e, Pix* pix, int dpi) {
    if (!e.has_osd) return {};
    PageScope scope{e.osd};
    e.osd.SetImage(pix);
    e.osd.SetSourceResolution(dpi);
    int degrees = 0;
    float confidence = 0, script_confidence = 0;
    const char* script = nullptr;
    if (!e.osd.DetectOrientationScript(&degrees, &confidence, &script, &script_confidence))
        return {};
    // OSD reports how far the text is turned clockwise; turning it back upright is the rest of
    // the circle (text turned 270 degrees is read after a quarter turn clockwise).
    if (confidence < 2.0f) return {};
    return {(360 - degrees) % 360, true};
}

// Skew to straighten, in degrees (clockwise positive, as Leptonica rotates); 0 when it is small
// enough for Tesseract or cannot be measured.
float find_skew(Pix* gray) {
    PixPtr bin(pixConvertTo1(gray, 130));
    float angle = 0, confidence = 0;
    if (!bin || pixFindSkew(bin.get(), &angle, &confidence) != 0) return 0;
    if (confidence < 3.0f || std::abs(angle) < 2.0f) return 0;
    return angle;
}

using Clock = std::chrono::steady_clock;

// Tesseract stops at the deadline on its own (its monitor is checked between words); a page
// that ran out of time is an error, not a half-read page.
std::vector<OcrWord> recognise(tesseract::TessBaseAPI& api, Pix* pix, int dpi,
                               std::optional<Clock::time_point> deadline) {
    PageScope scope{api};
    api.SetPageSegMode(tesseract::PSM_AUTO);
    api.SetImage(pix);
    api.SetSourceResolution(dpi);
    tesseract::ETEXT_DESC monitor;
    if (deadline) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now());
        monitor.set_deadline_msecs(
            static_cast<int>(std::clamp<long long>(left.count(), 1, INT_MAX)));
    }
    const int status = api.Recognize(deadline ? &monitor : nullptr);
    if (deadline && (monitor.deadline_exceeded() || Clock::now() > *deadline))
        throw RecordError("tesseract", "OCR of the page took longer than its time limit");
    if (status != 0) throw RecordError("tesseract", "OCR failed on a page");
    std::vector<OcrWord> words;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it) return words;
    do {
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
        if (!text || text[0] == '\0') continue;
        OcrWord w;
        w.text = text.get();
        if (w.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        if (!it->BoundingBox(tesseract::RIL_WORD, &w.x0, &w.y0, &w.x1, &w.y1)) continue;
        w.confidence = it->Confidence(tesseract::RIL_WORD);
        w.line_start = it->IsAtBeginningOf(tesseract::RIL_TEXTLINE);
        words.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
    return words;
}

} // namespace

void map_back(OcrWord& w, const ReadingTransform& t) {
    const bool sideways = t.clockwise == 90 || t.clockwise == 270;
    const double uw = sideways ? t.height : t.width, uh = sideways ? t.width : t.height;
    const double rad = -t.skew * std::numbers::pi / 180.0, c = std::cos(rad), s = std::sin(rad);
    double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
    const std::array<std::array<double, 2>, 4> corners{{{double(w.x0), double(w.y0)},
                                                        {double(w.x1), double(w.y0)},
                                                        {double(w.x0), double(w.y1)},
                                                        {double(w.x1), double(w.y1)}}};
    for (auto [u, v] : corners) {
        if (t.skew != 0) { // undo the rotation about the centre
            const double du = u - uw / 2, dv = v - uh / 2;
            u = uw / 2 + du * c - dv * s;
            v = uh / 2 + du * s + dv * c;
        }
        double x = u, y = v; // undo the quarter turns
        switch (t.clockwise) {
        case 90:
            x = v;
            y = t.height - u;
            break;
        case 180:
            x = t.width - u;
            y = t.height - v;
            break;
        case 270:
            x = t.width - v;
            y = u;
            break;
        default:
            break;
        }
        x0 = std::min(x0, x);
        y0 = std::min(y0, y);
        x1 = std::max(x1, x);
        y1 = std::max(y1, y);
    }
    w.x0 = std::clamp(static_cast<int>(std::floor(x0)), 0, t.width);
    w.y0 = std::clamp(static_cast<int>(std::floor(y0)), 0, t.height);
    w.x1 = std::clamp(static_cast<int>(std::ceil(x1)), 0, t.width);
    w.y1 = std::clamp(static_cast<int>(std::ceil(y1)), 0, t.height);
}

namespace {

OcrPage read_turned(Engines& e, Pix* pix, int clockwise, int dpi,
                    std::optional<Clock::time_point> deadline) {
    ReadingTransform t{pixGetWidth(pix), pixGetHeight(pix), clockwise, 0};
    PixPtr turned(clockwise ? pixRotateOrth(pix, clockwise / 90) : pixClone(pix));
    if (!turned) throw RecordError("tesseract", "not enough memory to turn a page image");
    t.skew = find_skew(turned.get());
    PixPtr straight(t.skew != 0 ? pixRotate(turned.get(), t.skew * std::numbers::pi_v<float> / 180,
                                            L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0)
                                : pixClone(turned.get()));
    if (!straight) throw RecordError("tesseract", "not enough memory to straighten a page image");
    OcrPage page;
    page.rotation = clockwise;
    page.skew = t.skew;
    page.words = recognise(e.text, straight.get(), dpi, deadline);
    for (OcrWord& w : page.words)
        map_back(w, t);
    return page;
}

// Letters and digits in words Tesseract is fairly sure of: how legible a reading is.
int legible(const OcrPage& page) {
    int n = 0;
    for (const OcrWord& w : page.words)
        if (w.confidence >= 60)
            n += static_cast<int>(std::count_if(w.text.begin(), w.text.end(), [](char ch) {
                return std::isalnum(static_cast<unsigned char>(ch)) != 0;
            }));
    return n;
}

// A reading that is clearly right: enough letters, and words Tesseract is mostly sure of. Text
// read on its side or upside down scores a mean confidence of 25-40; upright typing 85-95.
bool reads_well(const OcrPage& page) {
    if (page.words.empty()) return false;
    double total = 0;
    for (const OcrWord& w : page.words)
        total += w.confidence;
    return legible(page) >= 40 && total / static_cast<double>(page.words.size()) >= 70;
}

} // namespace

OcrPage ocr_image(const GrayImage& image, int dpi, double seconds) {
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() != static_cast<std::size_t>(image.width) * image.height)
        throw RecordError("tesseract", "page image of the wrong size");
    Engines& e = engines();
    PixPtr pix = to_pix(image, dpi);
    std::optional<Clock::time_point> deadline;
    if (seconds > 0)
        deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(seconds));
    // Most pages are upright: read them as they are, and ask OSD (which costs more than half a
    // reading) only when the reading is poor.
    OcrPage best = read_turned(e, pix.get(), 0, dpi, deadline);
    if (reads_well(best)) return best;
    const Orientation o = find_orientation(e, pix.get(), dpi);
    std::vector<int> tries;
    if (o.sure && o.clockwise != 0) tries = {o.clockwise};
    // A short note on its side gives OSD too few letters to judge: try each other way up.
    else if (!o.sure)
        tries = {90, 270, 180};
    for (int clockwise : tries) {
        OcrPage other = read_turned(e, pix.get(), clockwise, dpi, deadline);
        if (legible(other) > legible(best)) best = std::move(other);
        if (reads_well(best)) break;
    }
    return best;
}

std::string ocr_engine_version() {
    return std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " eng+osd";
}

} // namespace safesar
