// Private: the text decoders (declared for the engine's users in safesar/gather.hpp) for the
// files that include qpdf, which cannot include gather.hpp when clang builds them as C++17.
#pragma once

#include <string>

namespace safesar {

std::string decode_text(const std::string& bytes, const std::string& charset_hint = {});
std::string decode_pdf_text(const std::string& raw);

} // namespace safesar
