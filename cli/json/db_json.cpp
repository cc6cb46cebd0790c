#include "json_output.hpp"

namespace safesar::cli {

Json db_check_json(const DatabaseReport* report) {
    Json j = json_document("safesar-db-check/1");
    if (!report) {
        j["store"] = "embedded";
        j["ready"] = true;
        j["problems"] = Json::array();
        return j;
    }
    const DatabaseReport& r = *report;
    j["store"] = "postgresql";
    j["ready"] = r.ok();
    j["problems"] = r.problems;
    j["database"] = r.database;
    j["login"] = r.login;
    j["approver"] = r.approver;
    j["database_schema"] = r.schema;
    j["schema_needed"] = r.expected;
    j["teams_in_use"] = r.teams_in_use;
    j["teams"] = r.teams;
    return j;
}

} // namespace safesar::cli
