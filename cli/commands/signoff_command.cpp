// safesar signoff CASE: the account running it declares the review complete. The profile's file
// says how many different accounts' sign-offs a final export needs after the last change (a
// perpetrator request: two).
#include "../commands.hpp"
#include "../json/json_output.hpp"

#include "safesar/review.hpp"

#include <iostream>
#include <memory>
#include <set>

namespace safesar::cli {

namespace {

struct SignoffArgs {
    std::string folder, reviewer, comment;
    bool json = false;
};

void run(const SignoffArgs& a) {
    const LoadedCase loaded = load_case(a.folder);
    auto store = ReviewStore::open_existing(loaded.value);
    if (!store) throw ReviewError(a.folder, "not scanned yet: run safesar scan first");
    const Identity who = acting_reviewer(a.reviewer);
    store->signoff(a.comment);
    const ReviewStatus status = store->status();
    if (a.json) {
        print_json(signoff_json(loaded.value, who, status), std::cout);
        return;
    }
    std::set<std::string> current;
    for (const SignOff& s : status.signoffs)
        if (s.current) current.insert(s.reviewer);
    std::cout << "signed off by " << who.display() << "; " << current.size()
              << " reviewer(s) have signed this state";
    if (status.signoffs_needed > 0) std::cout << " (" << status.signoffs_needed << " needed)";
    std::cout << "\n";
}

} // namespace

void add_signoff_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("signoff", "Sign off a completed review");
    auto a = std::make_shared<SignoffArgs>();
    cmd->add_option("CASE", a->folder, "the case folder")->required();
    add_reviewer_check(cmd, a->reviewer);
    cmd->add_option("--comment", a->comment, "kept with the sign-off, never exported");
    cmd->add_flag("--json", a->json, "print the result as JSON (docs/json/signoff.schema.json)");
    cmd->callback([a] { run(*a); });
}

} // namespace safesar::cli
