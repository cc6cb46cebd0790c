// Detection (is this a listed party's number?) and the export's verifier (is a redacted number
// still in the bundle?) key a telephone number with one function, phone_digits_key.
#include <catch2/catch.hpp>

#include "../engine/src/core/phone_digits.hpp"

using namespace safesar;

TEST_CASE("every way of writing a telephone number gives one key", "[detect][export]") {
    for (const char* written : {"07700 900123", "+44 7700 900123", "+44 (0)7700 900123",
                                "0044 7700 900123", "44 7700 900123", "07700-900-123",
                                "(07700) 900123"}) {
        INFO(written);
        CHECK(phone_digits_key(written) == "7700900123");
    }
    CHECK(phone_digits_key("0114 496 0725") == "1144960725");
    CHECK(phone_digits_key("000") == "");
    CHECK(phone_digits_key("no digits") == "");
    // A short number that starts 44 is no international number.
    CHECK(phone_digits_key("4412") == "4412");
}
