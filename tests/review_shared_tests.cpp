// A team reviewing together: two connections at once, a decision on a stale view, and (on the
// shared PostgreSQL store only, tag [postgres]) cases kept apart in one database, the login as
// the reviewer, the approver role, and the audit's guards. The [review] tests here run on both
// stores (tests/postgres/run_on_postgres.sh runs them again on PostgreSQL).
#include <catch2/catch.hpp>

#include "process.hpp"
#include "review_fixture.hpp"

#include "safesar/audit.hpp"
#include "safesar/review.hpp"
#include "safesar/review_database.hpp"
#include "safesar/review_edits.hpp"

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

using namespace safesar;
using namespace safesar::testing;

namespace {

// Proposed redactions a reviewer can decide.
std::vector<StoredFinding> decidable(const ReviewStore& store) {
    std::vector<StoredFinding> out;
    for (const StoredFinding& f : store.findings())
        if (f.decidable() && f.proposes_redaction()) out.push_back(f);
    return out;
}

int audit_entries(const ReviewStore& store, const std::string& action) {
    int n = 0;
    for (const AuditEntry& e : store.audit())
        n += e.action == action;
    return n;
}

// SQL run by the cluster's superuser on the test's database (run_on_postgres.sh names it), as
// someone with full access to the server could; returns psql's exit status.
int as_database_admin(const std::string& sql) {
    const char* admin = std::getenv("SAFESAR_TEST_DATABASE_ADMIN");
    REQUIRE(admin);
    return std::system(("psql -X -q -v ON_ERROR_STOP=1 " + test::quoted(admin) + " -c " +
                        test::quoted(sql) + " > /dev/null 2>&1")
                           .c_str());
}

} // namespace

TEST_CASE("two connections deciding on the same findings at once both get through", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    const Case& request = scan->request.value;
    std::vector<std::string> ids;
    for (const StoredFinding& f : decidable(open_as(request, "ruth")))
        ids.push_back(f.id);
    REQUIRE(ids.size() >= 6);
    ids.resize(6);
    // Both reviewers decide every one of the same six findings, over and over, each on a
    // connection of its own: every decision is taken, none overwrites another unrecorded.
    auto reviewer = [&](const std::string& login, Verdict verdict, std::string& error) {
        try {
            ReviewStore store = open_as(request, login);
            for (int round = 0; round < 10; ++round)
                for (const std::string& id : ids)
                    store.decide({{id, verdict, "", ""}});
        } catch (const std::exception& e) {
            error = e.what();
        }
    };
    std::string ruth_error, tom_error;
    std::thread ruth(reviewer, "ruth", Verdict::Approve, std::ref(ruth_error));
    std::thread tom(reviewer, "tom", Verdict::Reject, std::ref(tom_error));
    ruth.join();
    tom.join();
    CHECK(ruth_error.empty());
    CHECK(tom_error.empty());
    ReviewStore store = open_as(request, "ruth");
    CHECK(audit_entries(store, "decide") == 2 * 10 * 6);
    // The latest decision on each is whoever decided last; both are on record.
    FindingFilter these;
    these.ids = ids;
    for (const StoredFinding& f : store.findings(these))
        CHECK((f.decided_by == "ruth" || f.decided_by == "tom"));
    const AuditVerification v = store.verify_audit();
    INFO((v.problems.empty() ? std::string() : v.problems.front()));
    CHECK(v.ok());
}

TEST_CASE("a decision on a stale view is refused, naming who changed the finding", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    const Case& request = scan->request.value;
    ReviewStore ruth = open_as(request, "ruth", "Ruth Adebayo");
    ReviewStore tom = open_as(request, "tom", "Tom Okafor");
    const std::vector<StoredFinding> ruths_view = decidable(ruth);
    REQUIRE(ruths_view.size() >= 2);
    const StoredFinding& first = ruths_view[0];
    CHECK(first.revision == 0);

    // Tom rejects it on his desktop; Ruth, on the view she read before, approves it.
    tom.decide({{first.id, Verdict::Reject, "", ""}});
    const std::int64_t version = ruth.status().version;
    FindingDecision stale{first.id, Verdict::Approve, "", ""};
    stale.seen = first.revision;
    FindingDecision fresh{ruths_view[1].id, Verdict::Approve, "", ""};
    fresh.seen = ruths_view[1].revision;
    try {
        ruth.decide({fresh, stale});
        FAIL("a decision on a stale view was taken");
    } catch (const ReviewError& e) {
        CHECK_THAT(e.what(), Catch::Contains("was decided by tom"));
        CHECK_THAT(e.what(), Catch::Contains("reload"));
    }
    // Nothing of the refused call was recorded, the other finding's decision included.
    CHECK(ruth.status().version == version);
    auto now = by_id(ruth.findings());
    CHECK(now[first.id].status == FindingStatus::Rejected);
    CHECK(now[ruths_view[1].id].open());

    // Read again, her decision goes through; a decision on the current view is taken.
    stale.seen = now[first.id].revision;
    CHECK(stale.seen > 0);
    CHECK(ruth.decide({stale}) == 1);
    CHECK(by_id(ruth.findings())[first.id].status == FindingStatus::Approved);
    CHECK(ruth.verify_audit().ok());
}

TEST_CASE("an undo is refused once another reviewer has decided the finding since", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    const Case& request = scan->request.value;
    ReviewStore ruth = open_as(request, "ruth");
    ReviewStore tom = open_as(request, "tom");
    const std::string id = decidable(ruth).front().id;
    ReviewEdits edits(ruth);
    edits.decide({{id, Verdict::Approve, "", ""}});
    tom.decide({{id, Verdict::Reject, "", ""}});

    CHECK_THROWS_WITH(edits.undo(), Catch::Contains("was decided by tom"));
    CHECK(edits.can_undo()); // kept: nothing changed
    CHECK(by_id(ruth.findings())[id].status == FindingStatus::Rejected);
}

TEST_CASE("one shared database holds many cases, each seeing its own rows only",
          "[review][postgres]") {
    REQUIRE(on_shared_database());
    TempCase standard("profiles/standard");
    TempCase perpetrator("profiles/perpetrator");
    auto a = scan_into_store(standard.folder);
    auto b = scan_into_store(perpetrator.folder);
    REQUIRE(a->request.value.reference != b->request.value.reference);
    ReviewStore sa = open_as(a->request.value, "ruth");
    ReviewStore sb = open_as(b->request.value, "ruth");
    CHECK(sa.location() != sb.location()); // each names its case
    CHECK(sa.file().empty());

    // Each sees the findings of its own scan; the two fixtures share records, so some finding
    // ids are in both, as two rows.
    CHECK(sa.findings().size() == a->findings.size());
    CHECK(sb.findings().size() == b->findings.size());
    const auto in_b = by_id(sb.findings());
    const std::int64_t b_version = sb.status().version;
    std::vector<FindingDecision> all;
    int shared = 0;
    for (const StoredFinding& f : decidable(sa)) {
        all.push_back({f.id, Verdict::Approve, "", ""});
        shared += in_b.count(f.id) > 0;
    }
    CHECK(shared > 0);
    sa.decide(all);
    CHECK(sa.status().undecided == 0);
    // Deciding in one case decided nothing in the other, the same ids included.
    CHECK(sb.status().undecided > 0);
    CHECK(sb.status().version == b_version);
    CHECK(audit_entries(sb, "decide") == 0);
    for (const StoredFinding& f : sb.findings())
        CHECK(f.decided_by.empty());
    CHECK(sa.verify_audit().ok());
    CHECK(sb.verify_audit().ok());
    // Each case's trail is its own chain, from its first entry.
    CHECK(sa.audit().front().seq == 1);
    CHECK(sb.audit().front().seq == 1);
}

TEST_CASE("on a shared database the reviewer is the login, named by its role's comment",
          "[review][postgres]") {
    REQUIRE(on_shared_database());
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = open_as(scan->request.value, "priya");
    CHECK(store.acting().login == "priya");
    CHECK(store.acting().full_name == "Priya Shah");
    CHECK(store.acting().source == "database-role");
    const std::string id = decidable(store).front().id;
    store.decide({{id, Verdict::Approve, "", ""}});
    CHECK(by_id(store.findings())[id].decided_by == "priya");
    CHECK(store.status().who("priya") == "Priya Shah (priya)");
    // No other identity can be given: the login is who acts.
    CHECK_THROWS_WITH(ReviewStore::open(scan->request.value, acting_as("someone-else")),
                      Catch::Contains("the reviewer is the database login"));
}

TEST_CASE("a reviewer without the approver role is refused a perpetrator request's sign-off",
          "[review][postgres]") {
    REQUIRE(on_shared_database());
    TempCase perpetrator("profiles/perpetrator");
    auto scan = scan_into_store(perpetrator.folder);
    ReviewStore carl = open_as(scan->request.value, "carl"); // safesar_reviewer only
    ReviewStore ruth = open_as(scan->request.value, "ruth"); // safesar_approver
    CHECK_THAT(carl.signoff_refusal(), Catch::Contains("does not hold the safesar_approver role"));
    CHECK_THROWS_WITH(carl.signoff(), Catch::Contains("safesar_approver"));
    CHECK_THAT(ruth.signoff_refusal(), !Catch::Contains("safesar_approver"));
    // He reviews all the same: deciding needs no approver.
    const std::string id = decidable(carl).front().id;
    CHECK(carl.decide({{id, Verdict::Approve, "", ""}}) == 1);
    CHECK(carl.status().signoffs.empty());

    // A standard request's sign-off is any reviewer's.
    TempCase standard("profiles/standard");
    auto other = scan_into_store(standard.folder);
    CHECK_THAT(open_as(other->request.value, "carl").signoff_refusal(),
               !Catch::Contains("safesar_approver"));
}

TEST_CASE("the shared database's audit refuses changes, and verify names a changed entry",
          "[review][postgres]") {
    REQUIRE(on_shared_database());
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = open_as(scan->request.value, "ruth");
    const auto findings = decidable(store);
    REQUIRE(findings.size() >= 2);
    store.decide({{findings[0].id, Verdict::Approve, "", ""}});
    store.decide({{findings[1].id, Verdict::Reject, "", ""}});
    REQUIRE(store.verify_audit().ok());

    // A reviewer cannot change history, through SafeSAR or around it.
    const std::string reviewer =
        "psql -X -q " + test::quoted(ReviewDatabase::from_environment().connection + " user=ruth") +
        " -c ";
    CHECK(std::system(
              (reviewer +
               test::quoted("SELECT set_config('safesar.case', '" + scan->request.value.reference +
                            "', false); UPDATE audit SET who = 'x'") +
               " > /dev/null 2>&1")
                  .c_str()) != 0);
    CHECK(std::system(
              (reviewer + test::quoted("DELETE FROM decisions") + " > /dev/null 2>&1").c_str()) !=
          0);
    CHECK(store.verify_audit().ok());

    // The server's superuser can: verify names the entry of the changed row, and the guard
    // switched off.
    REQUIRE(as_database_admin("ALTER TABLE decisions DISABLE TRIGGER decisions_no_update; "
                              "UPDATE decisions SET verdict = 'approve' WHERE verdict = "
                              "'reject'") == 0);
    const AuditVerification v = store.verify_audit();
    CHECK_FALSE(v.ok());
    REQUIRE(v.first_broken);
    bool names_row = false, names_guard = false;
    for (const std::string& p : v.problems) {
        names_row = names_row || p.find("no longer matches the digest") != std::string::npos;
        names_guard = names_guard || p.find("refusing update on decisions") != std::string::npos;
    }
    CHECK(names_row);
    CHECK(names_guard);
    // The command line verifies from the database alone, finding the case by its reference.
    int status = -1;
    const std::string out =
        test::run_capture(std::string("'") + SAFESAR_BINARY + "' audit " +
                              test::quoted(tc.folder.string()) + " --verify 2>&1",
                          &status);
    CHECK(status == 1);
    CHECK_THAT(out, Catch::Contains("audit BROKEN at entry " + std::to_string(*v.first_broken)));
}

TEST_CASE("a lost connection is one clear error, the next act reconnects, and nothing is lost",
          "[review][postgres]") {
    REQUIRE(on_shared_database());
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore ruth = open_as(scan->request.value, "ruth");
    const auto findings = decidable(ruth);
    REQUIRE(findings.size() >= 2);
    ruth.decide({{findings[0].id, Verdict::Approve, "", ""}});
    // The server ends her session, as a restart would.
    REQUIRE(as_database_admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE usename = 'ruth' AND datname = current_database()") == 0);
    CHECK_THROWS_WITH(ruth.decide({{findings[1].id, Verdict::Approve, "", ""}}),
                      Catch::Contains("connection to the database was lost") &&
                          Catch::Contains("try again"));
    // Tried again: a new session, scoped to the same case.
    CHECK(ruth.decide({{findings[1].id, Verdict::Approve, "", ""}}) == 1);
    const auto now = by_id(ruth.findings());
    CHECK(now.at(findings[0].id).status == FindingStatus::Approved);
    CHECK(now.at(findings[1].id).status == FindingStatus::Approved);
    CHECK(audit_entries(ruth, "decide") == 2);
    CHECK(ruth.verify_audit().ok());
}

TEST_CASE("safesar db check says whether this login can review", "[review][cli]") {
    int status = -1;
    const std::string out =
        test::run_capture(std::string("'") + SAFESAR_BINARY + "' db check 2>&1", &status);
    CHECK(status == 0);
    if (on_shared_database())
        CHECK_THAT(out, Catch::Contains("ready for review") && Catch::Contains("schema: 7"));
    else
        CHECK_THAT(out, Catch::Contains("embedded"));
    // Setting up needs a shared database: the embedded store has nothing to set up.
    if (!on_shared_database()) {
        const std::string init =
            test::run_capture(std::string("'") + SAFESAR_BINARY + "' db init 2>&1", &status);
        CHECK(status == 1);
        CHECK_THAT(init, Catch::Contains("SAFESAR_DATABASE") && Catch::Contains("not set"));
    }
}
