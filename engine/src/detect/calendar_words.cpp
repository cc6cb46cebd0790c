#include "calendar_words.hpp"

#include <algorithm>
#include <array>

namespace safesar {

namespace {
constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};
} // namespace

bool full_month_name(std::string_view w) {
    return std::find(kMonths.begin(), kMonths.end(), w) != kMonths.end();
}

bool month_name(std::string_view w) {
    if (w == "sept") return true;
    return std::any_of(kMonths.begin(), kMonths.end(), [&](std::string_view m) {
        return w == m || (w.size() == 3 && m.substr(0, 3) == w);
    });
}

} // namespace safesar
