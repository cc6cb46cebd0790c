// What one record may cost while it is read: the limits in force and the time left. Readers
// call check_budget() between steps (pages, OCR pages, MIME parts), so a file that would take
// forever is stopped with one clear line and the case goes on with the other records.
#pragma once

#include "safesar/gather.hpp"

#include <functional>
#include <string>

namespace safesar::gather_detail {

// The limits of `options`, or the built-in defaults when the caller set none.
const Limits& limits_of(const GatherOptions& options);

// Throws Cancelled when the caller asked to stop, RecordError(name, ...) once the record's time
// budget (GatherOptions::deadline) is spent.
void check_budget(const GatherOptions& options, const std::string& name);

// check_budget bound to one record, for code that takes a callback.
std::function<void()> budget_check(const GatherOptions& options, const std::string& name);

} // namespace safesar::gather_detail
