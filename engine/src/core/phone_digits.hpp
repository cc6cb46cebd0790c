// One key for a telephone number however it is written, so that detection (is this the
// requester's number?) and the export's verifier (is a redacted number still in the bundle?)
// can never disagree: "+44 (0)7700 900123", "0044 7700 900123", "44 7700 900123" and
// "07700 900123" all give "7700900123".
#pragma once

#include <string>
#include <string_view>

namespace safesar {

// What may stand between the digits of one number ("0114 496-0000", "(0)7700.900 123"): white
// space, brackets, dots, dashes, slashes, a plus and a no-break space. Detection's search for a
// number written otherwise and the verifier's digit runs read a number by the same joiners.
bool joins_digits(char32_t c);

// The digits, without an international prefix (+, 00), the UK country code 44 (when a whole
// international number follows it) and leading zeros. Empty when there are no digits but zeros.
std::string phone_digits_key(std::string_view text);

} // namespace safesar
