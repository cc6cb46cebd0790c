#include "gather/excel_values.hpp"

#include <cctype>
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

namespace {

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
void civil_from_days(long z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long yy = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

} // namespace

std::string excel_date(double serial, bool date1904) {
    if (!std::isfinite(serial) || serial < 0 || serial > 2958465) return {};
    const double days = std::floor(serial);
    const double fraction = serial - days;
    // Day 0 is 1899-12-31 (1904-01-01 in the 1904 system); Excel counts 1900-02-29, which
    // never was, so serials from 61 on are one day ahead.
    long since_epoch;
    if (date1904) since_epoch = static_cast<long>(days) - 24107;
    else since_epoch = static_cast<long>(days) - (days >= 61 ? 25569 : 25568);
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(since_epoch, y, m, d);
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
