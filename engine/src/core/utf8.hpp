// Private: the engine's one UTF-8 decoder and encoder, ICU's macros (unicode/utf8.h) rather than
// bit twiddling written out in each reader. For code that walks UTF-8 itself: the export, which
// works on byte offsets and must never cut a character in two, and the readers that decode
// Word, Excel, RTF and Windows metadata text themselves. (Whole strings are checked and
// repaired by valid_utf8, printable.hpp, which uses the same macros.)
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace safesar {

// A byte that continues a character: no character starts there.
inline bool is_utf8_trail(char byte) {
    return U8_IS_TRAIL(static_cast<std::uint8_t>(byte));
}

// Decodes the code point at `pos` and advances `pos`; an ill-formed sequence reads as U+FFFD.
inline char32_t next_code_point(std::string_view text, std::size_t& pos) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    UChar32 c = 0;
    U8_NEXT_OR_FFFD(s, pos, text.size(), c);
    return static_cast<char32_t>(c);
}

// Writes one code point; a surrogate or a value beyond Unicode cannot stand alone in UTF-8 and
// is dropped.
inline void append_utf8(std::string& out, char32_t code) {
    if (code > 0x10FFFF || U_IS_SURROGATE(code)) return;
    std::uint8_t bytes[U8_MAX_LENGTH];
    std::size_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(code));
    out.append(reinterpret_cast<const char*>(bytes), length);
}

// Moves a byte offset back / forward to the start of a character.
inline std::size_t floor_char_boundary(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return text.size();
    while (pos > 0 && is_utf8_trail(text[pos]))
        --pos;
    return pos;
}

inline std::size_t ceil_char_boundary(std::string_view text, std::size_t pos) {
    while (pos < text.size() && is_utf8_trail(text[pos]))
        ++pos;
    return pos < text.size() ? pos : text.size();
}

inline std::size_t count_code_points(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size(); ++n)
        next_code_point(text, pos);
    return n;
}

} // namespace safesar
