// Who acts: the operating-system account (os_account), recorded by login with its full name in
// the audit; a shared case folder opens the state to its group only; a schema 2 state is
// brought up to date.
#include <catch2/catch.hpp>

#include "os_accounts.hpp"
#include "review_fixture.hpp"

#include "safesar/audit.hpp"
#include "safesar/identity.hpp"

#include <cstring>
#include <filesystem>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace safesar;
using namespace safesar::testing;

namespace {

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode;
}

} // namespace

TEST_CASE("the acting identity is the operating-system account, with its GECOS name",
          "[review][identity]") {
    const passwd* me = ::getpwuid(::geteuid());
    REQUIRE(me);
    const Identity acting = os_account()->current();
    CHECK(acting.login == me->pw_name);
    CHECK(acting.source == "os-account");
    CHECK(Identity{"priya", "Priya Shah", "os-account"}.display() == "Priya Shah (priya)");
    CHECK(Identity{"root", "root", "os-account"}.display() == "root");
    CHECK(Identity{"tom", "", "os-account"}.display() == "tom");

    // Another account sees itself: a child process that becomes the second reviewer's account.
    ensure_test_account(kSecondReviewer);
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(pipe_fds[0]);
        const passwd* b = ::getpwnam(kSecondReviewer.login);
        std::string line = "cannot become the account";
        if (b && ::setgid(b->pw_gid) == 0 && ::setuid(b->pw_uid) == 0) {
            const Identity i = os_account()->current();
            line = i.login + "|" + i.full_name;
        }
        (void)!::write(pipe_fds[1], line.data(), line.size());
        ::_exit(0);
    }
    ::close(pipe_fds[1]);
    char buffer[256] = {};
    const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer - 1);
    ::close(pipe_fds[0]);
    ::waitpid(child, nullptr, 0);
    CHECK(std::string(buffer, n > 0 ? static_cast<std::size_t>(n) : 0) ==
          std::string(kSecondReviewer.login) + "|" + kSecondReviewer.full_name);
}

TEST_CASE("acts record the login, and the account's full name is in the audit once",
          "[review][identity][sqlite]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = open_as(scan->request.value, "priya", "Priya Shah");
    CHECK(store.acting().login == "priya");
    std::string id;
    for (const StoredFinding& f : store.findings())
        if (f.decidable() && f.proposes_redaction() && id.empty()) id = f.id;
    store.decide({{id, Verdict::Approve, "", ""}});
    store.add_manual_text("brought a jigsaw", "", "TP");
    CHECK(by_id(store.findings())[id].decided_by == "priya");
    CHECK(store.manual_redactions().back().reviewer == "priya");
    CHECK(store.status().who("priya") == "Priya Shah (priya)");

    // A full name changed (chfn): recorded again before the next act; the login stays the key.
    ReviewStore renamed = open_as(scan->request.value, "priya", "Priya Shah-Okafor");
    renamed.decide({{id, Verdict::Reject, "", ""}});
    CHECK(renamed.status().who("priya") == "Priya Shah-Okafor (priya)");
    int identity_entries = 0;
    for (const AuditEntry& e : store.audit())
        identity_entries += e.action == "identity" && e.who == "priya";
    CHECK(identity_entries == 2);
    CHECK(store.verify_audit().ok());

    // Nobody to name: refused, nothing written.
    ReviewStore nobody = open_as(scan->request.value, "");
    const auto version = store.status().version;
    CHECK_THROWS_AS(nobody.decide({{id, Verdict::Approve, "", ""}}), ReviewError);
    CHECK(store.status().version == version);
}

TEST_CASE("the state is private, or shared with the case folder's group only",
          "[review][identity][sqlite]") {
    SECTION("a private case folder: owner only") {
        TempCase tc("profiles/standard");
        fs::permissions(tc.folder, fs::perms::owner_all);
        scan_into_store(tc.folder);
        CHECK((mode_of(review_db_path(tc.folder)) & 0777) == 0600);
        CHECK((mode_of(review_db_path(tc.folder).parent_path()) & 0777) == 0700);
    }
    SECTION("a folder its group works in: the group too, never others") {
        TempCase tc("profiles/standard");
        ensure_test_account(kSecondReviewer);
        share_with_test_group(tc.root);
        scan_into_store(tc.folder);
        const fs::path db = review_db_path(tc.folder);
        CHECK((mode_of(db) & 0777) == 0660);
        CHECK((mode_of(db.parent_path()) & 0777) == 0770);
        struct stat st {};
        REQUIRE(::stat(db.c_str(), &st) == 0);
        CHECK(st.st_gid == ::getgrnam(kTestGroup)->gr_gid);
    }
}

TEST_CASE("a state of schema 2 is brought up to date: accounts, page reads, record digests",
          "[review][identity][sqlite]") {
    TempCase tc("profiles/perpetrator");
    const Case request = load_case(tc.folder).value;
    const fs::path db_file = review_db_path(tc.folder);
    ReviewStore::open(request); // the tables, nothing recorded yet
    // Schema 2 as it was: no identities or page_reads, no record digests.
    REQUIRE(raw_sql(db_file, R"sql(
        DROP TABLE identities; DROP TABLE page_reads; ALTER TABLE records DROP COLUMN digest;
        UPDATE meta SET value = '2' WHERE key = 'schema';)sql") == SQLITE_OK);
    // Verified as it stands, not brought up to date by the check; the entry names the login.
    CHECK(verify_audit(db_file, tester()).ok());
    CHECK(raw_sql(db_file, "SELECT count(*) FROM identities") != SQLITE_OK);
    CHECK(read_audit(db_file).back().who == tester().login);

    ReviewStore store = open_as(request, "ruth", "Ruth Adebayo");
    auto scan = scan_case(tc.folder, {false, true, {}});
    store.record_scan(*scan);
    CHECK(store.status().pages_total > 0);
    // A record scanned before schema 3 has no digest: none of it can be marked read until it
    // is scanned again.
    REQUIRE(raw_sql(db_file, "UPDATE records SET digest = ''") == SQLITE_OK);
    const PageToRead first = store.pages_to_read().front();
    CHECK_THROWS_WITH(store.mark_page_read(first.record, first.page),
                      Catch::Contains("scanned again"));
    store.record_scan(*scan);
    CHECK(store.mark_page_read(first.record, first.page));
    CHECK(store.status().pages_read == 1);
    CHECK(verify_audit(db_file, tester()).ok());
}

TEST_CASE("opening the state again in one process keeps the first connection's locks",
          "[review][identity][sqlite]") {
    // The GUI keeps its store open while other parts of the same process open the state (a
    // workspace summary, say) and other processes write to it. A descriptor of the database
    // file closed in this process would drop the first connection's locks, and the next writer
    // elsewhere would delete the WAL under it ("disk I/O error").
    TempCase tc("profiles/standard");
    ensure_test_account(kSecondReviewer);
    share_with_test_group(tc.root);
    auto scan = scan_into_store(tc.folder);
    ReviewStore held = ReviewStore::open(scan->request.value);
    const std::size_t findings = held.findings().size();
    for (int i = 0; i < 3; ++i) {
        held.add_manual_text("brought a jigsaw", "", "TP"); // the WAL holds this connection's
        ReviewStore::open(scan->request.value).status();    // opened and closed again
        std::string id;
        for (const StoredFinding& f : held.findings())
            if (f.decidable() && f.proposes_redaction() && id.empty()) id = f.id;
        const std::string command =
            as_account(kSecondReviewer, std::string("'") + SAFESAR_BINARY + "' review '" +
                                            tc.folder.string() + "' --reject " + id) +
            " >/dev/null 2>&1";
        REQUIRE(std::system(command.c_str()) == 0);
        CHECK(held.findings().size() == findings);
        CHECK(ReviewStore::open(scan->request.value).findings().size() == findings);
    }
    CHECK(held.manual_redactions().size() == 3);
    CHECK(ReviewStore::open(scan->request.value).manual_redactions().size() == 3);
}
