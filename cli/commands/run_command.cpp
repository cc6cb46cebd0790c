// safesar run CASE --out DIR: gather, detect, apply every proposed redaction, export a draft.
#include "../commands.hpp"
#include "../json/json_output.hpp"
#include "progress.hpp"
#include "scan_report.hpp"

#include "safesar/case_export.hpp"
#include "safesar/review.hpp"

#include <iostream>
#include <memory>

namespace safesar::cli {

namespace {

struct RunArgs {
    std::string folder, out;
    int dpi = 200;
    bool json = false, progress = false, timings = false;
};

void run(const RunArgs& a) {
    CaseExportOptions options;
    options.bundle.out_dir = a.out;
    options.bundle.dpi = a.dpi;
    CaseExport exported;
    {
        Progress progress(a.progress);
        options.on_progress = progress.for_export();
        exported = export_draft(a.folder, options);
    }
    if (a.timings) std::cerr << exported.timings.to_text();
    for (const auto& w : exported.request_warnings)
        std::cerr << "warning: " << w << "\n";
    if (!a.json) print_scan_summary(*exported.scan, std::cerr);
    const ExportResult& result = exported.bundle;
    for (const auto& w : result.warnings)
        std::cerr << "warning: " << w << "\n";
    for (const auto& o : result.omissions)
        std::cerr << "not in the bundle: " << o.record << ": " << o.what << "\n";
    for (const std::string& note : exported.notes)
        std::cerr << "safesar: note: " << note << "\n";
    // Recorded like a scan, so `status` and the GUI list what this run found open (the parts
    // of records that were not read among them).
    if (a.json) {
        const ScanRecorded recorded =
            ReviewStore::open(exported.scan->request.value).record_scan(*exported.scan);
        print_json(run_json(exported, recorded), std::cout);
        return;
    }
    std::cerr << record_scan_for_review(*exported.scan) << "\n";
    std::cout << "wrote " << result.pdf.string() << " (" << result.pages << " pages) and "
              << result.json.string() << "\n"
              << "controller's schedule (never to be disclosed): "
              << exported.controller_schedule.string() << "\n";
}

} // namespace

void add_run_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "run",
        "The whole pipeline: gather, detect, apply every proposed redaction, export a draft");
    auto args = std::make_shared<RunArgs>();
    cmd->add_option("CASE", args->folder, "the case folder")->required();
    cmd->add_option("--out", args->out, "the folder to write the bundle into")->required();
    cmd->add_option("--dpi", args->dpi, "page rendering resolution")->check(CLI::Range(72, 600));
    cmd->add_flag("--json", args->json, "print the result as JSON (docs/json/run.schema.json)");
    add_progress_flag(cmd, args->progress);
    cmd->add_flag("--timings", args->timings,
                  "print each stage's wall and processor time and peak memory on standard error");
    cmd->callback([=] { run(*args); });
}

} // namespace safesar::cli
