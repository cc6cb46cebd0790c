// What a reviewer must have done before a perpetrator's bundle can go: every page of every
// disclosed record marked read; risks acknowledged with a note of what was checked; nothing
// decided on a record withheld in full; manual redactions changed or withdrawn, whoever made
// them.
#include <catch2/catch.hpp>

#include "review_fixture.hpp"

#include "safesar/audit.hpp"
#include "safesar/review_edits.hpp"

#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using namespace safesar;
using namespace safesar::testing;

namespace {

void decide_everything(ReviewStore& store) {
    std::vector<FindingDecision> all;
    for (const StoredFinding& f : store.findings())
        if (f.open() && f.decidable()) all.push_back({f.id, Verdict::Approve, "", ""});
    store.decide(all);
    for (const StoredRisk& r : store.risks())
        if (r.open()) store.acknowledge_risk(r.id, "checked with the IDVA");
}

} // namespace

TEST_CASE("a perpetrator's final export needs every disclosed page marked read", "[review]") {
    TempCase tc("demo-perpetrator");
    auto scan = scan_into_store(tc.folder);
    ReviewStore ruth = open_as(scan->request.value, "ruth", "Ruth Adebayo");
    ReviewStore tom = open_as(scan->request.value, "tom", "Tom Okafor");
    decide_everything(ruth);

    const std::vector<PageToRead> pages = ruth.pages_to_read();
    ReviewStatus status = ruth.status();
    CHECK(status.pages_must_be_read);
    CHECK(status.pages_total == static_cast<int>(pages.size()));
    CHECK(status.pages_read == 0);
    // Withheld records are not read (nothing of them is disclosed); a PDF has a page per page,
    // any other record one.
    REQUIRE_FALSE(status.withheld_records.empty());
    std::set<std::string> to_read;
    for (const PageToRead& p : pages)
        to_read.insert(p.record);
    for (const std::string& w : status.withheld_records)
        CHECK(to_read.count(w) == 0);
    int pdf_pages = 0, others = 0;
    for (const Record& r : scan->gathered.records) {
        if (!to_read.count(r.name)) continue;
        if (r.kind == RecordKind::Pdf)
            pdf_pages += static_cast<int>(r.pages.size());
        else
            ++others;
    }
    CHECK(status.pages_total == pdf_pages + others);
    // Unread pages block the sign-off and the final export, in plain words.
    CHECK_THROWS_WITH(ruth.signoff(), Catch::Contains("have not been marked read"));
    bool said = false;
    for (const std::string& b : status.blockers)
        said |=
            b.find("pages of the disclosed records have not been marked read") != std::string::npos;
    CHECK(said);
    for (const std::string& b : status.blockers)
        CHECK(b.find("safesar") == std::string::npos); // no command line in a blocker

    // Refused: a withheld record, a page that is not there.
    CHECK_THROWS_AS(ruth.mark_page_read(status.withheld_records.front(), 1), ReviewError);
    CHECK_THROWS_AS(ruth.mark_page_read(pages.front().record, 999), ReviewError);
    CHECK_THROWS_AS(ruth.mark_page_read("no-such-record.txt", 1), ReviewError);

    // Two reviewers share the reading; reading changes nothing exported (no new version).
    const std::int64_t version = status.version;
    for (std::size_t i = 0; i < pages.size(); ++i)
        CHECK((i % 2 ? tom : ruth).mark_page_read(pages[i].record, pages[i].page));
    CHECK_FALSE(ruth.mark_page_read(pages[0].record, pages[0].page)); // already, by ruth
    CHECK(tom.mark_page_read(pages[0].record, pages[0].page));        // tom reads it too
    status = ruth.status();
    CHECK(status.version == version);
    CHECK(status.pages_read == status.pages_total);
    CHECK(ruth.pages_to_read()[0].read_by == "ruth"); // the first mark is shown
    CHECK(ruth.pages_to_read()[1].read_by == "tom");
    ruth.signoff();
    tom.signoff();
    CHECK(ruth.status().ready_for_final());
    CHECK_NOTHROW(ruth.build_disclosure(*scan, true));

    // Each mark is in the audit, pinned by its row digest.
    int reads = 0;
    for (const AuditEntry& e : ruth.audit())
        reads += e.action == "read";
    CHECK(reads == static_cast<int>(pages.size()) + 1);
    CHECK(ruth.verify_audit().ok());

    // A record changed since it was read must be read again.
    const fs::path notes = tc.folder / "records" / "notes" / "cwp-case-notes.txt";
    REQUIRE(fs::exists(notes));
    std::ofstream(notes, std::ios::app) << "\n12/05/2026  Added later: a note nobody has read.\n";
    auto rescan = scan_case(tc.folder, {false, true, {}});
    ruth.record_scan(*rescan);
    int unread = 0;
    for (const PageToRead& p : ruth.pages_to_read())
        if (!p.read()) {
            ++unread;
            CHECK(p.record == "notes/cwp-case-notes.txt");
        }
    CHECK(unread == 1);
}

TEST_CASE("a standard request does not need its pages read", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = ReviewStore::open(scan->request.value);
    decide_everything(store);
    const ReviewStatus status = store.status();
    CHECK_FALSE(status.pages_must_be_read);
    CHECK(status.pages_total > 0);
    CHECK(status.pages_read == 0);
    CHECK(status.ready_for_final());
}

TEST_CASE("nothing is decided on a record withheld in full", "[review]") {
    TempCase tc("demo-perpetrator");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = ReviewStore::open(scan->request.value);
    std::string withheld, disclosed;
    for (const StoredFinding& f : store.findings()) {
        if (f.in_withheld_record && withheld.empty()) withheld = f.id;
        if (f.decidable() && f.proposes_redaction() && disclosed.empty()) disclosed = f.id;
    }
    REQUIRE_FALSE(withheld.empty());
    const std::int64_t version = store.status().version;
    CHECK_THROWS_WITH(store.decide({{withheld, Verdict::Approve, "", ""}}),
                      Catch::Contains("withheld in full"));
    // Refused as a whole: the other decision in the same call is not taken either.
    CHECK_THROWS_AS(
        store.decide({{disclosed, Verdict::Approve, "", ""}, {withheld, Verdict::Reject, "", ""}}),
        ReviewError);
    CHECK(store.status().version == version);
    CHECK(by_id(store.findings())[disclosed].open());
    CHECK(store.decide({{withheld, Verdict::Reopen, "", ""}}) == 0); // nothing to withdraw
}

TEST_CASE("a risk is acknowledged with a note, and stays listed with who, when and the note",
          "[review]") {
    TempCase tc("demo-perpetrator");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = open_as(scan->request.value, "priya", "Priya Shah");
    const std::vector<StoredRisk> risks = store.risks();
    REQUIRE_FALSE(risks.empty());
    const std::string id = risks.front().id;
    CHECK_THROWS_WITH(store.acknowledge_risk(id, ""), Catch::Contains("needs a note"));
    CHECK_THROWS_WITH(store.acknowledge_risk(id, "  \n "), Catch::Contains("needs a note"));
    CHECK(store.risks().front().open());
    store.acknowledge_risk(id, "  Rang the MARAC coordinator: nothing to add.  ");
    const StoredRisk acknowledged = store.risks().front();
    CHECK_FALSE(acknowledged.open());
    CHECK(acknowledged.acknowledged_by == "priya");
    CHECK_FALSE(acknowledged.acknowledged_at.empty());
    CHECK(acknowledged.comment == "Rang the MARAC coordinator: nothing to add.");
    const ReviewStatus status = store.status();
    CHECK(status.acknowledged_risks == 1);
    CHECK(static_cast<int>(status.open_risks.size()) == static_cast<int>(risks.size()) - 1);
}

TEST_CASE("a manual redaction is changed or withdrawn in a later session, and undone", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    std::int64_t made = 0;
    {
        ReviewStore store = open_as(scan->request.value, "ruth");
        ReviewEdits session(store);
        made = session.add_manual_text("brought a jigsaw", "contact-notes.txt", "TP");
    } // that session is over: its history is gone

    ReviewStore store = open_as(scan->request.value, "tom");
    ReviewEdits later(store);
    ManualRedaction with = store.manual_redactions().back();
    REQUIRE(with.id == made);
    with.reason = "SH";
    with.phrase = "a jigsaw";
    const std::int64_t version = store.status().version;
    const std::int64_t changed = later.replace_manual(made, with);
    CHECK(store.status().version == version + 1); // one change, not two
    CHECK(later.undo_label() == "change manual redaction M" + std::to_string(changed));
    std::vector<ManualRedaction> all = store.manual_redactions();
    REQUIRE(all.size() == 2);
    CHECK(all[0].withdrawn);
    CHECK(all[0].withdrawn_by == "tom");
    CHECK_FALSE(all[1].withdrawn);
    CHECK(all[1].phrase == "a jigsaw");
    CHECK(all[1].reason == "SH");
    CHECK(all[1].reviewer == "tom");
    CHECK(store.build_disclosure(*scan, false).manual_redactions == 1);

    later.undo(); // back to the first, under a new number
    all = store.manual_redactions();
    REQUIRE(all.size() == 3);
    CHECK(all[1].withdrawn);
    CHECK(all[2].phrase == "brought a jigsaw");
    CHECK(all[2].reason == "TP");
    later.redo();
    CHECK(store.manual_redactions().back().phrase == "a jigsaw");

    later.withdraw_manual(store.manual_redactions().back().id);
    CHECK(store.build_disclosure(*scan, false).manual_redactions == 0);
    later.undo();
    CHECK(store.build_disclosure(*scan, false).manual_redactions == 1);
    CHECK_THROWS_AS(store.replace_manual(all[0].id, with), ReviewError); // withdrawn already
    CHECK(store.verify_audit().ok());
}

TEST_CASE("findings at the same place, proposed alike, are one group", "[review]") {
    auto finding = [](std::string section, std::size_t begin, std::size_t end, std::string reason) {
        StoredFinding f;
        f.record = "referral.pdf";
        f.section = std::move(section);
        f.begin = begin;
        f.end = end;
        f.proposal = "redact";
        f.reason = std::move(reason);
        return f;
    };
    const std::vector<StoredFinding> findings = {
        finding("page 1", 869, 927, "TP"), // Flat 2, Larkspur Mews, 41 Cotton Lane, ...
        finding("page 1", 877, 890, "TP"), // Larkspur Mews
        finding("page 1", 920, 927, "TP"), // HF7 2WD
        finding("page 1", 900, 910, "SC"), // inside, but proposed for another reason
        finding("page 2", 877, 890, "TP"), // the same offsets on another page
        finding("page 1", 927, 940, "TP"), // just after: touching is not overlapping
        finding("page 1", 939, 950, "TP"), // overlaps the one before it: chained
    };
    const auto groups = same_place_groups(findings);
    REQUIRE(groups.size() == 4);
    CHECK(groups[0] == std::vector<std::size_t>{0, 1, 2});
    CHECK(groups[1] == std::vector<std::size_t>{3});
    CHECK(groups[2] == std::vector<std::size_t>{4});
    CHECK(groups[3] == std::vector<std::size_t>{5, 6});
}
