// Names of months, folded: one list for every rule that reads a date written in words.
#pragma once

#include <string_view>

namespace safesar {

// "january" ... "december".
bool full_month_name(std::string_view folded_word);

// A month's name in full or cut short: "jan", "sept", "june".
bool month_name(std::string_view folded_word);

} // namespace safesar
