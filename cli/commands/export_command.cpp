// safesar export CASE --out DIR [--final]: re-scans the records, applies the reviewers'
// decisions and exports the bundle (export_reviewed_case). Without --final the bundle is a draft
// (watermarked). A final export is refused until the review is complete (safesar status says
// why).
#include "../commands.hpp"
#include "progress.hpp"

#include "../json/json_output.hpp"
#include "safesar/case_export.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

namespace safesar::cli {

namespace {

struct ExportArgs {
    std::string folder, out, reviewer, password_file, settings;
    bool final = false, redact_remaining = false, json = false;
    int dpi = 200;
    bool progress = false; // --progress
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

// Verification found redacted text still readable: say where, and how to resolve it.
void report_leaks(const VerificationFailed& e, const ExportArgs& a, const std::string& who) {
    std::cerr << "safesar: " << e.what() << "\n";
    for (const LeakFinding& leak : e.leaks()) {
        std::cerr << "  text redacted as [" << leak.code << "] in \"" << leak.record
                  << "\" is still readable in:";
        for (const std::string& place : leak.places)
            std::cerr << "\n    " << place;
        if (!leak.kept_in.empty()) {
            std::cerr << "\n    (kept unredacted in";
            for (const std::string& title : leak.kept_in)
                std::cerr << " \"" << title << "\"";
            std::cerr << ")";
        }
        std::cerr << "\n";
    }
    if (!a.redact_remaining)
        std::cerr << "safesar: to redact every remaining occurrence and export again, add "
                     "--redact-remaining (recorded as manual redactions by "
                  << who << ")\n";
}

CaseExport export_once(const ExportArgs& a, CaseExportOptions options) {
    Progress progress(a.progress);
    options.on_progress = progress.for_export();
    return export_reviewed_case(a.folder, a.final, options);
}

void run(const ExportArgs& a) {
    const Identity who = acting_reviewer(a.reviewer); // the export is recorded as this account
    CaseExportOptions options;
    options.bundle.out_dir = a.out;
    options.bundle.dpi = a.dpi;
    options.bundle.settings_file = a.settings;
    options.bundle.password = password(a);

    CaseExport exported;
    try {
        exported = export_once(a, options);
    } catch (const VerificationFailed& e) {
        report_leaks(e, a, who.display());
        if (!a.redact_remaining || e.leaks().empty()) throw;
        const auto ids = redact_remaining_occurrences(a.folder, e.leaks());
        std::cerr << "safesar: added " << ids.size()
                  << " manual redactions of the remaining occurrences; exporting again\n";
        exported = export_once(a, options);
    }
    for (const auto& w : exported.request_warnings)
        std::cerr << "warning: " << w << "\n";
    const ScanRecorded& recorded = exported.scan_recorded;
    if (recorded.new_findings > 0 || recorded.reopened > 0)
        std::cerr << "safesar: " << recorded.new_findings << " new and " << recorded.reopened
                  << " reopened findings since the last scan\n";
    for (const std::string& note : exported.notes)
        std::cerr << "safesar: note: " << note << "\n";
    const ExportResult& result = exported.bundle;
    if (a.json) {
        print_json(export_json(exported), std::cout);
        return;
    }
    for (const auto& o : result.omissions)
        std::cerr << "not in the bundle: " << o.record << ": " << o.what << "\n";
    std::cout << "wrote " << (a.final ? "final" : "draft") << " bundle " << result.pdf.string()
              << " (" << result.pages << " pages, " << result.redactions << " redactions) and ";
    if (result.json_embedded)
        std::cout << "its JSON " << result.json_name << " inside it (both encrypted, AES-256)\n";
    else
        std::cout << result.json.string() << "\n";
    std::cout << "controller's schedule (never to be disclosed): "
              << exported.controller_schedule.string() << "\n";
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
    add_reviewer_check(cmd, a->reviewer);
    cmd->add_option("--password-file", a->password_file,
                    "encrypt the PDF (AES-256, the JSON inside it) with the password on this "
                    "file's first line (else $SAFESAR_PDF_PASSWORD, if set)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--settings", a->settings, "the controller's Art 15 settings (JSON)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--dpi", a->dpi, "page rendering resolution")->check(CLI::Range(72, 600));
    cmd->add_flag("--redact-remaining", a->redact_remaining,
                  "when verification finds redacted text still readable, redact every "
                  "remaining occurrence (manual redactions) and export again");
    cmd->add_flag("--json", a->json, "print the result as JSON (docs/json/export.schema.json)");
    add_progress_flag(cmd, a->progress);
    cmd->callback([a] { run(*a); });
}

} // namespace safesar::cli
