// Strings from outside (file names, PDF strings, request fields) made safe to store and print:
// valid UTF-8 always, and bounded wherever a value is echoed back in a message.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace safesar {

// `bytes` unchanged when they are valid UTF-8; otherwise each invalid sequence becomes U+FFFD.
std::string valid_utf8(std::string_view bytes);

// As valid_utf8, but each byte of an invalid sequence becomes '?', so byte offsets into the
// text (words, fields) stay right.
std::string valid_utf8_same_length(std::string_view bytes);

// A value as an error line or a report echoes it: valid UTF-8, control characters shown as
// spaces, and at most about `max_bytes` long, cut at a character boundary with "… (N bytes)".
std::string shown(std::string_view value, std::size_t max_bytes = 120);

} // namespace safesar
