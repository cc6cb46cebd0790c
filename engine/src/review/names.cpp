// The review's enums as the command line and docs spell them (tables in enum_names.hpp).
#include "safesar/enum_names.hpp"

namespace safesar {

const char* to_string(FindingStatus s) {
    return finding_status_names.name(s);
}

std::optional<FindingStatus> parse_finding_status(std::string_view text) {
    return finding_status_names.parse(text);
}

const char* to_string(CaseStage s) {
    return case_stage_names.name(s);
}

} // namespace safesar
