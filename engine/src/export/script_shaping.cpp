#include "export/script_shaping.hpp"

#include "core/utf8.hpp"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ushape.h>

#include <memory>
#include <vector>

namespace safesar::exporting {

namespace {

bool any_code_point(std::string_view utf8, bool (*test)(char32_t)) {
    for (std::size_t pos = 0; pos < utf8.size();) {
        if (static_cast<unsigned char>(utf8[pos]) < 0x80) {
            ++pos;
            continue;
        }
        if (test(next_code_point(utf8, pos))) return true;
    }
    return false;
}

bool is_arabic(char32_t cp) {
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0x08A0 && cp <= 0x08FF);
}

bool is_right_to_left(char32_t cp) {
    const auto direction = u_charDirection(static_cast<UChar32>(cp));
    return direction == U_RIGHT_TO_LEFT || direction == U_RIGHT_TO_LEFT_ARABIC;
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

struct BidiDeleter {
    void operator()(UBiDi* b) const { ubidi_close(b); }
};

} // namespace

std::string shape_arabic(std::string_view utf8) {
    if (!any_code_point(utf8, is_arabic)) return std::string(utf8);
    const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::vector<UChar> out(static_cast<std::size_t>(in.length()) * 2 + 8);
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n =
        u_shapeArabic(in.getBuffer(), in.length(), out.data(), static_cast<int32_t>(out.size()),
                      U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL, &status);
    if (U_FAILURE(status)) return std::string(utf8);
    return to_utf8(icu::UnicodeString(out.data(), n));
}

std::string visual_order(std::string_view utf8) {
    if (!any_code_point(utf8, is_right_to_left)) return std::string(utf8);
    const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UBiDi, BidiDeleter> bidi(ubidi_open());
    ubidi_setPara(bidi.get(), in.getBuffer(), in.length(), UBIDI_DEFAULT_LTR, nullptr, &status);
    std::vector<UChar> out(static_cast<std::size_t>(in.length()) + 8);
    const int32_t n =
        ubidi_writeReordered(bidi.get(), out.data(), static_cast<int32_t>(out.size()),
                             UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
    if (U_FAILURE(status)) return std::string(utf8);
    return to_utf8(icu::UnicodeString(out.data(), n));
}

} // namespace safesar::exporting
