// One case in this process: what `safesar batch` runs on a thread, or in a case's own process.
#include "batch/request_facts.hpp"
#include "safesar/batch.hpp"
#include "safesar/case_export.hpp"

#include <chrono>

namespace safesar {

namespace {

void describe_scan(const CaseScan& scan, CaseResult& r) {
    r.records = static_cast<int>(scan.gathered.records.size());
    r.skipped_records = static_cast<int>(scan.gathered.skipped.size());
    for (const Finding& f : scan.findings)
        r.findings[to_string(f.category)]++;
    r.open_risks = static_cast<int>(scan.policy.risks.size());
}

} // namespace

CaseResult run_case(const std::filesystem::path& folder, const std::filesystem::path& out_dir,
                    const CaseSettings& settings) {
    const auto start = std::chrono::steady_clock::now();
    CaseResult r;
    r.name = folder.lexically_normal().filename().string();
    try {
        CaseExportOptions options;
        options.gather.threads = settings.threads;
        options.bundle.out_dir = out_dir;
        options.bundle.dpi = settings.dpi;
        options.bundle.workers = static_cast<int>(settings.threads);
        const CaseExport done = export_draft(folder, options);
        describe_scan(*done.scan, r);
        batching::add_request_facts(done.scan->request.value, r);
        const ExportResult& exported = done.bundle;
        r.pages = exported.pages;
        r.redactions = exported.redactions;
        r.outputs = {exported.pdf.filename().string(), exported.json.filename().string()};
        // Names of unreadable records stay out of the result: a file name can name a person.
        std::size_t unread_parts = 0;
        for (const Record& record : done.scan->gathered.records)
            unread_parts += record.unread.size();
        if (r.skipped_records > 0) {
            r.status = CaseStatus::Incomplete;
            r.reason = std::to_string(r.skipped_records) + " of " +
                       std::to_string(r.records + r.skipped_records) +
                       " records could not be read; `safesar gather` lists them";
        } else if (unread_parts > 0 || !exported.omissions.empty()) {
            r.status = CaseStatus::Incomplete;
            r.reason = std::to_string(unread_parts) + " parts of records not read, " +
                       std::to_string(exported.omissions.size()) +
                       " records or pages not shown in the bundle; `safesar run` lists them";
        } else {
            r.status = CaseStatus::Done;
        }
    } catch (const std::exception& e) {
        r.status = CaseStatus::Failed;
        r.reason = one_line_reason(e.what());
    } catch (...) { // a library's own exception type that escaped the engine's translation
        r.status = CaseStatus::Failed;
        r.reason = "an unexpected error in a library";
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

} // namespace safesar
