#include "safesar/case_model.hpp"

namespace safesar {

std::string Case::output_stem() const {
    std::string stem = reference;
    for (char& c : stem)
        if (c == '/' || c == '\\') c = '-';
    // Never a hidden file nor a folder's own name.
    if (stem.empty() || stem.front() == '.') stem.insert(0, "request");
    return stem;
}

} // namespace safesar
