// Teams on the shared database (schema 6): a reviewer sees and decides only the cases assigned
// to a team of theirs, whether through SafeSAR or around it; an administrator makes the teams
// and assigns the cases (`safesar db team`, `safesar db assign`). The [postgres] test runs in
// review_tests_on_postgresql only, whose cluster has the administrator login `ada`.
#include <catch2/catch.hpp>

#include "process.hpp"
#include "review_fixture.hpp"

#include "safesar/review.hpp"
#include "safesar/review_database.hpp"

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace safesar;
using namespace safesar::testing;

namespace {

// The CLI as `login` on the shared database, standard error included.
std::string safesar_as(const std::string& login, const std::string& args, int& status) {
    const std::string database = ReviewDatabase::from_environment().connection + " user=" + login;
    return test::run_capture("SAFESAR_DATABASE=" + test::quoted(database) + " '" + SAFESAR_BINARY +
                                 "' " + args + " 2>&1",
                             &status);
}

// SQL run by `login` with its session scoped to the case, as anyone with the login and psql
// could; the last line psql prints, "ERROR" when it fails.
std::string psql_as(const std::string& login, const std::string& reference,
                    const std::string& sql) {
    const std::string database = ReviewDatabase::from_environment().connection + " user=" + login;
    int status = -1;
    const std::string out = test::run_capture(
        "psql -X -q -t -A -v ON_ERROR_STOP=1 " + test::quoted(database) + " -c " +
            test::quoted("SELECT set_config('safesar.case', '" + reference + "', false)") + " -c " +
            test::quoted(sql) + " 2>/dev/null",
        &status);
    if (status != 0) return "ERROR";
    std::string last, line;
    std::istringstream lines(out);
    while (std::getline(lines, line))
        if (!line.empty()) last = line;
    return last;
}

std::string first_decidable(const ReviewStore& store) {
    for (const StoredFinding& f : store.findings())
        if (f.decidable() && f.proposes_redaction()) return f.id;
    FAIL("no finding to decide");
    return {};
}

} // namespace

TEST_CASE("a reviewer sees and decides only the cases assigned to a team of theirs",
          "[review][postgres][cli]") {
    REQUIRE(on_shared_database());
    TempCase north_case("profiles/standard");
    TempCase south_case("profiles/perpetrator");
    auto a = scan_into_store(north_case.folder); // no teams yet: every reviewer sees every case
    auto b = scan_into_store(south_case.folder);
    const Case& case_a = a->request.value;
    const Case& case_b = b->request.value;
    REQUIRE(case_a.reference != case_b.reference);
    ReviewStore tom_on_a = open_as(case_a, "tom"); // opened before the case was assigned
    const std::string id_a = first_decidable(tom_on_a);

    // An administrator makes the teams and assigns the cases; a reviewer may not.
    int status = -1;
    std::string out = safesar_as("ruth", "db team add north", status);
    CHECK(status == 1);
    CHECK_THAT(out, Catch::Contains("only an administrator adds teams"));
    for (const std::string& command : std::vector<std::string>{
             "db team add north", "db team add south", "db team grant north ruth",
             "db team grant south tom", "db assign " + case_a.reference + " north",
             "db assign " + case_b.reference + " south"}) {
        out = safesar_as("ada", command, status);
        INFO(command << ": " << out);
        CHECK(status == 0);
    }
    out = safesar_as("ruth", "db assign " + case_b.reference + " north", status);
    CHECK(status == 1);
    CHECK_THAT(out, Catch::Contains("only an administrator assigns cases"));
    out = safesar_as("ada", "db team list", status);
    CHECK_THAT(out, Catch::Contains("north\n  members: ruth\n  cases: " + case_a.reference));

    // Ruth works on her team's case.
    ReviewStore ruth_on_a = open_as(case_a, "ruth");
    CHECK(ruth_on_a.decide({{id_a, Verdict::Approve, "", ""}}) == 1);
    CHECK_THAT(safesar_as("ruth", "db check", status), Catch::Contains("teams: north"));
    const auto report = nlohmann::json::parse(safesar_as("ruth", "db check --json", status));
    CHECK(status == 0);
    CHECK(report["store"] == "postgresql");
    CHECK(report["teams_in_use"] == true);
    CHECK(report["teams"] == nlohmann::json::array({"north"}));
    CHECK(report["login"] == "ruth");

    // The other team's case is refused by name, not shown empty: to the store and the CLI.
    CHECK_THROWS_WITH(open_as(case_b, "ruth"), Catch::Contains("assigned to the team south") &&
                                                   Catch::Contains("ruth is not a member"));
    out = safesar_as("ruth", "status " + test::quoted(south_case.folder.string()), status);
    CHECK(status == 1);
    CHECK_THAT(out, Catch::Contains("assigned to the team south"));

    // Tom, whose store was open on case A before it went to north, can no longer read or
    // write it, and is told why rather than shown an empty case.
    CHECK_THROWS_WITH(tom_on_a.findings(), Catch::Contains("tom is not a member"));
    CHECK_THROWS_WITH(tom_on_a.decide({{id_a, Verdict::Reject, "", ""}}),
                      Catch::Contains("nothing of it is shown or recorded"));
    CHECK(by_id(ruth_on_a.findings())[id_a].decided_by == "ruth");
    // Around SafeSAR: psql as Ruth on case B sees none of its rows and may write none.
    CHECK(psql_as("tom", case_b.reference, "SELECT count(*) > 0 FROM findings") == "t");
    CHECK(psql_as("ruth", case_b.reference, "SELECT count(*) FROM findings") == "0");
    CHECK(psql_as("ruth", case_b.reference, "SELECT count(*) FROM audit") == "0");
    CHECK(psql_as("ruth", case_b.reference,
                  "INSERT INTO meta(key, value) VALUES ('note', 'x') RETURNING 1") == "ERROR");

    // Once teams exist, a case assigned to none is open to nobody.
    Case unassigned = case_a;
    unassigned.reference = "SAR-TEST-NO-TEAM";
    CHECK_THROWS_WITH(open_as(unassigned, "ruth"), Catch::Contains("assigned to no team"));

    // Reassigned, the case follows its team.
    CHECK(safesar_as("ada", "db assign " + case_a.reference + " south", status).find("south") !=
          std::string::npos);
    CHECK_THROWS_WITH(open_as(case_a, "ruth"), Catch::Contains("assigned to the team south"));
    CHECK(by_id(open_as(case_a, "tom").findings())[id_a].decided_by == "ruth");
}

TEST_CASE("teams are the shared database's: the embedded store has none to set up",
          "[review][sqlite][cli]") {
    REQUIRE_FALSE(on_shared_database());
    int status = -1;
    const std::string out =
        test::run_capture(std::string("'") + SAFESAR_BINARY + "' db team add north 2>&1", &status);
    CHECK(status == 1);
    CHECK_THAT(out, Catch::Contains("SAFESAR_DATABASE") && Catch::Contains("not set"));
}
