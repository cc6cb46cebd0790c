#include "review/review_page.hpp"

#include "review/case_session.hpp"
#include "review/findings_panel.hpp"
#include "review/reason_picker.hpp"
#include "review/safety_panel.hpp"
#include "viewer/page_cache.hpp"
#include "viewer/page_view.hpp"
#include "viewer/text_record_view.hpp"
#include "viewer/thumbnail_model.hpp"

#include <QAction>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace safesar::gui {

ReviewPage::ReviewPage(PageCache* cache, QWidget* parent)
    : QWidget(parent), cache_(cache), session_(new CaseSession(this)) {
    ask_reason_ = [this](const QString& what) { return choose_reason(this, what); };
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
        "QLabel { background: #8b0000; color: white; padding: 6px; font-weight: bold; }");
    banner_->hide();
    toolbar_ = new QToolBar(tr("Review"));
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextOnly);

    records_ = new QListWidget;
    records_->setAccessibleName(tr("Records"));
    thumbnail_model_ = new ThumbnailModel(cache_, this);
    thumbnails_ = new QListView;
    thumbnails_->setModel(thumbnail_model_);
    thumbnails_->setViewMode(QListView::IconMode);
    thumbnails_->setFlow(QListView::LeftToRight);
    thumbnails_->setWrapping(true);
    thumbnails_->setResizeMode(QListView::Adjust);
    thumbnails_->setUniformItemSizes(true);
    thumbnails_->setIconSize(
        QSize(140 * ThumbnailModel::kDpi / 72 + 4, 200 * ThumbnailModel::kDpi / 72 + 4));
    thumbnails_->setGridSize(QSize(64, 80));
    thumbnails_->setAccessibleName(tr("Page thumbnails"));
    auto* left = new QSplitter(Qt::Vertical);
    left->addWidget(records_);
    left->addWidget(thumbnails_);

    page_view_ = new PageView(cache_);
    page_scroll_ = new QScrollArea;
    page_scroll_->setWidget(page_view_);
    page_scroll_->setAlignment(Qt::AlignHCenter);
    page_scroll_->setAccessibleName(tr("Page area"));
    text_view_ = new TextRecordView;
    viewer_ = new QStackedWidget;
    viewer_->addWidget(page_scroll_);
    viewer_->addWidget(text_view_);
    page_label_ = new QLabel;
    auto* middle = new QWidget;
    auto* middle_layout = new QVBoxLayout(middle);
    middle_layout->setContentsMargins(0, 0, 0, 0);
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
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    split->setSizes({220, 640, 420});

    progress_ = new QProgressBar;
    progress_->setAccessibleName(tr("Scan progress"));
    cancel_scan_ = new QPushButton(tr("Cancel scan"));
    scan_label_ = new QLabel;
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(scan_label_, 1);
    bottom->addWidget(progress_);
    bottom->addWidget(cancel_scan_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(banner_);
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
    connect(page_view_, &PageView::overlayClicked, this, [this](const QString& id) {
        if (!id.isEmpty()) findings_->select(id);
    });
    connect(text_view_, &TextRecordView::overlayClicked, this, [this](const QString& id) {
        if (!id.isEmpty()) findings_->select(id);
    });
    connect(page_view_, &PageView::boxDrawn, this, &ReviewPage::redactBox);
    connect(page_view_, &PageView::textAreaDrawn, this, [this](const Box& area) {
        const QString words = session_->wordsIn(current_record_, page_view_->page(), area);
        if (words.isEmpty()) {
            emit message(tr("No text there: drag without Shift to redact the area itself."));
            return;
        }
        redactSelection(words);
    });
    connect(text_view_, &TextRecordView::redactSelectionRequested, this,
            &ReviewPage::redactSelection);
    connect(safety_, &SafetyPanel::error, this, &ReviewPage::showError);
    connect(cancel_scan_, &QPushButton::clicked, session_, &CaseSession::cancelScan);

    connect(session_, &CaseSession::changed, this, &ReviewPage::rebuildAll);
    connect(session_, &CaseSession::stateChanged, this, [this](const QStringList& ids) {
        findings_->updateFindings(ids);
        safety_->rebuild();
        refreshOverlays();
        updateActions();
    });
    connect(session_, &CaseSession::scanProgress, this, [this](int done, int total) {
        progress_->setRange(0, total);
        progress_->setValue(done);
        scan_label_->setText(tr("Reading records: %1 of %2 files…").arg(done).arg(total));
    });
    connect(session_, &CaseSession::scanned, this, [this](const QString& summary) {
        progress_->hide();
        cancel_scan_->hide();
        scan_label_->setText(tr("Scanned: %1").arg(summary));
        refreshRecordList();
        showRecord(current_record_, page_view_->page());
        emit message(tr("Scan finished: %1").arg(summary));
    });
    connect(session_, &CaseSession::scanFailed, this, [this](const QString& reason) {
        progress_->hide();
        cancel_scan_->hide();
        scan_label_->setText(tr("Scan stopped: %1").arg(reason));
        updateActions();
    });
}

QAction* ReviewPage::addAction(const QString& name, const QString& text, const QKeySequence& key,
                               std::function<void()> run) {
    auto* a = new QAction(text, this);
    a->setObjectName(name);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (!key.isEmpty()) a->setToolTip(text + " (" + key.toString(QKeySequence::NativeText) + ")");
    connect(a, &QAction::triggered, this, std::move(run));
    QWidget::addAction(a);
    return a;
}

QAction* ReviewPage::action(const QString& name) const {
    return findChild<QAction*>(name);
}

void ReviewPage::buildActions() {
    toolbar_->addAction(addAction("back", tr("Requests"), QKeySequence(Qt::ALT | Qt::Key_Left),
                                  [this] { emit closeRequested(); }));
    toolbar_->addSeparator();
    toolbar_->addAction(addAction("previous_page", tr("◀ Page"), QKeySequence(Qt::Key_PageUp),
                                  [this] { goToPage(page_view_->page() - 1); }));
    toolbar_->addAction(addAction("next_page", tr("Page ▶"), QKeySequence(Qt::Key_PageDown),
                                  [this] { goToPage(page_view_->page() + 1); }));
    toolbar_->addAction(addAction("zoom_out", tr("−"), QKeySequence::ZoomOut,
                                  [this] { page_view_->setZoom(page_view_->zoom() / 1.2); }));
    toolbar_->addAction(addAction("zoom_in", tr("+"), QKeySequence::ZoomIn,
                                  [this] { page_view_->setZoom(page_view_->zoom() * 1.2); }));
    toolbar_->addAction(
        addAction("fit_width", tr("Fit width"), QKeySequence(Qt::CTRL | Qt::Key_0),
                  [this] { page_view_->fitWidth(page_scroll_->viewport()->width()); }));
    toolbar_->addSeparator();
    addAction("next_finding", tr("Next finding"), QKeySequence(Qt::Key_N), [this] {
        findings_->step(1);
    })->setShortcuts({QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_J)});
    addAction("previous_finding", tr("Previous finding"), QKeySequence(Qt::Key_P), [this] {
        findings_->step(-1);
    })->setShortcuts({QKeySequence(Qt::Key_P), QKeySequence(Qt::Key_K)});
    toolbar_->addAction(addAction("approve", tr("&Approve"), QKeySequence(Qt::Key_A),
                                  [this] { decideCurrent(static_cast<int>(Verdict::Approve)); }));
    toolbar_->addAction(addAction("reject", tr("&Reject"), QKeySequence(Qt::Key_R),
                                  [this] { decideCurrent(static_cast<int>(Verdict::Reject)); }));
    addAction("reopen", tr("Undecide"), QKeySequence(Qt::Key_U),
              [this] { decideCurrent(static_cast<int>(Verdict::Reopen)); });
    toolbar_->addAction(addAction("approve_category", tr("Approve category"),
                                  QKeySequence(Qt::SHIFT | Qt::Key_A),
                                  [this] { decideGroup(false); }));
    toolbar_->addAction(addAction("approve_party", tr("Approve party"),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                                  [this] { decideGroup(true); }));
    toolbar_->addAction(addAction("undo", tr("Undo"), QKeySequence(Qt::CTRL | Qt::Key_Z),
                                  [this] { guarded([this] { session_->undo(); }); }));
    QAction* redo = addAction("redo", tr("Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                              [this] { guarded([this] { session_->redo(); }); });
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    toolbar_->addAction(redo);
    toolbar_->addSeparator();
    addAction("findings", tr("Findings"), QKeySequence(Qt::CTRL | Qt::Key_1), [this] {
        side_->setCurrentWidget(findings_);
        findings_->tree()->setFocus();
    });
    toolbar_->addAction(addAction("redact_phrase", tr("Redact phrase…"), QKeySequence::Find,
                                  [this] { redactPhrase(); }));
    toolbar_->addAction(addAction("safety", tr("Safety"), QKeySequence(Qt::CTRL | Qt::Key_2),
                                  [this] { side_->setCurrentWidget(safety_); }));
    toolbar_->addAction(addAction("rescan", tr("Rescan"), QKeySequence(Qt::Key_F5), [this] {
        if (session_->scanning()) return;
        progress_->show();
        cancel_scan_->show();
        progress_->setRange(0, 0);
        scan_label_->setText(tr("Reading records…"));
        session_->startScan();
        updateActions();
    }));
    toolbar_->addAction(addAction("export", tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                                  [this] { emit exportRequested(); }));
}

void ReviewPage::openCase(const std::filesystem::path& folder) {
    session_->open(folder);
    const Case& c = session_->request();
    banner_->setVisible(session_->perpetratorRequest());
    banner_->setText(
        tr("⚠ PERPETRATOR REQUEST — %1. The requester may be the person others fled from: check "
           "every address, school, workplace and phone number. A final export needs two "
           "different reviewers' sign-offs and every risk closed.")
            .arg(QString::fromStdString(c.reference)));
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

void ReviewPage::refreshRecordList() {
    const QSignalBlocker block(records_);
    records_->clear();
    for (const RecordEntry& r : session_->records()) {
        QString text = r.name;
        if (r.withheld) text += tr("  [withheld in full]");
        if (!r.skipped_reason.isEmpty()) text += tr("  [could not be read]");
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
        page_view_->showPage(r->source, page);
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
}

void ReviewPage::goToPage(int page) {
    if (viewer_->currentWidget() != page_scroll_ || page < 1 || page > page_view_->pageCount())
        return;
    page_view_->showPage(page_view_->document(), page);
    thumbnails_->setCurrentIndex(thumbnail_model_->index(page - 1));
    refreshOverlays();
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
    findings_->rebuild();
    safety_->rebuild();
    refreshOverlays();
    updateActions();
}

void ReviewPage::updateActions() {
    const bool scanned = session_->scan() != nullptr;
    action("undo")->setEnabled(session_->canUndo());
    action("undo")->setText(session_->canUndo() ? tr("Undo %1").arg(session_->undoLabel())
                                                : tr("Undo"));
    action("redo")->setEnabled(session_->canRedo());
    action("redo")->setText(session_->canRedo() ? tr("Redo %1").arg(session_->redoLabel())
                                                : tr("Redo"));
    action("export")->setEnabled(scanned && !session_->scanning());
    action("rescan")->setEnabled(!session_->scanning());
    action("redact_phrase")->setEnabled(scanned);
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

void ReviewPage::guarded(const std::function<void()>& edit) {
    try {
        edit();
    } catch (const std::exception& e) {
        showError(QString::fromStdString(e.what()));
    }
}

void ReviewPage::showError(const QString& text) {
    emit message(text);
    scan_label_->setText(text);
}

void ReviewPage::decideCurrent(int verdict) {
    const QString id = findings_->currentId();
    if (id.isEmpty()) {
        emit message(tr("Select a finding first (N for the next one)."));
        return;
    }
    guarded([&] { session_->decide({id}, static_cast<Verdict>(verdict)); });
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

} // namespace safesar::gui
