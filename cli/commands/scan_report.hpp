// What `scan` and `run` print about a case: records read and skipped, findings per category,
// what the policy withheld, and the open safety risks.
#pragma once

#include "safesar/pipeline.hpp"

#include <ostream>

namespace safesar::cli {

void print_scan_summary(const CaseScan& scan, std::ostream& out);

} // namespace safesar::cli
