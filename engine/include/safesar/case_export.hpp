// Exporting a case, the one way every shell does it (safesar export, safesar run, safesar batch,
// the GUI's export dialog): scan the records as they are on disk now, record that scan in the
// review state, build the disclosure, write and verify the bundle, record the export with the
// state's version the disclosure was built from, and write the controller's schedule.
// See docs/export.md.
#pragma once

#include "safesar/export.hpp"
#include "safesar/gather.hpp"
#include "safesar/pipeline.hpp"
#include "safesar/review.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace safesar {

enum class ExportStage { Scanning, Writing, Verifying };
const char* to_string(ExportStage);

struct CaseExportOptions {
    // Where, resolution, password, settings, render threads. Its on_page_done and cancel are
    // set by the call from the two below.
    ExportOptions bundle;
    // OCR, threads. Its on_file_done and cancel are set by the call.
    GatherOptions gather;
    // Who exports, recorded with the scan and the export: the operating-system account unless
    // a test gives another provider.
    std::shared_ptr<const IdentityProvider> acting = os_account();
    // Called from the calling thread (or a gather worker, one call at a time) as work is done:
    // files read while scanning, pages written while writing.
    std::function<void(ExportStage stage, int done, int total)> on_progress = nullptr;
    // When set to true the export stops soon and throws Cancelled; nothing is written.
    const std::atomic<bool>* cancel = nullptr;
};

struct CaseExport {
    ExportResult bundle;
    bool final = false;
    // The controller's schedule (never to be disclosed): CASE/.safesar/, see controller_schedule.
    std::filesystem::path controller_schedule;
    std::vector<std::string> request_warnings; // request.json's own warnings
    std::vector<std::string> notes;            // manual redactions that matched nothing, ...
    ScanRecorded scan_recorded;                // reviewed exports: what the re-scan changed
    std::int64_t version = 0;             // reviewed exports: the review state the bundle shows
    std::shared_ptr<const CaseScan> scan; // the scan the bundle was drawn from
    StageTimings timings; // the scan's stages, then export (plan and write) and verify
};

// The reviewers' decisions applied. A final export is refused (ReviewError, nothing written)
// until the review is complete, including anything the re-scan found new. Throws
// VerificationFailed (nothing written) when verification finds redacted text still readable:
// its leaks() are what redact_remaining_occurrences resolves.
CaseExport export_reviewed_case(const std::filesystem::path& case_folder, bool final,
                                const CaseExportOptions& options);

// The policy's proposals applied, as a watermarked draft (safesar run, batch). The review state
// is neither read nor written.
CaseExport export_draft(const std::filesystem::path& case_folder, const CaseExportOptions& options);

// A draft's bundle, failing closed: when the verifier finds a redacted text still readable
// (kept elsewhere more often than the records keep it, or printed where no redaction reached),
// the text is redacted wherever it stands as whole words in the disclosed records and their
// titles, as a reviewer's redact_remaining_occurrences would, and the bundle is written again,
// at most three times. A text no record holds as words fails the export as before. `notes`
// says how many texts were redacted so. export_draft's last step; public for its tests.
ExportResult export_draft_bundle(Disclosure& disclosure, const ExportOptions& options,
                                 std::vector<std::string>& notes);

// The reviewer's resolution of verifier findings: each text is redacted wherever it occurs in
// the case's records, by a manual text redaction with the finding's reason, audited like any
// other and recorded as `acting`. Returns the manual redactions' ids. Export again afterwards.
std::vector<std::int64_t>
redact_remaining_occurrences(const std::filesystem::path& case_folder,
                             const std::vector<LeakFinding>& leaks,
                             std::shared_ptr<const IdentityProvider> acting = os_account());

// CASE/.safesar/REFERENCE.controller-schedule.NOT-FOR-DISCLOSURE.txt: what the requester's
// bundle does not say (records withheld in full by name, date, sender and kind; records that
// could not be read and why; every safety risk; verifier warnings). For the controller only.
std::filesystem::path controller_schedule_path(const Case& request);

} // namespace safesar
