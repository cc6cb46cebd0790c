// CCITT Group 4 (T.6) for black-and-white page images, through libtiff's encoder. PDF readers
// decode it natively (/CCITTFaxDecode, /K -1), and a page of text is about half the size it is
// as 2-bit grey Flate.
#pragma once

#include <cstdint>
#include <string>

namespace safesar::exporting {

// `bits` holds `height` rows of `width` 1-bit samples, each row padded to a byte, most
// significant bit first, 1 for black (TIFF's min-is-white). Returns the bare G4 data, as a PDF
// /CCITTFaxDecode stream with /K -1 and /BlackIs1 false expects it. Throws ExportError when
// libtiff fails.
std::string encode_g4(const std::uint8_t* bits, int width, int height);

} // namespace safesar::exporting
