// Export: the disclosure bundle (REFERENCE.pdf) and its portable twin (REFERENCE.json),
// written to a temporary name and renamed when complete, mode 0600. With a password the PDF is
// encrypted (AES-256) and the JSON travels inside it as its only attachment, so nothing is left
// readable without the password. See docs/export.md. A whole case (scan, review state, export,
// audit) is exported with case_export.hpp.
#pragma once

#include "safesar/disclosure.hpp"
#include "safesar/errors.hpp"
#include "safesar/verify.hpp"
#include "safesar/limits.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace safesar {

struct ControllerSettings; // supplementary information for UK GDPR Art 15 (export/settings.hpp)

struct ExportOptions {
    std::filesystem::path out_dir;
    int dpi = 200;        // page rendering resolution (lowered for huge pages, see docs)
    std::string password; // empty: no encryption; else AES-256 (PDF security handler R6)
    bool verify = true;   // re-open the outputs and check nothing withheld is left
    // The controller's Art 15 supplementary information, merged over
    // dictionaries/controller-settings.json. Empty: the defaults alone.
    std::filesystem::path settings_file;
    std::string export_date; // ISO date printed on the cover and in the JSON; empty: today
    int workers = 0;         // page render threads; 0: one per core, at most 4
    // Called as each page of the bundle is written, from the calling thread.
    std::function<void(int pages_done, int pages_total)> on_page_done = nullptr;
    // Called once, from the calling thread, when the outputs are written and checking begins.
    std::function<void()> on_verifying = nullptr;
    // When set to true, the export stops soon and throws Cancelled, leaving nothing in out_dir.
    const std::atomic<bool>* cancel = nullptr;
    // limits.page_seconds bounds drawing one page (docs/limits.md); unset: the data
    // directory's settings.
    std::optional<Limits> limits = std::nullopt;
};

// Where the time went, for the benchmark and the docs.
struct ExportTimings {
    double plan_seconds = 0, write_seconds = 0, verify_seconds = 0; // wall clock
    double cpu_seconds = 0;                        // CPU time of the whole process meanwhile
    double verify_cpu_seconds = 0;                 // the part of it spent verifying
    double render_seconds = 0, encode_seconds = 0; // CPU time, summed over the render threads
    std::size_t image_bytes = 0;                   // compressed page images
    std::map<std::string, int> image_encodings;    // "grey 2-bit Flate" -> pages
};

// A record, or a page of one, the bundle does not show, and why: for the reviewer and the
// controller's schedule, never for the requester (the bundle only says it could not be shown).
struct ExportOmission {
    std::string record; // the record's name
    std::string what;   // "not exported: ...", "page 3 not shown: ..."
};

struct ExportResult {
    std::filesystem::path pdf;
    std::filesystem::path json; // empty when the JSON is embedded in an encrypted PDF
    std::string json_name;      // the JSON's file name, beside the PDF or inside it
    bool json_embedded = false; // a password was given: the JSON is the PDF's attachment
    int pages = 0;              // pages of the bundle
    int redactions = 0;         // redactions shown in the bundle (the schedule's total)
    std::vector<std::string> verification_failures; // empty: export_bundle throws on a failure
    std::vector<std::string> warnings; // VerifyReport::warnings: for the reviewer, not failures
    // Records left out and pages replaced by a notice: one bad record never costs the bundle.
    std::vector<ExportOmission> omissions;
    ExportTimings timings;
};

// The outputs were written but their verification failed; nothing was left in out_dir. leaks()
// lists the redacted text still readable with its places, for the reviewer to resolve.
class VerificationFailed : public ExportError {
  public:
    VerificationFailed(std::string file, std::string reason, std::vector<LeakFinding> leaks)
        : ExportError(std::move(file), std::move(reason)), leaks_(std::move(leaks)) {}
    const std::vector<LeakFinding>& leaks() const { return leaks_; }

  private:
    std::vector<LeakFinding> leaks_;
};

// Throws ExportError (and leaves nothing behind in out_dir) when writing fails,
// VerificationFailed when verifying does, Cancelled (the same) when options.cancel is set.
ExportResult export_bundle(const Disclosure& disclosure, const ExportOptions& options);

} // namespace safesar
