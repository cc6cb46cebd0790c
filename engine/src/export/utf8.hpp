// Small UTF-8 helpers: export works on byte offsets into UTF-8 text and must never cut a
// character in two.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace safesar::exporting {

// Decodes the code point at `pos` and advances `pos`; malformed bytes read as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& pos);
void append_utf8(std::string& out, char32_t cp);

// Moves a byte offset back / forward to the start of a character.
std::size_t floor_char_boundary(std::string_view text, std::size_t pos);
std::size_t ceil_char_boundary(std::string_view text, std::size_t pos);

std::size_t count_code_points(std::string_view text);

} // namespace safesar::exporting
