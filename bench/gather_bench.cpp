// Gathering benchmark: a generated 1,000-page text PDF (fixtures/make_big_pdf.py), read with
// words and boxes, hidden-text check on. Prints pages per second (one file = one core) and peak
// memory.   usage: gather_bench [PAGES]   (needs python3-reportlab)
#include "bench_util.hpp"

#include "safesar/gather.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>

namespace fs = std::filesystem;
using namespace safesar;

int main(int argc, char** argv) {
    const int pages = argc > 1 ? std::atoi(argv[1]) : 1000;
    const fs::path dir = fs::temp_directory_path() / "safesar-gather-bench";
    fs::remove_all(dir);
    fs::create_directories(dir / "records");
    const std::string make = "python3 '" SAFESAR_SOURCE_DIR "/fixtures/make_big_pdf.py' '" +
                             (dir / "records" / "big.pdf").string() + "' --pages " +
                             std::to_string(pages);
    if (std::system(make.c_str()) != 0) {
        std::cerr << "gather_bench: could not generate the PDF\n";
        return 1;
    }
    Case c;
    c.folder = dir;
    // Without the check, on one core; with it, on one core and then on every core (the pages
    // of one long PDF are split between threads).
    struct Run {
        bool hidden;
        unsigned threads;
    };
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    for (const Run run : {Run{false, 1}, Run{true, 1}, Run{true, cores}}) {
        GatherOptions o;
        o.ocr = false;
        o.detect_hidden = run.hidden;
        o.threads = run.threads;
        const auto t0 = std::chrono::steady_clock::now();
        GatherResult g = gather_records(c, o);
        const double s = bench::seconds_since(t0);
        std::size_t words = 0, hidden_words = 0;
        for (const auto& sec : g.records.at(0).sections)
            words += sec.words.size();
        for (const auto& page : g.records.at(0).pages)
            hidden_words += page.hidden_words;
        std::cout << "gather " << pages << " pages" << (run.hidden ? " with" : " without")
                  << " the hidden-text check on " << run.threads << " thread(s): " << s << " s, "
                  << pages / s << " pages/s, " << words << " words (" << hidden_words
                  << " hidden), peak memory " << bench::peak_mib() << " MiB\n";
    }
    fs::remove_all(dir);
}
