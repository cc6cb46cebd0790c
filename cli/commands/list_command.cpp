// safesar list WORKSPACE: every case in a folder of cases, most urgent first: stage, due date,
// working days left, overdue marked. A case that cannot be read is listed with its error.
#include "../commands.hpp"
#include "../json/json_output.hpp"

#include "safesar/deadline.hpp"
#include "safesar/review.hpp"

#include <iomanip>
#include <iostream>
#include <memory>

namespace safesar::cli {

namespace {

struct ListArgs {
    std::string workspace, today;
    bool json = false;
};

void run(const ListArgs& a) {
    const Date day = a.today.empty() ? today() : *parse_iso_date(a.today);
    const std::vector<CaseSummary> cases = summarize_workspace(a.workspace, day);
    if (a.json) {
        print_json(list_json(cases, day), std::cout);
        return;
    }
    for (const CaseSummary& c : cases) {
        const std::string folder = c.folder.filename().string();
        if (!c.error.empty()) {
            std::cout << std::left << std::setw(16) << folder << "  ERROR: " << c.error << "\n";
            continue;
        }
        std::cout << std::left << std::setw(16) << c.reference << "  " << std::setw(24)
                  << c.requester << "  " << std::setw(14) << c.profile << "  " << std::setw(10)
                  << to_string(c.stage) << "  due " << (c.due ? to_iso(*c.due) : "?") << "  "
                  << std::right << std::setw(4) << c.working_days_left << " working days left"
                  << (c.overdue ? "  OVERDUE" : "") << "  " << folder;
        for (std::size_t i = 0; i < c.present.size(); ++i)
            std::cout << (i ? ", " : "  open by ") << c.present[i];
        std::cout << "\n";
    }
    if (cases.empty())
        std::cout << "no cases (folders holding request.json) in " << a.workspace << "\n";
}

} // namespace

void add_list_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("list", "Every case in a folder of cases, most urgent first");
    auto a = std::make_shared<ListArgs>();
    cmd->add_option("WORKSPACE", a->workspace, "a folder of case folders")
        ->required()
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--today", a->today, "count working days from this day (YYYY-MM-DD)")
        ->check([](const std::string& t) {
            return parse_iso_date(t) ? std::string() : "not a YYYY-MM-DD date: " + t;
        });
    cmd->add_flag("--json", a->json, "print the cases as JSON (docs/json/list.schema.json)");
    cmd->callback([a] { run(*a); });
}

} // namespace safesar::cli
