// The batch: N workers take cases from the list in order. Each case is locked, skipped when its
// inputs match its last successful run, else run (on the worker's thread or in a process of its
// own) into a partial folder that replaces OUT/<name>/ only when complete.
#include "batch/case_output.hpp"
#include "batch/case_process.hpp"
#include "batch/fingerprint.hpp"
#include "batch/request_facts.hpp"
#include "safesar/batch.hpp"
#include "safesar/data_dir.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <sys/resource.h>
#include <thread>

namespace fs = std::filesystem;

namespace safesar {

namespace {

class Batch {
  public:
    Batch(const BatchOptions& options, std::string environment)
        : options_(options), environment_(std::move(environment)) {}

    CaseResult run(const BatchCase& c) {
        emit({BatchEvent::Started, &c, nullptr});
        CaseResult r = attempt(c);
        r.name = c.name;
        if (r.reference.empty()) batching::add_request_facts(c.folder, r);
        emit({BatchEvent::Finished, &c, &r});
        return r;
    }

    bool stopped() const { return options_.stop && options_.stop->load(); }

  private:
    CaseResult attempt(const BatchCase& c) {
        batching::CaseOutput output(options_.out_dir, c.name);
        try {
            if (!output.lock())
                return failed(c, "another batch is writing this case's outputs right now");
            output.remove_leftovers();
            // Taken before the run: records changed during the run make the next run redo it.
            const std::string fingerprint = batching::case_fingerprint(c.folder, environment_);
            if (auto last = output.stored(); last && last->fingerprint == fingerprint) {
                last->result.unchanged = true;
                return last->result;
            }
            const fs::path& partial = output.start();
            CaseResult r = options_.worker_command.empty()
                               ? run_case(c.folder, partial, options_.settings)
                               : batching::run_case_process(
                                     options_.worker_command, c.folder, partial, options_.settings,
                                     options_.case_timeout_seconds, options_.stop);
            r.name = c.name;
            r.unchanged = false;
            if (succeeded(r.status)) output.commit({fingerprint, r});
            return r; // a failed case leaves its last good outputs where they are
        } catch (const std::exception& e) {
            return failed(c, one_line_reason(e.what()));
        }
    }

    static CaseResult failed(const BatchCase& c, std::string reason) {
        CaseResult r;
        r.name = c.name;
        r.status = CaseStatus::Failed;
        r.reason = std::move(reason);
        return r;
    }

    void emit(const BatchEvent& event) {
        if (!options_.on_event) return;
        std::lock_guard lock(events_);
        options_.on_event(event);
    }

    const BatchOptions& options_;
    const std::string environment_;
    std::mutex events_;
};

long own_peak_memory_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

BatchResult run_batch(const std::vector<BatchCase>& cases, const BatchOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec || !fs::is_directory(options.out_dir, ec))
        throw BatchSetupError(options.out_dir.string(), "cannot create the output folder");
    batching::remove_stale_leftovers(options.out_dir);

    const fs::path program = options.worker_command.empty()
                                 ? fs::path("/proc/self/exe")
                                 : fs::path(options.worker_command.front());
    Batch batch(options,
                batching::environment_digest(program, dictionaries_dir(), options.settings.dpi));
    BatchResult result;
    result.cases.resize(cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        result.cases[i].name = cases[i].name;
        result.cases[i].reason = "not started: the batch was stopped";
    }
    result.jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());

    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; !batch.stopped() && (i = next++) < cases.size();)
            result.cases[i] = batch.run(cases[i]);
    };
    const std::size_t threads = std::min<std::size_t>(result.jobs, cases.size());
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& t : pool)
        t.join();

    for (std::size_t i = next; i < cases.size(); ++i) // never started: still in the summary
        batching::add_request_facts(cases[i].folder, result.cases[i]);
    result.interrupted = batch.stopped();
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.peak_memory_kib = own_peak_memory_kib();
    return result;
}

} // namespace safesar
