// Detection benchmark on generated case notes (fixtures/make_big_notes.py), with the demo case's
// parties known, in the shapes records have: many sections of about 4 KB (a PDF's pages, a
// thread's messages) and one large section (a case-notes export, a CSV cell, a long e-mail) of
// 1, 5 and 20 MB. Prints MB/s in wall time with every core (the windows of a long section are
// scanned side by side) and on one thread, the processor time, and peak memory for each; the
// rate must not fall as a section grows (detection is linear in its input).
//   usage: detect_bench [SECTIONS_MB [SINGLE_MB...]]   (default: 20 MB in 4 KB sections; 1 5 20)
#include "bench_util.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/detect.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

std::string make_notes(int mb) {
    const fs::path file = fs::temp_directory_path() / "safesar-detect-bench.txt";
    const std::string make = "python3 '" SAFESAR_SOURCE_DIR "/fixtures/make_big_notes.py' '" +
                             file.string() + "' --megabytes " + std::to_string(mb) + " >/dev/null";
    if (std::system(make.c_str()) != 0) {
        std::cerr << "detect_bench: could not generate the notes\n";
        std::exit(1);
    }
    std::ifstream in(file, std::ios::binary);
    std::string text(std::istreambuf_iterator<char>(in), {});
    fs::remove(file);
    return text;
}

// The first `bytes` of the notes, cut at a line end.
std::string prefix(const std::string& text, std::size_t bytes) {
    std::size_t e = std::min(text.size(), bytes);
    while (e < text.size() && text[e] != '\n') ++e;
    return text.substr(0, e);
}

void measure(Detector& detector, const std::string& shape, const Record& r, std::size_t bytes) {
    const std::vector<Record> records{r};
    const double megabytes = static_cast<double>(bytes) / 1e6;
    for (const unsigned threads : {0u, 1u}) {
        detector.set_threads(threads);
        const auto t = std::chrono::steady_clock::now();
        const std::clock_t c = std::clock();
        const auto findings = detector.detect(records);
        const double s = bench::seconds_since(t);
        const double cpu = static_cast<double>(std::clock() - c) / CLOCKS_PER_SEC;
        std::cout << shape << ", " << (threads == 0 ? "every core" : "one thread") << ": "
                  << megabytes << " MB, " << s << " s, " << megabytes / s << " MB/s, " << cpu
                  << " s of processor time, " << findings.size() << " findings, peak memory so far "
                  << bench::peak_mib() << " MiB\n";
    }
}

} // namespace

int main(int argc, char** argv) {
    const int sections_mb = argc > 1 ? std::atoi(argv[1]) : 20;
    std::vector<int> singles;
    for (int i = 2; i < argc; ++i) singles.push_back(std::atoi(argv[i]));
    if (argc <= 2) singles = {1, 5, 20};
    const int largest = std::max(sections_mb, *std::max_element(singles.begin(), singles.end()));
    const std::string text = make_notes(largest);

    LoadedCase lc = load_case(SAFESAR_SOURCE_DIR "/fixtures/cases/demo-perpetrator");
    const auto t0 = std::chrono::steady_clock::now();
    Detector detector(&lc.value, dictionaries_dir());
    std::cout << "dictionaries loaded in " << bench::seconds_since(t0) << " s\n";

    // Many small sections, cut at line ends.
    const std::string part = prefix(text, static_cast<std::size_t>(sections_mb) << 20);
    Record many;
    many.kind = RecordKind::Text;
    for (std::size_t b = 0; b < part.size();) {
        std::size_t e = std::min(part.size(), b + 4096);
        while (e < part.size() && part[e] != '\n') ++e;
        many.sections.emplace_back(SectionKind::Body, "text", part.substr(b, e - b));
        b = e + 1;
    }
    const std::string shape = std::to_string(many.sections.size()) + " sections of 4 KB";
    measure(detector, shape, many, part.size());

    for (int mb : singles) {
        Record one;
        one.kind = RecordKind::Text;
        one.sections.emplace_back(SectionKind::Body, "text",
                                  prefix(text, static_cast<std::size_t>(mb) << 20));
        const std::size_t bytes = one.sections[0].text.size();
        measure(detector, "one section of " + std::to_string(mb) + " MB", one, bytes);
    }
}
