// Process isolation: one case in a child process. A crash, a leak or a library's global state
// stays in that process; the batch reads the case's result from its standard output.
#pragma once

#include "safesar/batch.hpp"

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

namespace safesar::batching {

// Runs `command` CASE OUT --dpi N --threads T and waits for it. Terminates it when `stop` is
// set or it runs longer than `timeout_seconds` (0: no limit). Never throws for what the case
// does; throws std::system_error when no process can be started.
CaseResult run_case_process(const std::vector<std::string>& command,
                            const std::filesystem::path& folder,
                            const std::filesystem::path& out_dir, const CaseSettings& settings,
                            double timeout_seconds, const std::atomic<bool>* stop);

} // namespace safesar::batching
