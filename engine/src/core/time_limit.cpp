#include "safesar/time_limit.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace safesar {

namespace {

std::atomic<int> abandoned{0};

// Shared by the caller and the work's thread: whoever leaves last frees it.
struct Run {
    std::mutex mutex;
    std::condition_variable done_signal;
    bool done = false, given_up = false;
    std::exception_ptr error;
};

} // namespace

bool run_with_time_limit(double seconds, std::function<void()> work) {
    auto run = std::make_shared<Run>();
    std::thread thread([run, work = std::move(work)] {
        std::exception_ptr error;
        try {
            work();
        } catch (...) {
            error = std::current_exception();
        }
        std::lock_guard lock(run->mutex);
        run->done = true;
        run->error = error;
        if (run->given_up) --abandoned;
        run->done_signal.notify_all();
    });
    std::unique_lock lock(run->mutex);
    const auto limit = std::chrono::duration<double>(seconds);
    if (!run->done_signal.wait_for(lock, limit, [&] { return run->done; })) {
        run->given_up = true;
        ++abandoned;
        lock.unlock();
        thread.detach();
        return false;
    }
    lock.unlock();
    thread.join();
    if (run->error) std::rethrow_exception(run->error);
    return true;
}

int running_abandoned_threads() {
    return abandoned.load();
}

} // namespace safesar
