// The output folder of one case, OUT/<name>/, replaced as a whole: the case is written into
// OUT/.<name>.partial-<pid>/, its state file last, and only then swapped in. A lock file,
// OUT/.<name>.lock, keeps two batches from writing one case at once.
#pragma once

#include "safesar/batch.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace safesar::batching {

// What OUT/<name>/.safesar-batch.json holds: the inputs' fingerprint and the result.
struct StoredRun {
    std::string fingerprint;
    CaseResult result;
};

class CaseOutput {
  public:
    CaseOutput(std::filesystem::path out_dir, std::string name);
    ~CaseOutput(); // removes an uncommitted partial folder, releases the lock
    CaseOutput(const CaseOutput&) = delete;
    CaseOutput& operator=(const CaseOutput&) = delete;

    // False when another process holds the case (another batch is writing it).
    bool lock();
    // Removes what an interrupted run left: partial and set-aside folders. Needs the lock.
    void remove_leftovers();

    // The last successful run, if its state file and every output it lists are there.
    std::optional<StoredRun> stored() const;

    // Creates an empty partial folder and returns it.
    const std::filesystem::path& start();
    // Writes the state file into the partial folder and puts the folder in place of OUT/<name>/.
    // Throws std::system_error or ExportError.
    void commit(const StoredRun& run);
    void discard() noexcept;

    std::filesystem::path final_dir() const { return out_dir_ / name_; }

  private:
    std::filesystem::path out_dir_;
    std::string name_;
    std::filesystem::path partial_;
    int lock_fd_ = -1;
};

// Removes every leftover in OUT whose case no running batch holds (started at batch start, so
// that leftovers of cases no longer listed go too).
void remove_stale_leftovers(const std::filesystem::path& out_dir);

} // namespace safesar::batching
