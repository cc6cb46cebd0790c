#include "routine_shapes.hpp"

#include "../calendar_words.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace safesar {

namespace {

bool plural_day(std::string_view w) {
    static const std::array<std::string_view, 7> days{
        "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"};
    return std::find(days.begin(), days.end(), w) != days.end();
}

// A day or days as notes shorten them: "Weds", "Sats".
bool day_or_days(std::string_view w) {
    static const std::array<std::string_view, 5> shortened{"mons", "fris", "sats", "suns", "weds"};
    return day_name(w) || plural_day(w) ||
           std::find(shortened.begin(), shortened.end(), w) != shortened.end();
}

// A working pattern after a day's name: "a saturday shift", "Friday lates". ("Wednesday
// evenings" is as often a child's contact with the requester as anyone's routine.)
bool work_pattern(std::string_view w) {
    static const std::array<std::string_view, 6> parts{"shift",   "shifts",   "lates",
                                                       "earlies", "overtime", "rota"};
    return std::find(parts.begin(), parts.end(), w) != parts.end();
}

bool digits_only(std::string_view w, std::size_t max) {
    return w.size() <= max && all_digits(w);
}

bool am_pm(std::string_view w) {
    return w == "am" || w == "pm";
}

// "5am", "11pm": an hour with its am or pm joined to it.
bool hour_with_am_pm(std::string_view w) {
    return w.size() >= 3 && am_pm(w.substr(w.size() - 2)) &&
           digits_only(w.substr(0, w.size() - 2), 2);
}

// The time that starts at token `i` ("8", "2.30", "10:20", "5am", "5.30 pm"): its last token
// and whether it says am or pm; `last` is past the end when there is none.
struct Time {
    std::size_t last = static_cast<std::size_t>(-1);
    bool has_am_pm = false;
};
Time time_at(const SectionContext& ctx, std::size_t i) {
    const std::size_t n = ctx.tokens.size();
    Time t;
    if (i >= n) return t;
    if (hour_with_am_pm(ctx.word(i))) return {i, true};
    if (!digits_only(ctx.word(i), 2)) return t;
    std::size_t k = i;
    if (k + 1 < n && (ctx.gap(k) == ":" || ctx.gap(k) == ".")) {
        const std::string_view minutes = ctx.word(k + 1);
        if (digits_only(minutes, 2) && minutes.size() == 2)
            ++k;
        else if (hour_with_am_pm(minutes) && minutes.size() == 4)
            return {k + 1, true};
    }
    t.last = k;
    if (k + 1 < n && am_pm(ctx.word(k + 1)) && (ctx.gap(k).empty() || ctx.gap(k) == " ")) {
        t.last = k + 1;
        t.has_am_pm = true;
    }
    return t;
}

bool dash(std::string_view gap) {
    return gap == "-" || gap == " - " || gap == "\xE2\x80\x93" || gap == " \xE2\x80\x93 ";
}

} // namespace

bool clock_time_at(const SectionContext& ctx, std::size_t i) {
    if (i >= ctx.tokens.size()) return false;
    if (hour_with_am_pm(ctx.word(i))) return true;
    if (i + 1 >= ctx.tokens.size()) return false; // an hour alone at the end has no minutes
    const bool minutes = ctx.gap(i) == ":" || ctx.gap(i) == ".";
    return minutes && time_at(ctx, i).last == i + 1;
}

bool routine_shape_at(const SectionContext& ctx, std::size_t i) {
    const std::size_t n = ctx.tokens.size();
    const std::string_view w = ctx.word(i);
    if (plural_day(w)) return true;
    // Days joined: "Mon-Fri", "Fri/Sat", "Monday to Friday", "Tue & Thu", "Tues + Fris"; a day
    // with a working pattern: "saturday shift".
    if (day_or_days(w) && i + 1 < n) {
        const std::string_view gap = ctx.gap(i);
        if ((dash(gap) || gap == "/" || gap == " & " || gap == " + " || gap == ", ") &&
            day_or_days(ctx.word(i + 1)))
            return true;
        if (gap == " " && work_pattern(ctx.word(i + 1))) return true;
        // A day closing a bracket says when: "Zoe (stockroom Wed)", "(in Thu)".
        if (gap.rfind(")", 0) == 0) return true;
        const std::string_view join = ctx.word(i + 1);
        if (i + 2 < n && (join == "to" || join == "till" || join == "until" || join == "and") &&
            day_name(ctx.word(i + 2)))
            return true;
        return false;
    }
    // Hours: "8 till 2", "5am to 1pm", "9am-3pm".
    const Time from = time_at(ctx, i);
    if (from.last >= n || from.last + 1 >= n) return false;
    std::size_t to_first = from.last + 1;
    bool till = false;
    if (!dash(ctx.gap(from.last))) {
        const std::string_view join = ctx.word(to_first);
        till = join == "till" || join == "til" || join == "until";
        if (!till && join != "to") return false;
        ++to_first;
    }
    const Time to = time_at(ctx, to_first);
    return to.last < n && (till || from.has_am_pm || to.has_am_pm);
}

} // namespace safesar
