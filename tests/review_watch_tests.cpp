// A view kept open while others work (review.hpp, "Others' changes"): another connection's
// change is heard of and listed since the view's last look, and who has the case open is
// recorded and goes stale. On both stores (run_on_postgres.sh runs them on PostgreSQL); on the
// shared store only ([postgres]), a change made while the watching session was lost.
#include <catch2/catch.hpp>

#include "process.hpp"
#include "review_fixture.hpp"

#include "safesar/deadline.hpp"
#include "safesar/review.hpp"

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

using namespace safesar;
using namespace safesar::testing;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> decidable_ids(const ReviewStore& store) {
    std::vector<std::string> out;
    for (const StoredFinding& f : store.findings())
        if (f.decidable() && f.proposes_redaction()) out.push_back(f.id);
    return out;
}

// A notification travels on its own: give it a moment to arrive.
bool heard_within(ReviewStore& store, std::chrono::milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    do {
        if (store.may_have_changed()) return true;
        std::this_thread::sleep_for(20ms);
    } while (std::chrono::steady_clock::now() < until);
    return false;
}

} // namespace

TEST_CASE("another connection's decision is heard of and listed as a change since the last look",
          "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    const Case& request = scan->request.value;
    ReviewStore ruth = open_as(request, "ruth");
    ReviewStore tom = open_as(request, "tom");
    const std::vector<std::string> ids = decidable_ids(ruth);
    REQUIRE(ids.size() >= 2);
    ruth.may_have_changed(); // the first call may be a false alarm
    const std::int64_t since = ruth.last_change();
    CHECK(since > 0); // the scan
    CHECK(ruth.changes_since(since).empty());
    CHECK_FALSE(heard_within(ruth, 300ms));

    // Her own act is not another's.
    ruth.decide({{ids[0], Verdict::Approve, "", ""}});
    CHECK_FALSE(heard_within(ruth, 300ms));

    tom.decide({{ids[1], Verdict::Reject, "", ""}});
    CHECK(heard_within(ruth, 5000ms));
    CHECK_FALSE(ruth.may_have_changed()); // heard once
    const std::vector<CaseChange> changes = ruth.changes_since(since);
    REQUIRE_FALSE(changes.empty());
    CHECK(changes.back().seq == ruth.last_change());
    int by_tom = 0, by_ruth = 0;
    for (const CaseChange& c : changes) {
        if (c.action != "decide") continue;
        REQUIRE(c.findings.size() == 1);
        if (c.who == "tom") {
            ++by_tom;
            CHECK(c.findings.front() == ids[1]);
            CHECK_FALSE(c.at.empty());
        }
        by_ruth += c.who == "ruth" && c.findings.front() == ids[0];
    }
    CHECK(by_tom == 1);
    CHECK(by_ruth == 1);
    CHECK(ruth.changes_since(ruth.last_change()).empty());
    CHECK(by_id(ruth.findings())[ids[1]].status == FindingStatus::Rejected);
}

TEST_CASE("who has a case open is recorded, refreshed, goes stale and is removed", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    const Case& request = scan->request.value;
    ReviewStore ruth = open_as(request, "ruth");
    ReviewStore tom = open_as(request, "tom");
    CHECK(ruth.present().empty());
    const std::size_t entries = ruth.audit().size();
    ruth.mark_present();
    tom.mark_present();
    std::vector<Presence> now = tom.present();
    REQUIRE(now.size() == 2);
    CHECK(now[0].login == "ruth");
    CHECK(now[1].login == "tom");
    CHECK_FALSE(now[0].stale);
    CHECK_FALSE(now[1].stale);
    const std::string opened = now[0].opened_at;
    CHECK(now[0].last_seen == opened);

    // Ruth keeps the case open, Tom's desktop goes quiet: by a one-second limit he is stale,
    // and her time in the case is kept across refreshes.
    std::this_thread::sleep_for(1300ms);
    ruth.mark_present();
    now = ruth.present(1000ms);
    REQUIRE(now.size() == 2);
    CHECK_FALSE(now[0].stale);
    CHECK(now[0].opened_at == opened);
    CHECK(now[0].last_seen > opened);
    CHECK(now[1].stale);
    CHECK_FALSE(ruth.present()[1].stale); // by the default two minutes he is still there

    // The workspace list names who is in each case.
    const CaseSummary summary = summarize_case(tc.folder, Date{2026, 12, 6});
    REQUIRE(summary.error.empty());
    REQUIRE(summary.present.size() == 2);
    CHECK_THAT(summary.present[0], Catch::Contains("ruth"));
    int status = -1;
    const std::string listed =
        test::run_capture(std::string("'") + SAFESAR_BINARY + "' list " +
                              test::quoted(tc.folder.parent_path().string()) + " 2>&1",
                          &status);
    CHECK(status == 0);
    CHECK_THAT(listed, Catch::Contains("open by ") && Catch::Contains("tom"));

    // Closed, his row is gone; no review act was recorded for any of it.
    tom.mark_absent();
    now = ruth.present();
    REQUIRE(now.size() == 1);
    CHECK(now[0].login == "ruth");
    CHECK(ruth.audit().size() == entries);
}

TEST_CASE("a change made while the watching connection was lost is not missed",
          "[review][postgres]") {
    REQUIRE(on_shared_database());
    const char* admin = std::getenv("SAFESAR_TEST_DATABASE_ADMIN");
    REQUIRE(admin);
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    const Case& request = scan->request.value;
    ReviewStore ruth = open_as(request, "ruth");
    ReviewStore tom = open_as(request, "tom");
    const std::vector<std::string> ids = decidable_ids(ruth);
    REQUIRE(ids.size() >= 2);
    ruth.may_have_changed();
    CHECK_FALSE(heard_within(ruth, 300ms));

    // The server ends her session; Tom decides while she is away; her next act reconnects.
    REQUIRE(
        std::system(("psql -X -q " + test::quoted(admin) +
                     " -c \"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE usename = 'ruth' AND datname = current_database()\" > /dev/null 2>&1")
                        .c_str()) == 0);
    tom.decide({{ids[1], Verdict::Reject, "", ""}});
    CHECK_THROWS_WITH(ruth.decide({{ids[0], Verdict::Approve, "", ""}}),
                      Catch::Contains("connection to the database was lost"));
    CHECK(ruth.decide({{ids[0], Verdict::Approve, "", ""}}) == 1);
    // Tom's decision was never notified to her session: the watch still says to look.
    CHECK(ruth.may_have_changed());
    bool toms = false;
    for (const CaseChange& c : ruth.changes_since(0))
        toms = toms || (c.who == "tom" && c.action == "decide");
    CHECK(toms);
    // And she hears what follows.
    CHECK_FALSE(heard_within(ruth, 300ms));
    tom.decide({{ids[1], Verdict::Approve, "", ""}});
    CHECK(heard_within(ruth, 5000ms));
}
