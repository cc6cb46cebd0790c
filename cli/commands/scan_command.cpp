// safesar scan CASE: gather and detect, store the proposed redactions for review.
#include "../commands.hpp"
#include "../json/json_output.hpp"
#include "progress.hpp"
#include "scan_report.hpp"

#include "safesar/errors.hpp"
#include "safesar/pipeline.hpp"
#include "safesar/review.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

namespace safesar::cli {

namespace {

// Findings as the review step reads them. The matched text stays inside the case folder
// (CASE/.safesar/), which is the controller's own confidential store, never in an output.
nlohmann::json findings_json(const CaseScan& scan) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < scan.findings.size(); ++i) {
        const auto& f = scan.findings[i];
        const auto& d = scan.policy.decisions[i];
        const auto& r = scan.gathered.records[f.record];
        list.push_back({{"id", i},
                        {"record", r.name},
                        {"section", r.sections[f.section].label},
                        {"start", f.begin},
                        {"end", f.end},
                        {"text", f.text},
                        {"category", to_string(f.category)},
                        {"owner", f.owner.kind == Owner::Subject ? "subject"
                                  : f.owner.kind == Owner::Party  ? to_string(f.owner.role)
                                                                  : "unknown"},
                        {"confidence", f.confidence},
                        {"rule", f.rule},
                        {"proposal", to_string(d.action)},
                        {"reason", d.reason.code},
                        {"policy", d.policy_line}});
    }
    return list;
}

void run_scan(const std::string& folder, bool json, bool show_progress) {
    std::unique_ptr<CaseScan> scan;
    {
        Progress progress(show_progress);
        GatherOptions options;
        options.on_file_done = progress.for_gather();
        scan = scan_case(folder, options);
    }
    for (const auto& w : scan->request.warnings) std::cerr << "warning: " << w << "\n";
    if (!json) print_scan_summary(*scan, std::cout);
    const auto dir = scan->request.value.state_dir();
    std::filesystem::create_directories(dir);
    const auto file = dir / "findings.json";
    const auto tmp = dir / "findings.json.tmp";
    {
        std::ofstream out(tmp);
        out << findings_json(*scan).dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
        if (!out) throw ExportError(tmp.string(), "cannot be written");
    }
    std::filesystem::rename(tmp, file);
    if (json) {
        Json j =
            scan_summary_json(*scan, ReviewStore::open(scan->request.value).record_scan(*scan));
        j["findings_file"] = file.string();
        print_json(j, std::cout);
        return;
    }
    std::cout << "proposed redactions stored in " << file.string() << "\n";
    std::cout << record_scan_for_review(*scan) << "\n";
}

} // namespace

void add_scan_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("scan", "Gather and detect; store the proposed redactions");
    auto folder = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    auto progress = std::make_shared<bool>(false);
    cmd->add_option("CASE", *folder, "the case folder")->required();
    cmd->add_flag("--json", *json, "print the summary as JSON (docs/json/scan.schema.json)");
    add_progress_flag(cmd, *progress);
    cmd->callback([=] { run_scan(*folder, *json, *progress); });
}

} // namespace safesar::cli
