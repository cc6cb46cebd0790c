#include "gather/ocr_pool.hpp"
#include "safesar/data_dir.hpp"
#include "safesar/errors.hpp"
#include "safesar/pipeline.hpp"

namespace safesar {

std::unique_ptr<CaseScan> scan_case(const std::filesystem::path& folder,
                                    const GatherOptions& options) {
    auto scan = std::make_unique<CaseScan>();
    scan->request = load_case(folder);
    const Case& c = scan->request.value;
    const auto dictionaries = dictionaries_dir();
    Policy policy = Policy::load(dictionaries, c.profile);
    GatherOptions opts = options;
    if (opts.ocr_cache.empty()) opts.ocr_cache = c.state_dir() / "ocr-cache";
    Stopwatch clock;
    // The pool is shared by the process: under batch its time includes other cases'.
    const double ocr_before = OcrPool::shared().busy_seconds();
    scan->gathered = gather_records(c, opts);
    Stopwatch::Lap lap = clock.lap();
    scan->timings.add("gather", lap.wall, lap.cpu);
    scan->timings.add("ocr", -1, OcrPool::shared().busy_seconds() - ocr_before,
                      "inside gather, on " + std::to_string(OcrPool::shared().threads()) +
                          " OCR threads");
    throw_if_cancelled(options.cancel);
    scan->detector = std::make_unique<Detector>(&c, dictionaries);
    scan->findings = scan->detector->detect(scan->gathered.records);
    lap = clock.lap();
    scan->timings.add("detect", lap.wall, lap.cpu);
    throw_if_cancelled(options.cancel);
    scan->policy = policy.apply(c, scan->gathered, scan->findings, *scan->detector);
    lap = clock.lap();
    scan->timings.add("policy", lap.wall, lap.cpu);
    // What gathering noticed about a record and cannot decide (hidden text that is not
    // disclosed, macros that were not run) is for the reviewer to close, like the policy's risks.
    for (const Record& r : scan->gathered.records)
        for (const std::string& caution : r.cautions)
            scan->policy.risks.push_back({r.name, caution});
    return scan;
}

} // namespace safesar
