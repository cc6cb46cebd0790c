// Text decoding: charsets with and without a label, PDF text strings, the UTF-8 guards. The
// first byte picks a declared charset, so labels and bytes that disagree are explored too.
// seeds: *.txt *.md
#include "fuzz_support.hpp"

#include "safesar/printable.hpp"

#include <array>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::array<const char*, 8> labels = {
        "", "utf-8", "iso-8859-1", "us-ascii", "utf-16", "shift_jis", "koi8-r", "no-such-charset"};
    const std::string hint = size > 0 ? labels[data[0] % labels.size()] : "";
    const std::string bytes = safesar::fuzz::as_string(data, size);
    auto valid = [](const std::string& s) {
        if (safesar::valid_utf8(s) != s) std::abort(); // every decoder must give valid UTF-8
    };
    valid(safesar::decode_text(bytes, hint));
    valid(safesar::decode_pdf_text(bytes));
    const std::string same = safesar::valid_utf8_same_length(bytes);
    if (same.size() != bytes.size()) std::abort();
    valid(same);
    valid(safesar::shown(bytes, 40));
    const auto file = safesar::fuzz::as_file(data, size, ".txt");
    safesar::fuzz::expect_no_crash([&] {
        safesar::Record r = safesar::read_text_note(file, "fuzz.txt", safesar::fuzz::options());
        valid(r.sections.at(0).text);
    });
    return 0;
}
