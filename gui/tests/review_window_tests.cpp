// The review window driven as a reviewer drives it: keys, mouse drags, the export dialog. Every
// check reads the engine's state afresh (as the CLI would) or the exported files.
#include "export/export_dialog.hpp"
#include "open_case.hpp"
#include "os_accounts.hpp"
#include "review/case_session.hpp"
#include "review/findings_panel.hpp"
#include "review/review_page.hpp"
#include "review/safety_panel.hpp"
#include "review/signoff_dialog.hpp"
#include "safesar/audit.hpp"
#include "viewer/page_cache.hpp"
#include "viewer/page_view.hpp"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace safesar;
using namespace safesar::gui;
using namespace safesar::gui::test;
using safesar::testing::as_account;
using safesar::testing::ensure_test_account;
using safesar::testing::kSecondReviewer;
using safesar::testing::share_with_test_group;

namespace {

std::string my_login() {
    return os_account()->current().login;
}

} // namespace

TEST_CASE("opening a case shows a record at once and the perpetrator banner", "[gui]") {
    OpenCase c;
    bool banner = false;
    for (const QLabel* label : c.review->findChildren<QLabel*>())
        banner |= label->isVisible() && label->text().contains("PERPETRATOR REQUEST");
    CHECK(banner);
    CHECK(c.review->recordList()->count() >= 7); // the files, and the e-mail's attachment
    CHECK(c.review->findings()->visibleFindings() > 0);
}

TEST_CASE("keyboard review: approve, reject, undo and redo reach the engine's state", "[gui]") {
    OpenCase c;
    c.key(Qt::Key_N);
    const QString first = c.current();
    REQUIRE_FALSE(first.isEmpty());
    CHECK(stored(c.folder, first.toStdString()).status != FindingStatus::Approved);

    c.key(Qt::Key_A); // approve, and move on to the next finding
    CHECK(stored(c.folder, first.toStdString()).status == FindingStatus::Approved);
    const QString second = c.current();
    REQUIRE(second != first);

    c.key(Qt::Key_R);
    CHECK(stored(c.folder, second.toStdString()).status == FindingStatus::Rejected);
    // Recorded as the account running the window: nobody typed a name.
    CHECK(stored(c.folder, second.toStdString()).decided_by == my_login());

    c.key(Qt::Key_Z, Qt::ControlModifier); // undo the reject
    const FindingStatus undone = stored(c.folder, second.toStdString()).status;
    CHECK((undone == FindingStatus::New || undone == FindingStatus::Open));
    CHECK(stored(c.folder, first.toStdString()).status == FindingStatus::Approved);

    c.key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // redo it
    CHECK(stored(c.folder, second.toStdString()).status == FindingStatus::Rejected);

    // Approve the rest of a category in one key: the next category with something left.
    QStringList rest;
    for (int i = 0; i < 200 && rest.isEmpty(); ++i) {
        c.key(Qt::Key_N);
        rest = c.review->findings()->idsOfCurrentCategory();
    }
    REQUIRE_FALSE(rest.isEmpty());
    CHECK_FALSE(rest.contains(second));
    c.key(Qt::Key_A, Qt::ShiftModifier);
    for (const QString& id : rest)
        CHECK(stored(c.folder, id.toStdString()).status == FindingStatus::Approved);
    CHECK(stored(c.folder, second.toStdString()).status == FindingStatus::Rejected); // untouched
}

TEST_CASE("selecting a finding on a PDF shows its page with the redaction drawn", "[gui]") {
    OpenCase c;
    const StoredFinding* target = nullptr;
    for (const StoredFinding& f : c.review->session()->findings())
        if (f.page == 2 && f.proposes_redaction() && !f.in_withheld_record &&
            f.status != FindingStatus::Gone) {
            target = &f;
            break;
        }
    REQUIRE(target);
    const QString id = QString::fromStdString(target->id);
    c.review->findings()->select(id);
    CHECK(c.review->currentRecord().toStdString() == target->record);
    CHECK(c.review->pageView()->page() == 2);
    CHECK_FALSE(c.review->pageView()->overlayRect(id).isEmpty());
    CHECK(wait_until([&] { return c.review->pageView()->pageShown(); }, 10000));
}

TEST_CASE("a rectangle dragged on the page and a phrase become manual redactions, exported",
          "[gui]") {
    OpenCase c;
    c.review->showRecord("referral/cwp-referral-form.pdf", 1);
    PageView* page = c.review->pageView();
    REQUIRE(wait_until([&] { return page->pageShown(); }, 10000));
    // Drag from the top-left margin: away from any drawn redaction.
    QTest::mousePress(page, Qt::LeftButton, {}, QPoint(30, 30));
    QTest::mouseMove(page, QPoint(200, 90));
    QTest::mouseRelease(page, Qt::LeftButton, {}, QPoint(200, 90));
    c.review->setPhraseChooser([](const QString&) { return std::optional<QString>("Thursdays"); });
    c.review->action("redact_phrase")->trigger();

    const ReviewStore store = ReviewStore::open(load_case(c.folder).value);
    const std::vector<ManualRedaction> manual = store.manual_redactions();
    REQUIRE(manual.size() == 2);
    CHECK(manual[0].kind == ManualRedaction::Kind::Box);
    CHECK(manual[0].record == "referral/cwp-referral-form.pdf");
    CHECK(manual[0].page == 1);
    CHECK(manual[0].reviewer == my_login());
    const double zoom = page->zoom();
    CHECK(manual[0].box.x0 == Approx(30 / zoom).margin(1));
    CHECK(manual[0].box.y1 == Approx(90 / zoom).margin(1));
    CHECK(manual[1].kind == ManualRedaction::Kind::Text);
    CHECK(manual[1].phrase == "Thursdays");

    // Undo takes the phrase back; redo puts it back again.
    c.key(Qt::Key_Z, Qt::ControlModifier);
    CHECK(ReviewStore::open(load_case(c.folder).value).status().manual == 1);
    c.key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(ReviewStore::open(load_case(c.folder).value).status().manual == 2);

    // Export a draft from the dialog, as the reviewer would.
    ExportDialog dialog(c.review->session(), c.window.cache(), &c.window);
    CHECK_FALSE(dialog.finalButton()->isEnabled()); // perpetrator: nobody has signed off
    const fs::path out = c.ws.root / "out";
    dialog.outDir()->setText(QString::fromStdString(out.string()));
    dialog.show();
    dialog.exportButton()->click();
    REQUIRE(wait_until([&] { return !dialog.running(); }, 180000));
    INFO(dialog.resultLabel()->text().toStdString());
    REQUIRE(dialog.lastResult());
    CHECK(dialog.resultLabel()->text().contains("verified"));
    const std::string text = pdf_text(dialog.lastResult()->pdf);
    const std::string json = file_text(dialog.lastResult()->json);
    CHECK(text.find("DRAFT") != std::string::npos);
    CHECK(text.find("Thursdays") == std::string::npos); // the phrase, redacted
    CHECK(json.find("Thursdays") == std::string::npos);
    CHECK(text.find("07700 900835") == std::string::npos); // the victim's phone
    CHECK(text.find("Rushworth") != std::string::npos);    // the requester's own name stays
    CHECK(dialog.previewButton()->isEnabled());
    // The export is in the audit, as the CLI's would be.
    int exports = 0;
    for (const AuditEntry& e : read_case_audit(c.folder))
        exports += e.action == "export" && e.who == my_login();
    CHECK(exports == 1);
}

TEST_CASE("words selected on a PDF page with Shift+drag, then X, are redacted as text", "[gui]") {
    OpenCase c;
    c.review->showRecord("referral/cwp-referral-form.pdf", 1);
    PageView* page = c.review->pageView();
    REQUIRE(wait_until([&] { return page->pageShown(); }, 10000));
    // Where the scan found the words "Warehouse team leader" on the page.
    const CaseScan& scan = *c.review->session()->scan();
    Box area{1e9, 1e9, 0, 0};
    for (const Record& r : scan.gathered.records)
        if (r.name == "referral/cwp-referral-form.pdf")
            for (const Section& s : r.sections)
                if (s.kind == SectionKind::PageText && s.page == 1)
                    for (const Word& w : s.words) {
                        const std::string word = s.text.substr(w.begin, w.end - w.begin);
                        if (word == "Warehouse" || word == "team" || word == "leader") {
                            area = {std::min(area.x0, w.box.x0), std::min(area.y0, w.box.y0),
                                    std::max(area.x1, w.box.x1), std::max(area.y1, w.box.y1)};
                        }
                    }
    REQUIRE(area.x1 > area.x0);
    QString asked;
    c.review->setReasonChooser([&](const QString& question) {
        asked = question;
        return std::optional<QString>("TP");
    });
    const double z = page->zoom();
    const QPoint from(static_cast<int>(area.x0 * z) + 2, static_cast<int>(area.y0 * z) + 2);
    const QPoint to(static_cast<int>(area.x1 * z) - 2, static_cast<int>(area.y1 * z) - 2);
    QTest::mousePress(page, Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(page, to);
    QTest::mouseRelease(page, Qt::LeftButton, Qt::ShiftModifier, to);
    // Selected and outlined, not yet redacted: X does that.
    CHECK(page->hasTextSelection());
    CHECK(asked.isEmpty());
    CHECK(ReviewStore::open(load_case(c.folder).value).manual_redactions().empty());
    QTest::keyClick(page, Qt::Key_X);
    CHECK(asked.contains("Warehouse team leader"));
    CHECK_FALSE(page->hasTextSelection());
    const std::vector<ManualRedaction> manual =
        ReviewStore::open(load_case(c.folder).value).manual_redactions();
    REQUIRE(manual.size() == 1);
    CHECK(manual[0].kind == ManualRedaction::Kind::Text);
    CHECK(manual[0].phrase == "Warehouse team leader");
    CHECK(manual[0].record == "referral/cwp-referral-form.pdf");
}

TEST_CASE("the page cache keeps within its budget and renders off the UI thread", "[gui]") {
    const fs::path pdf = fixtures / "cases" / "demo-perpetrator" / "records" / "reports" /
                         "cwp-completion-report.pdf";
    DocumentSource doc;
    doc.path = QString::fromStdString(pdf.string());
    // One A4 page at 72 dpi is 595 x 842 x 4 bytes, about 2 MB: room for one, not two.
    PageCache cache(3 << 20);
    CHECK(cache.pageCount(doc) == 2);
    CHECK(cache.page(doc, 1, 72).isNull()); // queued, not rendered on this thread
    REQUIRE(wait_until([&] { return !cache.page(doc, 1, 72).isNull(); }, 10000));
    REQUIRE(wait_until([&] { return !cache.page(doc, 2, 72).isNull(); }, 10000));
    CHECK(cache.pagesHeld() == 1);
    CHECK(cache.bytesHeld() <= (3 << 20));

    DocumentSource broken;
    broken.path =
        QString::fromStdString((fixtures / "bad-input" / "records").string() + "/no-such.pdf");
    CHECK(cache.pageCount(broken) == 0);
    CHECK_FALSE(cache.openError(broken).isEmpty());
}

TEST_CASE("a perpetrator request's final export opens only after two accounts sign off", "[gui]") {
    // A team's shared case: the second reviewer is a second operating-system account, who signs
    // with the same program, run as them.
    ensure_test_account(kSecondReviewer);
    OpenCase c("signoff", fixtures / "cases" / "demo-perpetrator",
               [](const fs::path& folder) { share_with_test_group(folder.parent_path()); });
    CaseSession* s = c.session();
    c.decideAndAcknowledgeEverything();
    CHECK(s->status().open_risks.empty());
    const std::vector<PageToRead> pages = s->pagesToRead(); // re-read after each mark
    for (const PageToRead& p : pages)
        s->markPageRead(QString::fromStdString(p.record), p.page);

    // The dialog shows what is signed and who signs; signing there records it.
    on_next_dialog<SignoffDialog>([&](SignoffDialog* d) {
        const QString summary = d->summary()->text();
        CHECK(summary.contains("will be redacted"));
        CHECK(summary.contains("Records withheld in full"));
        CHECK(summary.contains(QString::fromStdString(s->status().withheld_records.front())));
        CHECK(summary.contains("Pages read"));
        CHECK(d->signButton()->text().contains(QString::fromStdString(my_login())));
        CHECK(d->signButton()->isEnabled());
        d->commentEdit()->setText("first check");
        d->signButton()->click();
    });
    c.review->safety()->signOff();
    REQUIRE(s->status().signoffs.size() == 1);
    CHECK(s->status().signoffs[0].reviewer == my_login());
    {
        ExportDialog dialog(s, c.window.cache(), &c.window);
        CHECK_FALSE(dialog.finalButton()->isEnabled()); // one sign-off is not enough
    }
    // The same account again: the dialog says why not and offers no button to sign.
    on_next_dialog<SignoffDialog>([&](SignoffDialog* d) {
        CHECK_FALSE(d->signButton()->isEnabled());
        CHECK(d->refusal()->text().contains("already signed off"));
        d->reject();
    });
    c.review->safety()->signOff();
    CHECK_THROWS_AS(s->signOff("again"), ReviewError);
    CHECK(s->status().signoffs.size() == 1);

    // The second account signs, as that account.
    const std::string out = run_capture(
        as_account(kSecondReviewer, "'" + std::string(SAFESAR_BINARY) + "' signoff '" +
                                        c.folder.string() + "' 2>&1; echo \"exit $?\""));
    INFO(out);
    CHECK(out.find("exit 0") != std::string::npos);
    s->refresh(); // the window re-reads the state, as after any change from elsewhere
    CHECK(s->status().ready_for_final());
    bool shown = false;
    for (const QLabel* label : c.review->safety()->findChildren<QLabel*>())
        shown |= label->text().contains("Tom Okafor (safesar-test-b)");
    CHECK(shown);

    ExportDialog dialog(s, c.window.cache(), &c.window);
    REQUIRE(dialog.finalButton()->isEnabled());
    dialog.finalButton()->setChecked(true);
    dialog.outDir()->setText(QString::fromStdString((c.ws.root / "final").string()));
    dialog.password()->setText("correct horse");
    dialog.passwordAgain()->setText("correct horse");
    dialog.exportButton()->click();
    REQUIRE(wait_until([&] { return !dialog.running(); }, 180000));
    INFO(dialog.resultLabel()->text().toStdString());
    REQUIRE(dialog.lastResult());
    CHECK(dialog.resultLabel()->text().startsWith("<b>Final"));
    // Encrypted: nothing readable without the password, the text there with it; the JSON is
    // inside the encrypted PDF, not beside it, and the dialog says so.
    CHECK_THROWS(pdf_text(dialog.lastResult()->pdf));
    const std::string text = pdf_text(dialog.lastResult()->pdf, "correct horse");
    CHECK(dialog.lastResult()->json_embedded);
    CHECK(dialog.lastResult()->json.empty());
    CHECK_FALSE(fs::exists(c.ws.root / "final" / (s->request().reference + ".json")));
    CHECK(dialog.resultLabel()->text().contains("Encrypted (AES-256)"));
    CHECK(fs::exists(dialog.lastExport()->controller_schedule));
    CHECK(text.find("DRAFT") == std::string::npos);
    CHECK(text.find("Gavin") != std::string::npos);
    CHECK(text.find("07700 900835") == std::string::npos);
    CHECK(ReviewStore::open(load_case(c.folder).value).status().exported_final);
    // The trail names both accounts; the second by its full name too.
    bool second = false;
    for (const AuditEntry& e : read_case_audit(c.folder))
        second |= e.action == "signoff" && e.who == kSecondReviewer.login;
    CHECK(second);
    CHECK(s->status().who(kSecondReviewer.login) == "Tom Okafor (safesar-test-b)");
}

TEST_CASE("a scan can be cancelled from the window, and nothing is half-recorded", "[gui]") {
    Workspace ws("cancel");
    const fs::path folder = ws.add(fixtures / "cases" / "demo-perpetrator", "demo");
    // A long PDF keeps the scan busy long enough to cancel it.
    const fs::path source = fs::path(SAFESAR_FIXTURES).parent_path();
    REQUIRE(std::system(("/usr/bin/python3 '" + (source / "fixtures" / "make_big_pdf.py").string() +
                         "' '" + (folder / "records" / "long-notes.pdf").string() +
                         "' --pages 400 >/dev/null")
                            .c_str()) == 0);
    MainWindow window;
    window.show();
    window.openCase(folder);
    ReviewPage* review = window.review();
    CHECK(review->pageView()->pageCount() > 0); // a page shows while the scan runs
    QPushButton* cancel = nullptr;
    for (QPushButton* b : review->findChildren<QPushButton*>())
        if (b->text() == "Cancel scan") cancel = b;
    REQUIRE(cancel);
    REQUIRE(review->session()->scanning());
    cancel->click();
    REQUIRE(wait_until([&] { return !review->session()->scanning(); }, 60000));
    wait_until([] { return false; }, 100); // the finished signal is queued
    CHECK(review->session()->scan() == nullptr);
    bool said = false;
    for (const QLabel* l : review->findChildren<QLabel*>())
        said |= l->text().contains("cancelled");
    CHECK(said);
    // The cancelled scan recorded nothing: the store has no scan yet.
    CHECK(ReviewStore::open(load_case(folder).value).status().scans == 0);
}

TEST_CASE("under 'still to decide' a decided finding leaves the list and the next is current",
          "[gui]") {
    OpenCase c;
    auto* filter = c.review->findings()->findChild<QComboBox*>();
    REQUIRE(filter);
    filter->setCurrentIndex(0); // still to decide
    c.review->findings()->tree()->setFocus();
    const int before = c.review->findings()->visibleFindings();
    const int undecided_before = c.review->session()->status().undecided;
    REQUIRE(before > 2);
    c.key(Qt::Key_N);
    const QString first = c.current();
    const int decided_now = static_cast<int>(c.review->findings()->currentIds().size());
    c.key(Qt::Key_A);
    CHECK(stored(c.folder, first.toStdString()).status == FindingStatus::Approved);
    CHECK(c.review->findings()->visibleFindings() == before - 1); // one row, however many ids
    const QString next = c.current();
    CHECK_FALSE(next.isEmpty());
    CHECK(next != first);
    const FindingStatus s = stored(c.folder, next.toStdString()).status;
    CHECK((s == FindingStatus::New || s == FindingStatus::Open));
    // The group counts say one fewer to decide, without a rebuild.
    const int undecided = c.review->session()->status().undecided;
    bool count_shown = false;
    auto* model = c.review->findings()->tree()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        count_shown |= model->index(row, 0).data().toString().contains("to decide)");
    CHECK(count_shown);
    CHECK(undecided == undecided_before - decided_now);
}

TEST_CASE("the reviewer sees how sure detection was, and can list the least sure first", "[gui]") {
    OpenCase c;
    FindingsPanel* panel = c.review->findings();
    panel->filter()->setCurrentIndex(2); // all findings
    // The details say how sure, and a residue guess says what it is.
    const StoredFinding* guess = nullptr;
    for (const StoredFinding& f : c.session()->findings())
        if (f.recogniser.rfind("residue", 0) == 0 && f.status != FindingStatus::Gone) guess = &f;
    REQUIRE(guess);
    CHECK(guess->confidence < 1);
    panel->select(QString::fromStdString(guess->id));
    auto* details = panel->findChild<QTextBrowser*>();
    REQUIRE(details);
    CHECK(details->toPlainText().contains(
        QString("How sure: %1%").arg(qRound(guess->confidence * 100))));
    CHECK(details->toPlainText().contains("a guess of the residue pass"));

    // Least sure first: in every category, rows in rising order of how sure.
    auto least_sure_of_rows = [&] {
        std::vector<std::vector<double>> out;
        auto* model = panel->tree()->model();
        for (int p = 0; p < model->rowCount(); ++p) {
            const QModelIndex party = model->index(p, 0);
            for (int k = 0; k < model->rowCount(party); ++k) {
                const QModelIndex category = model->index(k, 0, party);
                std::vector<double> row_confidence;
                for (int r = 0; r < model->rowCount(category); ++r) {
                    double least = 1;
                    const QModelIndex row = model->index(r, 0, category);
                    for (const QString& id : row.data(Qt::UserRole + 6).toStringList()) // its ids
                        if (const StoredFinding* f = c.session()->finding(id))
                            least = std::min(least, f->confidence);
                    row_confidence.push_back(least);
                }
                out.push_back(row_confidence);
            }
        }
        return out;
    };
    bool some_unsorted = false;
    for (const auto& rows : least_sure_of_rows())
        some_unsorted |= !std::is_sorted(rows.begin(), rows.end());
    CHECK(some_unsorted); // the place order is not already the order of how sure
    panel->leastSureFirst()->setChecked(true);
    for (const auto& rows : least_sure_of_rows()) CHECK(std::is_sorted(rows.begin(), rows.end()));
}
