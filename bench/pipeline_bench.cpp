// pipeline_bench: the whole pipeline on one large mixed case, at two or more scales, to show
// where the time goes and that it grows linearly. Prints figures; it is not a test.
//
// For each scale it composes a case with fixtures/make_pipeline_case.py (at scale 1: 1,000 PDF
// pages, 100 scanned pages, a 5 MB notes export, 200 e-mails with attachments, a 50,000-row
// CSV), runs `safesar run CASE --out OUT --timings` as a child process (a fresh case: no OCR
// cache), and prints each stage's wall and processor time, the bundle's pages per second end to
// end and the child's peak resident memory. On a busy machine compare processor times.
//
//   pipeline_bench [--scales 0.1,0.2] [--safesar PATH] [--work DIR]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Run {
    double scale = 0;
    double wall = 0, cpu = 0, peak_mib = 0; // the child's: wall, user + system, peak RSS
    int pages = 0;
    struct Stage {
        std::string name;
        std::string wall; // "-" for ocr, which runs inside gather
        double cpu = 0;
    };
    std::vector<Stage> stages; // as `run --timings` printed them
};

double now_seconds() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Runs argv with stdout and stderr to files; returns the exit status, its peak RSS in MiB and its
// processor time (user + system, every thread).
int run_child(const std::vector<std::string>& argv, const fs::path& out, const fs::path& err,
              double& peak_mib, double& cpu) {
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        if (!freopen(out.c_str(), "w", stdout) || !freopen(err.c_str(), "w", stderr)) _exit(126);
        std::vector<char*> args;
        for (const std::string& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
    };
    cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Run measure(double scale, const fs::path& safesar, const fs::path& work) {
    Run r;
    r.scale = scale;
    const fs::path dir = work / ("case-" + std::to_string(scale));
    const fs::path out = work / ("out-" + std::to_string(scale));
    fs::remove_all(dir);
    fs::remove_all(out);
    double unused = 0;
    const std::string make = std::string(SAFESAR_SOURCE_DIR) + "/fixtures/make_pipeline_case.py";
    if (run_child({"/usr/bin/python3", make, dir.string(), "--scale", std::to_string(scale)},
                  work / "make.out", work / "make.err", unused, unused) != 0) {
        std::cerr << "pipeline_bench: make_pipeline_case.py failed:\n"
                  << read_file(work / "make.err");
        std::exit(1);
    }
    std::cout << read_file(work / "make.out") << std::flush;
    const double start = now_seconds();
    const int status =
        run_child({safesar.string(), "run", dir.string(), "--out", out.string(), "--timings"},
                  work / "run.out", work / "run.err", r.peak_mib, r.cpu);
    r.wall = now_seconds() - start;
    if (status != 0) {
        std::cerr << "pipeline_bench: safesar run failed (" << status << "):\n"
                  << read_file(work / "run.err");
        std::exit(1);
    }
    // "wrote …pdf (N pages) and …"
    const std::string said = read_file(work / "run.out");
    if (std::size_t p = said.find(" ("); p != std::string::npos)
        r.pages = std::atoi(said.c_str() + p + 2);
    // The --timings lines: "stage  12.34 s wall  20.10 s cpu   peak ..."
    std::istringstream err(read_file(work / "run.err"));
    for (std::string line; std::getline(err, line);) {
        std::istringstream words(line);
        Run::Stage stage;
        std::string s1, wall_word, s2, cpu_word;
        if (words >> stage.name >> stage.wall >> s1 >> wall_word >> stage.cpu >> s2 >> cpu_word &&
            wall_word == "wall" && cpu_word == "cpu" && stage.name != "total")
            r.stages.push_back(stage);
    }
    return r;
}

std::vector<double> parse_scales(const std::string& list) {
    std::vector<double> out;
    std::stringstream s(list);
    for (std::string item; std::getline(s, item, ',');)
        out.push_back(std::atof(item.c_str()));
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<double> scales = {0.1, 0.2};
    fs::path safesar = fs::canonical("/proc/self/exe").parent_path().parent_path() / "cli/safesar";
    fs::path work = fs::temp_directory_path() / "safesar-pipeline-bench";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--scales")
            scales = parse_scales(argv[i + 1]);
        else if (flag == "--safesar")
            safesar = argv[i + 1];
        else if (flag == "--work")
            work = argv[i + 1];
        else {
            std::cerr << "usage: pipeline_bench [--scales 0.1,0.2] [--safesar PATH] [--work DIR]\n";
            return 2;
        }
    }
    fs::create_directories(work);
    std::vector<Run> runs;
    for (double scale : scales)
        runs.push_back(measure(scale, safesar, work));

    // Each stage as wall/cpu seconds.
    std::printf("\n%6s %7s %8s %8s %8s", "scale", "pages", "wall s", "cpu s", "pages/s");
    for (const Run::Stage& stage : runs.front().stages)
        std::printf(" %13s", stage.name.c_str());
    std::printf(" %9s\n", "peak MiB");
    for (const Run& r : runs) {
        std::printf("%6.2f %7d %8.1f %8.1f %8.1f", r.scale, r.pages, r.wall, r.cpu,
                    r.wall > 0 ? r.pages / r.wall : 0);
        for (const Run::Stage& stage : r.stages) {
            char cell[40];
            std::snprintf(cell, sizeof cell, "%s/%.1f", stage.wall.c_str(), stage.cpu);
            std::printf(" %13s", cell);
        }
        std::printf(" %9.0f\n", r.peak_mib);
    }
    // Linear growth: time per page stays the same as the case grows.
    for (std::size_t i = 1; i < runs.size(); ++i)
        std::printf("scale x%.1f: pages x%.2f, wall time x%.2f\n", runs[i].scale / runs[0].scale,
                    static_cast<double>(runs[i].pages) / runs[0].pages,
                    runs[i].wall / runs[0].wall);
    std::printf("(each stage: wall/cpu seconds; cpu is every thread's; ocr runs inside gather, "
                "so it has no wall time of its own)\n");
    return 0;
}
