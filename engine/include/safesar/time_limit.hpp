// Work that may never end (one page Poppler takes hours to draw: a function-based shading, a
// pathological font) run with a time limit. Poppler cannot be interrupted, so work that runs
// out of time is given up, not stopped: its thread is left to finish on its own, and everything
// it touches must belong to the work itself (shared pointers captured by value), never to the
// caller, who goes on at once. docs/limits.md.
#pragma once

#include <functional>

namespace safesar {

// Runs `work` on a thread of its own and waits at most `seconds`. True when it finished (its
// exception, if any, is rethrown here); false when time ran out.
bool run_with_time_limit(double seconds, std::function<void()> work);

// Threads given up so far and still running. A program that ends while one runs must end with
// std::_Exit (after flushing its output): static destructors would pull the libraries out from
// under it.
int running_abandoned_threads();

} // namespace safesar
