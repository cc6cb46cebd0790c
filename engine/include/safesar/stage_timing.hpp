// How long each stage of one run took, and the process's peak memory when it ended: for
// `safesar run --timings` and bench/pipeline_bench (docs/performance.md).
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace safesar {

struct StageTime {
    std::string stage;      // gather, ocr, detect, policy, export, verify
    double seconds = 0;     // wall clock; < 0 when the stage runs inside another (ocr)
    double cpu_seconds = 0; // processor time of every thread of the process meanwhile
    double peak_mib = 0;    // the process's peak resident memory so far (VmHWM)
    std::string note = {};  // how to read it, when it is not a stage of its own
};

struct StageTimings {
    std::vector<StageTime> stages; // in the order they ran

    void add(std::string stage, double seconds, double cpu_seconds, std::string note = "");
    // The stages as aligned lines, with the total of those that are not part of another.
    std::string to_text() const;
};

// Processor time of the whole process (every thread) so far.
double process_cpu_seconds();

// Wall and processor time since it was made or last lapped. On a busy machine the wall time of a
// stage stretches; its processor time does not.
class Stopwatch {
  public:
    struct Lap {
        double wall = 0, cpu = 0;
    };
    Lap lap(); // the time since the last lap, then starts again

  private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    double cpu_start_ = process_cpu_seconds();
};

// VmHWM of this process in MiB; 0 where /proc is not there.
double peak_resident_mib();

} // namespace safesar
