// OCR of a page image with Tesseract: words with boxes (pixels) and confidences.
#pragma once

#include <string>
#include <vector>

namespace safesar {

struct OcrWord {
    std::string text;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0; // pixels of the image given, origin top left
    float confidence = 0;               // 0..100
    bool line_start = false;            // first word of a text line
};

struct GrayImage {
    int width = 0, height = 0;
    std::vector<unsigned char> pixels; // one byte a pixel, rows packed
};

struct OcrPage {
    std::vector<OcrWord> words;
    int rotation = 0; // degrees the image was turned clockwise to read it upright: 0/90/180/270
    float skew = 0;   // degrees of skew straightened before reading (0: none)
};

// Recognises the words of `image` (rendered at `dpi`). A page turned 90, 180 or 270 degrees is
// found (Tesseract's OSD when the page reads poorly as it is, or by trying the other ways up
// when OSD cannot tell) and read the right way up; a skew over 2 degrees is straightened. Boxes are
// always given in the image's own orientation. One Tesseract engine per calling thread, kept for
// the thread's life. Throws RecordError when Tesseract or its English data is missing, or when
// the page takes more than `seconds` (0: no limit).
OcrPage ocr_image(const GrayImage& image, int dpi, double seconds = 0);

// How an image was turned to be read: `clockwise` quarter turns (0, 90, 180, 270, as Leptonica's
// pixRotateOrth), then `skew` degrees about its centre (as pixRotate, clockwise positive).
// `width` and `height` are the image's as given.
struct ReadingTransform {
    int width = 0, height = 0;
    int clockwise = 0;
    float skew = 0;
};

// Moves the box of a word found in the turned image to the image as given: its four corners are
// mapped back, so a word read straightened comes back as the upright box around it.
void map_back(OcrWord& w, const ReadingTransform& t);

// "tesseract 5.3.0 eng+osd": what produced a result, for the cache key.
std::string ocr_engine_version();

} // namespace safesar
