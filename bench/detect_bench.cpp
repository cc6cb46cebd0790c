// Detection benchmark: detection on generated case notes (fixtures/make_big_notes.py), in
// sections of about 4 KB as records hold them, with the demo case's parties known. Prints MB/s
// on one core and peak memory.   usage: detect_bench [MEGABYTES]   (default 50)
#include "bench_util.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/detect.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

namespace fs = std::filesystem;
using namespace safesar;

int main(int argc, char** argv) {
    const int mb = argc > 1 ? std::atoi(argv[1]) : 50;
    const fs::path file = fs::temp_directory_path() / "safesar-detect-bench.txt";
    const std::string make = "python3 '" SAFESAR_SOURCE_DIR "/fixtures/make_big_notes.py' '" +
                             file.string() + "' --megabytes " + std::to_string(mb);
    if (std::system(make.c_str()) != 0) {
        std::cerr << "detect_bench: could not generate the notes\n";
        return 1;
    }
    std::ifstream in(file, std::ios::binary);
    std::string text(std::istreambuf_iterator<char>(in), {});
    fs::remove(file);

    // Records of about 4 KB each, cut at line ends.
    Record r;
    r.kind = RecordKind::Text;
    for (std::size_t b = 0; b < text.size();) {
        std::size_t e = std::min(text.size(), b + 4096);
        while (e < text.size() && text[e] != '\n') ++e;
        r.sections.emplace_back(SectionKind::Body, "text", text.substr(b, e - b));
        b = e + 1;
    }
    LoadedCase lc = load_case(SAFESAR_SOURCE_DIR "/fixtures/cases/demo-perpetrator");
    const auto t0 = std::chrono::steady_clock::now();
    Detector detector(&lc.value, dictionaries_dir());
    const double load = bench::seconds_since(t0);
    const auto t1 = std::chrono::steady_clock::now();
    std::vector<Record> records{std::move(r)};
    const auto findings = detector.detect(records);
    const double s = bench::seconds_since(t1);
    const double megabytes = static_cast<double>(text.size()) / 1e6;
    std::cout << "detect " << megabytes << " MB in " << records[0].sections.size()
              << " sections: " << s << " s (two passes), " << megabytes / s
              << " MB/s on one core, " << findings.size() << " findings; dictionaries loaded in "
              << load << " s; peak memory " << bench::peak_mib() << " MiB\n";
}
