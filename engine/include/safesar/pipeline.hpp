// The whole pipeline for one case, as the CLI, the GUI and batch run it: load the request,
// gather, detect, apply the policy. Export is a separate step (export.hpp).
#pragma once

#include "safesar/case_model.hpp"
#include "safesar/detect.hpp"
#include "safesar/gather.hpp"
#include "safesar/policy.hpp"
#include "safesar/stage_timing.hpp"

#include <filesystem>
#include <memory>

namespace safesar {

struct CaseScan {
    LoadedCase request;
    GatherResult gathered;
    std::unique_ptr<Detector> detector;
    std::vector<Finding> findings;
    PolicyResult policy;  // points into `gathered` and `request`: keep the CaseScan alive
    StageTimings timings; // gather, ocr (inside gather), detect, policy

    CaseScan() = default;
    CaseScan(const CaseScan&) = delete;
    CaseScan& operator=(const CaseScan&) = delete;
};

// Throws RequestError for a bad request.json, DataError for broken dictionaries, Cancelled when
// options.cancel is set. Unreadable records do not throw: they are listed in gathered.skipped.
std::unique_ptr<CaseScan> scan_case(const std::filesystem::path& case_folder,
                                    const GatherOptions& options = {});

} // namespace safesar
