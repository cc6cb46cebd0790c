// zlib (Flate) compression of page images through PoDoFo's filter (the zlib PoDoFo links).
#pragma once

#include <string>
#include <string_view>

namespace safesar::exporting {

std::string flate_compress(std::string_view data);

} // namespace safesar::exporting
