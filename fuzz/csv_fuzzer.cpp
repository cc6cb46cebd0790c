// CSV exports of case-management systems.
// seeds: *.csv
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = safesar::fuzz::as_file(data, size, ".csv");
    safesar::fuzz::expect_no_crash(
        [&] { safesar::read_csv(file, "fuzz.csv", safesar::fuzz::options()); });
    return 0;
}
