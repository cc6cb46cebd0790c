// The statutory due date of a request, each step of the reckoning written out for the
// controller. The rules, their sources and the reading of pauses are in docs/deadlines.md.
#include "safesar/deadline.hpp"

#include <algorithm>
#include <optional>
#include <string>

namespace safesar {
namespace {

using Steps = std::vector<std::string>;

constexpr int dpa1998_days = 40; // DPA 1998 s7(10): "the prescribed period" is forty days
constexpr int ccpa_days = 45;    // Cal. Civ. Code 1798.130(a)(2): 45 days, once 45 more

std::string iso(const Date& d) {
    return to_iso(d);
}

std::string region_name(const HolidayCalendar& calendar) {
    return calendar.region().empty() ? std::string("the calendar") : calendar.region();
}

std::string with_reason(const std::string& reason) {
    return reason.empty() ? std::string() : " (" + reason + ")";
}

std::string count_of(int n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

std::vector<Pause> in_order_of_start(std::vector<Pause> pauses) {
    std::sort(pauses.begin(), pauses.end(),
              [](const Pause& a, const Pause& b) { return a.from < b.from; });
    return pauses;
}

std::string describe(const Pause& pause) {
    return "paused " + iso(pause.from) + " to " + iso(pause.to) + with_reason(pause.reason) + ": ";
}

// ---- When the clock starts ----

struct ClockStart {
    Date day;
    std::string step; // "clock starts ... (id_verified, the latest of received/id_verified)"
};

// The latest of the day the request arrived and the days the controller got what it needed
// to act on it: proof of identity, a representative's authority, a fee.
ClockStart latest_start_date(const Case& c) {
    const std::pair<const char*, std::optional<Date>> candidates[] = {
        {"received", c.received},
        {"id_verified", c.id_verified},
        {"authority_received", c.authority_received},
        {"fee_received", c.fee_received},
    };
    Date latest = c.received;
    std::string latest_field = "received", considered;
    for (const auto& [field, day] : candidates) {
        if (!day) continue;
        considered += (considered.empty() ? "" : "/") + std::string(field);
        if (*day > latest) { // on a tie the field listed first names the start
            latest = *day;
            latest_field = field;
        }
    }
    std::string why = latest_field;
    if (considered != "received") why += ", the latest of " + considered;
    return {latest, "clock starts " + iso(latest) + " (" + why + ")"};
}

// ---- Moving a due date ----

std::string why_not_a_working_day(const Date& d, const HolidayCalendar& calendar) {
    if (calendar.is_holiday(d))
        return iso(d) + " is a bank holiday (" + calendar.holiday_title(d) + ")";
    return iso(d) + " is a " + to_string(weekday(d));
}

// A due date on a weekend or bank holiday moves to the next working day (ICO guidance).
Date next_working_day(const Date& due, const HolidayCalendar& calendar, Steps& steps) {
    bool all_years_known = calendar.covers(due.year);
    Date day = due;
    std::string holidays_passed;
    while (!calendar.is_working_day(day)) {
        day = add_days(day, 1);
        all_years_known = all_years_known && calendar.covers(day.year);
        if (calendar.is_holiday(day))
            holidays_passed += "; " + why_not_a_working_day(day, calendar);
    }
    if (!all_years_known)
        steps.push_back("no bank holidays of " + region_name(calendar) + " are known for " +
                        std::to_string(day.year) + ": only weekends were skipped");
    if (day != due)
        steps.push_back(why_not_a_working_day(due, calendar) + holidays_passed +
                        ": next working day " + iso(day));
    return day;
}

// Pauses stop the clock, from and to both included. A pause that begins on or before the
// running due date moves it one day on for each of its days: each paused day pushes the due
// date on by one, so the rest of the pause stays before it. A pause that begins after the
// due date does not count (the time had already run out); days before the clock started, and
// days already counted in another pause, do not count again.
Date add_paused_days(const Date& due, const Date& start, const std::vector<Pause>& pauses,
                     Steps& steps) {
    int running_due = days_from_civil(due);
    int counted_up_to = days_from_civil(start) - 1; // the last day already counted
    for (const Pause& pause : in_order_of_start(pauses)) {
        const std::string what = describe(pause);
        const int from = days_from_civil(pause.from), to = days_from_civil(pause.to);
        const int first = std::max(from, counted_up_to + 1);
        if (to < from) {
            steps.push_back(what + "ends before it begins, ignored");
        } else if (first > to) {
            steps.push_back(what + "its days are before the clock start or already counted");
        } else if (first > running_due) {
            steps.push_back(what + "begins after the due date " +
                            iso(civil_from_days(running_due)) + ", does not count");
        } else {
            const int days = to - first + 1;
            running_due += days;
            counted_up_to = to;
            const std::string counted =
                first == from ? count_of(days, "day")
                              : std::to_string(days) + " of its " + count_of(to - from + 1, "day") +
                                    " (the others are before the clock start or already counted)";
            steps.push_back(what + counted + ", due moves to " + iso(civil_from_days(running_due)));
        }
    }
    return civil_from_days(running_due);
}

// ---- UK GDPR and EU GDPR: one month, up to two more for a complex request ----

const char* months_on(int months) {
    switch (months) {
    case 1:
        return "one month on";
    case 2:
        return "two months on";
    case 3:
        return "three months on";
    }
    return "months on";
}

// start + `months` months (the corresponding date, else the month's last day), then the
// pauses, then the next working day.
Date months_after(const Date& start, int months, const Case& c, const HolidayCalendar& calendar,
                  Steps& steps) {
    const Date corresponding = add_months(start, months);
    std::string step = std::string(months_on(months)) + ": " + iso(corresponding);
    if (corresponding.day != start.day)
        step += " (no day " + std::to_string(start.day) + " in that month: its last day)";
    steps.push_back(step);
    const Date paused = add_paused_days(corresponding, start, c.paused, steps);
    return next_working_day(paused, calendar, steps);
}

// Art 12(3): an extension must be decided, and the requester told, within the first month.
std::optional<std::string> extension_problem(const Extension& e, const Date& first_due) {
    const std::string what = "extension by " + count_of(e.months, "month");
    if (e.months < 1 || e.months > 2) return what + ": only 1 or 2 months are allowed, ignored";
    if (e.decided > first_due)
        return what + " decided " + iso(e.decided) + " is after the first month's due date " +
               iso(first_due) + ": invalid, ignored";
    return std::nullopt;
}

Deadline gdpr_deadline(const Case& c, const HolidayCalendar& calendar) {
    const bool uk = c.regime == Regime::UkGdpr;
    Deadline result;
    result.steps.push_back(std::string(uk ? "uk-gdpr: one month (UK GDPR Art 12(3))"
                                          : "eu-gdpr: one month (GDPR Art 12(3)), as UK GDPR") +
                           "; working days of " + region_name(calendar));
    const ClockStart start = latest_start_date(c);
    result.start = start.day;
    result.steps.push_back(start.step);

    Steps first_month;
    const Date first_due = months_after(start.day, 1, c, calendar, first_month);
    const std::optional<std::string> problem =
        c.extended ? extension_problem(*c.extended, first_due) : std::nullopt;
    if (!c.extended || problem) {
        result.steps.insert(result.steps.end(), first_month.begin(), first_month.end());
        if (problem) result.steps.push_back(*problem);
        result.due = first_due;
        return result;
    }
    const Extension& e = *c.extended;
    result.steps.push_back("extended by " + count_of(e.months, "month") + with_reason(e.reason) +
                           ", decided " + iso(e.decided) + ", by the first month's due date " +
                           iso(first_due));
    result.due = months_after(start.day, 1 + e.months, c, calendar, result.steps);
    return result;
}

// ---- DPA 1998: forty days from the relevant day ----

// s7(10): the relevant day is the latest of receipt and the day the controller has the fee
// and the information it asked for (s7(3)), so an answered clarification restarts the 40 days
// rather than pausing them. The 40 days are counted from the day after the relevant day, as
// ICO practice had it and as the one month of UK GDPR is counted (3 September -> 3 October):
// due = relevant day + 40. (Read strictly, "40 days beginning with the relevant day" would end
// a day earlier; docs/deadlines.md says more.)
Deadline dpa1998_deadline(const Case& c, const HolidayCalendar& calendar) {
    Deadline result;
    result.steps.push_back("dpa1998: 40 days from the relevant day (DPA 1998 s7(8), "
                           "s7(10)); working days of " +
                           region_name(calendar));
    const ClockStart start = latest_start_date(c);
    result.steps.push_back(start.step);
    Date relevant_day = start.day;
    Date due = add_days(relevant_day, dpa1998_days);

    for (const Pause& pause : in_order_of_start(c.paused)) {
        const std::string what = describe(pause);
        if (pause.to < pause.from) {
            result.steps.push_back(what + "ends before it begins, ignored");
        } else if (pause.from > due) {
            result.steps.push_back(what + "begins after the due date " + iso(due) +
                                   ", does not count");
        } else if (pause.to > relevant_day) {
            relevant_day = pause.to;
            due = add_days(relevant_day, dpa1998_days);
            result.steps.push_back(what + "the information asked for arrived " + iso(pause.to) +
                                   ", which becomes the relevant day (s7(3), s7(10))");
        } else {
            result.steps.push_back(what + "answered by the relevant day " + iso(relevant_day) +
                                   ", no effect");
        }
    }
    result.start = relevant_day;
    result.steps.push_back("40 days on from " + iso(relevant_day) + ": " + iso(due));
    if (c.extended) result.steps.push_back("DPA 1998 has no extension: `extended` ignored");
    result.due = next_working_day(due, calendar, result.steps);
    return result;
}

// ---- CCPA: 45 calendar days from receipt, once 45 more ----

Deadline ccpa_deadline(const Case& c) {
    Deadline result;
    result.steps.push_back("ccpa: 45 calendar days from receipt (Cal. Civ. Code 1798.130(a)(2))");
    result.start = c.received;
    std::string start_step = "clock starts " + iso(c.received) + " (received)";
    if (c.id_verified || c.authority_received || c.fee_received)
        start_step += "; under CCPA the 45 days run from receipt, whatever the time needed to "
                      "verify (11 CCR 7021(b)), so later dates are not used";
    result.steps.push_back(start_step);

    const Date first_due = add_days(c.received, ccpa_days);
    result.steps.push_back("45 days on: " + iso(first_due));
    if (!c.paused.empty())
        result.steps.push_back("CCPA has no pause of the 45 days: `paused` not counted");
    result.due = first_due;
    if (c.extended) {
        const Extension& e = *c.extended;
        if (e.decided > first_due) {
            result.steps.push_back("extension decided " + iso(e.decided) +
                                   " is after the first 45 days ending " + iso(first_due) +
                                   ": invalid, ignored");
        } else {
            result.due = add_days(first_due, ccpa_days);
            const std::string extended = "extended by 45 days" + with_reason(e.reason);
            result.steps.push_back(extended + ", decided " + iso(e.decided) + ": " +
                                   iso(result.due) +
                                   " (CCPA extends by 45 days; `months` ignored)");
        }
    }
    result.steps.push_back("CCPA counts calendar days: " + iso(result.due) + " (a " +
                           to_string(weekday(result.due)) + ") is kept, no working-day roll");
    return result;
}

} // namespace

Deadline compute_deadline(const Case& c, const HolidayCalendar& calendar) {
    switch (c.regime) {
    case Regime::UkGdpr:
    case Regime::EuGdpr:
        return gdpr_deadline(c, calendar);
    case Regime::Dpa1998:
        return dpa1998_deadline(c, calendar);
    case Regime::Ccpa:
        return ccpa_deadline(c);
    }
    return gdpr_deadline(c, calendar);
}

int working_days_between(const Date& from, const Date& to, const HolidayCalendar& calendar) {
    if (to < from) return -working_days_between(to, from, calendar);
    int count = 0;
    for (Date d = add_days(from, 1); d <= to; d = add_days(d, 1))
        if (calendar.is_working_day(d)) ++count;
    return count;
}

} // namespace safesar
