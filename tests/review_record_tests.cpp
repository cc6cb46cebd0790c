// Whole records decided by a reviewer: a record the policy withholds in full (surely, or only
// until reviewed because it may be about her) released for disclosure with its ordinary
// redactions, or a disclosed record withheld in full. Engine-level; the command line's verbs
// are tested in review_record_cli_tests.cpp.
#include <catch2/catch.hpp>

#include "review_fixture.hpp"

#include "safesar/audit.hpp"

#include <filesystem>
#include <fstream>
#include <optional>

namespace fs = std::filesystem;
using namespace safesar;
using namespace safesar::testing;

namespace {

// The demo case's request (Gavin Rushworth, a perpetrator request) and two notes: a case
// summary that names Gavin and his ex-partner Becky once each (the policy cannot tell whom it
// is about, so it withholds it in full until a reviewer decides) and a note about him alone.
struct UnsureCase {
    TempCase tc{"demo-perpetrator"};
    std::unique_ptr<CaseScan> scan;

    UnsureCase() {
        fs::remove_all(tc.folder / "records");
        fs::create_directories(tc.folder / "records");
        std::ofstream(tc.folder / "records" / "case-summary.txt")
            << "Case summary\n\nGavin attended the group session on time and spoke about his "
               "week.\nBecky asked the service to confirm the date of the next review.\n";
        std::ofstream(tc.folder / "records" / "note.txt")
            << "Gavin attended the group session on time.\n";
        scan = scan_into_store(tc.folder);
    }
    ReviewStore as(const std::string& login) { return open_as(scan->request.value, login); }
    const RecordDisclosure& in(const ReviewedDisclosure& d, const std::string& name) {
        for (const RecordDisclosure& rd : d.disclosure.records)
            if (rd.record->name == name) return rd;
        FAIL("no record " << name);
        throw;
    }
};

std::optional<RecordReview> review_of(const ReviewStore& store, const std::string& name) {
    for (const RecordReview& r : store.record_reviews())
        if (r.record == name) return r;
    return std::nullopt;
}

// The policy's risk on the case summary: it withheld it until a reviewer decides.
std::optional<StoredRisk> unsure_risk(const ReviewStore& store) {
    for (const StoredRisk& r : store.risks())
        if (r.record == "case-summary.txt" && r.what.rfind("withheld in full because", 0) == 0)
            return r;
    return std::nullopt;
}

void approve_all(ReviewStore& store) {
    std::vector<FindingDecision> all;
    for (const StoredFinding& f : store.findings())
        if (f.open() && f.decidable() && f.proposes_redaction())
            all.push_back({f.id, Verdict::Approve, "", ""});
    store.decide(all);
}

} // namespace

TEST_CASE("a record withheld until reviewed is released with a comment and disclosed redacted",
          "[review][records]") {
    UnsureCase c;
    ReviewStore ruth = c.as("ruth");

    // Before: withheld in full by the policy, until a reviewer decides; its risk is open.
    const auto before = review_of(ruth, "case-summary.txt");
    REQUIRE(before);
    CHECK(before->withheld);
    CHECK(before->policy_withheld);
    CHECK(before->until_reviewed);
    CHECK(before->decision == RecordReview::Decision::None);
    REQUIRE(unsure_risk(ruth));
    CHECK(unsure_risk(ruth)->open());
    for (const StoredFinding& f : ruth.findings({}))
        if (f.record == "case-summary.txt") CHECK(f.in_withheld_record);

    // A perpetrator request: releasing needs a comment, and nothing changes without one.
    const std::int64_t version = ruth.status().version;
    CHECK_THROWS_WITH(ruth.release_record("case-summary.txt", "  "),
                      Catch::Contains("needs a comment"));
    CHECK(ruth.status().version == version);
    CHECK_THROWS_WITH(ruth.release_record("note.txt", "about him"),
                      Catch::Contains("is not withheld"));
    CHECK_THROWS_WITH(ruth.release_record("nothing.txt", "x"), Catch::Contains("no record"));

    // Two sign-offs on the state before the release stop counting after it.
    // First withheld on review (confirming the policy), which answers its risk.
    approve_all(ruth);
    ruth.withhold_record("case-summary.txt", "SH", "looks like her support plan");
    CHECK_FALSE(unsure_risk(ruth)->open());
    for (const PageToRead& p : ruth.pages_to_read())
        ruth.mark_page_read(p.record, p.page);
    ReviewStore tom = c.as("tom");
    ruth.signoff();
    tom.signoff();
    REQUIRE(ruth.status().ready_for_final());

    ruth.release_record("case-summary.txt", "about his attendance; her line is redacted");
    const ReviewStatus after = ruth.status();
    CHECK(after.version > version);
    CHECK(after.records_released == 1);
    CHECK(after.withheld_records.empty());
    CHECK_FALSE(
        after.ready_for_final()); // her name needs a decision, the page reading, 2 sign-offs
    CHECK(after.undecided > 0);
    bool to_read = false;
    for (const PageToRead& p : ruth.pages_to_read())
        to_read = to_read || p.record == "case-summary.txt";
    CHECK(to_read);

    // The risk's acknowledgement is the decision: who, when and the comment.
    const auto risk = unsure_risk(ruth);
    REQUIRE(risk);
    CHECK_FALSE(risk->open());
    CHECK(risk->acknowledged_by == "ruth");
    CHECK(risk->comment.find("released for disclosure") != std::string::npos);
    CHECK(risk->comment.find("her line is redacted") != std::string::npos);

    const auto released = review_of(ruth, "case-summary.txt");
    REQUIRE(released);
    CHECK(released->decision == RecordReview::Decision::Release);
    CHECK(released->decided_by == "ruth");
    CHECK_FALSE(released->withheld);

    // The reviewed disclosure shows it, with her name redacted as the policy proposes.
    approve_all(ruth);
    const ReviewedDisclosure d = ruth.build_disclosure(*c.scan, false);
    const RecordDisclosure& rd = c.in(d, "case-summary.txt");
    CHECK(rd.fate == RecordFate::Disclose);
    CHECK_FALSE(rd.withheld_because);
    bool becky_redacted = false;
    for (const Redaction& r : rd.redactions) {
        const std::string& text = rd.record->sections[r.section].text;
        becky_redacted = becky_redacted || text.substr(r.begin, r.end - r.begin) == "Becky";
    }
    CHECK(becky_redacted);

    // Audited: an entry per decision, and the chain holds.
    int record_entries = 0;
    for (const AuditEntry& e : ruth.audit())
        record_entries += e.action == "record";
    CHECK(record_entries == 2);
    CHECK(ruth.verify_audit().ok());

    // Reopened: withheld again, the risk open again.
    CHECK(ruth.reopen_record("case-summary.txt", "asked the IDVA first"));
    CHECK_FALSE(ruth.reopen_record("case-summary.txt"));
    CHECK(ruth.status().withheld_records == std::vector<std::string>{"case-summary.txt"});
    CHECK(unsure_risk(ruth)->open());
    CHECK(c.in(ruth.build_disclosure(*c.scan, false), "case-summary.txt").fate ==
          RecordFate::WithholdInFull);
}

TEST_CASE("a reviewer withholds a disclosed record in full, or confirms one withheld until "
          "reviewed",
          "[review][records]") {
    UnsureCase c;
    ReviewStore ruth = c.as("ruth");
    CHECK_THROWS_WITH(ruth.withhold_record("note.txt", "NOPE"), Catch::Contains("NOPE"));
    ruth.withhold_record("note.txt", "TP", "names a course she attends too");
    CHECK_THROWS_WITH(ruth.withhold_record("note.txt", "TP"), Catch::Contains("already withheld"));
    // Its findings are no longer decided, its page no longer read.
    for (const StoredFinding& f : ruth.findings({}))
        if (f.record == "note.txt") CHECK_FALSE(f.decidable());
    for (const PageToRead& p : ruth.pages_to_read())
        CHECK(p.record != "note.txt");
    const ReviewedDisclosure d = ruth.build_disclosure(*c.scan, false);
    const RecordDisclosure& note = c.in(d, "note.txt");
    CHECK(note.fate == RecordFate::WithholdInFull);
    REQUIRE(note.withheld_because);
    CHECK(note.withheld_because->code == "TP");
    CHECK(note.redactions.empty());

    // Confirming the policy's unsure withholding closes its risk, with the reason.
    ruth.withhold_record("case-summary.txt", "SH", "her safety plan review, in substance");
    const auto risk = unsure_risk(ruth);
    REQUIRE(risk);
    CHECK_FALSE(risk->open());
    CHECK(risk->comment.find("withheld in full (SH)") != std::string::npos);
    const ReviewStatus s = ruth.status();
    CHECK(s.records_withheld_by_reviewer == 2);
    CHECK(s.open_risks.empty());
}

TEST_CASE("a decision on a record lapses when the record changes", "[review][records]") {
    UnsureCase c;
    ReviewStore ruth = c.as("ruth");
    ruth.withhold_record("note.txt", "TP");
    std::ofstream(c.tc.folder / "records" / "note.txt", std::ios::app)
        << "He asked about his course certificate.\n";
    const std::int64_t version = ruth.status().version;
    auto rescan = scan_into_store(c.tc.folder);
    // Not the record it was taken on: the policy's proposal (disclose) stands again.
    CHECK_FALSE(review_of(ruth, "note.txt"));
    CHECK(ruth.status().version > version);
    CHECK(c.in(ruth.build_disclosure(*rescan, false), "note.txt").fate == RecordFate::Disclose);
}

TEST_CASE("a policy's certain withholding needs no confirming, but can be released",
          "[review][records]") {
    TempCase tc("demo-perpetrator");
    auto scan = scan_into_store(tc.folder);
    ReviewStore ruth = open_as(scan->request.value, "ruth");
    const std::vector<RecordReview> records = ruth.record_reviews();
    const RecordReview* marac = nullptr;
    for (const RecordReview& r : records)
        if (r.record.find("marac") != std::string::npos) marac = &r;
    REQUIRE(marac);
    CHECK_FALSE(marac->until_reviewed);
    CHECK_THROWS_WITH(ruth.withhold_record(marac->record, "CR"),
                      Catch::Contains("withheld in full by the policy already"));
    ruth.release_record(marac->record, "the police agreed to its disclosure");
    CHECK(ruth.status().records_released == 1);
}

TEST_CASE("a state of schema 3 gains whole-record decisions, the policy's fate kept",
          "[review][records][sqlite]") {
    UnsureCase c;
    const fs::path db_file = review_db_path(c.tc.folder);
    // As schema 3 made it: no record decisions, the policy's fate only in `withheld`.
    REQUIRE(raw_sql(db_file, R"sql(
        DROP TRIGGER record_decisions_no_update; DROP TRIGGER record_decisions_no_delete;
        DROP TABLE record_decisions;
        ALTER TABLE records DROP COLUMN policy_withheld;
        ALTER TABLE records DROP COLUMN withheld_kind;
        ALTER TABLE records DROP COLUMN withheld_reason;
        UPDATE meta SET value = '3' WHERE key = 'schema';)sql") == SQLITE_OK);
    ReviewStore ruth = c.as("ruth");
    const auto summary = review_of(ruth, "case-summary.txt");
    REQUIRE(summary);
    CHECK(summary->policy_withheld);
    ruth.release_record("case-summary.txt", "about his attendance");
    CHECK(ruth.status().records_released == 1);
    CHECK(ruth.verify_audit().ok());
}
