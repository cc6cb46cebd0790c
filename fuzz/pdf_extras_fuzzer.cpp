// Everything in a PDF besides the page text: the structure checks (limits) and the text strings
// of metadata, outlines, annotations, form fields and embedded files, read with qpdf.
// seeds: *.pdf
#include "fuzz_support.hpp"

#include "gather/pdf_extras.hpp"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<char> bytes(data, data + size);
    const safesar::GatherOptions options = safesar::fuzz::options();
    const auto check = [] {};
    safesar::fuzz::expect_no_crash([&] {
        safesar::gather_detail::read_pdf_structure(bytes, "fuzz.pdf", *options.limits, check);
    });
    return 0;
}
