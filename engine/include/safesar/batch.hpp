// Batch: every case of a workspace (or a manifest) gathered, scanned and exported as a draft,
// N cases at once, one failing case never stopping the others, and resumable: a case whose
// inputs have not changed since its last successful run is not run again. See docs/batch.md.
#pragma once

#include "safesar/case_model.hpp"
#include "safesar/errors.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace safesar {

// The batch cannot start: no cases, an unreadable manifest, two cases with one name.
class BatchSetupError : public Error {
    using Error::Error;
};

// One case of a batch. Its outputs go to OUT/<name>/.
struct BatchCase {
    std::filesystem::path folder;
    std::string name; // the case folder's own name
};

// Every folder directly under `workspace` that holds a request.json or a records/ folder,
// sorted by name; `out_dir` is left out when it lies inside the workspace.
std::vector<BatchCase> workspace_cases(const std::filesystem::path& workspace,
                                       const std::filesystem::path& out_dir);
// The case folders a manifest lists, one a line, relative to the manifest's folder; blank lines
// and lines starting with '#' are ignored.
std::vector<BatchCase> manifest_cases(const std::filesystem::path& manifest);
// Cases `index`, `index + count`, `index + 2*count`... of the list: one job's share when the
// batch is spread over a scheduler's array of jobs.
std::vector<BatchCase> shard_cases(const std::vector<BatchCase>& cases, unsigned index,
                                   unsigned count);

enum class CaseStatus {
    Done,       // the draft bundle is written, every record was read
    Incomplete, // the draft bundle is written, but some records could not be read
    Failed,     // no bundle: bad request, no records/, export failed, the case's process died
    NotRun,     // the batch was interrupted before the case finished
};
const char* to_string(CaseStatus);

// What the batch knows about one case: counts and references only, never a person's data.
struct CaseResult {
    std::string name; // BatchCase::name
    CaseStatus status = CaseStatus::NotRun;
    bool unchanged = false; // not run: same inputs as its last successful run, whose result this is
    std::string reason;     // one line when not Done; quoted values elided (see one_line_reason)
    std::string reference;
    std::string profile;
    int records = 0, skipped_records = 0;
    int pages = 0; // pages of the bundle
    int redactions = 0;
    std::map<std::string, int> findings; // category -> findings, whoever they belong to
    int open_risks = 0;                  // safety risks to close before a final export
    std::optional<Date> due;
    double seconds = 0;
    long peak_memory_kib = 0;         // the case's own process (process isolation only), else 0
    std::vector<std::string> outputs; // file names written into OUT/<name>/
};

bool succeeded(CaseStatus status); // Done or Incomplete: a bundle was written

// An error as one line that is safe to put in a report: quoted values (a name, a date of birth
// from request.json) are replaced by an ellipsis.
std::string one_line_reason(const std::string& message);

// What every case runs with. Changing `dpi` runs every case again; `threads` does not.
struct CaseSettings {
    int dpi = 200;
    unsigned threads = 1; // gathering and page rendering threads within one case
};

// One case in this process: scan, due date, draft bundle into `out_dir`. Never throws.
CaseResult run_case(const std::filesystem::path& folder, const std::filesystem::path& out_dir,
                    const CaseSettings& settings);

std::string case_result_json(const CaseResult& result);    // one line
CaseResult case_result_from_json(const std::string& text); // throws std::exception

struct BatchEvent {
    enum Kind { Started, Finished } kind = Started;
    const BatchCase* batch_case = nullptr;
    const CaseResult* result = nullptr; // Finished only
};

struct BatchOptions {
    std::filesystem::path out_dir;
    unsigned jobs = 0; // cases at once; 0: one per core
    CaseSettings settings;
    // Empty: each case runs on a thread of this process. Else each case runs in a process of
    // its own: this command followed by CASE OUT_DIR --dpi N --threads T, which must print the
    // case's result (case_result_json) on its standard output and exit 0.
    std::vector<std::string> worker_command;
    double case_timeout_seconds = 0; // process isolation: a case still running is killed; 0: none
    // Set (a signal handler may set it) to stop: no new case starts, running case processes are
    // terminated, running threads finish their case.
    const std::atomic<bool>* stop = nullptr;
    std::function<void(const BatchEvent&)> on_event; // called one at a time, from any thread
};

struct BatchResult {
    std::vector<CaseResult> cases; // in the order of the list
    bool interrupted = false;
    unsigned jobs = 0;
    double seconds = 0;
    long peak_memory_kib = 0; // this process
};

// Runs every case and returns when all have finished or the batch was stopped. Throws
// BatchSetupError when OUT cannot be created; everything that goes wrong in a case is in its
// result.
BatchResult run_batch(const std::vector<BatchCase>& cases, const BatchOptions& options);

bool all_done(const BatchResult& result); // every case Done: the batch's exit status is 0

// The report for a data protection officer, OUT/batch-summary.md, and its twin
// OUT/batch-summary.json; `today` decides what is due this week and what is overdue.
std::string batch_summary_markdown(const BatchResult& result, const Date& today);
std::string batch_summary_json(const BatchResult& result, const Date& today);
void write_batch_summary(const BatchResult& result, const std::filesystem::path& out_dir,
                         const Date& today);

} // namespace safesar
