#include "json_output.hpp"

namespace safesar::cli {

Json audit_json(const std::vector<AuditEntry>& entries) {
    Json j = json_document("safesar-audit/1");
    Json list = Json::array();
    for (const AuditEntry& e : entries) {
        // The detail as the trail holds it, parsed; a detail that is not JSON stays text (the
        // trail is shown as it is, --verify says whether it is intact).
        Json detail = Json::parse(e.detail_json, nullptr, false);
        if (detail.is_discarded()) detail = e.detail_json;
        list.push_back({{"seq", e.seq},
                        {"at", e.at},
                        {"who", e.who},
                        {"action", e.action},
                        {"detail", std::move(detail)},
                        {"prev_hash", e.prev_hash},
                        {"hash", e.hash}});
    }
    j["entries"] = std::move(list);
    return j;
}

Json audit_verification_json(const AuditVerification& v) {
    Json j = json_document("safesar-audit-verify/1");
    j["verified"] = v.ok();
    j["entries"] = v.entries;
    j["first_broken"] = v.first_broken ? Json(*v.first_broken) : Json(nullptr);
    j["problems"] = v.problems;
    return j;
}

} // namespace safesar::cli
