// Tesseract OCR. One engine per thread (Tesseract's API objects are not shared across threads).
// Orientation is found with Tesseract's own OSD when its data is installed; a page turned on
// its side is read the right way up and the boxes are turned back.
#include "ocr.hpp"

#include "safesar/errors.hpp"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <memory>

namespace safesar {

namespace {

struct PixDeleter {
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

PixPtr to_pix(const GrayImage& image) {
    PixPtr pix(pixCreate(image.width, image.height, 8));
    for (int y = 0; y < image.height; ++y) {
        l_uint32* line = pixGetData(pix.get()) + y * pixGetWpl(pix.get());
        for (int x = 0; x < image.width; ++x)
            SET_DATA_BYTE(line, x, image.pixels[static_cast<std::size_t>(y) * image.width + x]);
    }
    return pix;
}

tesseract::TessBaseAPI& engine() {
    thread_local std::unique_ptr<tesseract::TessBaseAPI> api;
    if (!api) {
        auto a = std::make_unique<tesseract::TessBaseAPI>();
        if (a->Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) != 0)
            throw RecordError("tesseract", "cannot start OCR: is tesseract-ocr-eng installed?");
        api = std::move(a);
    }
    return *api;
}

// Degrees the page must be turned clockwise to be upright; 0 when OSD is unsure or absent.
int detect_rotation(tesseract::TessBaseAPI& api, Pix* pix) {
    tesseract::TessBaseAPI osd;
    if (osd.Init(nullptr, "osd", tesseract::OEM_TESSERACT_ONLY) != 0) return 0;
    osd.SetPageSegMode(tesseract::PSM_OSD_ONLY);
    osd.SetImage(pix);
    int orient_deg = 0;
    float orient_conf = 0;
    const char* script = nullptr;
    float script_conf = 0;
    if (!osd.DetectOrientationScript(&orient_deg, &orient_conf, &script, &script_conf)) return 0;
    (void)api;
    return orient_conf >= 2.0f ? orient_deg : 0;
}

} // namespace

std::vector<OcrWord> ocr_image(const GrayImage& image, int dpi) {
    auto& api = engine();
    PixPtr pix = to_pix(image);
    int rotation = detect_rotation(api, pix.get());
    PixPtr upright;
    if (rotation == 90 || rotation == 180 || rotation == 270) {
        // OSD reports how the text is turned; rotate it back so Tesseract reads upright lines.
        int quads = rotation / 90;
        upright.reset(pixRotateOrth(pix.get(), quads));
    }
    Pix* used = upright ? upright.get() : pix.get();
    api.SetPageSegMode(tesseract::PSM_AUTO);
    api.SetImage(used);
    api.SetSourceResolution(dpi);
    if (api.Recognize(nullptr) != 0) throw RecordError("tesseract", "OCR failed on a page");

    const int uw = pixGetWidth(used), uh = pixGetHeight(used);
    std::vector<OcrWord> words;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it) return words;
    do {
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
        if (!text || text[0] == '\0') continue;
        int x0, y0, x1, y1;
        if (!it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) continue;
        OcrWord w{text.get(), x0, y0, x1, y1, it->Confidence(tesseract::RIL_WORD),
                  it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)};
        // Boxes back into the original image's orientation.
        auto map = [&](int x, int y, int& ox, int& oy) {
            switch (rotation) {
            case 90: ox = image.width - 1 - y; oy = x; break;   // upright = orig turned cw
            case 180: ox = uw - 1 - x; oy = uh - 1 - y; break;
            case 270: ox = y; oy = image.height - 1 - x; break;
            default: ox = x; oy = y;
            }
        };
        int ax, ay, bx, by;
        map(x0, y0, ax, ay);
        map(x1, y1, bx, by);
        w.x0 = std::min(ax, bx);
        w.x1 = std::max(ax, bx);
        w.y0 = std::min(ay, by);
        w.y1 = std::max(ay, by);
        words.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
    api.Clear();
    return words;
}

} // namespace safesar
