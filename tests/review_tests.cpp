// Review state: finding identity across re-scans, the two-reviewer rule, a process killed while
// deciding, audit tampering, and the whole review on the command line.
#include <catch2/catch.hpp>

#include "os_accounts.hpp"
#include "process.hpp"
#include "review_fixture.hpp"

#include "safesar/audit.hpp"
#include "safesar/pipeline.hpp"
#include "safesar/review.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <grp.h>
#include <map>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <tuple>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace safesar;
using namespace safesar::testing;

namespace {

// Standard output and error together: the CLI's messages are what these tests read.
std::string run_capture(const std::string& cmd, int* status = nullptr) {
    return test::run_capture(cmd + " 2>&1", status);
}

using test::quoted;

std::string safesar_cmd(const std::string& args) {
    return std::string("'") + SAFESAR_BINARY + "' " + args;
}

// Every undecided proposed redaction approved, every open risk acknowledged, every page read.
void complete_review(ReviewStore& store) {
    std::vector<FindingDecision> all;
    for (const StoredFinding& f : store.findings())
        if (f.open() && f.decidable()) all.push_back({f.id, Verdict::Approve, "", ""});
    if (!all.empty()) store.decide(all);
    for (const StoredRisk& r : store.risks())
        if (r.open()) store.acknowledge_risk(r.id, "checked by hand");
    for (const PageToRead& p : store.pages_to_read())
        store.mark_page_read(p.record, p.page);
}

std::string raw_text(const fs::path& db_file, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(db_file.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

// `needle` as whole words in `hay`, case and whitespace ignored.
bool has_words(const std::string& hay, const std::string& needle) {
    auto squeeze = [](const std::string& s) {
        std::string out;
        bool space = false;
        for (unsigned char c : s) {
            if (std::isspace(c)) {
                space = !out.empty();
                continue;
            }
            if (space) out += ' ';
            space = false;
            out += static_cast<char>(std::tolower(c));
        }
        return out;
    };
    const std::string h = squeeze(hay), n = squeeze(needle);
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    for (auto at = h.find(n); at != std::string::npos; at = h.find(n, at + 1))
        if ((at == 0 || !word(h[at - 1])) && (at + n.size() >= h.size() || !word(h[at + n.size()])))
            return true;
    return false;
}

} // namespace

TEST_CASE("finding ids are stable: decisions survive a re-scan, new findings are new", "[review]") {
    TempCase tc("profiles/standard");
    auto first = scan_into_store(tc.folder);
    REQUIRE(first->findings.size() > 5);
    CHECK(finding_ids(*first) == finding_ids(*scan_case(tc.folder, {false, true, {}})));
    {
        const std::vector<std::string> ids = finding_ids(*first);
        CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
    }

    ReviewStore store = open_as(first->request.value, "ruth", "Ruth Adebayo");
    auto before = store.findings();
    for (const auto& f : before)
        CHECK(f.status == FindingStatus::New);
    // One proposed redaction approved, another rejected.
    std::string approved, rejected;
    for (const auto& f : before) {
        if (!f.proposes_redaction()) continue;
        if (approved.empty())
            approved = f.id;
        else if (rejected.empty())
            rejected = f.id;
    }
    REQUIRE(!rejected.empty());
    store.decide({{approved, Verdict::Approve, "", ""}}, "checked");
    store.decide({{rejected, Verdict::Reject, "", ""}}, "consented");

    // A new record naming someone new, and repeating a known name.
    std::ofstream(tc.folder / "records" / "later-note.txt")
        << "05/05/2026  Phone call\nLeonie Marsh rang. Her neighbour Mr Okonkwo will collect "
           "Isla.\nCall back on 0114 496 0999.\n";
    auto second = scan_case(tc.folder, {false, true, {}});
    const ScanRecorded rescan = store.record_scan(*second);
    CHECK(rescan.new_findings > 0);
    CHECK(rescan.gone == 0);

    auto after = by_id(store.findings());
    REQUIRE(after.count(approved));
    REQUIRE(after.count(rejected));
    CHECK(after[approved].status == FindingStatus::Approved);
    CHECK(after[approved].decided_by == "ruth");
    CHECK(after[rejected].status == FindingStatus::Rejected);
    int fresh = 0;
    for (const auto& [id, f] : after) {
        if (f.record == "later-note.txt") {
            CHECK(f.status == FindingStatus::New);
            ++fresh;
        } else if (id != approved && id != rejected) {
            CHECK(f.status == FindingStatus::Open); // seen before, still undecided
        }
    }
    CHECK(fresh == rescan.new_findings);

    // The record taken away again: its findings are gone, the others untouched.
    fs::remove(tc.folder / "records" / "later-note.txt");
    auto third = scan_case(tc.folder, {false, true, {}});
    CHECK(store.record_scan(*third).gone == fresh);
    FindingFilter gone;
    gone.status = FindingStatus::Gone;
    CHECK(store.findings(gone).size() == static_cast<std::size_t>(fresh));
    CHECK(by_id(store.findings())[approved].status == FindingStatus::Approved);

    // The draft follows the decisions: the rejected finding is not redacted, the approved is.
    const ReviewedDisclosure draft = store.build_disclosure(*third, false);
    CHECK(draft.disclosure.draft);
    std::set<std::string> redacted;
    for (const auto& rd : draft.disclosure.records)
        for (const auto& r : rd.redactions)
            redacted.insert(r.finding_id);
    CHECK(redacted.count(approved) == 1);
    CHECK(redacted.count(rejected) == 0);
}

TEST_CASE("a decision made on another proposal is reopened, not carried over", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = ReviewStore::open(scan->request.value);
    // Isla is the requester's child and marked disclose: her name is kept, and approved so.
    // (A sentence about her whereabouts is kept in a standard request whoever it is about.)
    std::vector<std::string> isla;
    for (const auto& f : store.findings())
        if (f.owner_name == "Isla Whitlock" && f.proposal == "keep" && f.category != "safety")
            isla.push_back(f.id);
    REQUIRE_FALSE(isla.empty());
    std::vector<FindingDecision> keep;
    for (const auto& id : isla)
        keep.push_back({id, Verdict::Approve, "", ""});
    store.decide(keep);
    complete_review(store);
    REQUIRE(store.status().ready_for_final());

    // The controller withdraws the disclose flag: the policy now proposes to redact her.
    nlohmann::json request;
    std::ifstream(tc.folder / "request.json") >> request;
    for (auto& party : request["parties"])
        if (party["name"] == "Isla Whitlock") party["disclose"] = false;
    std::ofstream(tc.folder / "request.json") << request.dump(2);
    auto rescan = scan_case(tc.folder, {false, true, {}});
    CHECK(store.record_scan(*rescan).reopened == static_cast<int>(isla.size()));

    auto now = by_id(store.findings());
    for (const auto& id : isla) {
        CHECK(now[id].status == FindingStatus::Open);
        CHECK(now[id].reopened);
        CHECK(now[id].proposal == "redact");
    }
    const ReviewStatus status = store.status();
    CHECK(status.undecided == static_cast<int>(isla.size()));
    CHECK_THROWS_AS(store.build_disclosure(*rescan, true), ReviewError);
    // The draft follows the new proposal: her name is redacted.
    std::set<std::string> redacted;
    for (const auto& rd : store.build_disclosure(*rescan, false).disclosure.records)
        for (const auto& r : rd.redactions)
            redacted.insert(r.finding_id);
    for (const auto& id : isla)
        CHECK(redacted.count(id) == 1);
}

TEST_CASE("reopening withdraws a decision: open again, the version bumped, sign-offs void",
          "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = ReviewStore::open(scan->request.value);
    complete_review(store);
    store.signoff();
    const ReviewStatus before = store.status();
    REQUIRE(before.signoffs.back().current);
    REQUIRE(before.undecided == 0);

    std::string id;
    for (const auto& f : store.findings())
        if (f.status == FindingStatus::Approved && f.proposes_redaction() &&
            !f.in_withheld_record && id.empty())
            id = f.id;
    REQUIRE(!id.empty());
    CHECK(store.decide({{id, Verdict::Reopen, "", ""}}, "looked again") == 1);

    const StoredFinding f = by_id(store.findings())[id];
    CHECK(f.status == FindingStatus::Open);
    CHECK_FALSE(f.reopened); // that flag is for a proposal the policy changed
    CHECK(f.decided_by.empty());
    const ReviewStatus after = store.status();
    CHECK(after.version > before.version);
    CHECK_FALSE(after.signoffs.back().current);
    CHECK(after.undecided == 1);
    CHECK_THROWS_AS(store.build_disclosure(*scan, true), ReviewError);

    // Nothing is in force any more: reopening again changes nothing, not even the version.
    CHECK(store.decide({{id, Verdict::Reopen, "", ""}}) == 0);
    CHECK(store.status().version == after.version);
    // A re-scan leaves it open; the policy did not reopen it.
    auto rescan = scan_case(tc.folder, {false, true, {}});
    CHECK(store.record_scan(*rescan).reopened == 0);
    CHECK(by_id(store.findings())[id].status == FindingStatus::Open);
    CHECK(store.verify_audit().ok());
}

TEST_CASE("a finding keeps how sure detection was and which recogniser found it",
          "[review][sqlite]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    const fs::path db_file = review_db_path(tc.folder);
    auto stored_as_found = [&](const ReviewStore& store) {
        // (recogniser, text, offset): one finding each.
        std::map<std::tuple<std::string, std::string, std::size_t>, const Finding*> found;
        for (const auto& f : scan->findings)
            found[{f.recogniser, f.text, f.begin}] = &f;
        std::size_t matched = 0, less_sure = 0;
        for (const auto& f : store.findings()) {
            auto it = found.find({f.recogniser, f.text, f.begin});
            if (it == found.end()) continue;
            ++matched;
            CHECK(f.confidence == Approx(it->second->confidence));
            if (f.confidence < 1) ++less_sure;
        }
        CHECK(matched == store.findings().size());
        return less_sure;
    };
    {
        ReviewStore store = ReviewStore::open(scan->request.value);
        CHECK(stored_as_found(store) > 0);
    }
    // A state of schema 4 had neither: opened, it is migrated; the next scan fills them.
    REQUIRE(raw_sql(db_file, "ALTER TABLE findings DROP COLUMN confidence;"
                             "ALTER TABLE findings DROP COLUMN recogniser;"
                             "UPDATE meta SET value = '4' WHERE key = 'schema';") == SQLITE_OK);
    ReviewStore store = ReviewStore::open(scan->request.value);
    CHECK(raw_text(db_file, "SELECT value FROM meta WHERE key = 'schema'") == "7");
    for (const auto& f : store.findings())
        CHECK(f.recogniser.empty());
    store.record_scan(*scan);
    CHECK(stored_as_found(store) > 0);
}

TEST_CASE("a sweep approves undecided proposed redactions only, in either shell", "[review]") {
    auto finding = [](std::string id, std::string proposal, FindingStatus status) {
        StoredFinding f;
        f.id = std::move(id);
        f.category = "name";
        f.owner = "victim";
        f.owner_name = "Ann Example";
        f.proposal = std::move(proposal);
        f.status = status;
        return f;
    };
    std::vector<StoredFinding> findings = {
        finding("redact-new", "redact", FindingStatus::New),
        finding("redact-open", "review", FindingStatus::Open),
        finding("keep-new", "keep", FindingStatus::New),        // a keep needs no decision
        finding("rejected", "redact", FindingStatus::Rejected), // never overturned
        finding("gone", "redact", FindingStatus::Gone),
        finding("withheld", "redact", FindingStatus::New),
        finding("other-category", "redact", FindingStatus::New),
    };
    findings[5].in_withheld_record = true;
    findings[6].category = "phone";
    CHECK(bulk_approval(findings) ==
          std::vector<std::string>{"redact-new", "redact-open", "other-category"});
    FindingFilter names;
    names.category = "name";
    CHECK(bulk_approval(findings, names) == std::vector<std::string>{"redact-new", "redact-open"});
    FindingFilter party;
    party.party = "ann EXAMPLE"; // a party by name, in any case
    CHECK(bulk_approval(findings, party).size() == 3);
    party.party = "subject";
    CHECK(bulk_approval(findings, party).empty());
}

TEST_CASE("a state of schema 1 is brought up to date, its decisions and audit intact",
          "[review][sqlite]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    const fs::path db_file = review_db_path(tc.folder);
    std::string id;
    {
        ReviewStore store = ReviewStore::open(scan->request.value);
        id = store.findings().front().id;
        store.decide({{id, Verdict::Reject, "", ""}});
    }
    // The decisions table as schema 1 made it: no `reopen` allowed.
    REQUIRE(raw_sql(db_file, R"sql(
        DROP TRIGGER decisions_no_update; DROP TRIGGER decisions_no_delete;
        DROP INDEX decisions_by_finding;
        ALTER TABLE decisions RENAME TO newer;
        CREATE TABLE decisions(
            seq INTEGER PRIMARY KEY, finding TEXT NOT NULL REFERENCES findings(id),
            verdict TEXT NOT NULL CHECK (verdict IN ('approve', 'reject', 'span')),
            proposal TEXT NOT NULL, span_text TEXT NOT NULL, reason TEXT NOT NULL,
            reviewer TEXT NOT NULL CHECK (reviewer <> ''), at TEXT NOT NULL,
            comment TEXT NOT NULL, version INTEGER NOT NULL);
        INSERT INTO decisions SELECT * FROM newer; DROP TABLE newer;
        CREATE INDEX decisions_by_finding ON decisions(finding, seq);
        CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
            BEGIN SELECT RAISE(ABORT, 'decisions is append-only'); END;
        CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
            BEGIN SELECT RAISE(ABORT, 'decisions is append-only'); END;
        UPDATE meta SET value = '1' WHERE key = 'schema';)sql") == SQLITE_OK);

    ReviewStore store = ReviewStore::open(scan->request.value);
    CHECK(raw_text(db_file, "SELECT value FROM meta WHERE key = 'schema'") == "7");
    CHECK(by_id(store.findings())[id].status == FindingStatus::Rejected);
    CHECK(store.decide({{id, Verdict::Reopen, "", ""}}) == 1);
    CHECK(by_id(store.findings())[id].status == FindingStatus::Open);
    CHECK(raw_sql(db_file, "DELETE FROM decisions") != SQLITE_OK); // the guards are back
    CHECK(store.verify_audit().ok());
}

TEST_CASE("the third occurrence of a name in a section keeps its id", "[review]") {
    auto fold_spaces = [](std::string s) {
        for (char& c : s)
            if (c == '\n') c = ' ';
        return s;
    };
    TempCase tc("profiles/standard");
    const fs::path note = tc.folder / "records" / "repeat.txt";
    std::ofstream(note) << "Pauline Whitlock called. Pauline Whitlock called again. Then Pauline "
                           "Whitlock came.\n";
    auto first = scan_case(tc.folder, {false, true, {}});
    // Other text put before them moves every offset, and a fourth occurrence comes after:
    // the first three keep their ids.
    std::ofstream(note) << "Note typed up on 06/05/2026 by the duty worker.\n"
                           "Pauline Whitlock called. Pauline Whitlock called again. Then Pauline "
                           "Whitlock came.\nLater Pauline Whitlock left.\n";
    auto second = scan_case(tc.folder, {false, true, {}});
    auto ids_of = [&](const CaseScan& scan) {
        std::vector<std::string> out;
        const auto ids = finding_ids(scan);
        for (std::size_t i = 0; i < scan.findings.size(); ++i)
            if (scan.gathered.records[scan.findings[i].record].name == "repeat.txt" &&
                fold_spaces(scan.findings[i].text) == "Pauline Whitlock")
                out.push_back(ids[i]);
        return out;
    };
    const auto a = ids_of(*first), b = ids_of(*second);
    REQUIRE(a.size() == 3);
    REQUIRE(b.size() == 4);
    CHECK(std::equal(a.begin(), a.end(), b.begin()));
}

TEST_CASE("a perpetrator request needs two different reviewers after the last change", "[review]") {
    TempCase tc("profiles/perpetrator");
    auto scan = scan_into_store(tc.folder);
    // Two accounts on one case, each with a store of their own as each runs SafeSAR.
    ReviewStore store = open_as(scan->request.value, "ruth", "Ruth Adebayo");
    ReviewStore tom = open_as(scan->request.value, "tom", "Tom Okafor");

    ReviewStatus status = store.status();
    CHECK(status.signoffs_needed == 2);
    CHECK(status.undecided > 0);
    CHECK_FALSE(status.ready_for_final());
    // Nothing decided yet: signing off and a final export are refused, a draft is not.
    CHECK_THROWS_AS(store.signoff(), ReviewError);
    CHECK_THROWS_AS(store.build_disclosure(*scan, true), ReviewError);
    CHECK(store.build_disclosure(*scan, false).disclosure.draft);

    complete_review(store);
    status = store.status();
    CHECK(status.undecided == 0);
    CHECK(status.open_risks.empty());
    CHECK(status.pages_read == status.pages_total);
    CHECK_THROWS_AS(store.build_disclosure(*scan, true), ReviewError); // nobody signed

    store.signoff("checked every page");
    CHECK_THROWS_WITH(store.signoff("again"), Catch::Contains("already signed off"));
    CHECK_THROWS_WITH(store.build_disclosure(*scan, true),
                      Catch::Contains("2 different reviewers"));
    // The blockers name who has signed, by full name and login.
    CHECK_THROWS_WITH(store.build_disclosure(*scan, true), Catch::Contains("Ruth Adebayo (ruth)"));

    tom.signoff();
    CHECK(store.status().ready_for_final());
    status = store.status();
    REQUIRE(status.signoffs.size() == 2);
    CHECK(status.signoffs[0].reviewer == "ruth");
    CHECK(status.signoffs[1].reviewer == "tom");
    CHECK(status.who("tom") == "Tom Okafor (tom)");
    const ReviewedDisclosure final_disclosure = store.build_disclosure(*scan, true);
    CHECK_FALSE(final_disclosure.disclosure.draft);
    CHECK(final_disclosure.finding_redactions > 0);

    // Any later decision needs both sign-offs again.
    std::string some;
    for (const StoredFinding& f : store.findings())
        if (f.decidable() && some.empty()) some = f.id;
    store.decide({{some, Verdict::Reject, "", ""}}, "looked again");
    status = store.status();
    CHECK_FALSE(status.ready_for_final());
    for (const SignOff& s : status.signoffs)
        CHECK_FALSE(s.current);
    CHECK_THROWS_AS(store.build_disclosure(*scan, true), ReviewError);
    store.signoff();
    tom.signoff();
    CHECK_NOTHROW(store.build_disclosure(*scan, true));
    // Every act names its account; each account's name is recorded once, before its first act.
    int identities = 0;
    for (const AuditEntry& e : store.audit()) {
        CHECK((e.who == "ruth" || e.who == "tom" || e.who == tester().login));
        identities += e.action == "identity";
    }
    CHECK(identities == 3); // ruth, tom, and whoever scanned
    CHECK(store.verify_audit().ok());
}

TEST_CASE("a standard request exports finally without sign-off once decided", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = ReviewStore::open(scan->request.value);
    CHECK(store.status().signoffs_needed == 0);
    CHECK_THROWS_AS(store.build_disclosure(*scan, true), ReviewError);
    complete_review(store);
    CHECK_NOTHROW(store.build_disclosure(*scan, true));
}

TEST_CASE("manual redactions and changed spans land on the right text", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = ReviewStore::open(scan->request.value);

    // A phrase nobody detected, in one record only.
    const std::int64_t m = store.add_manual_text("brought a jigsaw", "contact-notes.txt", "TP");
    CHECK_THROWS_AS(store.add_manual_text("x", "", "TP"), ReviewError);
    CHECK_THROWS_AS(store.add_manual_text("jigsaw", "no-such-record.txt", "TP"), ReviewError);
    CHECK_THROWS_AS(store.add_manual_text("jigsaw", "", "NOPE"), ReviewError);
    // A box only on a PDF page that exists.
    CHECK_THROWS_AS(store.add_manual_box("contact-notes.txt", 1, {10, 10, 50, 50}, "TP"),
                    ReviewError);
    CHECK_THROWS_AS(store.add_manual_box("letter-2026-05-02.pdf", 99, {10, 10, 50, 50}, "TP"),
                    ReviewError);
    store.add_manual_box("letter-2026-05-02.pdf", 1, {10, 10, 50, 50}, "SH");

    ReviewedDisclosure d = store.build_disclosure(*scan, false);
    int phrase_hits = 0, boxes = 0;
    for (const auto& rd : d.disclosure.records)
        for (const auto& r : rd.redactions) {
            if (!r.finding_id.empty()) continue;
            const auto& text = rd.record->sections[r.section].text;
            if (r.begin < r.end && text.substr(r.begin, r.end - r.begin) == "brought a jigsaw") {
                CHECK(rd.record->name == "contact-notes.txt");
                ++phrase_hits;
            }
            if (r.reason.code == "SH" && r.boxes.size() == 1 && r.boxes[0].x1 == 50) ++boxes;
        }
    CHECK(phrase_hits == 1);
    CHECK(boxes == 1);
    CHECK(d.manual_redactions == 2);

    store.withdraw_manual(m);
    CHECK_THROWS_AS(store.withdraw_manual(m), ReviewError);
    CHECK(store.build_disclosure(*scan, false).manual_redactions == 1);

    // A changed span: the finding "Pauline Whitlock" widened to "mother, Pauline Whitlock".
    std::string pauline;
    for (const auto& f : store.findings())
        if (f.record == "contact-notes.txt" && f.text == "Pauline Whitlock") pauline = f.id;
    REQUIRE(!pauline.empty());
    CHECK_THROWS_AS(store.decide({{pauline, Verdict::ChangeSpan, "Isla", "TP"}}), ReviewError);
    store.decide({{pauline, Verdict::ChangeSpan, "mother, Pauline Whitlock", ""}});
    d = store.build_disclosure(*scan, false);
    bool widened = false;
    for (const auto& rd : d.disclosure.records)
        for (const auto& r : rd.redactions)
            if (r.finding_id == pauline)
                widened = rd.record->sections[r.section].text.substr(r.begin, r.end - r.begin) ==
                          "mother, Pauline Whitlock";
    CHECK(widened);
}

TEST_CASE("a process killed while deciding leaves the state consistent", "[review]") {
    TempCase tc("profiles/standard");
    // Scanned by the binary, so this process has started no threads before it forks.
    int status = -1;
    run_capture(safesar_cmd("scan " + quoted(tc.folder)), &status);
    REQUIRE(status == 0);
    const fs::path db_file = review_db_path(tc.folder);

    int progress[2];
    REQUIRE(pipe(progress) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // Decide over and over, one transaction each, reporting every commit.
        close(progress[0]);
        try {
            ReviewStore store = ReviewStore::open(load_case(tc.folder).value);
            std::vector<StoredFinding> findings;
            for (const StoredFinding& f : store.findings())
                if (f.decidable()) findings.push_back(f);
            for (int i = 0; i < 100000; ++i) {
                const auto& f = findings[static_cast<std::size_t>(i) % findings.size()];
                store.decide({{f.id, i % 2 ? Verdict::Reject : Verdict::Approve, "", ""}},
                             "iteration " + std::to_string(i));
                if (i % 7 == 0) store.add_manual_text("jigsaw", "", "TP");
                if (write(progress[1], "x", 1) != 1) break;
            }
        } catch (...) {
            _exit(2);
        }
        _exit(0);
    }
    close(progress[1]);
    char byte = 0;
    int committed = 0;
    while (committed < 40 && read(progress[0], &byte, 1) == 1)
        ++committed;
    REQUIRE(committed == 40);
    // Mid-way: the child is inside its next transaction or about to start one.
    usleep(1500);
    kill(child, SIGKILL);
    int child_status = 0;
    waitpid(child, &child_status, 0);
    close(progress[0]);
    REQUIRE(WIFSIGNALED(child_status));

    if (!on_shared_database()) {
        CHECK(raw_text(db_file, "PRAGMA integrity_check") == "ok");
        CHECK(raw_text(db_file, "PRAGMA foreign_key_check") == "");
    }
    // Every decision and manual redaction committed has its audit entry and no other has one:
    // the verification checks each audited row against exactly one entry.
    ReviewStore after = ReviewStore::open(load_case(tc.folder).value);
    int decisions = 0, manual = 0;
    for (const AuditEntry& e : after.audit()) {
        decisions += e.action == "decide";
        manual += e.action == "manual";
    }
    CHECK(decisions >= 40);
    CHECK(manual == static_cast<int>(after.manual_redactions().size()));
    const AuditVerification v = after.verify_audit();
    INFO((v.problems.empty() ? std::string() : v.problems.front()));
    CHECK(v.ok());
    // And the state is still usable.
    ReviewStore store = ReviewStore::open(load_case(tc.folder).value);
    CHECK_NOTHROW(store.decide({{store.findings().front().id, Verdict::Approve, "", ""}}));
}

TEST_CASE("two processes deciding on one case at once both get through", "[review]") {
    TempCase tc("profiles/standard");
    int status = -1;
    run_capture(safesar_cmd("scan " + quoted(tc.folder)), &status);
    REQUIRE(status == 0);
    std::vector<std::string> ids;
    {
        ReviewStore store = ReviewStore::open(load_case(tc.folder).value);
        for (const auto& f : store.findings())
            ids.push_back(f.id);
    }
    REQUIRE(ids.size() >= 10);
    // As the CLI and the GUI would: separate processes, each its own connection, interleaved.
    std::vector<pid_t> children;
    for (int who = 0; who < 2; ++who) {
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            try {
                ReviewStore store = ReviewStore::open(load_case(tc.folder).value);
                for (int round = 0; round < 15; ++round)
                    for (std::size_t i = static_cast<std::size_t>(who); i < 10; i += 2)
                        store.decide({{ids[i], Verdict::Approve, "", ""}},
                                     std::string(who ? "GUI" : "CLI"));
            } catch (...) {
                _exit(1);
            }
            _exit(0);
        }
        children.push_back(child);
    }
    // Meanwhile this process reads: a snapshot never sees half a decision.
    ReviewStore reader = ReviewStore::open(load_case(tc.folder).value);
    for (int i = 0; i < 20; ++i) {
        const ReviewStatus s = reader.status();
        CHECK(s.version >= 1);
    }
    for (pid_t child : children) {
        int child_status = -1;
        waitpid(child, &child_status, 0);
        CHECK(WIFEXITED(child_status));
        CHECK(WEXITSTATUS(child_status) == 0);
    }
    // None lost: 150 decisions, each with its entry (the verification checks every row has one).
    ReviewStore after = ReviewStore::open(load_case(tc.folder).value);
    int decided = 0;
    for (const AuditEntry& e : after.audit())
        decided += e.action == "decide";
    CHECK(decided == 150);
    CHECK(after.verify_audit().ok());
}

TEST_CASE("the audit is append-only and --verify names the first changed entry",
          "[review][sqlite]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = ReviewStore::open(scan->request.value);
    const auto findings = store.findings();
    REQUIRE(findings.size() >= 3);
    for (std::size_t i = 0; i < 3; ++i)
        store.decide({{findings[i].id, Verdict::Reject, "", ""}}, "a comment");
    const fs::path db_file = store.file();
    CHECK(verify_audit(db_file, tester()).ok());

    // No finding text, no comment in the trail: ids and digests only.
    for (const AuditEntry& e : read_audit(db_file)) {
        CHECK(e.detail_json.find(findings[0].text) == std::string::npos);
        CHECK(e.detail_json.find("a comment") == std::string::npos);
        CHECK(e.hash == audit_entry_hash(e));
    }

    // The triggers refuse changes and deletions outright.
    CHECK(raw_sql(db_file, "UPDATE audit SET who = 'x' WHERE seq = 2") != SQLITE_OK);
    CHECK(raw_sql(db_file, "DELETE FROM audit WHERE seq = 2") != SQLITE_OK);
    CHECK(raw_sql(db_file, "UPDATE decisions SET verdict = 'approve'") != SQLITE_OK);

    int status = -1;
    const std::string verify = safesar_cmd("audit " + quoted(tc.folder) + " --verify");
    run_capture(verify, &status);
    CHECK(status == 0);

    SECTION("a changed detail breaks its entry") {
        REQUIRE(raw_sql(db_file,
                        "DROP TRIGGER audit_no_update; UPDATE audit SET detail_json = "
                        "replace(detail_json, 'reject', 'approve') WHERE seq = 3") == SQLITE_OK);
        const AuditVerification v = verify_audit(db_file, tester());
        CHECK_FALSE(v.ok());
        REQUIRE(v.first_broken);
        CHECK(*v.first_broken == 3);
        const std::string out = run_capture(verify, &status);
        CHECK(status != 0);
        CHECK_THAT(out, Catch::Contains("BROKEN at entry 3"));
        CHECK_THAT(out, Catch::Contains("guard refusing update on audit was removed"));
    }
    SECTION("a decision changed under its entry is caught at that entry") {
        REQUIRE(raw_sql(db_file, "DROP TRIGGER decisions_no_update; UPDATE decisions SET verdict "
                                 "= 'approve' WHERE seq = 2") == SQLITE_OK);
        const AuditVerification v = verify_audit(db_file, tester());
        REQUIRE(v.first_broken);
        // Entry 1 names the account, 2 is the scan, 3 and 4 the first two decisions.
        CHECK(*v.first_broken == 4);
        CHECK_THAT(v.problems.front(), Catch::Contains("decisions row 2"));
    }
    SECTION("a decision deleted with its entry leaves a gap") {
        REQUIRE(raw_sql(db_file, "DROP TRIGGER audit_no_delete; DROP TRIGGER decisions_no_delete; "
                                 "DELETE FROM decisions WHERE seq = 3; "
                                 "DELETE FROM audit WHERE seq = 4") == SQLITE_OK);
        const AuditVerification v = verify_audit(db_file, tester());
        CHECK_FALSE(v.ok());
        REQUIRE(v.first_broken);
        CHECK(*v.first_broken == 4);
    }
    SECTION("an entry cut from the end is missed") {
        const std::int64_t last = std::stoll(raw_text(db_file, "SELECT max(seq) FROM audit"));
        REQUIRE(raw_sql(db_file, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = " +
                                     std::to_string(last)) == SQLITE_OK);
        const AuditVerification v = verify_audit(db_file, tester());
        REQUIRE(v.first_broken);
        CHECK(*v.first_broken == last);
    }
    SECTION("a rewritten hash no longer chains") {
        // Flip the first hex digit: a fixed replacement is a no-op for the hashes that have it.
        const std::string before = raw_text(db_file, "SELECT hash FROM audit WHERE seq = 2");
        REQUIRE(raw_sql(db_file, "DROP TRIGGER audit_no_update; UPDATE audit SET hash = "
                                 "(CASE WHEN substr(hash, 1, 1) = '0' THEN '1' ELSE '0' END) || "
                                 "substr(hash, 2) WHERE seq = 2") == SQLITE_OK);
        REQUIRE(raw_text(db_file, "SELECT hash FROM audit WHERE seq = 2") != before);
        const AuditVerification v = verify_audit(db_file, tester());
        REQUIRE(v.first_broken);
        CHECK(*v.first_broken == 2);
    }
}

TEST_CASE("the review on the command line: scan, decide, read, two accounts sign, final export",
          "[review][cli]") {
    TempCase tc("profiles/perpetrator");
    // A team's case folder: the second reviewer is a second operating-system account.
    ensure_test_account(kSecondReviewer);
    share_with_test_group(tc.root);
    const std::string me = tester().login;
    const std::string c = quoted(tc.folder);
    int status = -1;
    std::string out = run_capture(safesar_cmd("scan " + c), &status);
    REQUIRE(status == 0);
    CHECK_THAT(out, Catch::Contains("review state:"));
    if (!on_shared_database()) {
        struct stat st {};
        REQUIRE(stat(review_db_path(tc.folder).c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0660); // the group may work in the case folder: the state too
        CHECK(st.st_gid == getgrnam(kTestGroup)->gr_gid);
    }

    out = run_capture(safesar_cmd("review " + c + " --json"), &status);
    REQUIRE(status == 0);
    std::vector<nlohmann::json> findings;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);)
        findings.push_back(nlohmann::json::parse(line));
    REQUIRE(findings.size() > 5);

    // To reject: a proposed name redaction whose text holds no other redacted finding's text
    // (export's verification would rightly refuse a kept text that holds a redacted one), and
    // that no other redacted finding holds (a sentence withheld whole would hide it anyway).
    // The same name found elsewhere is rejected with it (`also`), so that it is disclosed
    // everywhere or nowhere.
    auto redacts = [](const nlohmann::json& f) { return f["proposal"] != "keep"; };
    std::string reject_id, reject_text, approve_text, also;
    for (const auto& f : findings) {
        if (f["category"] != "name" || !redacts(f) || f["withheld_record"] == true) continue;
        const std::string text = f["text"];
        bool clean = true;
        std::string same;
        for (const auto& g : findings) {
            if (g["id"] == f["id"] || !redacts(g)) continue;
            if (g["text"] == text && g["category"] == "name" && g["withheld_record"] == false)
                same += " " + g["id"].get<std::string>();
            else if (has_words(text, g["text"]) || has_words(g["text"], text))
                clean = false;
        }
        if (clean && text.size() >= 4) {
            reject_id = f["id"];
            reject_text = text;
            also = same;
            break;
        }
    }
    REQUIRE(!reject_id.empty());
    for (const auto& f : findings) {
        const std::string text = f["text"];
        if (f["category"] == "name" && redacts(f) && f["withheld_record"] == false &&
            text.size() >= 4 && !has_words(reject_text, text) && !has_words(text, reject_text))
            approve_text = text;
    }
    REQUIRE(!approve_text.empty());

    // --reviewer is a check on who runs safesar: the account's own login passes.
    out = run_capture(
        safesar_cmd("review " + c + " --reject " + reject_id + also + " --reviewer " + me),
        &status);
    REQUIRE(status == 0);
    CHECK_THAT(out, Catch::Contains("as " + me));
    // Withdrawn, then taken again: a reopened finding is open until decided.
    out = run_capture(safesar_cmd("review " + c + " --reopen " + reject_id.substr(0, 8)), &status);
    REQUIRE(status == 0);
    CHECK_THAT(out, Catch::Contains("decided 1 findings"));
    CHECK_THAT(run_capture(safesar_cmd("review " + c + " --status open")),
               Catch::Contains(reject_id));
    run_capture(safesar_cmd("review " + c + " --reject " + reject_id), &status);
    REQUIRE(status == 0);
    out = run_capture(safesar_cmd("review " + c + " --approve-category name"), &status);
    REQUIRE(status == 0);
    CHECK_THAT(out, Catch::Contains("decided"));
    // Another login given is refused, and nothing is recorded; so is the old variable's name.
    const std::int64_t version = ReviewStore::open(load_case(tc.folder).value).status().version;
    out = run_capture(safesar_cmd("review " + c + " --reopen " + reject_id + " --reviewer ruth"),
                      &status);
    CHECK(status != 0);
    CHECK_THAT(out, Catch::Contains("does not match the account running safesar"));
    run_capture("SAFESAR_REVIEWER=ruth " + safesar_cmd("review " + c + " --reopen " + reject_id),
                &status);
    REQUIRE(status == 0); // the variable is not read: the decision is the account's
    {
        const ReviewStore store = ReviewStore::open(load_case(tc.folder).value);
        CHECK(store.status().version == version + 1);
        for (const AuditEntry& e : store.audit())
            CHECK(e.who == me);
    }
    run_capture(safesar_cmd("review " + c + " --reject " + reject_id), &status);
    REQUIRE(status == 0);

    // The rest: approve what is left by id, acknowledge the risks.
    std::string rest;
    for (const auto& f : findings) {
        const std::string id = f["id"];
        if (id != reject_id && f["category"] != "name") rest += " " + id;
    }
    if (!rest.empty()) {
        run_capture(safesar_cmd("review " + c + " --approve" + rest), &status);
        REQUIRE(status == 0);
    }
    ReviewStore store = ReviewStore::open(load_case(tc.folder).value);
    for (const StoredRisk& r : store.risks())
        if (r.open()) {
            // An acknowledgement says what was checked.
            run_capture(safesar_cmd("review " + c + " --ack-risk " + r.id), &status);
            CHECK(status != 0);
            run_capture(
                safesar_cmd("review " + c + " --ack-risk " + r.id + " --comment 'rang the IDVA'"),
                &status);
            REQUIRE(status == 0);
        }

    const fs::path bundle = tc.root / "out";
    const std::string final_export =
        safesar_cmd("export " + c + " --out " + quoted(bundle) + " --final --dpi 72");
    // Every page of the disclosed records must be marked read first.
    out = run_capture(safesar_cmd("status " + c), &status);
    CHECK_THAT(out, Catch::Contains("pages read: 0 of"));
    CHECK_THAT(out, Catch::Contains("unread: "));
    out = run_capture(safesar_cmd("signoff " + c), &status);
    CHECK(status != 0);
    CHECK_THAT(out, Catch::Contains("not been marked read"));
    std::map<std::string, std::string> pages;
    for (const PageToRead& p : store.pages_to_read())
        pages[p.record] += " " + std::to_string(p.page);
    REQUIRE_FALSE(pages.empty());
    for (const auto& [record, numbers] : pages) {
        run_capture(
            safesar_cmd("review " + c + " --read-page " + quoted(fs::path(record)) + numbers),
            &status);
        REQUIRE(status == 0);
    }
    CHECK_THAT(run_capture(safesar_cmd("status " + c)), !Catch::Contains("unread: "));
    out = run_capture(final_export, &status);
    CHECK(status != 0);
    CHECK_THAT(out, Catch::Contains("2 different reviewers"));

    out = run_capture(safesar_cmd("signoff " + c), &status);
    REQUIRE(status == 0);
    out = run_capture(safesar_cmd("signoff " + c), &status);
    CHECK(status != 0);
    CHECK_THAT(out, Catch::Contains("already signed off"));
    run_capture(final_export, &status);
    CHECK(status != 0);
    // The second sign-off: the same binary, run by the second reviewer's own account.
    out = run_capture(as_account(kSecondReviewer, safesar_cmd("signoff " + c)), &status);
    INFO(out);
    REQUIRE(status == 0);
    CHECK_THAT(out, Catch::Contains("signed off by Tom Okafor (safesar-test-b)"));
    out = run_capture(safesar_cmd("status " + c), &status);
    CHECK_THAT(out, Catch::Contains("Tom Okafor (safesar-test-b)"));
    CHECK_THAT(out, Catch::Contains("final export: ready"));

    out = run_capture(final_export, &status);
    INFO(out);
    REQUIRE(status == 0);
    const std::string reference = load_case(tc.folder).value.reference;
    const std::string pdf = quoted(bundle / (reference + ".pdf"));
    const std::string text = run_capture("pdftotext " + pdf + " - 2>/dev/null", &status) +
                             run_capture("pdftotext -layout " + pdf + " - 2>/dev/null");
    REQUIRE(status == 0);
    CHECK_FALSE(has_words(text, approve_text));
    CHECK(has_words(text, reject_text));
    CHECK_FALSE(has_words(text, "DRAFT"));
    std::ifstream json_file(bundle / (reference + ".json"));
    CHECK(nlohmann::json::parse(json_file)["draft"] == false);

    // The trail: intact, holding the export, and free of the rejected text.
    out = run_capture(safesar_cmd("audit " + c + " --verify"), &status);
    CHECK(status == 0);
    out = run_capture(safesar_cmd("audit " + c), &status);
    CHECK_THAT(out, Catch::Contains("export"));
    CHECK_FALSE(has_words(out, reject_text));

    out = run_capture(safesar_cmd("list " + quoted(tc.root)), &status);
    CHECK(status == 0);
    CHECK_THAT(out, Catch::Contains(reference));
    CHECK_THAT(out, Catch::Contains("exported"));
}

TEST_CASE("list shows every case, most urgent first, and a broken one with its error",
          "[review][cli]") {
    TempCase tc("profiles/standard");
    fs::copy(fs::path(SAFESAR_FIXTURES) / "cases" / "profiles" / "perpetrator", tc.root / "later",
             fs::copy_options::recursive);
    // Received later: more working days left.
    {
        std::ifstream in(tc.root / "later" / "request.json");
        auto request = nlohmann::json::parse(in);
        request["received"] = "2026-07-20";
        std::ofstream(tc.root / "later" / "request.json") << request.dump(2);
    }
    fs::create_directories(tc.root / "broken");
    std::ofstream(tc.root / "broken" / "request.json") << "{ not json";

    const auto cases = summarize_workspace(tc.root, Date{2026, 7, 15});
    REQUIRE(cases.size() == 3);
    CHECK(cases[0].folder.filename() == "broken");
    CHECK_FALSE(cases[0].error.empty());
    CHECK(cases[1].folder.filename() == "case");
    CHECK(cases[1].overdue);
    CHECK(cases[1].stage == CaseStage::New);
    CHECK(cases[2].folder.filename() == "later");
    CHECK_FALSE(cases[2].overdue);
    CHECK(cases[1].working_days_left < cases[2].working_days_left);

    int status = -1;
    const std::string out =
        run_capture(safesar_cmd("list " + quoted(tc.root) + " --today 2026-07-15"), &status);
    CHECK(status == 0);
    CHECK_THAT(out, Catch::Contains("OVERDUE"));
    CHECK_THAT(out, Catch::Contains("ERROR"));
    CHECK(out.find("broken") < out.find("SAR-2026-0601"));
}
