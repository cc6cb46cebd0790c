#include "safesar/printable.hpp"

#include "core/utf8.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace safesar {

namespace {

// ICU's U8_NEXT decodes one code point and yields a negative value for an ill-formed sequence
// (overlong forms, surrogates, truncated sequences), consuming the maximal invalid prefix.
// Calls `valid(begin, end)` for each well-formed run and `invalid(begin, end)` for each
// ill-formed sequence, in order; returns whether everything was valid.
template <typename Valid, typename Invalid>
bool scan_utf8(std::string_view bytes, Valid&& valid, Invalid&& invalid) {
    bytes = bytes.substr(0, INT32_MAX); // ICU indexes with int32_t; no text is that long
    const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
    const auto length = static_cast<std::int32_t>(bytes.size());
    bool all_valid = true;
    std::int32_t i = 0, run = 0;
    while (i < length) {
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c >= 0) continue;
        all_valid = false;
        if (run < start) valid(run, start);
        invalid(start, i);
        run = i;
    }
    if (!all_valid && run < length) valid(run, length);
    return all_valid;
}

} // namespace

std::string valid_utf8_same_length(std::string_view bytes) {
    std::string out;
    const bool ok = scan_utf8(
        bytes, [&](std::int32_t b, std::int32_t e) { out.append(bytes.substr(b, e - b)); },
        [&](std::int32_t b, std::int32_t e) { out.append(static_cast<std::size_t>(e - b), '?'); });
    return ok ? std::string(bytes) : out;
}

std::string valid_utf8(std::string_view bytes) {
    std::string out;
    const bool ok = scan_utf8(
        bytes, [&](std::int32_t b, std::int32_t e) { out.append(bytes.substr(b, e - b)); },
        [&](std::int32_t, std::int32_t) { out += "\xEF\xBF\xBD"; });
    return ok ? std::string(bytes) : out;
}

std::string shown(std::string_view value, std::size_t max_bytes) {
    const std::size_t total = value.size();
    std::string text = valid_utf8(value.substr(0, max_bytes + 4));
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    if (total <= max_bytes) return text;
    text.resize(floor_char_boundary(text, max_bytes)); // never half a character
    return text + "\xE2\x80\xA6 (" + std::to_string(total) + " bytes)";
}

} // namespace safesar
