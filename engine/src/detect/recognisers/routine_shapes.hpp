// Routine written by its shape, not its wording: a run of days ("Mon-Fri", "Fri/Sat", "Monday
// to Friday"), a day in the plural ("Tuesdays"), a span of hours as people give their working
// day ("8 till 2", "5am to 1pm"). Whose routine it is, the sentence decides.
#pragma once

#include "../recogniser.hpp"

namespace safesar {

// Does a routine's shape begin at token `i`? An appointment's time ("09:40-10:20") is not one:
// a span of hours counts only with "till"/"until" or with am/pm.
bool routine_shape_at(const SectionContext& ctx, std::size_t i);

// Does a clock time start at token `i`: an hour with its minutes or its am/pm joined to it
// ("9.30", "09:30", "5am", "9.30pm"), not a bare number?
bool clock_time_at(const SectionContext& ctx, std::size_t i);

} // namespace safesar
