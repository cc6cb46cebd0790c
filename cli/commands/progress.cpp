#include "progress.hpp"

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace safesar::cli {

Progress::Progress(bool asked) : terminal_(isatty(STDERR_FILENO) == 1) {
    shown_ = asked || terminal_;
}

Progress::~Progress() {
    if (terminal_ && width_ > 0)
        std::cerr << "\r" << std::string(width_, ' ') << "\r" << std::flush;
}

void Progress::update(const std::string& stage, const char* unit, int done, int total) {
    if (!shown_) return;
    std::lock_guard lock(mutex_);
    const Clock::time_point now = Clock::now();
    if (stage != stage_) {
        stage_ = stage;
        stage_start_ = now;
        last_draw_ = {};
    }
    const bool last = done >= total;
    // A terminal is redrawn ten times a second, a log gets a line a second: enough to see it move.
    const auto every = terminal_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(1000);
    if (!last && done > 0 && now - last_draw_ < every) return;
    last_draw_ = now;

    const double elapsed = std::chrono::duration<double>(now - stage_start_).count();
    char line[200];
    int n = std::snprintf(line, sizeof line, "%s: %d/%d %s", stage.c_str(), done, total, unit);
    if (done > 0 && elapsed > 0.5 && n > 0 && static_cast<std::size_t>(n) < sizeof line) {
        const double rate = done / elapsed;
        n += std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", %.1f/s", rate);
        if (!last && n > 0 && static_cast<std::size_t>(n) < sizeof line)
            std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", %.0f s left",
                          (total - done) / rate);
    }
    draw(line, last);
}

void Progress::note(const std::string& text) {
    if (!shown_) return;
    std::lock_guard lock(mutex_);
    stage_ = text;
    draw(text, false);
}

void Progress::draw(const std::string& line, bool last) {
    if (!terminal_) {
        std::cerr << line << "\n";
        return;
    }
    std::cerr << "\r" << line;
    if (line.size() < width_) std::cerr << std::string(width_ - line.size(), ' ');
    width_ = std::max(width_, line.size());
    if (last) { // a finished stage keeps its line
        std::cerr << "\n";
        width_ = 0;
    }
    std::cerr << std::flush;
}

std::function<void(ExportStage, int, int)> Progress::for_export() {
    if (!shown_) return nullptr;
    return [this](ExportStage stage, int done, int total) {
        if (stage == ExportStage::Verifying) {
            note("verifying the bundle");
            return;
        }
        update(to_string(stage), stage == ExportStage::Scanning ? "files" : "pages", done, total);
    };
}

std::function<void(int, int)> Progress::for_gather() {
    if (!shown_) return nullptr;
    return [this](int done, int total) { update("scanning", "files", done, total); };
}

void add_progress_flag(CLI::App* command, bool& flag) {
    command->add_flag("--progress", flag,
                      "progress on standard error even when it is not a terminal (a log)");
}

} // namespace safesar::cli
