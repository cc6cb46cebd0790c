// safesar profiles: the profiles a request may name, one file each in the dictionaries'
// policies/ folder (a controller adds one by adding a file: docs/policy.md). A file that is no
// valid profile is named on standard error with what is wrong, and the command fails.
#include "../commands.hpp"
#include "../json/json_output.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/profiles.hpp"

#include <iomanip>
#include <iostream>
#include <memory>

namespace safesar::cli {

namespace {

void run(bool json) {
    const ProfileList list = list_profiles(dictionaries_dir());
    if (json) {
        print_json(profiles_json(list), std::cout);
        if (!list.problems.empty()) exit_status() = 1;
        return;
    }
    for (const ProfileInfo& p : list.profiles) {
        std::cout << std::left << std::setw(16) << p.name << "  " << p.label << "\n"
                  << std::setw(16) << ""
                  << "  sign-offs " << p.review.signoffs_needed
                  << (p.review.every_page_read ? ", every page read" : "")
                  << (p.review.release_needs_comment ? ", a comment to release a record" : "")
                  << (p.requester_may_be_perpetrator ? ", requester may be the perpetrator" : "")
                  << "  " << p.file.string() << "\n";
    }
    for (const DataError& e : list.problems)
        std::cerr << "safesar: " << e.what() << "\n";
    if (!list.problems.empty()) exit_status() = 1;
}

} // namespace

void add_profiles_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "profiles",
        "The profiles a request may name: one file each in the dictionaries' policies/");
    auto json = std::make_shared<bool>(false);
    cmd->add_flag("--json", *json, "print the profiles as JSON (docs/json/profiles.schema.json)");
    cmd->callback([json] { run(*json); });
}

} // namespace safesar::cli
