// safesar status CASE: where the review stands: findings by status, open risks, sign-offs, the
// due date, and whether a final export would be allowed (and if not, why).
#include "../commands.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/deadline.hpp"
#include "safesar/review.hpp"

#include <iostream>
#include <memory>

namespace safesar::cli {

namespace {

struct StatusArgs {
    std::string folder, today;
};

void print_deadline(const Case& c, const Date& today) {
    const HolidayCalendar calendar = HolidayCalendar::load(dictionaries_dir(), c.holidays);
    const Deadline deadline = compute_deadline(c, calendar);
    std::cout << "due: " << to_iso(deadline.due) << " ("
              << working_days_between(today, deadline.due, calendar) << " working days left)";
    if (today > deadline.due) std::cout << " OVERDUE";
    std::cout << "\n";
}

void print_status(const ReviewStatus& s) {
    std::cout << "scans: " << s.scans << "\nfindings:";
    for (const auto& [status, count] : s.counts)
        std::cout << " " << to_string(status) << " " << count;
    std::cout << "\nproposed redactions undecided: " << s.undecided
              << "\nmanual redactions: " << s.manual << "\nopen risks: " << s.open_risks.size()
              << "\n";
    for (const StoredRisk& r : s.open_risks)
        std::cout << "  " << r.id << "  " << r.record << ": " << r.what << "\n";
    std::cout << "sign-offs:";
    if (s.signoffs.empty()) std::cout << " none";
    std::cout << "\n";
    for (const SignOff& o : s.signoffs)
        std::cout << "  " << o.reviewer << " " << o.at
                  << (o.current ? "" : " (before a later change: no longer counts)") << "\n";
    if (s.signoffs_needed > 0)
        std::cout << "  needed: " << s.signoffs_needed << " different reviewers\n";
    if (!s.last_final_export.empty())
        std::cout << "last final export: " << s.last_final_export
                  << (s.exported_final ? "" : " (the review has changed since)") << "\n";
    if (s.ready_for_final()) {
        std::cout << "final export: ready\n";
        return;
    }
    std::cout << "final export: not ready\n";
    for (const std::string& b : s.blockers)
        std::cout << "  - " << b << "\n";
}

void run(const StatusArgs& a) {
    const LoadedCase loaded = load_case(a.folder);
    for (const auto& w : loaded.warnings)
        std::cerr << "warning: " << w << "\n";
    const Case& c = loaded.value;
    std::cout << c.reference << " (" << to_string(c.profile) << ")\n";
    print_deadline(c, a.today.empty() ? today() : *parse_iso_date(a.today));
    auto store = ReviewStore::open_existing(c);
    if (!store) {
        std::cout << "not scanned yet\n";
        return;
    }
    print_status(store->status());
}

} // namespace

void add_status_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("status", "Where the review of a case stands");
    auto a = std::make_shared<StatusArgs>();
    cmd->add_option("CASE", a->folder, "the case folder")->required();
    cmd->add_option("--today", a->today, "count working days from this day (YYYY-MM-DD)")
        ->check([](const std::string& t) {
            return parse_iso_date(t) ? std::string() : "not a YYYY-MM-DD date: " + t;
        });
    cmd->callback([a] { run(*a); });
}

} // namespace safesar::cli
