// E-mail: MIME structure through GMime, then our walk of the tree, header decoding, HTML
// parts and attachments.
// seeds: *.eml
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = safesar::fuzz::as_file(data, size, ".eml");
    safesar::fuzz::expect_no_crash([&] {
        std::vector<safesar::Record> attachments;
        safesar::read_email(file, "fuzz.eml", attachments, safesar::fuzz::options());
    });
    return 0;
}
