// Small helpers shared by the benchmarks: wall time and peak memory.
#pragma once

#include <chrono>
#include <sys/resource.h>

namespace safesar::bench {

inline double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Peak resident memory of this process so far, in MiB.
inline double peak_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

} // namespace safesar::bench
