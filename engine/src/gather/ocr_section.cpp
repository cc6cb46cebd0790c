#include "ocr_section.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace safesar {

namespace {

bool overlaps(const Box& word, const std::vector<Box>& taken) {
    const double area = std::max(1e-6, word.width() * word.height());
    for (const Box& t : taken) {
        const double w = std::min(word.x1, t.x1) - std::max(word.x0, t.x0);
        const double h = std::min(word.y1, t.y1) - std::max(word.y0, t.y0);
        if (w > 0 && h > 0 && w * h > 0.3 * area) return true;
    }
    return false;
}

std::string where(const Box& b) {
    return std::to_string(std::lround(b.x0)) + "," + std::to_string(std::lround(b.y0));
}

} // namespace

bool may_identify(std::string_view word) {
    auto is_punct = [](char ch) { return std::ispunct(static_cast<unsigned char>(ch)) != 0; };
    while (!word.empty() && is_punct(word.front()))
        word.remove_prefix(1);
    while (!word.empty() && is_punct(word.back()))
        word.remove_suffix(1);
    int digits = 0, letters = 0;
    for (char ch : word) {
        const auto u = static_cast<unsigned char>(ch);
        digits += std::isdigit(u) != 0;
        letters += std::isalpha(u) != 0 || u >= 0x80; // UTF-8 bytes of accented letters
    }
    if (digits >= 4 || (digits > 0 && letters > 0)) return true;
    if (word.empty()) return false;
    const auto first = static_cast<unsigned char>(word.front());
    // A word that starts with a non-ASCII letter (Łucja) may be capitalised: flag it.
    return letters >= 2 && (std::isupper(first) != 0 || first >= 0x80);
}

void add_ocr_words(const PageOcrResult& result, const std::vector<Box>& taken, Section& out,
                   PageInfo& info, std::vector<std::string>& warnings) {
    out.ocr = true;
    out.text.clear();
    out.words.clear();
    double total = 0;
    std::vector<Box> unsure;
    bool new_line = false;
    for (const PointWord& w : result.words) {
        new_line = new_line || w.line_start;
        if (overlaps(w.box, taken)) continue;
        if (!out.text.empty()) out.text += new_line ? '\n' : ' ';
        new_line = false;
        Word word;
        word.begin = out.text.size();
        out.text += w.text;
        word.end = out.text.size();
        word.box = w.box;
        word.confidence = w.confidence;
        out.words.push_back(word);
        total += w.confidence;
        if (w.confidence < low_ocr_confidence && may_identify(w.text)) unsure.push_back(w.box);
    }
    info.ocr_done = true;
    info.ocr_confidence = out.words.empty() ? 0.0f : static_cast<float>(total / out.words.size());
    info.low_confidence_words += static_cast<int>(unsure.size());
    if (unsure.empty()) return;
    // Where the words are, never what OCR made of them: warnings reach reports and logs.
    std::string msg = "page " + std::to_string(result.page) + ": " + std::to_string(unsure.size()) +
                      " word(s) OCR could not read with confidence may be names, numbers or "
                      "addresses; check the scan near ";
    const std::size_t shown = std::min<std::size_t>(unsure.size(), 5);
    for (std::size_t i = 0; i < shown; ++i)
        msg += (i ? "; " : "") + where(unsure[i]);
    if (unsure.size() > shown) msg += "; ...";
    msg += " (points from the top left)";
    warnings.push_back(std::move(msg));
}

} // namespace safesar
