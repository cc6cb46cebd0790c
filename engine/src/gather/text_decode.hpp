// Private helpers of the text, CSV and e-mail readers: decoding with a verdict on whether the
// bytes are text at all, and bounded file reading.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace safesar::gather_detail {

struct DecodedText {
    std::string text;    // valid UTF-8, LF line ends, no NULs
    std::string problem; // empty when the bytes read as text; otherwise a one-line reason
};

// decode_text() plus a judgement: binary data also "decodes" as Windows-1252, so a file whose
// decoding is full of control characters or NULs is reported instead of passed on as text.
DecodedText text_decode_checked(const std::string& bytes, const std::string& charset_hint = {});

// The whole file; RecordError(name, ...) when it cannot be opened, is empty, or is larger than
// `limit` (Limits::text_file_bytes: far above any real case note or e-mail, low enough that a
// hostile file cannot exhaust memory).
std::string text_read_file(const std::filesystem::path& file, const std::string& name,
                           std::size_t limit);

// text_read_file with another limit, named in the error (Limits::binary_file_bytes is
// "limits.binary_file_bytes").
std::string read_file_bounded(const std::filesystem::path& file, const std::string& name,
                              std::size_t max_bytes, const char* limit_name);

} // namespace safesar::gather_detail
