// Many reviewers deciding at once on one large case, on whichever store SAFESAR_DATABASE names
// (the embedded SQLite file when unset): R threads, each with a connection of its own, make D
// decisions in all on random findings of a case of N notes. Prints decisions per second, the
// median and slowest decision, then checks that no decision was lost (one audit entry each)
// and that the audit verifies. Every reviewer is the same login here (the operating-system
// account, or the database login): the rules that compare reviewers are not what is measured.
// Usage: concurrent_review_bench [REVIEWERS [DECISIONS [NOTES]]]   (default 20 2000 2000)
#include "bench_util.hpp"

#include "safesar/audit.hpp"
#include "safesar/pipeline.hpp"
#include "safesar/review.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

// A case of `notes` notes, three findings each (a name, a phone number, a name in a sentence).
fs::path make_case(int notes) {
    std::string pattern = (fs::temp_directory_path() / "safesar-load-bench-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::exit(1);
    const fs::path folder = fs::path(pattern) / "case";
    fs::create_directories(folder / "records");
    // A reference of its own: a shared database keeps every earlier run's case.
    std::ifstream in(fs::path(SAFESAR_SOURCE_DIR) / "fixtures" / "cases" / "demo-perpetrator" /
                     "request.json");
    std::string request((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string reference = "SAR-2026-0452";
    const std::size_t at = request.find(reference);
    if (at == std::string::npos) std::exit(1);
    request.replace(at, reference.size(), "LOAD-" + fs::path(pattern).filename().string());
    std::ofstream(folder / "request.json") << request;
    for (int i = 0; i < notes; ++i)
        std::ofstream(folder / "records" / ("note-" + std::to_string(i) + ".txt"))
            << "Gavin attended session " << i << " on time.\nBecky rang on 07700 900"
            << 100 + i % 900 << " about the review.\nHe asked about his certificate.\n";
    return folder;
}

} // namespace

int main(int argc, char** argv) {
    const int reviewers = argc > 1 ? std::atoi(argv[1]) : 20;
    const int decisions = argc > 2 ? std::atoi(argv[2]) : 2000;
    const int notes = argc > 3 ? std::atoi(argv[3]) : 2000;
    if (reviewers < 1 || decisions < 1 || notes < 1) {
        std::fprintf(stderr, "usage: concurrent_review_bench [REVIEWERS [DECISIONS [NOTES]]]\n");
        return 2;
    }
    try {
        const fs::path folder = make_case(notes);
        GatherOptions options;
        options.ocr = false;
        auto t0 = std::chrono::steady_clock::now();
        auto scan = scan_case(folder, options);
        const double scanned = bench::seconds_since(t0);
        t0 = std::chrono::steady_clock::now();
        std::vector<std::string> ids;
        {
            ReviewStore store = ReviewStore::open(scan->request.value);
            store.record_scan(*scan);
            for (const StoredFinding& f : store.findings())
                if (f.decidable()) ids.push_back(f.id);
            std::printf("store: %s\n", store.location().c_str());
        }
        const double recorded = bench::seconds_since(t0);
        std::printf("case: %d notes, %zu findings to decide (scan %.1f s, recorded in %.1f s)\n",
                    notes, ids.size(), scanned, recorded);
        if (ids.empty()) return 1;

        std::mutex lock;
        std::vector<double> latencies; // ms
        std::vector<std::string> errors;
        const int each = (decisions + reviewers - 1) / reviewers;
        auto reviewer = [&](int who) {
            std::mt19937 random(static_cast<unsigned>(who) + 1);
            std::vector<double> mine;
            try {
                ReviewStore store = ReviewStore::open(scan->request.value);
                for (int i = 0; i < each && who * each + i < decisions; ++i) {
                    const std::string& id = ids[random() % ids.size()];
                    const auto start = std::chrono::steady_clock::now();
                    store.decide({{id, i % 2 ? Verdict::Reject : Verdict::Approve, "", ""}});
                    mine.push_back(bench::seconds_since(start) * 1000);
                }
            } catch (const std::exception& e) {
                const std::lock_guard<std::mutex> hold(lock);
                errors.emplace_back(e.what());
            }
            const std::lock_guard<std::mutex> hold(lock);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        };
        t0 = std::chrono::steady_clock::now();
        std::vector<std::thread> threads;
        for (int who = 0; who < reviewers; ++who)
            threads.emplace_back(reviewer, who);
        for (std::thread& t : threads)
            t.join();
        const double wall = bench::seconds_since(t0);
        for (const std::string& e : errors)
            std::printf("error: %s\n", e.c_str());
        std::sort(latencies.begin(), latencies.end());
        const std::size_t made = latencies.size();
        std::printf("%d reviewers, %zu decisions in %.1f s: %.0f decisions/s; median %.1f ms, "
                    "slowest %.1f ms\n",
                    reviewers, made, wall, static_cast<double>(made) / wall,
                    made ? latencies[made / 2] : 0.0, made ? latencies.back() : 0.0);

        ReviewStore store = ReviewStore::open(scan->request.value);
        std::size_t audited = 0;
        for (const AuditEntry& e : store.audit())
            audited += e.action == "decide";
        t0 = std::chrono::steady_clock::now();
        const AuditVerification v = store.verify_audit();
        std::printf("audit: %zu decide entries for %zu decisions (%s); verify %s in %.1f s\n",
                    audited, made, audited == made ? "none lost" : "LOST", v.ok() ? "ok" : "BROKEN",
                    bench::seconds_since(t0));
        fs::remove_all(folder.parent_path());
        return errors.empty() && audited == made && v.ok() ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "concurrent_review_bench: %s\n", e.what());
        return 1;
    }
}
