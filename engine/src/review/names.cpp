// The review's enums as the command line and docs spell them.
#include "safesar/review.hpp"

namespace safesar {

const char* to_string(FindingStatus s) {
    switch (s) {
    case FindingStatus::New:
        return "new";
    case FindingStatus::Open:
        return "open";
    case FindingStatus::Approved:
        return "approved";
    case FindingStatus::Rejected:
        return "rejected";
    case FindingStatus::Changed:
        return "changed";
    case FindingStatus::Gone:
        return "gone";
    }
    return "open";
}

std::optional<FindingStatus> parse_finding_status(std::string_view text) {
    for (FindingStatus s : {FindingStatus::New, FindingStatus::Open, FindingStatus::Approved,
                            FindingStatus::Rejected, FindingStatus::Changed, FindingStatus::Gone})
        if (text == to_string(s)) return s;
    return std::nullopt;
}

const char* to_string(CaseStage s) {
    switch (s) {
    case CaseStage::New:
        return "new";
    case CaseStage::Scanned:
        return "scanned";
    case CaseStage::InReview:
        return "in review";
    case CaseStage::SignedOff:
        return "signed off";
    case CaseStage::Exported:
        return "exported";
    }
    return "new";
}

} // namespace safesar
