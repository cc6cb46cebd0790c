// request.json: the reader of the case's own contract, fed any bytes.
// seeds: request.json
#include "fuzz_support.hpp"

#include "safesar/case_model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    safesar::fuzz::expect_no_crash([&] {
        safesar::LoadedCase loaded =
            safesar::parse_request(safesar::fuzz::as_string(data, size), "/fuzz/case");
        // What a loaded request is used for next must not fail on what the reader accepted.
        (void)safesar::request_json(loaded.value);
    });
    return 0;
}
