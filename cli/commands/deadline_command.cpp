// `safesar deadline CASE`: when the answer to the request is due, how that date was reached,
// and how many working days are left. The first line is `due: YYYY-MM-DD` (CASE-FORMAT.md).
#include "commands.hpp"
#include "json/json_output.hpp"

#include "safesar/case_model.hpp"
#include "safesar/data_dir.hpp"
#include "safesar/deadline.hpp"

#include <iostream>
#include <memory>
#include <string>

namespace safesar::cli {
namespace {

struct DeadlineOptions {
    std::string case_folder;
    std::string today; // YYYY-MM-DD, to reckon as of another day; empty: the local date
    bool json = false;
};

std::string check_iso_date(const std::string& text) {
    return parse_iso_date(text) ? std::string() : "not a YYYY-MM-DD date: " + text;
}

void print_deadline(const Case& c, const Deadline& deadline, const HolidayCalendar& calendar,
                    const Date& today) {
    std::cout << "due: " << to_iso(deadline.due) << "\n";
    for (const std::string& step : deadline.steps)
        std::cout << "  " << step << "\n";
    std::cout << "working days left: " << working_days_between(today, deadline.due, calendar)
              << "\n";
    if (c.regime == Regime::Ccpa) // CCPA counts calendar days
        std::cout << "calendar days left: "
                  << days_from_civil(deadline.due) - days_from_civil(today) << "\n";
    if (today > deadline.due)
        std::cout << "OVERDUE: the answer was due " << to_iso(deadline.due) << ", today is "
                  << to_iso(today) << "\n";
}

// A RequestError from load_case, or a DataError from the holiday files, goes up to main(),
// which prints it as the one line on standard error.
void run_deadline(const DeadlineOptions& options) {
    const LoadedCase loaded = load_case(options.case_folder);
    for (const std::string& warning : loaded.warnings)
        std::cerr << "safesar: warning: " << warning << "\n";
    const Case& c = loaded.value;
    const HolidayCalendar calendar = HolidayCalendar::load(dictionaries_dir(), c.holidays);
    const Deadline deadline = compute_deadline(c, calendar);
    const Date today = options.today.empty() ? safesar::today() : *parse_iso_date(options.today);
    if (options.json)
        print_json(deadline_json(c, deadline, calendar, today), std::cout);
    else
        print_deadline(c, deadline, calendar, today);
    exit_status() = 0;
}

} // namespace

void add_deadline_command(CLI::App& app) {
    auto options = std::make_shared<DeadlineOptions>();
    CLI::App* command = app.add_subcommand(
        "deadline", "The statutory due date of a request: first line `due: YYYY-MM-DD`");
    command->add_option("CASE", options->case_folder, "The case folder (holds request.json)")
        ->required();
    command
        ->add_option("--today", options->today,
                     "Count the working days left from this day (YYYY-MM-DD) instead of today")
        ->check(check_iso_date, "DATE");
    command->add_flag("--json", options->json,
                      "print the due date and the steps as JSON (docs/json/deadline.schema.json)");
    command->callback([options] { run_deadline(*options); });
}

} // namespace safesar::cli
