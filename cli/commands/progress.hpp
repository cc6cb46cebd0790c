// Progress of run, scan and export on standard error: the stage, files or pages done of all,
// the rate and the time left. On a terminal one line redrawn in place; elsewhere (a log, a
// pipe) plain lines, at most one a second, only when --progress asks for them.
#pragma once

#include "safesar/case_export.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <functional>
#include <mutex>
#include <string>

namespace safesar::cli {

class Progress {
  public:
    // Shown when `asked` (--progress) or when standard error is a terminal.
    explicit Progress(bool asked);
    ~Progress(); // clears the line on a terminal
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Safe to call from any thread; `unit` is "files" or "pages".
    void update(const std::string& stage, const char* unit, int done, int total);
    // A stage with no count ("verifying the bundle").
    void note(const std::string& text);

    // For CaseExportOptions::on_progress and GatherOptions::on_file_done; empty when not shown.
    std::function<void(ExportStage, int, int)> for_export();
    std::function<void(int, int)> for_gather();

  private:
    using Clock = std::chrono::steady_clock;
    void draw(const std::string& line, bool last);

    bool shown_ = false, terminal_ = false;
    std::mutex mutex_;
    std::string stage_;
    Clock::time_point stage_start_{}, last_draw_{};
    std::size_t width_ = 0; // of the line on screen, to clear it
};

// Adds --progress to a command.
void add_progress_flag(CLI::App* command, bool& flag);

} // namespace safesar::cli
