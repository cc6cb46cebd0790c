// The reviewer's desk as a reviewer meets it (issue 16): who signs, reading every page,
// keyboard review that never stalls, risks and manual redactions that can be audited, and a
// window that fits a 1280 x 720 screen. The real window, driven by keys and clicks; every check
// reads the engine's state afresh, as the command line would.
#include "app/window_fit.hpp"
#include "export/bundle_preview.hpp"
#include "export/export_dialog.hpp"
#include "open_case.hpp"
#include "requests/new_case_dialog.hpp"
#include "review/manual_dialog.hpp"
#include "review/note_dialog.hpp"
#include "review/safety_panel.hpp"
#include "review/signoff_dialog.hpp"
#include "safesar/audit.hpp"
#include "viewer/page_view.hpp"
#include "viewer/text_record_view.hpp"
#include "viewer/thumbnail_model.hpp"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTextBlock>
#include <QToolBar>
#include <QToolButton>

#include <catch2/catch.hpp>

#include <set>

using namespace safesar;
using namespace safesar::gui;
using namespace safesar::gui::test;

namespace {

ReviewStatus fresh_status(const fs::path& folder) {
    return ReviewStore::open(load_case(folder).value).status();
}

int audit_entries(const fs::path& folder, const std::string& action) {
    int n = 0;
    for (const AuditEntry& e : read_case_audit(folder))
        n += e.action == action;
    return n;
}

// The header's second line is the status line: after any change both say the same, and say
// what the state, read afresh, says.
void check_progress_agrees(const OpenCase& c) {
    const QString status_line = c.review->statusLineText();
    CHECK(c.review->headerText().section('\n', 1) == status_line);
    const ReviewStatus s = fresh_status(c.folder);
    CHECK(status_line.contains(QString("to decide %1").arg(s.undecided)));
    CHECK(
        status_line.contains(QString("pages read %1 of %2").arg(s.pages_read).arg(s.pages_total)));
    CHECK(status_line.contains(QString("open risks %1").arg(s.open_risks.size())));
}

// Every text a reviewer can read in the window: labels, buttons, tooltips, list rows.
QStringList visible_texts(QWidget* root) {
    QStringList out;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisible()) continue;
        if (auto* l = qobject_cast<QLabel*>(w)) {
            if (!l->buddy()) out << l->text(); // a buddy's & is its mnemonic
        }
        out << w->toolTip() << w->windowTitle();
    }
    for (QAction* a : root->findChildren<QAction*>())
        out << a->toolTip();
    for (QListWidget* list : root->findChildren<QListWidget*>())
        for (int i = 0; i < list->count(); ++i)
            out << list->item(i)->text();
    for (QTreeView* tree : root->findChildren<QTreeView*>()) {
        QAbstractItemModel* m = tree->model();
        std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
            for (int r = 0; r < m->rowCount(parent); ++r) {
                const QModelIndex i = m->index(r, 0, parent);
                out << i.data().toString() << i.data(Qt::ToolTipRole).toString();
                walk(i);
            }
        };
        walk({});
    }
    return out;
}

} // namespace

TEST_CASE("the reviewer is the account running the window, never a typed name", "[gui][desk]") {
    OpenCase c("identity");
    const Identity me = os_account()->current();
    const QString display = QString::fromStdString(me.display());
    CHECK(c.window.windowTitle().contains("reviewing as " + display));
    CHECK(c.review->headerText().contains("reviewing as " + display));
    // Nowhere to type a name: no menu entry, no field.
    for (QAction* a : c.window.menuBar()->findChildren<QAction*>())
        CHECK_FALSE(a->text().contains("Reviewer", Qt::CaseInsensitive));
    for (QLineEdit* e : c.window.findChildren<QLineEdit*>())
        CHECK_FALSE(e->accessibleName().contains("reviewer", Qt::CaseInsensitive));
    c.key(Qt::Key_N);
    const QString first = c.current();
    c.key(Qt::Key_A);
    const StoredFinding decided = stored(c.folder, first.toStdString());
    CHECK(decided.status == FindingStatus::Approved);
    CHECK(decided.decided_by == me.login);
    // The audit holds the login on every entry and the account's full name once.
    for (const AuditEntry& e : read_case_audit(c.folder))
        CHECK(e.who == me.login);
    CHECK(audit_entries(c.folder, "identity") == 1);
}

TEST_CASE("the sign-off dialog shows what is signed, and refuses while the review is open",
          "[gui][desk]") {
    OpenCase c("signoff-dialog");
    on_next_dialog<SignoffDialog>([&](SignoffDialog* d) {
        const ReviewStatus& s = c.session()->status();
        const QString summary = d->summary()->text();
        CHECK(summary.contains("Proposed redactions still undecided"));
        CHECK(summary.contains(QString("<b>%1</b>").arg(s.undecided)));
        CHECK(summary.contains("Risks open / acknowledged"));
        CHECK(summary.contains(QString("<b>%1 of %2 (all needed)</b>").arg(0).arg(s.pages_total)));
        for (const std::string& record : s.withheld_records)
            CHECK(summary.contains(QString::fromStdString(record)));
        CHECK(d->refusal()->isVisibleTo(d));
        CHECK(d->refusal()->text().contains("have no decision"));
        CHECK_FALSE(d->signButton()->isEnabled());
        CHECK(d->height() <= d->screen()->availableGeometry().height());
        d->reject();
    });
    c.review->safety()->signOff();
    CHECK(fresh_status(c.folder).signoffs.empty());
}

TEST_CASE("reading mode walks every disclosed page with PgDn, and a final export waits for it",
          "[gui][desk]") {
    OpenCase c("reading");
    c.decideAndAcknowledgeEverything();
    const ReviewStatus before = fresh_status(c.folder);
    REQUIRE(before.pages_total > 0);
    CHECK(before.pages_read == 0);
    bool blocked = false;
    for (const std::string& b : before.blockers)
        blocked |= b.find("have not been marked read") != std::string::npos;
    CHECK(blocked);
    CHECK_FALSE(c.session()->signOffRefusal().isEmpty());
    {
        ExportDialog dialog(c.session(), c.window.cache(), &c.window);
        CHECK_FALSE(dialog.finalButton()->isEnabled());
    }

    c.key(Qt::Key_R, Qt::ControlModifier); // read page by page
    REQUIRE(c.review->reading());
    CHECK(c.review->readingText().contains("PgDn marks this page read"));
    const std::set<std::string> withheld(before.withheld_records.begin(),
                                         before.withheld_records.end());
    std::vector<std::pair<QString, int>> walked;
    for (int presses = 0; c.review->reading() && presses < 400; ++presses) {
        const QString record = c.review->currentRecord();
        CHECK(withheld.count(record.toStdString()) == 0); // nothing withheld is walked
        const int page = c.review->shownPage();
        if (walked.empty() || walked.back() != std::make_pair(record, page))
            walked.emplace_back(record, page);
        QTest::keyClick(c.review->findings()->tree(), Qt::Key_PageDown);
        check_progress_agrees(c);
    }
    CHECK_FALSE(c.review->reading()); // it stops after the last page
    const ReviewStatus after = fresh_status(c.folder);
    CHECK(after.pages_read == after.pages_total);
    CHECK(static_cast<int>(walked.size()) == after.pages_total); // each page once, in order
    CHECK(after.version == before.version);                      // reading changes no decision
    CHECK(audit_entries(c.folder, "read") == after.pages_total);
    CHECK(
        c.review->statusLineText().contains(QString("pages read %1 of %1").arg(after.pages_total)));
    // The command line sees the same.
    const std::string status =
        run_capture("'" + std::string(SAFESAR_BINARY) + "' status '" + c.folder.string() + "'");
    CHECK(status.find("pages read: " + std::to_string(after.pages_total) + " of " +
                      std::to_string(after.pages_total)) != std::string::npos);
    // The thumbnails of a PDF say which pages are read.
    c.review->showRecord("referral/cwp-referral-form.pdf", 1);
    auto* model = c.review->thumbnails()->model();
    REQUIRE(model->rowCount() >= 1);
    CHECK(model->index(0, 0).data(Qt::AccessibleTextRole).toString().contains("read"));
    CHECK(c.session()->signOffRefusal().isEmpty());
}

TEST_CASE("a sentence or a paragraph is redacted in one gesture: select it, press X",
          "[gui][desk]") {
    OpenCase c("gesture");
    c.review->showRecord("notes/cwp-case-notes.txt");
    TextRecordView* view = c.review->textView();
    REQUIRE(view->isVisible());
    // A whole line of the notes: three clicks select it as a paragraph.
    QTextBlock block = view->document()->firstBlock();
    while (block.isValid() && (block.text().trimmed().size() < 30 || block.text().startsWith("──")))
        block = block.next();
    REQUIRE(block.isValid());
    const QString paragraph = block.text().trimmed();
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    view->setTextCursor(cursor);
    QString asked;
    c.review->setReasonChooser([&](const QString& question) {
        asked = question;
        return std::optional<QString>("TP");
    });
    QTest::keyClick(view, Qt::Key_X);
    CHECK(asked.contains(paragraph.left(20)));
    const auto manual = ReviewStore::open(load_case(c.folder).value).manual_redactions();
    REQUIRE(manual.size() == 1);
    CHECK(QString::fromStdString(manual[0].phrase) == paragraph);
    CHECK(manual[0].record == "notes/cwp-case-notes.txt");
    // The engine finds it where the export will redact it.
    CHECK(c.session()->store().build_disclosure(*c.session()->scan(), false).manual_redactions >=
          1);
    // Nothing selected: X says how, and records nothing.
    view->setTextCursor(QTextCursor(view->document()));
    QSignalSpy said(c.review, &ReviewPage::message);
    QTest::keyClick(view, Qt::Key_X);
    REQUIRE(said.count() == 1);
    CHECK(said.at(0).at(0).toString().contains("Select the text first"));
    CHECK(ReviewStore::open(load_case(c.folder).value).manual_redactions().size() == 1);
}

TEST_CASE("N and P pass over headings and withheld rows, and A on a withheld row is refused",
          "[gui][desk]") {
    OpenCase c("keys");
    FindingsPanel* panel = c.review->findings();
    for (int filter = 0; filter < 3; ++filter) {
        panel->filter()->setCurrentIndex(filter);
        panel->tree()->setCurrentIndex({});
        std::set<QString> seen;
        for (int i = 0; i < 400; ++i) {
            c.key(Qt::Key_N);
            const QString id = c.current();
            REQUIRE_FALSE(id.isEmpty()); // never a heading
            const StoredFinding* f = c.session()->finding(id);
            REQUIRE(f);
            CHECK_FALSE(f->in_withheld_record);
            if (!seen.insert(id).second) break; // the end of the list: N stays on the last
        }
        c.key(Qt::Key_P);
        CHECK_FALSE(c.current().isEmpty());
    }
    // A withheld row, selected by hand: A is refused, with a message, and nothing recorded.
    panel->filter()->setCurrentIndex(1);
    QString withheld;
    for (const StoredFinding& f : c.session()->findings())
        if (f.in_withheld_record && f.proposes_redaction() && withheld.isEmpty())
            withheld = QString::fromStdString(f.id);
    REQUIRE_FALSE(withheld.isEmpty());
    panel->select(withheld);
    REQUIRE(panel->currentIds().contains(withheld));
    const std::int64_t version = fresh_status(c.folder).version;
    QSignalSpy said(c.review, &ReviewPage::message);
    c.key(Qt::Key_A);
    REQUIRE(said.count() >= 1);
    CHECK(said.last().at(0).toString().contains("withheld in full"));
    CHECK(fresh_status(c.folder).version == version);
    CHECK(stored(c.folder, withheld.toStdString()).decided_by.empty());
}

TEST_CASE("one row for the same text at the same place, one order of groups, no empty groups",
          "[gui][desk]") {
    OpenCase c("groups");
    FindingsPanel* panel = c.review->findings();
    // The victim's address in the referral form, found whole and by its parts: one row.
    QString address;
    for (const StoredFinding& f : c.session()->findings())
        if (f.text == "Larkspur Mews" && f.record == "referral/cwp-referral-form.pdf")
            address = QString::fromStdString(f.id);
    REQUIRE_FALSE(address.isEmpty());
    panel->select(address);
    const QStringList ids = panel->currentIds();
    CHECK(ids.size() >= 3);
    CHECK(panel->tree()->currentIndex().data().toString().contains("41 Cotton Lane"));
    c.key(Qt::Key_A); // one key decides the lot
    for (const QString& id : ids)
        CHECK(stored(c.folder, id.toStdString()).status == FindingStatus::Approved);

    // The same order of groups in every filter: protected parties first, the requester last.
    std::vector<QStringList> orders;
    for (int filter = 0; filter < 3; ++filter) {
        panel->filter()->setCurrentIndex(filter);
        QStringList titles;
        for (int row = 0; row < panel->tree()->model()->rowCount(); ++row)
            titles << panel->groupTitle(row);
        orders.push_back(titles);
    }
    const QStringList& all = orders[2];
    REQUIRE(all.size() >= 3);
    CHECK(all.front().contains("(victim)"));
    int requester = -1, victim = -1;
    for (int i = 0; i < all.size(); ++i) {
        if (all[i].startsWith("The requester")) requester = i;
        if (all[i].contains("(victim)") && victim < 0) victim = i;
    }
    CHECK(requester > victim);
    for (const QStringList& some : orders) {
        int last = -1;
        for (const QString& title : some) {
            const int at = static_cast<int>(all.indexOf(title));
            CHECK(at > last); // listed in the same order as under "All findings"
            last = at;
        }
    }
    // Under "still to decide", a category decided to the end disappears, and so does its party
    // when nothing of theirs is left.
    panel->filter()->setCurrentIndex(0);
    auto* model = panel->tree()->model();
    const int parties = model->rowCount();
    REQUIRE(parties >= 1);
    const QString first_party = panel->groupTitle(0);
    panel->tree()->setCurrentIndex(model->index(0, 0));
    c.key(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier); // the whole party
    CHECK(model->rowCount() == parties - 1);
    CHECK(panel->groupTitle(0) != first_party);
    for (int row = 0; row < model->rowCount(); ++row)
        CHECK(model->rowCount(model->index(row, 0)) > 0); // no empty group shown
    check_progress_agrees(c);
}

TEST_CASE("when nothing is left to decide the window says so and offers the Safety tab",
          "[gui][desk]") {
    OpenCase c("nothing-left");
    CHECK_FALSE(c.review->findings()->nothingLeftShown());
    QStringList ids;
    for (const StoredFinding& f : c.session()->findings())
        if (f.awaits_decision()) ids << QString::fromStdString(f.id);
    c.session()->decide(ids, Verdict::Approve);
    CHECK(c.review->findings()->nothingLeftShown());
    CHECK(c.review->statusLineText().contains("to decide 0"));
    QPushButton* go = nullptr;
    for (QPushButton* b : c.review->findings()->findChildren<QPushButton*>())
        if (b->text() == "Go to the Safety tab") go = b;
    REQUIRE(go);
    go->click();
    CHECK(c.review->sideTabs()->currentWidget() == c.review->safety());
    check_progress_agrees(c);
}

TEST_CASE("a risk is acknowledged with a note and stays listed, struck through, with who and "
          "when",
          "[gui][desk]") {
    OpenCase c("risks");
    SafetyPanel* safety = c.review->safety();
    const int risks = safety->risks()->count();
    const int open = static_cast<int>(c.session()->status().open_risks.size());
    REQUIRE(open >= 1);
    safety->risks()->setCurrentRow(0);
    const QString risk = safety->risks()->item(0)->data(Qt::UserRole).toString();
    on_next_dialog<NoteDialog>([&](NoteDialog* d) {
        CHECK_FALSE(d->okButton()->isEnabled()); // no note, no acknowledgement
        d->noteEdit()->setPlainText("   ");
        CHECK_FALSE(d->okButton()->isEnabled());
        d->noteEdit()->setPlainText("Rang the MARAC coordinator: nothing more to withhold.");
        REQUIRE(d->okButton()->isEnabled());
        d->okButton()->click();
    });
    safety->acknowledgeButton()->click();
    const std::vector<StoredRisk> all = ReviewStore::open(load_case(c.folder).value).risks();
    const auto acknowledged = std::find_if(all.begin(), all.end(), [&](const StoredRisk& r) {
        return QString::fromStdString(r.id) == risk;
    });
    REQUIRE(acknowledged != all.end());
    CHECK(acknowledged->acknowledged_by == os_account()->current().login);
    CHECK(acknowledged->comment == "Rang the MARAC coordinator: nothing more to withhold.");
    // Still listed (open ones first): struck through, with who, when (local time) and the note.
    CHECK(safety->risks()->count() == risks);
    QListWidgetItem* item = nullptr;
    for (int i = 0; i < safety->risks()->count(); ++i)
        if (safety->risks()->item(i)->data(Qt::UserRole).toString() == risk)
            item = safety->risks()->item(i);
    REQUIRE(item);
    CHECK(item->data(SafetyPanel::kAcknowledgedRole).toBool());
    auto* shown = qobject_cast<QLabel*>(safety->risks()->itemWidget(item));
    REQUIRE(shown);
    CHECK(shown->text().startsWith("<s>")); // the risk, struck through
    CHECK(shown->text().contains(
        "</s><br>acknowledged by " +
        QString::fromStdString(os_account()->current().display()).toHtmlEscaped()));
    CHECK(shown->text().contains("Rang the MARAC coordinator"));
    CHECK_FALSE(shown->text().contains(QRegularExpression("\\d{4}-\\d\\d-\\d\\dT"))); // not UTC
    CHECK(shown->height() >= shown->heightForWidth(shown->width()) - 4); // whole, not clipped
    CHECK(static_cast<int>(c.session()->status().open_risks.size()) == open - 1);
    check_progress_agrees(c);
}

TEST_CASE("manual redactions are listed among the findings and changed or withdrawn later",
          "[gui][desk]") {
    OpenCase first("manual");
    first.review->setPhraseChooser(
        [](const QString&) { return std::optional<QString>("Thursdays"); });
    first.review->action("redact_phrase")->trigger();
    REQUIRE(first.session()->manualRedactions().size() == 1);
    const fs::path folder = first.folder;

    // Another window on the case: a session of its own, with none of the first one's history.
    MainWindow window;
    window.show();
    window.openCase(folder);
    ReviewPage* review = window.review();
    REQUIRE(wait_until([&] { return review->session()->scan() != nullptr; }, 120000));
    auto activate = [&] { // keys go to the window in front
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
    };
    activate();
    FindingsPanel* panel = review->findings();
    const std::int64_t id = review->session()->manualRedactions().front().id;
    panel->selectManual(id);
    REQUIRE(panel->currentManual() == id);
    CHECK(panel->tree()->currentIndex().data().toString().contains("Thursdays"));
    CHECK_FALSE(review->currentRecord().isEmpty()); // shown where it applies

    // F2 changes it: the phrase and the reason.
    on_next_dialog<ManualDialog>([&](ManualDialog* d) {
        CHECK(d->phraseEdit()->text() == "Thursdays");
        d->phraseEdit()->setText("on Thursdays");
        d->reasonBox()->setCurrentIndex(d->reasonBox()->findData("SH"));
        d->okButton()->click();
    });
    QTest::keyClick(panel->tree(), Qt::Key_F2);
    std::vector<ManualRedaction> manual =
        ReviewStore::open(load_case(folder).value).manual_redactions();
    REQUIRE(manual.size() == 2);
    CHECK(manual[0].withdrawn);
    CHECK(manual[1].phrase == "on Thursdays");
    CHECK(manual[1].reason == "SH");
    // Delete withdraws it; Ctrl+Z puts it back.
    activate();
    panel->selectManual(manual[1].id);
    QTest::keyClick(panel->tree(), Qt::Key_Delete);
    CHECK(ReviewStore::open(load_case(folder).value).status().manual == 0);
    QTest::keyClick(panel->tree(), Qt::Key_Z, Qt::ControlModifier);
    CHECK(ReviewStore::open(load_case(folder).value).status().manual == 1);
    CHECK(audit_entries(folder, "withdraw") == 2);
}

TEST_CASE("the window fits a 1280 x 720 screen: toolbar, page, thumbnails and dialogs",
          "[gui][desk]") {
    const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
    REQUIRE(screen.width() == 1280);
    REQUIRE(screen.height() == 720);
    OpenCase c("screen");
    CHECK(c.window.width() <= screen.width());
    CHECK(c.window.height() <= screen.height());
    // Every toolbar action shows, with an icon and a tooltip; nothing pushed into an overflow.
    QToolBar* bar = c.review->toolbar();
    for (QAction* a : bar->actions()) {
        if (a->isSeparator()) continue;
        QWidget* button = bar->widgetForAction(a);
        REQUIRE(button);
        CHECK(button->isVisible());
        CHECK(bar->rect().contains(button->geometry()));
        CHECK_FALSE(a->icon().isNull());
        CHECK_FALSE(a->toolTip().isEmpty());
    }
    for (QToolButton* b : bar->findChildren<QToolButton*>())
        if (b->objectName() == "qt_toolbar_ext_button") CHECK_FALSE(b->isVisible());
    // The page fits the width of its area.
    c.review->showRecord("referral/cwp-referral-form.pdf", 1);
    PageView* page = c.review->pageView();
    auto* area = c.review->findChild<QScrollArea*>();
    REQUIRE(area);
    CHECK(page->fittingWidth());
    CHECK(page->width() <= area->viewport()->width());
    CHECK(page->width() >= area->viewport()->width() - 12);
    // Thumbnails: whole (the page fits its cell), numbered, marked where there are redactions.
    QListView* thumbnails = c.review->thumbnails();
    auto* model = thumbnails->model();
    REQUIRE(model->rowCount() == 2);
    const QPixmap picture = model->index(0, 0).data(Qt::DecorationRole).value<QPixmap>();
    CHECK(picture.size() == ThumbnailModel::iconSize());
    CHECK(thumbnails->gridSize().width() >= picture.width());
    CHECK(thumbnails->gridSize().height() >= picture.height() + 12);
    CHECK(model->index(0, 0).data().toString().startsWith("1"));
    CHECK(model->index(1, 0).data().toString().startsWith("2"));
    CHECK(model->index(0, 0).data(Qt::AccessibleTextRole).toString().contains("redaction"));
    const QRect cell = thumbnails->visualRect(model->index(0, 0));
    CHECK(thumbnails->viewport()->rect().contains(cell));
    // Dialogs are no taller than the screen.
    {
        ExportDialog dialog(c.session(), c.window.cache(), &c.window);
        fit_dialog(&dialog);
        dialog.show();
        CHECK(dialog.frameGeometry().height() <= screen.height());
        dialog.close();
    }
    {
        NewCaseDialog dialog(c.ws.root, &c.window);
        fit_dialog(&dialog);
        dialog.show();
        CHECK(dialog.frameGeometry().height() <= screen.height());
        dialog.close();
    }
    {
        SignoffDialog dialog(c.session(), &c.window);
        dialog.show();
        CHECK(dialog.frameGeometry().height() <= screen.height());
        dialog.close();
    }
    {
        DocumentSource bundle;
        bundle.path = QString::fromStdString(
            (c.folder / "records" / "referral" / "cwp-referral-form.pdf").string());
        BundlePreview preview(bundle, c.window.cache(), &c.window);
        preview.show();
        CHECK(preview.frameGeometry().height() <= screen.height());
        preview.close();
    }
}

TEST_CASE("no command-line syntax, no UTC times, no stray '&' anywhere in the window",
          "[gui][desk]") {
    OpenCase c("words");
    c.key(Qt::Key_N);
    c.key(Qt::Key_A); // a decision, shown with who and when
    c.review->safety()->rebuild();
    for (int tab = 0; tab < 2; ++tab) {
        c.review->sideTabs()->setCurrentIndex(tab);
        for (const QString& text : visible_texts(&c.window)) {
            INFO(text.toStdString());
            CHECK_FALSE(text.contains("safesar "));
            CHECK_FALSE(text.contains(" --"));
            CHECK_FALSE(text.contains(QRegularExpression("\\d{4}-\\d\\d-\\d\\dT\\d\\d:")));
            QString without_entities = text;
            without_entities.remove(QRegularExpression("&[a-z]+;"));
            CHECK_FALSE(without_entities.contains('&'));
        }
    }
    check_progress_agrees(c);
    // The dialogs too: a label's '&' marks its key (Alt+letter) only where it has a field.
    ExportDialog export_dialog(c.session(), c.window.cache(), &c.window);
    NewCaseDialog new_case(c.ws.root, &c.window);
    SignoffDialog signoff(c.session(), &c.window);
    NoteDialog note("Acknowledge a risk", "a risk", "What did you &check?", "Acknowledge", true,
                    &c.window);
    ManualDialog manual(ManualRedaction{}, &c.window);
    for (QDialog* d :
         std::initializer_list<QDialog*>{&export_dialog, &new_case, &signoff, &note, &manual}) {
        d->show();
        for (const QString& text : visible_texts(d)) {
            INFO(d->windowTitle().toStdString() << ": " << text.toStdString());
            QString without_entities = text;
            without_entities.remove(QRegularExpression("&[a-z]+;"));
            CHECK_FALSE(without_entities.contains('&'));
        }
        d->close();
    }
}

TEST_CASE("the header and the status line agree after every change", "[gui][desk]") {
    OpenCase c("agree");
    check_progress_agrees(c);
    c.key(Qt::Key_N);
    c.key(Qt::Key_A);
    check_progress_agrees(c);
    c.key(Qt::Key_R);
    check_progress_agrees(c);
    c.key(Qt::Key_Z, Qt::ControlModifier);
    check_progress_agrees(c);
    c.key(Qt::Key_A, Qt::ShiftModifier);
    check_progress_agrees(c);
    const StoredRisk risk = c.session()->status().open_risks.front();
    c.session()->acknowledgeRisk(QString::fromStdString(risk.id), "checked");
    check_progress_agrees(c);
    const PageToRead page = c.session()->pagesToRead().front();
    c.session()->markPageRead(QString::fromStdString(page.record), page.page);
    check_progress_agrees(c);
    c.review->action("rescan")->trigger();
    REQUIRE(wait_until([&] { return !c.session()->scanning(); }, 120000));
    wait_until([] { return false; }, 200); // the finished signal is queued
    check_progress_agrees(c);
}
