#include "batch/request_facts.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/deadline.hpp"

namespace safesar::batching {

void add_request_facts(const Case& request, CaseResult& result) {
    result.reference = request.reference;
    result.profile = request.profile;
    const auto calendar = HolidayCalendar::load(dictionaries_dir(), request.holidays);
    result.due = compute_deadline(request, calendar).due;
}

void add_request_facts(const std::filesystem::path& case_folder, CaseResult& result) noexcept {
    try {
        // Anything else (a named pipe, a device) could block this process for ever.
        std::error_code ec;
        if (!std::filesystem::is_regular_file(case_folder / "request.json", ec)) return;
        add_request_facts(load_case(case_folder).value, result);
    } catch (const std::exception&) {
        // The case's own run reports why; the summary shows no reference.
    }
}

} // namespace safesar::batching
