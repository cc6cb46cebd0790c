// The shared database restarted while a reviewer has a case open: the act that meets the lost
// connection is refused in one clear message and nothing is recorded; the same act again goes
// through on a new session; nothing decided before is lost and the audit still verifies.
// PostgreSQL only ([postgres]): run_on_postgres.sh runs it, the plain run leaves it out.
#include "open_case.hpp"

#include <QSignalSpy>

#include <cstdlib>

#include "safesar/review_database.hpp"

using namespace safesar;
using namespace safesar::gui;
using namespace safesar::gui::test;

TEST_CASE("the database restarted while a case is open is one clear message, the act again goes "
          "through and nothing is lost",
          "[gui][postgres]") {
    const ReviewDatabase database = ReviewDatabase::from_environment();
    REQUIRE(database.shared());
    const char* admin = std::getenv("SAFESAR_TEST_DATABASE_ADMIN");
    REQUIRE(admin);
    OpenCase c("restart");
    c.session()->setWatchInterval(60000); // the act, not the watch, meets the lost connection
    c.key(Qt::Key_N);
    const QString first = c.current();
    REQUIRE_FALSE(first.isEmpty());
    c.key(Qt::Key_A); // approve, and move on to the next finding
    REQUIRE(c.session()->finding(first)->status == FindingStatus::Approved);
    const QString second = c.current();
    REQUIRE_FALSE(second.isEmpty());
    REQUIRE(second != first);

    // Every session on the case's database ends, as a restart of the server ends them.
    REQUIRE(std::system(("psql -X -q " + safesar::test::quoted(admin) +
                         " -c \"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                         "datname = current_database() AND pid <> pg_backend_pid()\" "
                         "> /dev/null 2>&1")
                            .c_str()) == 0);
    QSignalSpy messages(c.review, &ReviewPage::message);
    c.key(Qt::Key_A);
    REQUIRE(messages.count() == 1);
    const QString said = messages.takeFirst().at(0).toString();
    CHECK(said.contains("connection to the database was lost"));
    CHECK(said.contains("try again"));
    CHECK(c.current() == second); // still where the reviewer was
    CHECK(c.session()->finding(second)->status != FindingStatus::Approved);

    c.key(Qt::Key_A); // again: a new session
    CHECK(messages.isEmpty());
    CHECK(c.session()->finding(second)->status == FindingStatus::Approved);

    ReviewStore later = ReviewStore::open(c.session()->request(), database);
    std::size_t approved = 0;
    for (const StoredFinding& f : later.findings())
        approved += (f.id == first.toStdString() || f.id == second.toStdString()) &&
                    f.status == FindingStatus::Approved;
    CHECK(approved == 2);
    CHECK(later.verify_audit().ok());
}
