#include "calendar_words.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace safesar {

namespace {
constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};
constexpr std::array<std::string_view, 7> kDays{"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};

std::string lower(std::string_view w) {
    std::string out(w);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool letter(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
} // namespace

bool day_name(std::string_view w) {
    if (w == "tues" || w == "weds" || w == "thur" || w == "thurs") return true;
    return std::any_of(kDays.begin(), kDays.end(), [&](std::string_view d) {
        return w == d || (w.size() == 3 && d.substr(0, 3) == w);
    });
}

bool stands_as_day(std::string_view text, std::size_t begin, std::size_t end) {
    if (begin >= end || end > text.size() || !day_name(lower(text.substr(begin, end - begin))))
        return false;
    // The word on either side, past a join of a few characters ("-", ", ", " and ", "/").
    auto day_at = [&](std::size_t b) {
        std::size_t e = b;
        while (e < text.size() && letter(text[e]))
            ++e;
        return e > b && day_name(lower(text.substr(b, e - b)));
    };
    std::size_t after = end;
    while (after < text.size() && text[after] == ' ')
        ++after;
    if (after < text.size() && std::isdigit(static_cast<unsigned char>(text[after]))) return true;
    for (std::string_view join : {"-", "/", ", ", " and ", " & ", " to ", "–"}) {
        if (text.substr(end, join.size()) == join && day_at(end + join.size())) return true;
        if (begin >= join.size() && text.substr(begin - join.size(), join.size()) == join) {
            std::size_t b = begin - join.size();
            while (b > 0 && letter(text[b - 1]))
                --b;
            if (b < begin - join.size() && day_at(b)) return true;
        }
    }
    return false;
}

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
