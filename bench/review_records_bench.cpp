// Whole-record decisions: the time to withhold a record in full, release it again, and read the
// status, on cases of N notes (each with findings). Each decision re-applies every record's
// fate (records.withheld and its findings), so its cost should grow linearly with the case.
// Usage: review_records_bench [N...]   (default 50 200 800)
#include "bench_util.hpp"

#include "safesar/pipeline.hpp"
#include "safesar/review.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

fs::path make_case(int notes) {
    std::string pattern = (fs::temp_directory_path() / "safesar-records-bench-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::exit(1);
    const fs::path folder = fs::path(pattern) / "case";
    fs::create_directories(folder / "records");
    fs::copy_file(fs::path(SAFESAR_SOURCE_DIR) / "fixtures" / "cases" / "demo-perpetrator" /
                      "request.json",
                  folder / "request.json");
    for (int i = 0; i < notes; ++i)
        std::ofstream(folder / "records" / ("note-" + std::to_string(i) + ".txt"))
            << "Gavin attended session " << i << " on time.\nBecky rang on 07700 900835 about "
            << "the review.\nHe asked about his certificate.\n";
    return folder;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(std::atoi(argv[i]));
    if (sizes.empty()) sizes = {50, 200, 800};
    std::printf("%8s %10s %14s %14s %12s\n", "records", "findings", "withhold ms", "release ms",
                "status ms");
    for (int n : sizes) {
        const fs::path folder = make_case(n);
        GatherOptions options;
        options.ocr = false;
        auto scan = scan_case(folder, options);
        ReviewStore store = ReviewStore::open(scan->request.value);
        store.record_scan(*scan);
        auto t0 = std::chrono::steady_clock::now();
        store.withhold_record("note-0.txt", "TP", "bench");
        const double withhold = bench::seconds_since(t0) * 1000;
        t0 = std::chrono::steady_clock::now();
        store.release_record("note-0.txt", "bench");
        const double release = bench::seconds_since(t0) * 1000;
        t0 = std::chrono::steady_clock::now();
        const ReviewStatus s = store.status();
        const double status = bench::seconds_since(t0) * 1000;
        std::printf("%8d %10zu %14.1f %14.1f %12.1f\n", n, scan->findings.size(), withhold, release,
                    status);
        (void)s;
        fs::remove_all(folder.parent_path());
    }
    return 0;
}
