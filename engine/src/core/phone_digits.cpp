#include "core/phone_digits.hpp"

#include <unicode/uchar.h>

namespace safesar {

bool joins_digits(char32_t c) {
    return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == U'\n' || c == U'(' || c == U')' ||
           c == U'.' || c == U'-' || c == U'/' || c == U'+' || c == 0xA0;
}

std::string phone_digits_key(std::string_view text) {
    std::string d;
    for (char c : text)
        if (c >= '0' && c <= '9') d += c;
    const auto strip_zeros = [&d] {
        const std::size_t nz = d.find_first_not_of('0');
        d.erase(0, nz == std::string::npos ? d.size() : nz);
    };
    strip_zeros(); // an international prefix "00", or the trunk "0"
    // 44 and a national number of ten digits or more; "(0)" after it is dropped below.
    if (d.rfind("44", 0) == 0 && d.size() >= 12) {
        d.erase(0, 2);
        strip_zeros();
    }
    return d;
}

} // namespace safesar
