#include "review/review_page.hpp"

#include "app/icons.hpp"
#include "app/local_time.hpp"
#include "review/case_session.hpp"
#include "review/findings_panel.hpp"
#include "review/manual_dialog.hpp"
#include "review/note_dialog.hpp"
#include "review/others_bar.hpp"
#include "review/reason_picker.hpp"
#include "review/safety_panel.hpp"
#include "viewer/page_cache.hpp"
#include "viewer/page_view.hpp"
#include "viewer/text_record_view.hpp"
#include "viewer/thumbnail_model.hpp"

#include "safesar/deadline.hpp"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextCursor>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace safesar::gui {

namespace {

// A label as a tooltip shows it: mnemonics (the & of "&Approve") are not for reading.
QString plain(QString text) {
    text.replace("&&", "\x01");
    text.remove('&');
    text.replace("\x01", "&");
    return text;
}

// The banner of a request whose requester may be the person others fled from. What it asks
// is the profile's review rules: pages to read, how many reviewers (a perpetrator request:
// every page, two reviewers).
QString perpetrator_warning(const Case& c, const ReviewRules& rules) {
    static const char* const kCounts[] = {"no", "one", "two", "three", "four", "five"};
    const int n = std::clamp(rules.signoffs_needed, 0, 5);
    const QString reading =
        rules.every_page_read ? ReviewPage::tr(", and read every page") : QString();
    const QString signoffs =
        n == 0   ? QString()
        : n == 1 ? ReviewPage::tr("one reviewer's sign-off and ")
                 : ReviewPage::tr("%1 different reviewers' sign-offs and ").arg(kCounts[n]);
    return ReviewPage::tr("⚠ PERPETRATOR REQUEST — %1. The requester may be the person others "
                          "fled from: check every address, school, workplace and phone "
                          "number%2. A final export needs %3every risk closed.")
        .arg(QString::fromStdString(c.reference), reading, signoffs);
}

} // namespace

ReviewPage::ReviewPage(PageCache* cache, std::shared_ptr<const IdentityProvider> acting,
                       QWidget* parent)
    : QWidget(parent), cache_(cache), session_(new CaseSession(std::move(acting), this)) {
    ask_reason_ = [this](const QString& what) { return choose_reason(this, what); };
    ask_comment_ = [this](const QString& what) -> std::optional<QString> {
        NoteDialog dialog(tr("Release a record for disclosure"), what,
                          tr("&Why is it safe to disclose? (Kept in the case's state, never in "
                             "the bundle.)"),
                          tr("Release"), session_->status().release_needs_comment, this);
        if (dialog.exec() != QDialog::Accepted) return std::nullopt;
        return dialog.note();
    };
    ask_phrase_ = [this](const QString& question) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Redact a phrase"), question,
                                                   QLineEdit::Normal, {}, &ok);
        if (!ok || text.trimmed().isEmpty()) return std::nullopt;
        return text.trimmed();
    };

    banner_ = new QLabel;
    banner_->setWordWrap(true);
    banner_->setAccessibleName(tr("Request warning"));
    banner_->setStyleSheet(
        "QLabel { background: #8b0000; color: white; padding: 4px; font-weight: bold; }");
    banner_->hide();
    header_ = new QLabel;
    header_->setAccessibleName(tr("Request and progress"));
    header_->setTextFormat(Qt::PlainText);
    header_->setWordWrap(true);
    toolbar_ = new QToolBar(tr("Review"));
    toolbar_->setToolButtonStyle(Qt::ToolButtonIconOnly);
    toolbar_->setIconSize(QSize(22, 22));

    records_ = new QListWidget;
    records_->setAccessibleName(tr("Records"));
    thumbnail_model_ = new ThumbnailModel(cache_, this);
    thumbnail_model_->setMarks([this](int page) {
        return ThumbnailModel::Marks{session_->redactionsOn(current_record_, page),
                                     session_->pageRead(current_record_, page)};
    });
    thumbnails_ = new QListView;
    thumbnails_->setModel(thumbnail_model_);
    thumbnails_->setViewMode(QListView::IconMode);
    thumbnails_->setFlow(QListView::LeftToRight);
    thumbnails_->setWrapping(true);
    thumbnails_->setResizeMode(QListView::Adjust);
    thumbnails_->setUniformItemSizes(true);
    thumbnails_->setMovement(QListView::Static);
    thumbnails_->setIconSize(ThumbnailModel::iconSize());
    thumbnails_->setGridSize(ThumbnailModel::iconSize() + QSize(8, 24));
    thumbnails_->setAccessibleName(tr("Page thumbnails"));
    auto* left = new QSplitter(Qt::Vertical);
    left->addWidget(records_);
    left->addWidget(thumbnails_);
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 2);

    page_view_ = new PageView(cache_);
    page_scroll_ = new QScrollArea;
    page_scroll_->setWidget(page_view_);
    page_scroll_->setAlignment(Qt::AlignHCenter);
    page_scroll_->setAccessibleName(tr("Page area"));
    page_scroll_->viewport()->installEventFilter(this);
    text_view_ = new TextRecordView;
    viewer_ = new QStackedWidget;
    viewer_->addWidget(page_scroll_);
    viewer_->addWidget(text_view_);
    reading_bar_ = new QLabel;
    reading_bar_->setWordWrap(true);
    reading_bar_->setAccessibleName(tr("Reading page by page"));
    reading_bar_->setStyleSheet(
        "QLabel { background: #0072B2; color: white; padding: 4px; font-weight: bold; }");
    reading_bar_->hide();
    page_label_ = new QLabel;
    // A record withheld in full, or decided by a reviewer: why, and the buttons that decide it.
    record_bar_ = new QLabel;
    record_bar_->setWordWrap(true);
    record_bar_->setTextFormat(Qt::PlainText);
    record_bar_->setAccessibleName(tr("Whole record"));
    withhold_button_ = new QPushButton(tr("&Withhold in full…"));
    release_button_ = new QPushButton(tr("Release for &disclosure…"));
    reopen_button_ = new QPushButton(tr("Back to the policy's proposal"));
    withhold_button_->setToolTip(
        tr("Withhold this whole record from the requester, with a reason (Ctrl+Shift+W)"));
    release_button_->setToolTip(tr("Disclose this record with its ordinary redactions; its "
                                   "findings then need decisions and its pages reading "
                                   "(Ctrl+Shift+D)"));
    record_panel_ = new QWidget;
    record_panel_->setStyleSheet("QWidget#record_panel { background: #fff3cd; }");
    record_panel_->setObjectName("record_panel");
    auto* record_row = new QHBoxLayout(record_panel_);
    record_row->setContentsMargins(4, 2, 4, 2);
    record_row->addWidget(record_bar_, 1);
    record_row->addWidget(withhold_button_);
    record_row->addWidget(release_button_);
    record_row->addWidget(reopen_button_);
    record_panel_->hide();
    connect(withhold_button_, &QPushButton::clicked, this, [this] { withholdRecord(); });
    connect(release_button_, &QPushButton::clicked, this, [this] { releaseRecord(); });
    connect(reopen_button_, &QPushButton::clicked, this, [this] { reopenRecord(); });
    auto* middle = new QWidget;
    auto* middle_layout = new QVBoxLayout(middle);
    middle_layout->setContentsMargins(0, 0, 0, 0);
    middle_layout->addWidget(reading_bar_);
    middle_layout->addWidget(record_panel_);
    middle_layout->addWidget(viewer_, 1);
    middle_layout->addWidget(page_label_);

    findings_ = new FindingsPanel(session_);
    safety_ = new SafetyPanel(session_);
    side_ = new QTabWidget;
    side_->addTab(findings_, tr("&Findings"));
    side_->addTab(safety_, tr("Safet&y"));

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(middle);
    split->addWidget(side_);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    split->setSizes({270, 600, 420});

    progress_ = new QProgressBar;
    progress_->setAccessibleName(tr("Scan progress"));
    cancel_scan_ = new QPushButton(tr("Cancel scan"));
    scan_label_ = new QLabel;
    status_line_ = new QLabel;
    status_line_->setAccessibleName(tr("Review progress"));
    status_line_->setTextFormat(Qt::PlainText);
    others_line_ = new OthersBar(session_, findings_->tree());
    others_line_->hide();
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(status_line_, 1);
    bottom->addWidget(others_line_);
    bottom->addWidget(scan_label_);
    bottom->addWidget(progress_);
    bottom->addWidget(cancel_scan_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(banner_);
    layout->addWidget(header_);
    layout->addWidget(toolbar_);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);

    buildActions();

    connect(records_, &QListWidget::currentTextChanged, this, [this] {
        if (QListWidgetItem* item = records_->currentItem()) {
            const QString name = item->data(Qt::UserRole).toString();
            if (name != current_record_) showRecord(name, 1);
        }
    });
    connect(thumbnails_, &QListView::activated, this,
            [this](const QModelIndex& i) { goToPage(i.row() + 1); });
    connect(thumbnails_, &QListView::clicked, this,
            [this](const QModelIndex& i) { goToPage(i.row() + 1); });
    connect(findings_, &FindingsPanel::findingSelected, this, &ReviewPage::selectFinding);
    connect(findings_, &FindingsPanel::manualSelected, this, &ReviewPage::selectManual);
    connect(findings_, &FindingsPanel::safetyRequested, this, [this] {
        side_->setCurrentWidget(safety_);
        safety_->setFocus();
    });
    connect(page_view_, &PageView::overlayClicked, this, [this](const QString& id) {
        if (!id.isEmpty()) findings_->select(id);
    });
    connect(text_view_, &TextRecordView::overlayClicked, this, [this](const QString& id) {
        if (!id.isEmpty()) findings_->select(id);
    });
    connect(page_view_, &PageView::boxDrawn, this, &ReviewPage::redactBox);
    connect(page_view_, &PageView::textAreaDrawn, this, [this](const Box& area) {
        const CaseSession::Words words =
            session_->wordsIn(current_record_, page_view_->page(), area);
        if (words.text.isEmpty()) {
            emit message(tr("No text there: drag without Shift to redact the area itself."));
            return;
        }
        page_selection_ = words.text;
        page_view_->setTextSelection(words.boxes);
        emit message(tr("Selected “%1”: X redacts it.").arg(words.text.left(80)));
    });
    connect(text_view_, &TextRecordView::redactSelectionRequested, this,
            &ReviewPage::redactSelection);
    connect(safety_, &SafetyPanel::error, this, &ReviewPage::showError);
    connect(safety_, &SafetyPanel::readRequested, this, &ReviewPage::startReading);
    connect(cancel_scan_, &QPushButton::clicked, session_, &CaseSession::cancelScan);

    connect(session_, &CaseSession::changed, this, &ReviewPage::rebuildAll);
    connect(session_, &CaseSession::stateChanged, this, [this](const QStringList& ids) {
        findings_->updateFindings(ids);
        safety_->rebuild();
        refreshOverlays();
        refreshRecordList();
        thumbnail_model_->marksChanged();
        updateActions();
        updateProgress();
    });
    connect(session_, &CaseSession::scanProgress, this, [this](int done, int total) {
        progress_->setRange(0, total);
        progress_->setValue(done);
        scan_label_->setText(tr("Reading records: %1 of %2 files…").arg(done).arg(total));
    });
    connect(session_, &CaseSession::scanned, this, [this](const QString& summary) {
        progress_->hide();
        cancel_scan_->hide();
        scan_label_->clear(); // the status line says where the review stands from now on
        refreshRecordList();
        showRecord(current_record_, page_view_->page());
        updateProgress();
        emit message(tr("Scan finished: %1").arg(summary));
    });
    connect(session_, &CaseSession::scanFailed, this, [this](const QString& reason) {
        progress_->hide();
        cancel_scan_->hide();
        scan_label_->setText(tr("Scan stopped: %1").arg(reason));
        updateActions();
    });
}

bool ReviewPage::eventFilter(QObject* watched, QEvent* event) {
    // The page keeps to the width of its area while fitting (the default).
    if (watched == page_scroll_->viewport() && event->type() == QEvent::Resize &&
        page_view_->fittingWidth())
        page_view_->fitWidth(page_scroll_->viewport()->width());
    return QWidget::eventFilter(watched, event);
}

QAction* ReviewPage::addAction(const QString& name, const QString& text, const QKeySequence& key,
                               std::function<void()> run) {
    auto* a = new QAction(text, this);
    a->setObjectName(name);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setToolTip(key.isEmpty()
                      ? plain(text)
                      : plain(text) + " (" + key.toString(QKeySequence::NativeText) + ")");
    connect(a, &QAction::triggered, this, std::move(run));
    QWidget::addAction(a);
    return a;
}

QAction* ReviewPage::action(const QString& name) const {
    return findChild<QAction*>(name);
}

void ReviewPage::buildActions() {
    // The toolbar shows icons (a tooltip names each, with its key); the actions a reviewer
    // uses most also say their name beside the icon.
    auto tool = [this](QAction* a, IconName picture, bool with_text = false) {
        a->setIcon(icon(picture));
        toolbar_->addAction(a);
        if (with_text)
            if (auto* button = qobject_cast<QToolButton*>(toolbar_->widgetForAction(a)))
                button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        return a;
    };
    tool(addAction("back", tr("Back to the requests"), QKeySequence(Qt::ALT | Qt::Key_Left),
                   [this] { emit closeRequested(); }),
         IconName::Back);
    toolbar_->addSeparator();
    tool(addAction("previous_page", tr("Previous page"), QKeySequence(Qt::Key_PageUp),
                   [this] { goToPage(page_view_->page() - 1); }),
         IconName::PreviousPage);
    tool(addAction("next_page", tr("Next page (in reading mode: mark it read and go on)"),
                   QKeySequence(Qt::Key_PageDown), [this] { nextPage(); }),
         IconName::NextPage);
    tool(addAction("zoom_out", tr("Zoom out"), QKeySequence::ZoomOut,
                   [this] { page_view_->setZoom(page_view_->zoom() / 1.2); }),
         IconName::ZoomOut);
    tool(addAction("zoom_in", tr("Zoom in"), QKeySequence::ZoomIn,
                   [this] { page_view_->setZoom(page_view_->zoom() * 1.2); }),
         IconName::ZoomIn);
    tool(addAction("fit_width", tr("Fit the page to the width"), QKeySequence(Qt::CTRL | Qt::Key_0),
                   [this] { page_view_->fitWidth(page_scroll_->viewport()->width()); }),
         IconName::FitWidth);
    toolbar_->addSeparator();
    addAction("next_finding", tr("Next finding"), QKeySequence(Qt::Key_N), [this] {
        findings_->step(1);
    })->setShortcuts({QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_J)});
    addAction("previous_finding", tr("Previous finding"), QKeySequence(Qt::Key_P), [this] {
        findings_->step(-1);
    })->setShortcuts({QKeySequence(Qt::Key_P), QKeySequence(Qt::Key_K)});
    tool(addAction("approve", tr("&Approve"), QKeySequence(Qt::Key_A),
                   [this] { decideCurrent(static_cast<int>(Verdict::Approve)); }),
         IconName::Approve, true);
    tool(addAction("reject", tr("&Reject (keep)"), QKeySequence(Qt::Key_R),
                   [this] { decideCurrent(static_cast<int>(Verdict::Reject)); }),
         IconName::Reject, true);
    addAction("reopen", tr("Undecide"), QKeySequence(Qt::Key_U),
              [this] { decideCurrent(static_cast<int>(Verdict::Reopen)); });
    tool(addAction("approve_category", tr("Approve the rest of this category"),
                   QKeySequence(Qt::SHIFT | Qt::Key_A), [this] { decideGroup(false); }),
         IconName::ApproveGroup);
    addAction("approve_party", tr("Approve the rest of this person's findings"),
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), [this] { decideGroup(true); });
    tool(addAction("undo", tr("Undo"), QKeySequence(Qt::CTRL | Qt::Key_Z),
                   [this] { guarded([this] { session_->undo(); }); }),
         IconName::Undo);
    QAction* redo = addAction("redo", tr("Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                              [this] { guarded([this] { session_->redo(); }); });
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    tool(redo, IconName::Redo);
    toolbar_->addSeparator();
    tool(addAction("redact_selection", tr("Redact the selected text"), QKeySequence(Qt::Key_X),
                   [this] { redactSelected(); }),
         IconName::RedactSelection);
    tool(addAction("redact_phrase", tr("Redact a phrase everywhere…"), QKeySequence::Find,
                   [this] { redactPhrase(); }),
         IconName::RedactPhrase);
    addAction("withdraw_manual", tr("Withdraw the selected manual redaction"),
              QKeySequence(Qt::Key_Delete), [this] { withdrawManual(); });
    addAction("change_manual", tr("Change the selected manual redaction…"),
              QKeySequence(Qt::Key_F2), [this] { changeManual(); });
    addAction("withhold_record", tr("Withhold this record in full…"),
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W), [this] { withholdRecord(); });
    addAction("release_record", tr("Release this record for disclosure…"),
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), [this] { releaseRecord(); });
    QAction* read = addAction("read_pages", tr("Read page by page"),
                              QKeySequence(Qt::CTRL | Qt::Key_R), [this] {
                                  if (reading_)
                                      stopReading();
                                  else
                                      startReading();
                              });
    read->setCheckable(true);
    tool(read, IconName::ReadPages, true);
    addAction("stop_reading", tr("Stop reading page by page"), QKeySequence(Qt::Key_Escape),
              [this] {
                  if (reading_) stopReading();
              });
    toolbar_->addSeparator();
    addAction("findings", tr("Findings"), QKeySequence(Qt::CTRL | Qt::Key_1), [this] {
        side_->setCurrentWidget(findings_);
        findings_->tree()->setFocus();
    });
    tool(addAction("safety", tr("Safety: risks, pages read, sign-off"),
                   QKeySequence(Qt::CTRL | Qt::Key_2),
                   [this] { side_->setCurrentWidget(safety_); }),
         IconName::Safety);
    tool(addAction("rescan", tr("Scan the records again"), QKeySequence(Qt::Key_F5),
                   [this] {
                       if (session_->scanning()) return;
                       progress_->show();
                       cancel_scan_->show();
                       progress_->setRange(0, 0);
                       scan_label_->setText(tr("Reading records…"));
                       session_->startScan();
                       updateActions();
                   }),
         IconName::Rescan);
    tool(addAction("export", tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                   [this] { emit exportRequested(); }),
         IconName::Export, true);
}

void ReviewPage::openCase(const std::filesystem::path& folder) {
    session_->open(folder);
    const Case& c = session_->request();
    // Shown where the profile's file says the requester may be the person others fled from;
    // what it asks of the reviewer is that file's review rules.
    const ProfileInfo& profile = session_->profile();
    banner_->setVisible(profile.requester_may_be_perpetrator);
    banner_->setText(perpetrator_warning(c, profile.review));
    const CaseSummary summary = summarize_case(folder, today());
    if (summary.due)
        due_ = summary.overdue
                   ? tr("due %1, OVERDUE").arg(QString::fromStdString(to_iso(*summary.due)))
                   : tr("due %1 (%2 working days left)")
                         .arg(QString::fromStdString(to_iso(*summary.due)))
                         .arg(summary.working_days_left);
    refreshRecordList();
    for (const RecordEntry& r : session_->records())
        if (r.pdf || &r == &session_->records().back()) {
            showRecord(r.name, 1);
            break;
        }
    progress_->show();
    cancel_scan_->show();
    progress_->setRange(0, 0);
    scan_label_->setText(tr("Reading records…"));
    session_->startScan();
    rebuildAll();
}

QString ReviewPage::progressText() const {
    const ReviewStatus& s = session_->status();
    if (!session_->scan()) return tr("Reading the records: the findings follow.");
    QString text = tr("Decided %1 · to decide %2 · pages read %3 of %4 · open risks %5")
                       .arg(s.to_redact + s.kept_by_reviewer)
                       .arg(s.undecided)
                       .arg(s.pages_read)
                       .arg(s.pages_total)
                       .arg(s.open_risks.size());
    if (s.signoffs_needed > 0) {
        int current = 0;
        for (const SignOff& o : s.signoffs)
            current += o.current;
        text += tr(" · sign-offs %1 of %2").arg(current).arg(s.signoffs_needed);
    }
    return text;
}

QString ReviewPage::headerText() const {
    return header_->text();
}

QString ReviewPage::statusLineText() const {
    return status_line_->text();
}

QString ReviewPage::othersText() const {
    return others_line_->text();
}

QString ReviewPage::readingText() const {
    return reading_ ? reading_bar_->text() : QString();
}

void ReviewPage::updateProgress() {
    if (!session_->isOpen()) return;
    const Case& c = session_->request();
    const QString progress = progressText();
    header_->setText(
        tr("%1 · %2 · %3%4 · reviewing as %5\n%6")
            .arg(QString::fromStdString(c.reference), QString::fromStdString(c.subject.name),
                 QString::fromStdString(c.profile), due_.isEmpty() ? QString() : " · " + due_,
                 session_->reviewer(), progress));
    status_line_->setText(progress);
    if (reading_) {
        const ReviewStatus& s = session_->status();
        const int page = shownPage();
        reading_bar_->setText(
            tr("Reading page by page: %1, page %2%3 — %4 of %5 pages read. PgDn marks this page "
               "read and goes on; Esc stops.")
                .arg(current_record_)
                .arg(page)
                .arg(session_->pageRead(current_record_, page) ? tr(" (read)") : QString())
                .arg(s.pages_read)
                .arg(s.pages_total));
    }
}

void ReviewPage::refreshRecordList() {
    const QSignalBlocker block(records_);
    std::map<QString, std::pair<int, int>> reading; // record -> pages read, pages
    for (const PageToRead& p : session_->pagesToRead()) {
        auto& [read, total] = reading[QString::fromStdString(p.record)];
        read += p.read();
        ++total;
    }
    records_->clear();
    for (const RecordEntry& r : session_->records()) {
        QString text = r.name;
        const RecordReview* decided = session_->recordReview(r.name);
        if (r.withheld)
            text += decided && decided->until_reviewed &&
                            decided->decision == RecordReview::Decision::None
                        ? tr("  [withheld until you decide]")
                        : tr("  [withheld in full]");
        else if (decided && decided->decision == RecordReview::Decision::Release)
            text += tr("  [released]");
        if (!r.skipped_reason.isEmpty()) text += tr("  [could not be read]");
        if (auto it = reading.find(r.name); it != reading.end() && it->second.first > 0)
            text +=
                it->second.first == it->second.second
                    ? tr("  ✓ read")
                    : tr("  (%1 of %2 pages read)").arg(it->second.first).arg(it->second.second);
        auto* item = new QListWidgetItem(text);
        item->setData(Qt::UserRole, r.name);
        if (!r.skipped_reason.isEmpty()) item->setToolTip(r.skipped_reason);
        records_->addItem(item);
        if (r.name == current_record_) records_->setCurrentItem(item);
    }
}

void ReviewPage::showRecord(const QString& name, int page) {
    const RecordEntry* r = session_->record(name);
    if (!r) return;
    const bool new_record = name != current_record_;
    current_record_ = name;
    page_selection_.clear();
    {
        const QSignalBlocker block(records_);
        for (int i = 0; i < records_->count(); ++i)
            if (records_->item(i)->data(Qt::UserRole).toString() == name)
                records_->setCurrentRow(i);
    }
    if (r->pdf) {
        viewer_->setCurrentWidget(page_scroll_);
        if (new_record || thumbnail_model_->rowCount() == 0)
            thumbnail_model_->setDocument(r->source);
        if (page_view_->fittingWidth() || page_view_->pageCount() == 0)
            page_view_->fitWidth(page_scroll_->viewport()->width());
        page_view_->showPage(r->source, page);
        thumbnails_->setCurrentIndex(thumbnail_model_->index(page_view_->page() - 1));
    } else {
        viewer_->setCurrentWidget(text_view_);
        thumbnail_model_->setDocument({});
        page_view_->clear();
        if (!r->skipped_reason.isEmpty()) {
            text_view_->setPlainText(
                tr("This record could not be read:\n%1").arg(r->skipped_reason));
        } else if (session_->scan() && r->scan_index >= 0) {
            if (new_record || text_view_->recordName() != name)
                text_view_->showRecord(
                    session_->scan()->gathered.records[static_cast<std::size_t>(r->scan_index)]);
        } else {
            text_view_->setPlainText(
                tr("Reading the records… the text appears when the scan is done."));
        }
    }
    refreshOverlays();
    updateRecordBar();
    updateProgress();
}

void ReviewPage::updateRecordBar() {
    const RecordEntry* entry = session_->record(current_record_);
    const RecordReview* r = session_->recordReview(current_record_);
    const bool scanned = session_->scan() != nullptr && entry && entry->skipped_reason.isEmpty();
    if (!scanned || (!r && !entry->withheld)) {
        record_panel_->hide();
        return;
    }
    QString text;
    const auto reason = r ? QString::fromStdString(r->withheld_reason()) : QString();
    if (r && r->decision != RecordReview::Decision::None) {
        const QString who = QString::fromStdString(session_->status().who(r->decided_by));
        const QString when = local_time(r->decided_at);
        text = r->decision == RecordReview::Decision::Release
                   ? tr("Released for disclosure by %1, %2.").arg(who, when)
                   : tr("Withheld in full (%1) by %2, %3.").arg(reason, who, when);
        if (!r->comment.empty()) text += " " + QString::fromStdString(r->comment);
        if (r->policy_withheld)
            text += " " +
                    tr("The policy withholds it: %1.").arg(QString::fromStdString(r->policy_kind));
    } else if (r && r->until_reviewed) {
        text = tr("Withheld in full (%1) until you decide: %2. Read it, then withhold it or "
                  "release it for disclosure.")
                   .arg(reason, QString::fromStdString(r->policy_kind));
    } else if (r) {
        text = tr("Withheld in full by the policy (%1): %2.")
                   .arg(reason, QString::fromStdString(r->policy_kind));
    }
    record_bar_->setText(text);
    const bool withheld = entry->withheld;
    const bool decided = r && r->decision != RecordReview::Decision::None;
    withhold_button_->setVisible(!withheld || (r && r->until_reviewed && !decided));
    release_button_->setVisible(withheld);
    reopen_button_->setVisible(decided);
    record_panel_->show();
}

void ReviewPage::withholdRecord() {
    if (!session_->scan() || current_record_.isEmpty()) return;
    const auto reason = ask_reason_(tr("Withhold %1 in full.").arg(current_record_));
    if (!reason) return;
    guarded([&] {
        session_->withholdRecord(current_record_, *reason, {});
        emit message(tr("%1 is withheld in full.").arg(current_record_));
    });
}

void ReviewPage::releaseRecord() {
    if (!session_->scan() || current_record_.isEmpty()) return;
    const auto comment = ask_comment_(
        tr("Release %1 for disclosure, with its ordinary redactions.").arg(current_record_));
    if (!comment) return;
    guarded([&] {
        session_->releaseRecord(current_record_, *comment);
        emit message(tr("%1 is released for disclosure: decide its findings and read its pages.")
                         .arg(current_record_));
    });
}

void ReviewPage::reopenRecord() {
    if (!session_->scan() || current_record_.isEmpty()) return;
    guarded([&] { session_->reopenRecord(current_record_); });
}

void ReviewPage::goToPage(int page) {
    if (viewer_->currentWidget() != page_scroll_ || page < 1 || page > page_view_->pageCount())
        return;
    page_selection_.clear();
    page_view_->showPage(page_view_->document(), page);
    thumbnails_->setCurrentIndex(thumbnail_model_->index(page - 1));
    refreshOverlays();
    updateProgress();
}

void ReviewPage::nextPage() {
    if (reading_)
        readOn();
    else
        goToPage(page_view_->page() + 1);
}

int ReviewPage::shownPage() const {
    return viewer_->currentWidget() == page_scroll_ ? page_view_->page() : 1;
}

std::vector<std::pair<QString, int>> ReviewPage::readingOrder() const {
    std::map<QString, std::vector<int>> pages;
    for (const PageToRead& p : session_->pagesToRead())
        pages[QString::fromStdString(p.record)].push_back(p.page);
    std::vector<std::pair<QString, int>> out;
    for (const RecordEntry& r : session_->records())
        if (auto it = pages.find(r.name); it != pages.end())
            for (int page : it->second)
                out.emplace_back(r.name, page);
    return out;
}

void ReviewPage::startReading() {
    const auto order = readingOrder();
    if (order.empty()) {
        emit message(tr("There are no pages to read yet: the records are being scanned."));
        action("read_pages")->setChecked(false);
        return;
    }
    reading_ = true;
    action("read_pages")->setChecked(true);
    reading_bar_->show();
    // From the first page nobody has read, or from the start when all are.
    auto first = std::find_if(order.begin(), order.end(), [&](const auto& p) {
        return !session_->pageRead(p.first, p.second);
    });
    if (first == order.end()) first = order.begin();
    showRecord(first->first, first->second);
    if (viewer_->currentWidget() == text_view_) text_view_->verticalScrollBar()->setValue(0);
    page_scroll_->verticalScrollBar()->setValue(0);
    updateProgress();
}

void ReviewPage::stopReading(const QString& why) {
    reading_ = false;
    action("read_pages")->setChecked(false);
    reading_bar_->hide();
    if (!why.isEmpty()) emit message(why);
}

void ReviewPage::readOn() {
    const auto order = readingOrder();
    const int page = shownPage();
    auto here = std::find(order.begin(), order.end(), std::make_pair(current_record_, page));
    if (here == order.end()) { // on a withheld record, say: back to the walk
        startReading();
        return;
    }
    // A text record is read to its end, a screen at a time, before it counts as read.
    if (viewer_->currentWidget() == text_view_) {
        QScrollBar* bar = text_view_->verticalScrollBar();
        if (bar->value() < bar->maximum()) {
            bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
            return;
        }
    } else {
        // A page taller than its area is read to its foot first.
        QScrollBar* bar = page_scroll_->verticalScrollBar();
        if (bar->value() < bar->maximum()) {
            bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
            return;
        }
    }
    bool marked = false;
    guarded([&] {
        session_->markPageRead(current_record_, page);
        marked = true;
    });
    if (!marked) return;
    if (++here == order.end()) {
        const ReviewStatus& s = session_->status();
        stopReading(s.pages_read == s.pages_total
                        ? tr("Every page of the disclosed records has been read.")
                        : tr("The last page is read; %1 pages earlier are not: Ctrl+R reads them.")
                              .arg(s.pages_total - s.pages_read));
        return;
    }
    showRecord(here->first, here->second);
    if (viewer_->currentWidget() == text_view_) text_view_->verticalScrollBar()->setValue(0);
    page_scroll_->verticalScrollBar()->setValue(0);
    updateProgress();
}

void ReviewPage::refreshOverlays() {
    if (viewer_->currentWidget() == page_scroll_) {
        page_view_->setOverlays(session_->overlays(current_record_, page_view_->page()));
        page_label_->setText(page_view_->pageCount() > 0 ? tr("%1 — page %2 of %3")
                                                               .arg(current_record_)
                                                               .arg(page_view_->page())
                                                               .arg(page_view_->pageCount())
                                                         : current_record_);
    } else {
        text_view_->setOverlays(session_->overlays(current_record_, 0));
        page_label_->setText(current_record_);
    }
}

void ReviewPage::rebuildAll() {
    refreshRecordList();
    updateRecordBar();
    findings_->rebuild();
    safety_->rebuild();
    refreshOverlays();
    thumbnail_model_->marksChanged();
    updateActions();
    updateProgress();
}

void ReviewPage::updateActions() {
    const bool scanned = session_->scan() != nullptr;
    action("undo")->setEnabled(session_->canUndo());
    action("undo")->setToolTip(session_->canUndo()
                                   ? tr("Undo %1 (Ctrl+Z)").arg(session_->undoLabel())
                                   : tr("Undo (Ctrl+Z)"));
    action("redo")->setEnabled(session_->canRedo());
    action("redo")->setToolTip(session_->canRedo()
                                   ? tr("Redo %1 (Ctrl+Shift+Z)").arg(session_->redoLabel())
                                   : tr("Redo (Ctrl+Shift+Z)"));
    action("undo")->setText(session_->canUndo() ? tr("Undo %1").arg(session_->undoLabel())
                                                : tr("Undo"));
    action("redo")->setText(session_->canRedo() ? tr("Redo %1").arg(session_->redoLabel())
                                                : tr("Redo"));
    action("export")->setEnabled(scanned && !session_->scanning());
    action("rescan")->setEnabled(!session_->scanning());
    action("redact_phrase")->setEnabled(scanned);
    action("redact_selection")->setEnabled(scanned);
    action("read_pages")->setEnabled(scanned);
    page_view_->setDrawingEnabled(scanned);
}

void ReviewPage::selectFinding(const QString& id) {
    const StoredFinding* f = session_->finding(id);
    if (!f) return;
    const QString record = QString::fromStdString(f->record);
    if (record != current_record_ || (f->page > 0 && f->page != page_view_->page()))
        showRecord(record, f->page > 0 ? f->page : 1);
    if (viewer_->currentWidget() == page_scroll_) {
        page_view_->setSelected(id);
        const QRect r = page_view_->overlayRect(id);
        if (!r.isEmpty())
            page_scroll_->ensureVisible(r.center().x(), r.center().y(), r.width() / 2 + 60,
                                        r.height() / 2 + 80);
    } else {
        text_view_->setSelected(id);
    }
}

void ReviewPage::selectManual(std::int64_t id) {
    for (const ManualRedaction& m : session_->manualRedactions())
        if (m.id == id) {
            const auto [record, page] = session_->placeOf(m);
            if (!record.isEmpty() && (record != current_record_ || page != shownPage()))
                showRecord(record, page);
        }
}

bool ReviewPage::guarded(const std::function<void()>& edit) {
    try {
        edit();
        return true;
    } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
        return false;
    }
}

void ReviewPage::showError(const QString& text) {
    emit message(text);
    scan_label_->setText(text);
}

void ReviewPage::decideCurrent(int verdict) {
    if (findings_->currentManual()) {
        emit message(tr("A manual redaction is not a finding: Delete withdraws it, F2 changes "
                        "it."));
        return;
    }
    const QString id = findings_->currentId();
    if (id.isEmpty()) {
        emit message(tr("Select a finding first (N for the next one)."));
        return;
    }
    if (!findings_->currentDecidable()) {
        emit message(tr("Not recorded: this finding is in a record withheld in full. Nothing of "
                        "that record is disclosed, so there is nothing to decide; N goes on to "
                        "the next finding."));
        return;
    }
    QStringList ids;
    for (const QString& one : findings_->currentIds())
        if (const StoredFinding* f = session_->finding(one); f && f->decidable()) ids << one;
    // Refused (the connection was lost, another reviewer decided it first): stay on it, so
    // the reviewer sees it undecided and can act again.
    if (!guarded([&] { session_->decide(ids, static_cast<Verdict>(verdict)); })) return;
    // Go on to the next finding. Under "still to decide" a decided row leaves the list and the
    // next one is already current.
    if (findings_->currentId() == id && static_cast<Verdict>(verdict) != Verdict::Reopen)
        findings_->step(1);
}

void ReviewPage::decideGroup(bool party) {
    const QStringList ids =
        party ? findings_->idsOfCurrentParty() : findings_->idsOfCurrentCategory();
    if (ids.isEmpty()) {
        emit message(tr("Nothing left to decide there."));
        return;
    }
    guarded([&] {
        session_->decide(ids, Verdict::Approve);
        emit message(tr("Approved %1 findings (Ctrl+Z undoes it).").arg(ids.size()));
    });
}

void ReviewPage::redactBox(const Box& box) {
    const auto reason = ask_reason_(
        tr("Redact the area drawn on page %1 of %2.").arg(page_view_->page()).arg(current_record_));
    if (!reason) return;
    guarded([&] { session_->addManualBox(current_record_, page_view_->page(), box, *reason); });
}

void ReviewPage::redactPhrase() {
    const auto phrase = ask_phrase_(tr("Redact every occurrence of this phrase, in every record:"));
    if (!phrase) return;
    const auto reason = ask_reason_(tr("Redact \"%1\" everywhere.").arg(*phrase));
    if (!reason) return;
    guarded([&] { session_->addManualText(*phrase, QString(), *reason); });
}

void ReviewPage::redactSelection(const QString& text) {
    const auto reason = ask_reason_(tr("Redact \"%1\" in %2.").arg(text, current_record_));
    if (!reason) return;
    guarded([&] { session_->addManualText(text, current_record_, *reason); });
}

void ReviewPage::redactSelected() {
    QString text;
    if (viewer_->currentWidget() == text_view_) {
        text = text_view_->textCursor().selectedText();
        text.replace(QChar::ParagraphSeparator, '\n').replace(QChar::LineSeparator, '\n');
    } else {
        text = page_selection_;
    }
    text = text.trimmed();
    if (text.isEmpty()) {
        emit message(tr("Select the text first: drag over it (Shift+drag on a PDF page; three "
                        "clicks pick a whole paragraph of a text record), then X."));
        return;
    }
    redactSelection(text);
    page_selection_.clear();
    page_view_->setTextSelection({});
}

void ReviewPage::withdrawManual() {
    const auto id = findings_->currentManual();
    if (!id) {
        emit message(tr("Select a manual redaction first (listed last among the findings)."));
        return;
    }
    guarded([&] {
        session_->withdrawManual(*id);
        emit message(tr("Withdrew manual redaction M%1 (Ctrl+Z puts it back).").arg(*id));
    });
}

void ReviewPage::changeManual() {
    const auto id = findings_->currentManual();
    if (!id) {
        emit message(tr("Select a manual redaction first (listed last among the findings)."));
        return;
    }
    for (const ManualRedaction& m : session_->manualRedactions())
        if (m.id == *id && !m.withdrawn) {
            ManualDialog dialog(m, this);
            if (dialog.exec() != QDialog::Accepted) return;
            guarded([&] {
                session_->changeManual(*id, dialog.phrase(), dialog.reason());
                emit message(tr("Changed manual redaction M%1 (Ctrl+Z changes it back).").arg(*id));
            });
            return;
        }
}

} // namespace safesar::gui
