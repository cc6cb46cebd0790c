#include "json_output.hpp"

namespace safesar::cli {

Json list_json(const std::vector<CaseSummary>& cases, const Date& today) {
    Json j = json_document("safesar-list/1");
    j["today"] = to_iso(today);
    Json list = Json::array();
    for (const CaseSummary& c : cases) {
        Json one = {{"folder", c.folder.string()}};
        if (!c.error.empty()) {
            one["error"] = c.error;
            list.push_back(std::move(one));
            continue;
        }
        one["reference"] = c.reference;
        one["requester"] = c.requester;
        one["profile"] = c.profile;
        one["stage"] = to_string(c.stage);
        one["due"] = c.due ? Json(to_iso(*c.due)) : Json(nullptr);
        one["working_days_left"] = c.working_days_left;
        one["overdue"] = c.overdue;
        one["to_review"] = c.to_review;
        one["open_by"] = c.present;
        list.push_back(std::move(one));
    }
    j["cases"] = std::move(list);
    return j;
}

} // namespace safesar::cli
