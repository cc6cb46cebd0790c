// safesar batch WORKSPACE --out DIR [-j N]: every case of a workspace (or a --manifest) to a
// draft bundle in DIR/<case>/, N cases at once, resumable; and the hidden `batch-case`, which
// runs one case in a process of its own for it. See docs/batch.md.
#include "../commands.hpp"

#include "safesar/batch.hpp"
#include "safesar/deadline.hpp"

#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace safesar::cli {

namespace {

constexpr int kUsage = 2;

// Options are read as text and checked here, not by CLI11, so that every usage error ends
// with exit status 2 as docs/batch.md promises.
struct BatchArgs {
    std::string workspace, out, manifest, jobs, dpi = "200", isolation = "process", timeout, shard,
                                                today;
    bool json = false;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

unsigned parse_count(const std::string& text, const char* option, unsigned min, unsigned max) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < min || value > max)
        throw UsageError(std::string(option) + ": expected a number from " + std::to_string(min) +
                         " to " + std::to_string(max) + ", not '" + text + "'");
    return value;
}

// ---- Stopping: Ctrl-C or SIGTERM stops the batch; a second one ends the program at once ----

std::atomic<bool> stop_requested{false};

extern "C" void on_stop_signal(int) {
    stop_requested.store(true);
}

void install_stop_handlers() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    action.sa_flags = SA_RESETHAND; // the second signal gets the default action
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

// ---- Progress of a batch: one status line rewritten on a terminal, plain lines otherwise ----

class BatchProgress {
  public:
    BatchProgress(std::size_t total, bool terminal)
        : total_(total), terminal_(terminal), start_(Clock::now()) {
        if (terminal_) ticker_ = std::thread([this] { tick(); });
    }
    ~BatchProgress() {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
        }
        wake_.notify_all();
        if (ticker_.joinable()) ticker_.join();
        if (terminal_) std::cerr << "\r" << std::string(shown_, ' ') << "\r" << std::flush;
    }
    BatchProgress(const BatchProgress&) = delete;
    BatchProgress& operator=(const BatchProgress&) = delete;

    void on_event(const BatchEvent& e) {
        std::lock_guard lock(mutex_);
        if (e.kind == BatchEvent::Started) {
            ++running_;
        } else {
            --running_;
            ++finished_;
            const CaseResult& r = *e.result;
            if (!r.unchanged) {
                ++ran_;
                pages_ += r.pages;
            }
            if (r.status != CaseStatus::Done) ++problems_;
            print_case(r);
        }
        if (terminal_) draw();
    }

  private:
    using Clock = std::chrono::steady_clock;

    // On a terminal only what needs a look gets a line of its own; in a log, every case does.
    void print_case(const CaseResult& r) {
        if (terminal_ && r.status == CaseStatus::Done) return;
        std::ostringstream line;
        line << "[" << finished_ << "/" << total_ << "] " << r.name << ": " << to_string(r.status);
        if (r.unchanged) line << ", unchanged since its last run";
        if (succeeded(r.status))
            line << ", " << r.pages << " pages, " << r.redactions << " redactions";
        if (!r.reason.empty()) line << ": " << r.reason;
        if (!r.unchanged && r.status != CaseStatus::NotRun)
            line << " (" << std::fixed << std::setprecision(1) << r.seconds << " s)";
        if (terminal_) std::cerr << "\r" << std::string(shown_, ' ') << "\r";
        shown_ = 0;
        std::cerr << line.str() << "\n" << std::flush;
    }

    void draw() {
        const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
        std::ostringstream line;
        line << "batch: " << finished_ << "/" << total_ << " cases, " << running_ << " running, "
             << pages_ << " pages";
        if (elapsed > 0 && ran_ > 0) {
            line << ", " << std::fixed << std::setprecision(1) << pages_ / elapsed << " pages/s";
            // Cases still to come at the pace of those that ran, however many run at once.
            const double left = static_cast<double>(total_ - finished_) * elapsed / ran_;
            if (finished_ < total_) line << ", about " << duration_text(left) << " left";
        }
        if (problems_) line << ", " << problems_ << " need a look";
        if (stop_requested.load()) line << " - stopping";
        std::string text = line.str();
        const std::size_t width = terminal_width();
        if (text.size() >= width) text.resize(width - 1);
        std::cerr << "\r" << text
                  << std::string(shown_ > text.size() ? shown_ - text.size() : 0, ' ')
                  << std::flush;
        shown_ = text.size();
    }

    void tick() {
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, std::chrono::seconds(1), [this] { return done_; }))
            draw();
    }

    static std::string duration_text(double seconds) {
        const long s = static_cast<long>(seconds + 0.5);
        if (s < 60) return std::to_string(s) + " s";
        if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
        return std::to_string(s / 3600) + " h " + std::to_string(s / 60 % 60) + " min";
    }

    static std::size_t terminal_width() {
        winsize size{};
        if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 20) return size.ws_col;
        return 80;
    }

    const std::size_t total_;
    const bool terminal_;
    const Clock::time_point start_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::thread ticker_;
    bool done_ = false;
    std::size_t finished_ = 0, running_ = 0, ran_ = 0, problems_ = 0, shown_ = 0;
    long pages_ = 0;
};

// ---- The command ----

std::vector<BatchCase> list_cases(const BatchArgs& a) {
    if (a.workspace.empty() == a.manifest.empty())
        throw UsageError("give a WORKSPACE folder or --manifest FILE (one of them)");
    std::vector<BatchCase> cases =
        a.manifest.empty() ? workspace_cases(a.workspace, a.out) : manifest_cases(a.manifest);
    if (cases.empty())
        throw UsageError("no cases in " + (a.manifest.empty() ? a.workspace : a.manifest));
    if (!a.shard.empty()) {
        const auto slash = a.shard.find('/');
        if (slash == std::string::npos) throw UsageError("--shard: expected I/N, e.g. 3/50");
        const unsigned count = parse_count(a.shard.substr(slash + 1), "--shard", 1, 1000000);
        const unsigned index = parse_count(a.shard.substr(0, slash), "--shard", 0, count - 1);
        cases = shard_cases(cases, index, count);
    }
    return cases;
}

BatchOptions batch_options(const BatchArgs& a) {
    if (a.out.empty()) throw UsageError("--out DIR is required");
    BatchOptions o;
    o.out_dir = a.out;
    o.jobs = a.jobs.empty() ? std::max(1u, std::thread::hardware_concurrency())
                            : parse_count(a.jobs, "-j", 1, 1024);
    o.settings.dpi = static_cast<int>(parse_count(a.dpi, "--dpi", 72, 600));
    if (a.isolation == "process")
        o.worker_command = {"/proc/self/exe", "batch-case"};
    else if (a.isolation != "thread")
        throw UsageError("--isolation: expected process or thread, not '" + a.isolation + "'");
    if (!a.timeout.empty()) {
        if (a.isolation != "process") throw UsageError("--timeout needs --isolation process");
        o.case_timeout_seconds = parse_count(a.timeout, "--timeout", 1, 7 * 24 * 3600);
    }
    o.stop = &stop_requested;
    return o;
}

int run_batch_command(const BatchArgs& a, const std::vector<std::string>& extras) {
    if (!extras.empty()) throw UsageError("unexpected argument: " + extras.front());
    BatchOptions options = batch_options(a);
    const std::vector<BatchCase> cases = list_cases(a);
    Date today = safesar::today();
    if (!a.today.empty()) {
        const auto date = parse_iso_date(a.today);
        if (!date) throw UsageError("--today: not a YYYY-MM-DD date: " + a.today);
        today = *date;
    }

    install_stop_handlers();
    BatchResult result;
    {
        BatchProgress progress(cases.size(), isatty(STDERR_FILENO) == 1);
        options.on_event = [&](const BatchEvent& e) { progress.on_event(e); };
        result = run_batch(cases, options);
    }
    // A shard sees only its share: the summary of the whole list is the job of a run over it.
    if (a.shard.empty()) write_batch_summary(result, options.out_dir, today);

    if (a.json) {
        std::cout << batch_summary_json(result, today);
    } else {
        std::map<CaseStatus, int> counts;
        for (const CaseResult& c : result.cases)
            counts[c.status]++;
        std::cout << result.cases.size() << " cases: " << counts[CaseStatus::Done] << " done, "
                  << counts[CaseStatus::Incomplete] << " incomplete, " << counts[CaseStatus::Failed]
                  << " failed, " << counts[CaseStatus::NotRun] << " not run";
        if (a.shard.empty())
            std::cout << "; summary in " << (fs::path(a.out) / "batch-summary.md").string();
        std::cout << "\n";
    }
    if (result.interrupted) std::cerr << "safesar: batch stopped; run it again to resume\n";
    return all_done(result) ? 0 : 1;
}

void add_batch_case_command(CLI::App& app) {
    // What a case's process runs: one case, its result as one JSON line on stdout.
    auto* cmd = app.add_subcommand("batch-case", "Run one case for `safesar batch`");
    cmd->group(""); // hidden: an interface between two copies of this program
    auto folder = std::make_shared<std::string>(), out = std::make_shared<std::string>();
    auto settings = std::make_shared<CaseSettings>();
    cmd->add_option("CASE", *folder)->required();
    cmd->add_option("OUT", *out)->required();
    cmd->add_option("--dpi", settings->dpi)->check(CLI::Range(72, 600));
    cmd->add_option("--threads", settings->threads)->check(CLI::Range(1, 64));
    cmd->callback([=] {
        // Ends with the batch, even one killed with SIGKILL: no orphan writes on.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() == 1) std::exit(1);
        std::cout << case_result_json(run_case(*folder, *out, *settings)) << std::endl;
    });
}

} // namespace

void add_batch_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "batch", "Every case of a workspace to a draft bundle, N at once, resumable");
    auto args = std::make_shared<BatchArgs>();
    cmd->add_option("WORKSPACE", args->workspace, "a folder of case folders")->type_name("DIR");
    cmd->add_option("--out", args->out, "where each case's bundle goes: DIR/<case>/ (required)")
        ->type_name("DIR");
    cmd->add_option("--manifest", args->manifest,
                    "a file listing case folders, one a line, relative to the file")
        ->type_name("FILE");
    cmd->add_option("-j,--jobs", args->jobs, "cases at once (default: one per core)")
        ->type_name("N");
    cmd->add_option("--dpi", args->dpi, "page rendering resolution (default 200)")->type_name("N");
    cmd->add_option("--isolation", args->isolation,
                    "process (default: each case in a process of its own) or thread")
        ->type_name("MODE");
    cmd->add_option("--timeout", args->timeout, "seconds after which a case is stopped")
        ->type_name("SECONDS");
    cmd->add_option("--shard", args->shard, "I/N: only cases I, I+N, I+2N... (0-based)")
        ->type_name("I/N");
    cmd->add_option("--today", args->today, "reckon due dates as of this YYYY-MM-DD")
        ->type_name("DATE");
    cmd->add_flag("--json", args->json, "print the summary as JSON on standard output");
    cmd->allow_extras();
    cmd->callback([=] {
        try {
            exit_status() = run_batch_command(*args, cmd->remaining());
        } catch (const UsageError& e) {
            std::cerr << "safesar batch: " << e.what()
                      << "\nRun with --help for more information.\n";
            exit_status() = kUsage;
        } catch (const BatchSetupError& e) {
            std::cerr << "safesar batch: " << e.what() << "\n";
            exit_status() = kUsage;
        }
    });
    add_batch_case_command(app);
}

} // namespace safesar::cli
