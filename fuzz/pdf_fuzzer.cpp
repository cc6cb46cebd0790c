// A whole PDF record as gather reads it, without OCR: structure checks, extras, Poppler's page
// text with boxes, the hidden-text check (a page render) and embedded files.
// seeds: *.pdf
#include "fuzz_support.hpp"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<unsigned char> bytes(data, data + size);
    safesar::fuzz::expect_no_crash([&] {
        std::vector<safesar::Record> attachments;
        safesar::read_pdf("fuzz.pdf", "fuzz.pdf", &bytes, safesar::fuzz::options(), attachments);
    });
    return 0;
}
