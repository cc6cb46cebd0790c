// safesar status CASE: where the review stands: findings by status, open risks, sign-offs, the
// due date, and whether a final export would be allowed (and if not, why).
#include "../commands.hpp"
#include "../json/json_output.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/deadline.hpp"
#include "safesar/review.hpp"

#include <iostream>
#include <map>
#include <memory>

namespace safesar::cli {

namespace {

struct StatusArgs {
    std::string folder, today;
    bool json = false;
};

void print_deadline(const Case& c, const Date& today) {
    const HolidayCalendar calendar = HolidayCalendar::load(dictionaries_dir(), c.holidays);
    const Deadline deadline = compute_deadline(c, calendar);
    std::cout << "due: " << to_iso(deadline.due) << " ("
              << working_days_between(today, deadline.due, calendar) << " working days left)";
    if (today > deadline.due) std::cout << " OVERDUE";
    std::cout << "\n";
}

// The pages not yet marked read, a line per record: "letter.pdf page 2-4, 7".
void print_unread(const std::vector<PageToRead>& pages) {
    std::map<std::string, std::vector<int>> unread;
    for (const PageToRead& p : pages)
        if (!p.read()) unread[p.record].push_back(p.page);
    for (const auto& [record, list] : unread) {
        std::cout << "  unread: " << record;
        std::string ranges;
        for (std::size_t i = 0; i < list.size();) {
            std::size_t j = i;
            while (j + 1 < list.size() && list[j + 1] == list[j] + 1)
                ++j;
            ranges += (ranges.empty() ? " page " : ", ") + std::to_string(list[i]) +
                      (j > i ? "-" + std::to_string(list[j]) : "");
            i = j + 1;
        }
        std::cout << ranges << "\n";
    }
}

// Each record withheld in full and why; each record a reviewer released.
void print_records(const ReviewStatus& s, const std::vector<RecordReview>& records) {
    std::cout << "records withheld in full: " << s.withheld_records.size() << "\n";
    for (const RecordReview& r : records) {
        if (!r.withheld) continue;
        std::cout << "  " << r.record << "  " << r.withheld_reason() << "  ";
        if (r.decision == RecordReview::Decision::Withhold)
            std::cout << "by " << s.who(r.decided_by) << " " << r.decided_at
                      << (r.comment.empty() ? "" : ": " + r.comment);
        else
            std::cout << r.policy_kind << " (the policy"
                      << (r.until_reviewed ? "; a reviewer decides" : "") << ")";
        std::cout << "\n";
    }
    if (s.records_released == 0) return;
    std::cout << "records released for disclosure: " << s.records_released << "\n";
    for (const RecordReview& r : records)
        if (r.decision == RecordReview::Decision::Release)
            std::cout << "  " << r.record << "  by " << s.who(r.decided_by) << " " << r.decided_at
                      << (r.comment.empty() ? "" : ": " + r.comment) << "\n";
}

// How to act on each blocker from the command line.
void print_hints(const ReviewStatus& s) {
    if (s.undecided > 0)
        std::cout << "  to decide: safesar review CASE --status new (and --status open), then "
                     "--approve / --reject ID\n";
    if (!s.open_risks.empty())
        std::cout << "  risks: safesar review CASE --ack-risk ID --comment \"what was checked\"; "
                     "a record withheld until reviewed: --release-record NAME --comment WHY or "
                     "--withhold-record NAME --reason CODE\n";
    if (s.pages_must_be_read && s.pages_read < s.pages_total)
        std::cout << "  pages: read them page by page in safesar-gui (PgDn in reading mode), or "
                     "safesar review CASE --read-page RECORD PAGE...\n";
}

void print_status(const ReviewStatus& s, const std::vector<PageToRead>& pages,
                  const std::vector<RecordReview>& records) {
    std::cout << "scans: " << s.scans << "\nfindings:";
    for (const auto& [status, count] : s.counts)
        std::cout << " " << to_string(status) << " " << count;
    std::cout << "\nproposed redactions undecided: " << s.undecided
              << "\nmanual redactions: " << s.manual << "\nopen risks: " << s.open_risks.size()
              << "\n";
    for (const StoredRisk& r : s.open_risks)
        std::cout << "  " << r.id << "  " << r.record << ": " << r.what << "\n";
    print_records(s, records);
    std::cout << "pages read: " << s.pages_read << " of " << s.pages_total
              << (s.pages_must_be_read ? " (all needed before a final export)" : "") << "\n";
    print_unread(pages);
    std::cout << "sign-offs:";
    if (s.signoffs.empty()) std::cout << " none";
    std::cout << "\n";
    for (const SignOff& o : s.signoffs)
        std::cout << "  " << s.who(o.reviewer) << " " << o.at
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
    print_hints(s);
}

void run(const StatusArgs& a) {
    const LoadedCase loaded = load_case(a.folder);
    for (const auto& w : loaded.warnings)
        std::cerr << "warning: " << w << "\n";
    const Case& c = loaded.value;
    const Date day = a.today.empty() ? today() : *parse_iso_date(a.today);
    if (a.json) {
        const HolidayCalendar calendar = HolidayCalendar::load(dictionaries_dir(), c.holidays);
        const auto store = ReviewStore::open_existing(c);
        print_json(
            status_json(c, compute_deadline(c, calendar), calendar, day, store ? &*store : nullptr),
            std::cout);
        return;
    }
    std::cout << c.reference << " (" << c.profile << ")\n";
    print_deadline(c, day);
    auto store = ReviewStore::open_existing(c);
    if (!store) {
        std::cout << "not scanned yet\n";
        return;
    }
    print_status(store->status(), store->pages_to_read(), store->record_reviews());
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
    cmd->add_flag("--json", a->json, "print the status as JSON (docs/json/status.schema.json)");
    cmd->callback([a] { run(*a); });
}

} // namespace safesar::cli
