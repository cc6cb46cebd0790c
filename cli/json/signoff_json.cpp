#include "json_output.hpp"

#include <algorithm>

namespace safesar::cli {

Json signoff_json(const Case& c, const Identity& who, const ReviewStatus& status) {
    Json j = json_document("safesar-signoff/1");
    j["reference"] = c.reference;
    j["signed_by"] = {{"login", who.login}, {"display", who.display()}};
    Json current = Json::array();
    for (const SignOff& s : status.signoffs)
        if (s.current && std::find(current.begin(), current.end(), s.reviewer) == current.end())
            current.push_back(s.reviewer);
    j["current_signoffs"] = std::move(current); // logins of the reviewers who signed this state
    j["signoffs_needed"] = status.signoffs_needed;
    j["final_export_ready"] = status.ready_for_final();
    return j;
}

} // namespace safesar::cli
