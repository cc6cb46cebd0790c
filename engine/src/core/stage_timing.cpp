#include "safesar/stage_timing.hpp"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

namespace safesar {

void StageTimings::add(std::string stage, double seconds, double cpu_seconds, std::string note) {
    stages.push_back(
        {std::move(stage), seconds, cpu_seconds, peak_resident_mib(), std::move(note)});
}

std::string StageTimings::to_text() const {
    std::ostringstream out;
    StageTime total{"total", 0, 0, peak_resident_mib()};
    char line[160];
    for (const StageTime& s : stages) {
        if (s.seconds >= 0)
            std::snprintf(line, sizeof line, "%-8s %9.2f s wall %9.2f s cpu   peak %7.0f MiB",
                          s.stage.c_str(), s.seconds, s.cpu_seconds, s.peak_mib);
        else
            std::snprintf(line, sizeof line, "%-8s %9s s wall %9.2f s cpu   peak %7.0f MiB",
                          s.stage.c_str(), "-", s.cpu_seconds, s.peak_mib);
        out << line;
        if (!s.note.empty()) out << "   (" << s.note << ")";
        out << "\n";
        if (s.seconds >= 0) {
            total.seconds += s.seconds;
            total.cpu_seconds += s.cpu_seconds;
        }
    }
    std::snprintf(line, sizeof line, "%-8s %9.2f s wall %9.2f s cpu   peak %7.0f MiB\n", "total",
                  total.seconds, total.cpu_seconds, total.peak_mib);
    out << line;
    return out.str();
}

double process_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

Stopwatch::Lap Stopwatch::lap() {
    const auto now = std::chrono::steady_clock::now();
    const double cpu = process_cpu_seconds();
    Lap l{std::chrono::duration<double>(now - start_).count(), cpu - cpu_start_};
    start_ = now;
    cpu_start_ = cpu;
    return l;
}

double peak_resident_mib() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            double kib = 0;
            status >> kib;
            return kib / 1024;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}

} // namespace safesar
