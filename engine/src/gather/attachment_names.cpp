#include "gather/attachment_names.hpp"

#include "core/utf8.hpp"
#include "safesar/printable.hpp"

#include <algorithm>

namespace safesar::gather_detail {

std::string clean_attachment_name(const std::string& raw) {
    std::string name = valid_utf8(raw);
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string::npos) name.erase(0, slash + 1);
    for (char& c : name) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7F || c == '#') c = '_';
    }
    if (name.size() > max_attachment_name_bytes)
        name.resize(floor_char_boundary(name, max_attachment_name_bytes)); // never half a character
    if (name.find_first_not_of(" ._") == std::string::npos) return {};
    return name;
}

std::string AttachmentNames::unique(const std::string& raw, const std::string& fallback_stem,
                                    const std::string& fallback_extension) {
    std::string name = clean_attachment_name(raw);
    ++count_;
    if (name.empty()) name = fallback_stem + std::to_string(count_) + fallback_extension;
    std::string candidate = name;
    for (int copy = 2; std::find(used_.begin(), used_.end(), candidate) != used_.end(); ++copy) {
        const auto dot = name.find_last_of('.');
        const std::string stem = dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
        const std::string ext = stem.size() == name.size() ? "" : name.substr(dot);
        candidate = stem + " (" + std::to_string(copy) + ")" + ext;
    }
    used_.push_back(candidate);
    return candidate;
}

} // namespace safesar::gather_detail
