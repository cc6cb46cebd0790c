// Day arithmetic on Date: days since 1970-01-01 and back, weekdays, adding months.
// The conversions are Howard Hinnant's days_from_civil / civil_from_days
// (https://howardhinnant.github.io/date_algorithms.html): exact for any year, no tables.
#include "safesar/deadline.hpp"
#include "safesar/enum_names.hpp"

#include <algorithm>
#include <ctime>

namespace safesar {

const char* to_string(Weekday w) {
    return weekday_names.name(w);
}

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) return 29;
    return days[month - 1];
}

bool is_valid_date(const Date& d) {
    return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

int days_from_civil(const Date& d) {
    // Count years from 1 March, so that the leap day is the last day of the year.
    const int y = d.month <= 2 ? d.year - 1 : d.year;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int year_of_era = y - era * 400;                                // [0, 399]
    const int month_from_march = (d.month + 9) % 12;                      // [0, 11]
    const int day_of_year = (153 * month_from_march + 2) / 5 + d.day - 1; // [0, 365]
    const int day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year; // [0, 146096]
    return era * 146097 + day_of_era - 719468; // 719468: days from 0000-03-01 to 1970-01-01
}

Date civil_from_days(int days) {
    const int z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int day_of_era = z - era * 146097;
    const int year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int month_from_march = (5 * day_of_year + 2) / 153;
    const int day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    const int month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
    const int year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    return Date{year, month, day};
}

Date add_days(const Date& d, int n) {
    return civil_from_days(days_from_civil(d) + n);
}

Date add_months(const Date& d, int n) {
    // Months counted from year 0, with floor division so that negative n works too.
    const int months = d.year * 12 + (d.month - 1) + n;
    const int year = months >= 0 ? months / 12 : (months - 11) / 12;
    const int month = months - year * 12 + 1;
    return Date{year, month, std::min(d.day, days_in_month(year, month))};
}

Weekday weekday(const Date& d) {
    // 1970-01-01 was a Thursday (index 3 when Monday is 0).
    const int index = ((days_from_civil(d) % 7) + 7 + 3) % 7;
    return static_cast<Weekday>(index);
}

Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

} // namespace safesar
