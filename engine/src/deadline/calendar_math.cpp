// Day arithmetic on Date: days since 1970-01-01 and back, weekdays, adding months, all done by
// std::chrono's calendar (year_month_day, sys_days, weekday) rather than by hand.
#include "safesar/deadline.hpp"
#include "safesar/enum_names.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace safesar {

const char* to_string(Weekday w) {
    return weekday_names.name(w);
}

namespace {

// Date <-> the standard library's calendar types, which do all the arithmetic below.
std::chrono::year_month_day ymd_of(const Date& d) {
    return std::chrono::year{d.year} / d.month / d.day;
}

std::chrono::sys_days sys_days_of(const Date& d) {
    return std::chrono::sys_days{ymd_of(d)};
}

Date date_of(std::chrono::year_month_day ymd) {
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

} // namespace

bool is_leap_year(int year) {
    return std::chrono::year{year}.is_leap();
}

int days_in_month(int year, int month) {
    const auto last = std::chrono::year{year} / month / std::chrono::last;
    return static_cast<int>(static_cast<unsigned>(last.day()));
}

bool is_valid_date(const Date& d) {
    return ymd_of(d).ok();
}

int days_from_civil(const Date& d) {
    return static_cast<int>(sys_days_of(d).time_since_epoch().count());
}

Date civil_from_days(int days) {
    return date_of(std::chrono::sys_days{std::chrono::days{days}});
}

Date add_days(const Date& d, int n) {
    return date_of(sys_days_of(d) + std::chrono::days{n});
}

Date add_months(const Date& d, int n) {
    // year_month + months carries into the year, backwards too (n < 0).
    const auto month = std::chrono::year{d.year} / d.month + std::chrono::months{n};
    const Date first = date_of(month / 1);
    return Date{first.year, first.month, std::min(d.day, days_in_month(first.year, first.month))};
}

Weekday weekday(const Date& d) {
    // ISO numbering: Monday is 1, Sunday 7; Weekday counts from Monday as 0.
    return static_cast<Weekday>(std::chrono::weekday{sys_days_of(d)}.iso_encoding() - 1);
}

Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

} // namespace safesar
