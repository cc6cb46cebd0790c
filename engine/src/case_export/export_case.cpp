// export_reviewed_case and export_draft: the sequence every shell runs, written once.
#include "safesar/case_export.hpp"

#include "case_export/controller_schedule.hpp"
#include "review/phrase_search.hpp"
#include "review/reasons.hpp"
#include "safesar/enum_names.hpp"
#include "safesar/errors.hpp"

#include <set>

namespace safesar {

const char* to_string(ExportStage stage) {
    return export_stage_names.name(stage);
}

namespace {

// The records as they are on disk now: whatever changed since the last scan is in the bundle.
std::shared_ptr<CaseScan> scan_now(const std::filesystem::path& folder,
                                   const CaseExportOptions& o) {
    GatherOptions gather = o.gather;
    gather.cancel = o.cancel;
    if (o.on_progress)
        gather.on_file_done = [&o](int done, int total) {
            o.on_progress(ExportStage::Scanning, done, total);
        };
    return scan_case(folder, gather);
}

StageTimings all_stages(const CaseScan& scan, const ExportTimings& bundle) {
    StageTimings t = scan.timings;
    t.add("export", bundle.plan_seconds + bundle.write_seconds,
          bundle.cpu_seconds - bundle.verify_cpu_seconds);
    t.add("verify", bundle.verify_seconds, bundle.verify_cpu_seconds);
    return t;
}

ExportOptions bundle_options(const CaseExportOptions& o) {
    ExportOptions bundle = o.bundle;
    bundle.cancel = o.cancel;
    if (o.on_progress) {
        bundle.on_page_done = [&o](int done, int total) {
            o.on_progress(ExportStage::Writing, done, total);
        };
        bundle.on_verifying = [&o] { o.on_progress(ExportStage::Verifying, 0, 1); };
    }
    return bundle;
}

} // namespace

CaseExport export_reviewed_case(const std::filesystem::path& folder, bool final,
                                const CaseExportOptions& options) {
    CaseExport out;
    out.final = final;
    std::shared_ptr<CaseScan> scan = scan_now(folder, options);
    out.request_warnings = scan->request.warnings;
    ReviewStore store = ReviewStore::open(scan->request.value, options.acting);
    // Anything new since the last scan is in the review state before the disclosure is built,
    // so a final export is refused until it has been reviewed too.
    out.scan_recorded = store.record_scan(*scan);
    const ReviewedDisclosure reviewed = store.build_disclosure(*scan, final);
    out.version = reviewed.version;
    out.notes = reviewed.notes;
    throw_if_cancelled(options.cancel);
    out.bundle = export_bundle(reviewed.disclosure, bundle_options(options));
    out.timings = all_stages(*scan, out.bundle.timings);
    // The version recorded is the one the disclosure was built from, whatever changed since.
    store.record_export(out.bundle, final, reviewed.version);
    case_export::ScheduleInputs schedule{scan.get(), &reviewed.disclosure, &out.bundle,
                                         final,      reviewed.version,     store.risks()};
    out.controller_schedule = case_export::write_controller_schedule(schedule);
    out.scan = std::move(scan);
    return out;
}

CaseExport export_draft(const std::filesystem::path& folder, const CaseExportOptions& options) {
    CaseExport out;
    std::shared_ptr<CaseScan> scan = scan_now(folder, options);
    out.request_warnings = scan->request.warnings;
    throw_if_cancelled(options.cancel);
    Disclosure disclosure = scan->policy.disclosure;
    out.bundle = export_draft_bundle(disclosure, bundle_options(options), out.notes);
    out.timings = all_stages(*scan, out.bundle.timings);
    case_export::ScheduleInputs schedule{scan.get(), &disclosure,  &out.bundle,
                                         false,      std::nullopt, std::nullopt};
    out.controller_schedule = case_export::write_controller_schedule(schedule);
    out.scan = std::move(scan);
    return out;
}

ExportResult export_draft_bundle(Disclosure& disclosure, const ExportOptions& options,
                                 std::vector<std::string>& notes) {
    std::set<std::string> redacted; // texts redacted after the verifier found them
    for (int attempt = 1;; ++attempt) {
        try {
            ExportResult result = export_bundle(disclosure, options);
            if (!redacted.empty())
                notes.push_back(
                    "the verifier found " + std::to_string(redacted.size()) +
                    " redacted text(s) still readable elsewhere in the draft; each is redacted "
                    "wherever it stands (a draft fails closed): a reviewer checks them");
            return result;
        } catch (const VerificationFailed& e) {
            if (attempt == 3 || e.leaks().empty()) throw;
            int applied = 0;
            for (const LeakFinding& leak : e.leaks()) {
                if (leak.text.empty()) continue;
                const Reason reason = review::reason_for(leak.code.empty() ? "TP" : leak.code);
                for (RecordDisclosure& rd : disclosure.records) {
                    if (!rd.record) continue;
                    applied += review::redact_phrase_in_title(leak.text, rd);
                    if (rd.fate != RecordFate::WithholdInFull)
                        applied += review::redact_phrase_in_sections(leak.text, reason, rd);
                }
                redacted.insert(leak.text);
            }
            if (applied == 0) throw; // nothing left to redact as words: as before
        }
    }
}

std::vector<std::int64_t>
redact_remaining_occurrences(const std::filesystem::path& folder,
                             const std::vector<LeakFinding>& leaks,
                             std::shared_ptr<const IdentityProvider> acting) {
    ReviewStore store = ReviewStore::open(load_case(folder).value, std::move(acting));
    std::vector<std::int64_t> ids;
    std::set<std::string> done;
    for (const LeakFinding& leak : leaks) {
        if (leak.text.empty() || !done.insert(leak.text).second) continue;
        ids.push_back(store.add_manual_text(leak.text, "", leak.code.empty() ? "TP" : leak.code,
                                            "the verifier found it still readable"));
    }
    return ids;
}

} // namespace safesar
