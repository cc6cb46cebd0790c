// zlib (Flate) through PoDoFo's filter, the zlib build PoDoFo already links.
#pragma once

#include <string>
#include <string_view>

namespace safesar::exporting {

std::string flate_compress(std::string_view data);
// Throws ExportError on corrupt data.
std::string flate_decompress(std::string_view data);

} // namespace safesar::exporting
