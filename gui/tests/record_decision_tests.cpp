// Whole records in the window: a record the policy withholds until a reviewer decides shows why
// over the record, with "Withhold in full" and "Release for disclosure"; the record list marks
// it; releasing asks why it is safe (required in a perpetrator request). Every check reads the
// engine's state afresh, as the command line would.
#include "open_case.hpp"
#include "review/note_dialog.hpp"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>

#include <fstream>

using namespace safesar;
using namespace safesar::gui;
using namespace safesar::gui::test;

namespace {

// The demo request with two notes: a case summary naming Gavin and Becky once each (the
// policy withholds it until a reviewer decides) and a note about him alone.
void unsure_records(const fs::path& folder) {
    fs::remove_all(folder / "records");
    fs::create_directories(folder / "records");
    std::ofstream(folder / "records" / "case-summary.txt")
        << "Case summary\n\nGavin attended the group session on time and spoke about his "
           "week.\nBecky asked the service to confirm the date of the next review.\n";
    std::ofstream(folder / "records" / "note.txt")
        << "Gavin collected his workbook for module four.\n";
}

QString row_text(ReviewPage* review, const QString& name) {
    QListWidget* list = review->recordList();
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole).toString() == name) return list->item(i)->text();
    return {};
}

std::optional<RecordReview> record_review(const fs::path& folder, const std::string& name) {
    for (const RecordReview& r : ReviewStore::open(load_case(folder).value).record_reviews())
        if (r.record == name) return r;
    return std::nullopt;
}

} // namespace

TEST_CASE("a record withheld until reviewed is released or withheld from the record itself",
          "[gui][records]") {
    OpenCase c("records", fixtures / "cases" / "demo-perpetrator", unsure_records);
    ReviewPage* review = c.review;
    CHECK(row_text(review, "case-summary.txt").contains("withheld until you decide"));
    CHECK_FALSE(row_text(review, "note.txt").contains("withheld"));

    review->showRecord("case-summary.txt");
    REQUIRE(review->recordBar()->isVisible());
    CHECK(review->recordBar()->text().contains("until you decide"));
    CHECK(review->recordBar()->text().contains("about someone else"));
    CHECK(review->withholdButton()->isVisible());
    CHECK(review->releaseButton()->isVisible());

    // Releasing asks why: the dialog will not accept an empty answer here.
    on_next_dialog<NoteDialog>([](NoteDialog* d) {
        CHECK_FALSE(d->okButton()->isEnabled());
        d->noteEdit()->setPlainText("About his attendance; her line is redacted.");
        REQUIRE(d->okButton()->isEnabled());
        d->okButton()->click();
    });
    review->releaseButton()->click();
    const auto released = record_review(c.folder, "case-summary.txt");
    REQUIRE(released);
    CHECK(released->decision == RecordReview::Decision::Release);
    CHECK(released->decided_by == os_account()->current().login);
    CHECK(released->comment == "About his attendance; her line is redacted.");
    CHECK(row_text(review, "case-summary.txt").contains("released"));
    CHECK(review->recordBar()->text().contains("Released for disclosure by"));
    CHECK_FALSE(review->releaseButton()->isVisible());
    CHECK(review->withholdButton()->isVisible());
    // Her name is now a finding to decide, not a withheld row.
    bool decidable = false;
    for (const StoredFinding& f : c.session()->findings())
        decidable = decidable || (f.record == "case-summary.txt" && f.awaits_decision());
    CHECK(decidable);

    // The note the policy disclosed is withheld in full with the reason chosen (TP here).
    review->showRecord("note.txt");
    CHECK_FALSE(review->recordBar()->isVisible());
    review->action("withhold_record")->trigger();
    const auto note = record_review(c.folder, "note.txt");
    REQUIRE(note);
    CHECK(note->decision == RecordReview::Decision::Withhold);
    CHECK(note->reason == "TP");
    CHECK(row_text(review, "note.txt").contains("[withheld in full]"));
    CHECK(review->recordBar()->text().contains("Withheld in full (TP) by"));
}
