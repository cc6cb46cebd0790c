// OCR of a page image with Tesseract: words with boxes (pixels) and confidences.
#pragma once

#include <string>
#include <vector>

namespace safesar {

struct OcrWord {
    std::string text;
    int x0, y0, x1, y1; // pixels, origin top left
    float confidence;   // 0..100
    bool line_start;    // first word of a text line
};

struct GrayImage {
    int width = 0, height = 0;
    std::vector<unsigned char> pixels; // one byte a pixel, rows packed
};

// Recognises the words of `image` (rendered at `dpi`). A page turned 90, 180 or 270 degrees is
// detected and read the right way up; the boxes are given in the image's own orientation.
// Throws RecordError when Tesseract or its English data is missing.
std::vector<OcrWord> ocr_image(const GrayImage& image, int dpi);

} // namespace safesar
