// The controller's schedule: what the requester's bundle leaves unsaid, written for the
// controller alone into the case's own state folder, never beside the bundle.
#pragma once

#include "safesar/export.hpp"
#include "safesar/pipeline.hpp"
#include "safesar/review.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace safesar::case_export {

struct ScheduleInputs {
    const CaseScan* scan = nullptr;
    const Disclosure* disclosure = nullptr;
    const ExportResult* bundle = nullptr;
    bool final = false;
    std::optional<std::int64_t> version;          // reviewed exports
    std::optional<std::vector<StoredRisk>> risks; // reviewed exports: with acknowledgements
};

// Writes the schedule (mode 0600, written then renamed) and returns its path. Throws
// ExportError when it cannot be written.
std::filesystem::path write_controller_schedule(const ScheduleInputs& in);

} // namespace safesar::case_export
