// safesar export CASE --out DIR [--final]: re-scans the records, applies the reviewers'
// decisions and exports the bundle. Without --final the bundle is a draft (watermarked). A
// final export is refused until the review is complete (safesar status says why).
#include "../commands.hpp"

#include "safesar/export.hpp"
#include "safesar/pipeline.hpp"
#include "safesar/review.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

namespace safesar::cli {

namespace {

struct ExportArgs {
    std::string folder, out, reviewer, password_file, settings;
    bool final = false;
    int dpi = 200;
};

// Never from the command line, where other users see it in the process list.
std::string password(const ExportArgs& a) {
    if (!a.password_file.empty()) {
        std::ifstream in(a.password_file);
        std::string line;
        if (!in || !std::getline(in, line))
            throw ExportError(a.password_file, "the password file cannot be read");
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) throw ExportError(a.password_file, "the password file is empty");
        return line;
    }
    const char* env = std::getenv("SAFESAR_PDF_PASSWORD");
    return env ? env : "";
}

void run(const ExportArgs& a) {
    if (a.final && a.reviewer.empty())
        throw ReviewError("", "a final export needs --reviewer NAME (or SAFESAR_REVIEWER)");
    const std::string who = a.reviewer.empty() ? default_actor() : a.reviewer;
    ExportOptions options;
    options.out_dir = a.out;
    options.dpi = a.dpi;
    options.settings_file = a.settings;
    options.password = password(a);

    auto scan = scan_case(a.folder);
    for (const auto& w : scan->request.warnings)
        std::cerr << "warning: " << w << "\n";
    ReviewStore store = ReviewStore::open(scan->request.value);
    // The records as they are now: anything new since the last scan must be reviewed too.
    const ScanRecorded recorded = store.record_scan(*scan, who);
    if (recorded.new_findings > 0 || recorded.reopened > 0)
        std::cerr << "safesar: " << recorded.new_findings << " new and " << recorded.reopened
                  << " reopened findings since the last scan\n";
    const ReviewedDisclosure reviewed = store.build_disclosure(*scan, a.final);
    for (const std::string& note : reviewed.notes)
        std::cerr << "safesar: note: " << note << "\n";
    const ExportResult result = export_bundle(reviewed.disclosure, options);
    store.record_export(result, a.final, reviewed.version, who);
    std::cout << "wrote " << (a.final ? "final" : "draft") << " bundle " << result.pdf.string()
              << " (" << result.pages << " pages, " << result.redactions << " redactions) and "
              << result.json.string() << "\n";
}

} // namespace

void add_export_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "export",
        "Export what the reviewers approved: a draft, or with --final the bundle to send");
    auto a = std::make_shared<ExportArgs>();
    cmd->add_option("CASE", a->folder, "the case folder")->required();
    cmd->add_option("--out", a->out, "the folder to write the bundle into")->required();
    cmd->add_flag("--final", a->final, "the bundle to send: refused until the review is complete");
    cmd->add_option("--reviewer", a->reviewer, "who exports (required with --final)")
        ->envname("SAFESAR_REVIEWER");
    cmd->add_option("--password-file", a->password_file,
                    "encrypt the PDF with the password on this file's first line "
                    "(else $SAFESAR_PDF_PASSWORD, if set)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--settings", a->settings, "the controller's Art 15 settings (JSON)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--dpi", a->dpi, "page rendering resolution")->check(CLI::Range(72, 600));
    cmd->callback([a] { run(*a); });
}

} // namespace safesar::cli
