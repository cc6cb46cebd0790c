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

// The largest record file a reader accepts: far above any real case note or e-mail, low enough
// that a hostile file cannot exhaust memory.
inline constexpr std::size_t text_max_file_bytes = 64u << 20;

// The whole file; RecordError(name, ...) when it cannot be opened, is too large, or is empty.
std::string text_read_file(const std::filesystem::path& file, const std::string& name);

// The largest binary record (a word-processor file, a workbook, a photograph, a scanned TIFF).
inline constexpr std::size_t binary_max_file_bytes = 512u << 20;

// text_read_file with another limit.
std::string read_file_bounded(const std::filesystem::path& file, const std::string& name,
                              std::size_t max_bytes);

} // namespace safesar::gather_detail
