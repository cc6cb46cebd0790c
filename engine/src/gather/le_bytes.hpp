// Private: little-endian integers read from a byte buffer, for the binary formats (Word 97,
// Excel 97, Outlook's property streams). A read past the end is damage: RecordError (with no
// file name; the reader adds it).
#pragma once

#include "safesar/errors.hpp"

#include <cstdint>
#include <string_view>

namespace safesar::gather_detail {

inline std::uint16_t le16(std::string_view s, std::size_t at) {
    if (at + 2 > s.size() || at + 2 < at)
        throw RecordError("", "the file is damaged (a record runs past its end)");
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) |
                                      static_cast<unsigned char>(s[at + 1]) << 8);
}

inline std::uint32_t le32(std::string_view s, std::size_t at) {
    return static_cast<std::uint32_t>(le16(s, at)) | static_cast<std::uint32_t>(le16(s, at + 2)) << 16;
}

} // namespace safesar::gather_detail
