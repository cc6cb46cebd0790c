#include "json_output.hpp"

namespace safesar::cli {

Json deadline_json(const Case& c, const Deadline& deadline, const HolidayCalendar& calendar,
                   const Date& today) {
    Json j = json_document("safesar-deadline/1");
    j["reference"] = c.reference;
    j["regime"] = to_string(c.regime);
    j["start"] = to_iso(deadline.start);
    j["due"] = to_iso(deadline.due);
    j["steps"] = deadline.steps;
    j["today"] = to_iso(today);
    j["working_days_left"] = working_days_between(today, deadline.due, calendar);
    // Calendar days where the regime counts them (CCPA), else null.
    j["calendar_days_left"] = c.regime == Regime::Ccpa
                                  ? Json(days_from_civil(deadline.due) - days_from_civil(today))
                                  : Json(nullptr);
    j["overdue"] = today > deadline.due;
    return j;
}

} // namespace safesar::cli
