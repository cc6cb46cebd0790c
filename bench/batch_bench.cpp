// batch_bench: `safesar batch` over a generated workspace, one case at a time and two at once.
// Prints pages per second, the speed-up, CPU time and peak memory; it is not a test.
//
// The workspace (made once, kept in /tmp): CASES copies of fixtures/cases/demo-perpetrator,
// each with a generated text PDF of PAGES pages of case notes (fixtures/make_big_pdf.py, a seed
// per case). With the defaults, 50 cases of 40 PDF pages: 2,000 pages in all. Every run starts
// from nothing: output folder and OCR caches removed.
//
//   batch_bench [cases] [pages] [safesar binary]     defaults: 50 34 ../cli/safesar
//
// Peak memory: with process isolation, the batch process's own peak plus the N largest peaks
// of the case processes (at most N run at once, so the sum over children never exceeds it);
// with thread isolation, the batch process's peak.
#include "bench_util.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using safesar::bench::seconds_since;

namespace {

const fs::path source = SAFESAR_SOURCE_DIR;

int shell(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

fs::path make_workspace(int cases, int pages) {
    const fs::path ws =
        fs::temp_directory_path() /
        ("safesar-batch-bench-" + std::to_string(cases) + "x" + std::to_string(pages));
    if (fs::exists(ws / ".complete")) return ws;
    std::cout << "making " << ws.string() << " (" << cases << " cases)...\n" << std::flush;
    fs::remove_all(ws);
    fs::create_directories(ws);
    for (int i = 1; i <= cases; ++i) {
        std::ostringstream name;
        name << "case-" << std::setw(3) << std::setfill('0') << i;
        const fs::path c = ws / name.str();
        fs::copy(source / "fixtures" / "cases" / "demo-perpetrator", c,
                 fs::copy_options::recursive);
        fs::remove(c / "expected.json");
        const std::string command =
            "/usr/bin/python3 " + (source / "fixtures" / "make_big_pdf.py").string() + " " +
            (c / "records" / "notes-export.pdf").string() + " --pages " + std::to_string(pages) +
            " --seed " + std::to_string(i) + " > /dev/null 2>&1";
        if (shell(command) != 0) throw std::runtime_error("make_big_pdf.py failed (reportlab?)");
    }
    std::ofstream(ws / ".complete") << "\n";
    return ws;
}

double cpu_seconds(const rusage& u) {
    auto s = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
    };
    return s(u.ru_utime) + s(u.ru_stime);
}

struct Figures {
    std::string label;
    unsigned jobs = 0;
    double seconds = 0, cpu = 0, memory_mib = 0;
    int pages = 0, done = 0, unchanged = 0, cases = 0;
    double pages_per_second() const { return seconds > 0 ? pages / seconds : 0; }
};

Figures run_batch(const fs::path& binary, const fs::path& ws, const fs::path& out,
                  const std::string& label, unsigned jobs, const std::string& isolation,
                  bool fresh) {
    if (fresh) {
        fs::remove_all(out);
        for (const auto& c : fs::directory_iterator(ws))
            if (c.is_directory()) fs::remove_all(c.path() / ".safesar"); // the OCR cache
    }
    const fs::path json_file = fs::temp_directory_path() / "safesar-batch-bench.json";
    const std::string command = binary.string() + " batch " + ws.string() + " --out " +
                                out.string() + " -j " + std::to_string(jobs) + " --isolation " +
                                isolation + " --json > " + json_file.string() + " 2>/dev/null";
    rusage before{}, after{};
    getrusage(RUSAGE_CHILDREN, &before);
    const auto start = std::chrono::steady_clock::now();
    const int status = shell(command);
    Figures f;
    f.label = label;
    f.jobs = jobs;
    f.seconds = seconds_since(start);
    getrusage(RUSAGE_CHILDREN, &after);
    f.cpu = cpu_seconds(after) - cpu_seconds(before);
    if (status != 0) std::cerr << label << ": safesar batch exited with status " << status << "\n";

    std::ifstream in(json_file);
    const auto summary = nlohmann::json::parse(in);
    std::vector<long> case_peaks;
    for (const auto& c : summary.at("cases")) {
        ++f.cases;
        f.done += c.at("status") == "done";
        if (c.at("unchanged").get<bool>()) {
            ++f.unchanged;
            continue;
        }
        f.pages += c.at("pages").get<int>();
        case_peaks.push_back(c.at("peak_memory_kib").get<long>());
    }
    std::sort(case_peaks.rbegin(), case_peaks.rend());
    long kib = summary.at("peak_memory_kib").get<long>();
    for (std::size_t i = 0; i < case_peaks.size() && i < jobs; ++i)
        kib += case_peaks[i];
    f.memory_mib = static_cast<double>(kib) / 1024.0;
    return f;
}

void print(const Figures& f) {
    std::cout << std::left << std::setw(26) << f.label << std::right << std::fixed
              << std::setprecision(1) << std::setw(8) << f.seconds << " s" << std::setw(7)
              << f.pages << std::setw(9) << f.pages_per_second() << std::setw(9) << f.cpu << " s"
              << std::setw(9) << std::setprecision(0) << f.memory_mib << " MiB"
              << "   " << f.done << "/" << f.cases << " done, " << f.unchanged << " unchanged\n"
              << std::flush;
}

std::string load_average() {
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) < 0) return "?";
    std::ostringstream out;
    out << std::fixed << std::setprecision(2) << load[0];
    return out.str();
}

} // namespace

int main(int argc, char** argv) {
    const int cases = argc > 1 ? std::atoi(argv[1]) : 50;
    const int pages = argc > 2 ? std::atoi(argv[2]) : 34;
    const fs::path binary =
        argc > 3
            ? fs::path(argv[3])
            : fs::read_symlink("/proc/self/exe").parent_path().parent_path() / "cli" / "safesar";
    if (cases < 1 || pages < 1 || !fs::exists(binary)) {
        std::cerr << "usage: batch_bench [cases] [pages] [safesar binary]\n";
        return 2;
    }
    const fs::path ws = make_workspace(cases, pages);
    const fs::path out = fs::temp_directory_path() / "safesar-batch-bench-out";
    std::cout << cases << " cases, " << cases * (pages + 6) << " PDF pages in the records, "
              << std::thread::hardware_concurrency() << " cores, load average " << load_average()
              << " at the start\n\n"
              << "run                          wall   pages  pages/s      CPU      peak memory\n";

    const Figures one = run_batch(binary, ws, out, "process -j 1", 1, "process", true);
    print(one);
    const Figures two = run_batch(binary, ws, out, "process -j 2", 2, "process", true);
    print(two);
    const Figures threads = run_batch(binary, ws, out, "thread -j 2", 2, "thread", true);
    print(threads);
    const Figures resumed =
        run_batch(binary, ws, out, "resume, nothing changed", 2, "process", false);
    print(resumed);

    std::cout << "\nspeed-up -j 2 over -j 1 (process): " << std::setprecision(2)
              << two.pages_per_second() / one.pages_per_second() << "\n"
              << "thread over process at -j 2: "
              << threads.pages_per_second() / two.pages_per_second() << "\n"
              << "load average at the end: " << load_average() << "\n";
    return 0;
}
