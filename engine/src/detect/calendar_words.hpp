// Names of months and days, folded: one list for every rule that reads a date written in words.
#pragma once

#include <string_view>

namespace safesar {

// "january" ... "december".
bool full_month_name(std::string_view folded_word);

// A month's name in full or cut short: "jan", "sept", "june".
bool month_name(std::string_view folded_word);

// A day's name in full or cut short: "monday", "mon", "tues", "thurs".
bool day_name(std::string_view folded_word);

// Does the word at [begin, end) of `text` stand as a day: a date or a time after it ("Tue
// 14/04", "Mon 10:00") or another day joined to it ("Mon-Thu", "Mon, Wed and Fri")? A given
// name that is also a day cut short ("Thu") is a name elsewhere.
bool stands_as_day(std::string_view text, std::size_t begin, std::size_t end);

} // namespace safesar
