// Reason codes a reviewer may give (TP, SH, CR...), read from dictionaries/policies/reasons.json,
// the same file the policy profiles cite from.
#pragma once

#include "safesar/disclosure.hpp"

#include <string>

namespace safesar::review {

// Throws ReviewError naming the known codes when `code` is not one of them.
Reason reason_for(const std::string& code);

} // namespace safesar::review
