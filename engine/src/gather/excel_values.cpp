#include "gather/excel_values.hpp"

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace safesar::gather_detail {

bool excel_builtin_date_format(int id) {
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

// Outside quotes, escapes and [colour] brackets, a day, month, year, hour or second code.
bool excel_custom_date_format(const std::string& code) {
    bool quoted = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quoted) {
            quoted = c != '"';
            continue;
        }
        if (c == '"') {
            quoted = true;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == '[') {
            const auto close = code.find(']', i);
            if (close == std::string::npos) break;
            const std::string inside = code.substr(i + 1, close - i - 1);
            if (inside == "h" || inside == "hh" || inside == "m" || inside == "mm" ||
                inside == "s" || inside == "ss")
                return true; // elapsed time
            i = close;
        } else if (std::string("dDmMyYhHsS").find(c) != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::string excel_date(double serial, bool date1904) {
    if (!std::isfinite(serial) || serial < 0 || serial > 2958465) return {};
    const double days = std::floor(serial);
    const double fraction = serial - days;
    // Day 0 is 1899-12-31 (1904-01-01 in the 1904 system); Excel counts 1900-02-29, which
    // never was, so serials from 61 on are one day ahead.
    long since_epoch;
    if (date1904) since_epoch = static_cast<long>(days) - 24107;
    else since_epoch = static_cast<long>(days) - (days >= 61 ? 25569 : 25568);
    const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{since_epoch}}};
    const int y = static_cast<int>(date.year());
    const unsigned m = static_cast<unsigned>(date.month()), d = static_cast<unsigned>(date.day());
    char buffer[40];
    const long seconds = std::lround(fraction * 86400);
    if (seconds > 0 && seconds < 86400)
        std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d %02ld:%02ld", d, m, y, seconds / 3600,
                      seconds / 60 % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", d, m, y);
    return buffer;
}

std::string excel_number(double value) {
    if (!std::isfinite(value)) return {};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    return buffer;
}

std::string excel_header_footer_text(const std::string& raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '&') {
            out += raw[i];
            continue;
        }
        if (i + 1 >= raw.size()) break;
        const char code = raw[++i];
        if (code == '&') out += '&';
        else if (code == '"') {
            const auto close = raw.find('"', i + 1);
            i = close == std::string::npos ? raw.size() : close;
        } else if (code == 'K') {
            i += 6; // a colour: six hex digits
        } else if (std::isdigit(static_cast<unsigned char>(code))) {
            while (i + 1 < raw.size() && std::isdigit(static_cast<unsigned char>(raw[i + 1]))) ++i;
        } else if (code == 'L' || code == 'C' || code == 'R') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        }
        // &P, &N, &D, &T, &A, &F, &Z, &G, &B, &I, &U, &S, &X, &Y, &E: fields and styles
    }
    return out;
}

} // namespace safesar::gather_detail
