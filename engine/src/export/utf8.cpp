#include "export/utf8.hpp"

namespace safesar::exporting {

namespace {
bool is_continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}
} // namespace

char32_t next_code_point(std::string_view text, std::size_t& pos) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char c = byte(pos);
    std::size_t length = c < 0x80           ? 1
                         : (c >> 5) == 0x6  ? 2
                         : (c >> 4) == 0xE  ? 3
                         : (c >> 3) == 0x1E ? 4
                                            : 0;
    if (length == 0 || pos + length > text.size()) {
        ++pos;
        return U'\uFFFD';
    }
    char32_t cp = length == 1   ? c
                  : length == 2 ? (c & 0x1F)
                  : length == 3 ? (c & 0x0F)
                                : (c & 0x07);
    for (std::size_t i = 1; i < length; ++i) {
        if (!is_continuation(byte(pos + i))) {
            ++pos;
            return U'\uFFFD';
        }
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    pos += length;
    bool overlong =
        (length == 2 && cp < 0x80) || (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return U'\uFFFD';
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = U'\uFFFD';
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t floor_char_boundary(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return text.size();
    while (pos > 0 && is_continuation(static_cast<unsigned char>(text[pos])))
        --pos;
    return pos;
}

std::size_t ceil_char_boundary(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return text.size();
    while (pos < text.size() && is_continuation(static_cast<unsigned char>(text[pos])))
        ++pos;
    return pos;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        next_code_point(text, pos);
        ++n;
    }
    return n;
}

} // namespace safesar::exporting
