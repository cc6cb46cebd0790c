// ISO dates as request.json writes them: YYYY-MM-DD, checked for a real calendar day.
#include "safesar/case_model.hpp"

#include <chrono>
#include <cstdio>
#include <regex>

namespace safesar {

std::optional<Date> parse_iso_date(const std::string& text) {
    static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    if (!std::regex_match(text, m, iso)) return std::nullopt;
    Date d{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
    if (!(std::chrono::year{d.year} / d.month / d.day).ok()) return std::nullopt; // 2026-02-30
    return d;
}

std::string to_iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

} // namespace safesar
