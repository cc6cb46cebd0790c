#include "calendar_words.hpp"

#include "folded_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace safesar {

namespace {
constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};
constexpr std::array<std::string_view, 7> kDays{"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};

// A name in `names`, in full or cut to its first three letters.
template <std::size_t N>
bool named_in(const std::array<std::string_view, N>& names, std::string_view w) {
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) {
        return w == n || (w.size() == 3 && n.substr(0, 3) == w);
    });
}

bool letter(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
} // namespace

bool day_name(std::string_view w) {
    return w == "tues" || w == "weds" || w == "thur" || w == "thurs" || named_in(kDays, w);
}

bool stands_as_day(std::string_view text, std::size_t begin, std::size_t end) {
    constexpr std::size_t kLongest = 9; // "wednesday"
    if (begin >= end || end > text.size() || end - begin > kLongest ||
        !day_name(fold(text.substr(begin, end - begin))))
        return false;
    // The word on either side, past a join of a few characters ("-", ", ", " and ", "/").
    auto day_at = [&](std::size_t b) {
        std::size_t e = b;
        while (e < text.size() && letter(text[e]))
            ++e;
        return e > b && e - b <= kLongest && day_name(fold(text.substr(b, e - b)));
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
    return w == "sept" || named_in(kMonths, w);
}

} // namespace safesar
