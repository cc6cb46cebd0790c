#include "json_output.hpp"

#include <map>

namespace safesar::cli {

namespace {

Json records_json(const ReviewStatus& s, const std::vector<RecordReview>& records) {
    Json withheld = Json::array(), released = Json::array();
    for (const RecordReview& r : records) {
        if (r.withheld) {
            const bool by_reviewer = r.decision == RecordReview::Decision::Withhold;
            withheld.push_back({{"record", r.record},
                                {"reason", r.withheld_reason()},
                                {"by", by_reviewer ? Json(s.who(r.decided_by)) : Json(nullptr)},
                                {"at", by_reviewer ? Json(r.decided_at) : Json(nullptr)},
                                {"comment", r.comment},
                                {"policy_kind", r.policy_kind},
                                {"until_reviewed", r.until_reviewed}});
        }
        if (r.decision == RecordReview::Decision::Release)
            released.push_back({{"record", r.record},
                                {"by", s.who(r.decided_by)},
                                {"at", r.decided_at},
                                {"comment", r.comment}});
    }
    return {{"withheld_in_full", std::move(withheld)}, {"released", std::move(released)}};
}

Json pages_json(const ReviewStatus& s, const std::vector<PageToRead>& pages) {
    std::map<std::string, std::vector<int>> unread;
    for (const PageToRead& p : pages)
        if (!p.read()) unread[p.record].push_back(p.page);
    Json list = Json::array();
    for (const auto& [record, numbers] : unread)
        list.push_back({{"record", record}, {"pages", numbers}});
    return {{"read", s.pages_read},
            {"total", s.pages_total},
            {"all_needed_for_final", s.pages_must_be_read},
            {"unread", std::move(list)}};
}

Json review_json(const ReviewStatus& s, const ReviewStore& store) {
    Json counts = Json::object();
    for (const auto& [status, count] : s.counts)
        counts[to_string(status)] = count;
    Json risks = Json::array();
    for (const StoredRisk& r : s.open_risks)
        risks.push_back({{"id", r.id}, {"record", r.record}, {"what", r.what}});
    Json signoffs = Json::array();
    for (const SignOff& o : s.signoffs)
        signoffs.push_back({{"by", s.who(o.reviewer)}, {"at", o.at}, {"current", o.current}});
    return {{"scans", s.scans},
            {"findings", std::move(counts)},
            {"undecided", s.undecided},
            {"manual", s.manual},
            {"open_risks", std::move(risks)},
            {"records", records_json(s, store.record_reviews())},
            {"pages", pages_json(s, store.pages_to_read())},
            {"signoffs", std::move(signoffs)},
            {"signoffs_needed", s.signoffs_needed},
            {"last_final_export",
             s.last_final_export.empty() ? Json(nullptr) : Json(s.last_final_export)},
            {"exported_final", s.exported_final},
            {"final_export_ready", s.ready_for_final()},
            {"blockers", s.blockers}};
}

} // namespace

Json status_json(const Case& c, const Deadline& deadline, const HolidayCalendar& calendar,
                 const Date& today, const ReviewStore* store) {
    Json j = json_document("safesar-status/1");
    j["reference"] = c.reference;
    j["profile"] = c.profile;
    j["due"] = to_iso(deadline.due);
    j["working_days_left"] = working_days_between(today, deadline.due, calendar);
    j["overdue"] = today > deadline.due;
    j["scanned"] = store != nullptr;
    j["review"] = store ? review_json(store->status(), *store) : Json(nullptr);
    return j;
}

} // namespace safesar::cli
