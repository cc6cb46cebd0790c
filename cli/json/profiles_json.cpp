#include "json_output.hpp"

namespace safesar::cli {

Json profiles_json(const ProfileList& list) {
    Json j = json_document("safesar-profiles/1");
    Json profiles = Json::array();
    for (const ProfileInfo& p : list.profiles)
        profiles.push_back({{"name", p.name},
                            {"label", p.label},
                            {"file", p.file.string()},
                            {"requester_may_be_perpetrator", p.requester_may_be_perpetrator},
                            {"review",
                             {{"signoffs", p.review.signoffs_needed},
                              {"every_page_read", p.review.every_page_read},
                              {"release_needs_comment", p.review.release_needs_comment}}}});
    j["profiles"] = std::move(profiles);
    Json problems = Json::array();
    for (const DataError& e : list.problems)
        problems.push_back(e.what());
    j["problems"] = std::move(problems);
    return j;
}

} // namespace safesar::cli
