// The time stamped on every decision and audit entry: UTC, so reviewers in different places
// and a clock change cannot reorder the record.
#pragma once

#include <string>

namespace safesar::review {

std::string utc_now(); // 2026-11-02T14:03:07.123Z

} // namespace safesar::review
