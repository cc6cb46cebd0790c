// Statutory deadlines: when the answer to a request is due.
// The rules, their sources and worked examples are in docs/deadlines.md.
#pragma once

#include "safesar/case_model.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace safesar {

// ---- Day arithmetic on Date (proleptic Gregorian calendar) ----

enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };
const char* to_string(Weekday);

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid_date(const Date& d); // a real calendar day, e.g. not 2026-02-30

int days_from_civil(const Date& d); // days since 1970-01-01 (negative before)
Date civil_from_days(int days);
Date add_days(const Date& d, int n);
// The same day of the month n months on; the month's last day when that day does not
// exist there (31 January + 1 month = 28 or 29 February).
Date add_months(const Date& d, int n);
Weekday weekday(const Date& d);
Date today(); // the local calendar date

// ---- Bank holidays of one region, read from dictionaries/bank-holidays/ ----

class HolidayCalendar {
  public:
    HolidayCalendar() = default; // no holidays known: only weekends are days off
    HolidayCalendar(std::string region, std::map<Date, std::string> holidays);

    // Reads <dictionaries>/bank-holidays/<region>.json; throws DataError when the file is
    // missing or malformed.
    static HolidayCalendar load(const std::filesystem::path& dictionaries, HolidayRegion region);

    bool is_holiday(const Date& d) const;
    bool is_working_day(const Date& d) const;       // not a weekend, not a holiday
    std::string holiday_title(const Date& d) const; // "" when `d` is not a holiday
    bool covers(int year) const;                    // the calendar lists that year's holidays
    const std::string& region() const { return region_; }

  private:
    std::string region_;
    std::map<Date, std::string> days_; // holiday -> its title
    int first_year_ = 0, last_year_ = -1;
};

// The file name (without .json) of a region's holidays, as in request.json's `holidays`.
const char* holiday_file_stem(HolidayRegion region);

// ---- The deadline of a case ----

struct Deadline {
    Date start;                     // the day the clock starts (counts as day one)
    Date due;                       // the statutory due date
    std::vector<std::string> steps; // how it was reached, one line each, for `safesar deadline`
};

Deadline compute_deadline(const Case& c, const HolidayCalendar& calendar);

// Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier.
int working_days_between(const Date& from, const Date& to, const HolidayCalendar& calendar);

} // namespace safesar
