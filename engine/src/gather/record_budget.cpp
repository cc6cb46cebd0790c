#include "gather/record_budget.hpp"

#include "safesar/errors.hpp"

#include <cmath>

namespace safesar::gather_detail {

const Limits& limits_of(const GatherOptions& options) {
    static const Limits defaults;
    return options.limits ? *options.limits : defaults;
}

void check_budget(const GatherOptions& options, const std::string& name) {
    throw_if_cancelled(options.cancel);
    if (options.deadline && std::chrono::steady_clock::now() > *options.deadline)
        throw RecordError(name, "took longer than the time limit for one record (" +
                                    std::to_string(std::lround(limits_of(options).record_seconds)) +
                                    " s, limits.record_seconds); not read");
}

std::function<void()> budget_check(const GatherOptions& options, const std::string& name) {
    return [&options, name] { check_budget(options, name); };
}

} // namespace safesar::gather_detail
