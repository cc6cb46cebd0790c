// ISO dates as request.json writes them: YYYY-MM-DD, checked for a real calendar day.
#include "safesar/case_model.hpp"

#include <cstdio>
#include <regex>

namespace safesar {

namespace {
bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}
} // namespace

std::optional<Date> parse_iso_date(const std::string& text) {
    static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    if (!std::regex_match(text, m, iso)) return std::nullopt;
    Date d{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    return d;
}

std::string to_iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

} // namespace safesar
