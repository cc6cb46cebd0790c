// A reviewer's undo and redo (ReviewEdits): each undo and redo is a decision in the store that
// puts back exactly what was in force.
#include <catch2/catch.hpp>

#include "review_fixture.hpp"

#include "safesar/audit.hpp"
#include "safesar/review_edits.hpp"

#include <string>

using namespace safesar;
using namespace safesar::testing;

namespace {

// A finding the policy proposes to redact, outside withheld records.
std::string proposed_redaction(const ReviewStore& store) {
    for (const StoredFinding& f : store.findings())
        if (f.proposes_redaction() && !f.in_withheld_record) return f.id;
    FAIL("no proposed redaction");
    return "";
}

std::string pauline_in_notes(const ReviewStore& store) {
    for (const StoredFinding& f : store.findings())
        if (f.record == "contact-notes.txt" && f.text == "Pauline Whitlock") return f.id;
    FAIL("no Pauline Whitlock in contact-notes.txt");
    return "";
}

FindingStatus status_of(const ReviewStore& store, const std::string& id) {
    return by_id(store.findings())[id].status;
}

int live_manual(const ReviewStore& store) {
    int n = 0;
    for (const ManualRedaction& m : store.manual_redactions())
        n += !m.withdrawn;
    return n;
}

} // namespace

TEST_CASE("undo of an approval leaves the finding open, redo approves it again", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = ReviewStore::open(scan->request.value);
    ReviewEdits edits(store);
    CHECK_FALSE(edits.can_undo());
    CHECK(edits.undo_label().empty());
    CHECK_THROWS_AS(edits.undo(), ReviewError);
    CHECK_THROWS_AS(edits.redo(), ReviewError);

    const std::string id = proposed_redaction(store);
    CHECK(edits.decide({{id.substr(0, 8), Verdict::Approve, "", ""}}) == 1);
    CHECK(status_of(store, id) == FindingStatus::Approved);
    CHECK(edits.undo_label() == "approve 1 finding");

    const std::int64_t version = store.status().version;
    edits.undo();
    CHECK(status_of(store, id) == FindingStatus::Open);
    CHECK(store.status().version > version);
    CHECK_FALSE(edits.can_undo());
    CHECK(edits.redo_label() == "approve 1 finding");

    edits.redo();
    CHECK(status_of(store, id) == FindingStatus::Approved);
    CHECK(edits.can_undo());
    CHECK_FALSE(edits.can_redo());

    // Approving what is already approved changes nothing: no new history.
    ReviewEdits fresh(store);
    fresh.decide({{id, Verdict::Approve, "", ""}});
    CHECK_FALSE(fresh.can_undo());
    CHECK(store.verify_audit().ok());
}

TEST_CASE("undo steps back through a changed span and a rejection to the original", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = ReviewStore::open(scan->request.value);
    const std::string id = pauline_in_notes(store);
    store.decide({{id, Verdict::Approve, "", ""}}); // before this session
    ReviewEdits edits(store);

    edits.decide({{id, Verdict::ChangeSpan, "mother, Pauline Whitlock", "TP"}});
    edits.decide({{id, Verdict::Reject, "", ""}});
    CHECK(status_of(store, id) == FindingStatus::Rejected);
    CHECK(edits.undo_label() == "reject 1 finding");

    edits.undo();
    StoredFinding f = by_id(store.findings())[id];
    CHECK(f.status == FindingStatus::Changed);
    CHECK(f.span_text == "mother, Pauline Whitlock");
    CHECK(f.decision_reason == "TP");
    CHECK(edits.undo_label() == "change the span of 1 finding");

    edits.undo();
    CHECK(status_of(store, id) == FindingStatus::Approved);
    CHECK_FALSE(edits.can_undo());

    edits.redo();
    CHECK(status_of(store, id) == FindingStatus::Changed);
    // A new edit leaves the undone one behind.
    REQUIRE(edits.can_redo());
    edits.decide({{id, Verdict::Reopen, "", ""}});
    CHECK_FALSE(edits.can_redo());
    CHECK(edits.undo_label() == "reopen 1 finding");
    edits.undo();
    CHECK(status_of(store, id) == FindingStatus::Changed);
}

TEST_CASE("undo of a manual redaction withdraws it, redo adds it again", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = ReviewStore::open(scan->request.value);
    ReviewEdits edits(store);

    const std::int64_t m = edits.add_manual_text("brought a jigsaw", "contact-notes.txt", "TP");
    CHECK(store.build_disclosure(*scan, false).manual_redactions == 1);
    CHECK(edits.undo_label() == "manual redaction M" + std::to_string(m));

    edits.undo();
    CHECK(store.build_disclosure(*scan, false).manual_redactions == 0);
    CHECK(live_manual(store) == 0);

    edits.redo();
    CHECK(store.build_disclosure(*scan, false).manual_redactions == 1);
    const std::string label = edits.undo_label();
    CHECK(label != "manual redaction M" + std::to_string(m)); // added again under a new number
    edits.undo();                                             // withdraws the new one
    CHECK(live_manual(store) == 0);
    edits.redo();

    // A withdrawal undone puts the same box back.
    const std::int64_t box =
        edits.add_manual_box("letter-2026-05-02.pdf", 1, {10, 10, 50, 50}, "SH");
    edits.withdraw_manual(box);
    CHECK(live_manual(store) == 1);
    CHECK(edits.undo_label() == "withdraw manual redaction M" + std::to_string(box));
    edits.undo();
    CHECK(live_manual(store) == 2);
    bool same_box = false;
    for (const ManualRedaction& r : store.manual_redactions())
        if (!r.withdrawn && r.kind == ManualRedaction::Kind::Box)
            same_box = r.record == "letter-2026-05-02.pdf" && r.page == 1 && r.box.x1 == 50 &&
                       r.reason == "SH";
    CHECK(same_box);
    CHECK(store.verify_audit().ok());
}

TEST_CASE("an undo the store no longer allows is refused and the history kept", "[review]") {
    TempCase tc("profiles/standard");
    auto scan = scan_into_store(tc.folder);
    ReviewStore store = ReviewStore::open(scan->request.value);
    ReviewEdits edits(store);
    const std::int64_t m = edits.add_manual_text("brought a jigsaw", "", "TP");
    store.withdraw_manual(m); // elsewhere, say from the command line

    CHECK_THROWS_AS(edits.undo(), ReviewError);
    CHECK(edits.can_undo());
    CHECK(edits.undo_label() == "manual redaction M" + std::to_string(m));
    CHECK_FALSE(edits.can_redo());

    edits.clear();
    CHECK_FALSE(edits.can_undo());
}

TEST_CASE("findings by id: a few through SQL, many past SQLite's parameter limit", "[review]") {
    using namespace safesar::testing;
    TempCase tc("demo-perpetrator");
    scan_into_store(tc.folder);
    const ReviewStore store = ReviewStore::open(load_case(tc.folder).value);
    const std::vector<StoredFinding> all = store.findings();
    REQUIRE(all.size() > 3);

    FindingFilter few;
    few.ids = {all[0].id, all[2].id, "0000000000000000"};
    const auto some = by_id(store.findings(few));
    CHECK(some.size() == 2);
    CHECK(some.count(all[0].id));
    CHECK(some.count(all[2].id));

    // Every real id and enough unknown ones to pass the bound-parameter limit.
    FindingFilter many;
    for (const StoredFinding& f : all)
        many.ids.push_back(f.id);
    for (int i = 0; i < 40000; ++i)
        many.ids.push_back("unknown-" + std::to_string(i));
    CHECK(store.findings(many).size() == all.size());
}
