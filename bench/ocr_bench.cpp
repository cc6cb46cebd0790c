// OCR benchmark: a generated scanned PDF (typed letters as noisy greyscale JPEGs, slight skews;
// fixtures/make_scans.py --bench) read at 200 and 300 dpi on all cores, then gathered twice with
// the OCR cache, cold and warm. Each run is a child process, so each peak memory is its own.
//   usage: ocr_bench [PAGES]   (default 8; needs python3-reportlab)
#include "bench_util.hpp"

#include "../engine/src/gather/ocr_cache.hpp"
#include "../engine/src/gather/page_ocr.hpp"
#include "safesar/gather.hpp"

#include <poppler/cpp/poppler-document.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

// Runs `body` in a child process and waits for it.
void in_child(const std::function<void()>& body) {
    std::cout.flush();
    const pid_t pid = fork();
    if (pid == 0) {
        body();
        std::cout.flush();
        std::_Exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
}

void ocr_at(const fs::path& pdf, int pages, int dpi) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
    if (!doc) {
        std::cerr << "ocr_bench: cannot open " << pdf << "\n";
        return;
    }
    std::vector<PageOcrJob> jobs;
    for (int p = 1; p <= pages; ++p)
        jobs.push_back({p, std::nullopt});
    std::ifstream in(pdf, std::ios::binary);
    const auto bytes = std::make_shared<const std::vector<char>>(std::istreambuf_iterator<char>(in),
                                                                 std::istreambuf_iterator<char>());
    const auto t0 = std::chrono::steady_clock::now();
    const auto results = ocr_pages(bytes, jobs, dpi, OcrCache({}));
    const double s = bench::seconds_since(t0);
    std::size_t words = 0, failed = 0;
    for (const auto& r : results) {
        words += r.words.size();
        failed += !r.error.empty();
    }
    std::cout << "OCR at " << dpi << " dpi: " << pages << " pages in " << s << " s, " << pages / s
              << " pages/s on " << std::thread::hardware_concurrency() << " cores, " << words
              << " words, " << failed << " failed, peak memory " << bench::peak_mib() << " MiB\n";
}

// Gathers the folder with its OCR cache; `state` names what the cache holds beforehand.
void gather_with_cache(const fs::path& dir, int pages, const char* state) {
    Case c;
    c.folder = dir;
    GatherOptions o;
    o.ocr_cache = dir / ".safesar" / "ocr-cache";
    const auto t0 = std::chrono::steady_clock::now();
    GatherResult g = gather_records(c, o);
    const double s = bench::seconds_since(t0);
    int done = 0;
    for (const auto& r : g.records)
        for (const auto& p : r.pages)
            done += p.ocr_done;
    std::cout << "gather at 300 dpi, OCR cache " << state << ": " << pages << " pages in " << s
              << " s, " << pages / s << " pages/s, " << done << " pages OCR'd, peak memory "
              << bench::peak_mib() << " MiB\n";
}

} // namespace

int main(int argc, char** argv) {
    const int pages = argc > 1 ? std::max(1, std::atoi(argv[1])) : 8;
    const fs::path dir = fs::temp_directory_path() / "safesar-ocr-bench";
    fs::remove_all(dir);
    fs::create_directories(dir / "records");
    const fs::path pdf = dir / "records" / "scans.pdf";
    const std::string make = "python3 '" SAFESAR_SOURCE_DIR "/fixtures/make_scans.py' --bench '" +
                             pdf.string() + "' --pages " + std::to_string(pages);
    if (std::system(make.c_str()) != 0) {
        std::cerr << "ocr_bench: could not generate the scanned PDF\n";
        return 1;
    }
    for (int dpi : {200, 300})
        in_child([&] { ocr_at(pdf, pages, dpi); });
    in_child([&] { gather_with_cache(dir, pages, "cold"); });
    in_child([&] { gather_with_cache(dir, pages, "warm"); });
    fs::remove_all(dir);
}
