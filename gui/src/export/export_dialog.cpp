#include "export/export_dialog.hpp"

#include "export/bundle_preview.hpp"
#include "review/case_session.hpp"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace safesar::gui {

namespace {

QString html(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

// What the reviewer reads about one verifier finding: the text, its reason, where it is.
QString describe(const LeakFinding& leak) {
    QString line =
        QObject::tr("[%1] \u201c%2\u201d, redacted in \u201c%3\u201d, is still readable in: %4")
            .arg(QString::fromStdString(leak.code), QString::fromStdString(leak.text),
                 QString::fromStdString(leak.record));
    QStringList places;
    for (const std::string& p : leak.places)
        places << QString::fromStdString(p);
    line = line.arg(places.join("; "));
    if (!leak.kept_in.empty()) {
        QStringList kept;
        for (const std::string& t : leak.kept_in)
            kept << QString::fromStdString(t);
        line += QObject::tr(" (kept unredacted in %1)").arg(kept.join(", "));
    }
    return line;
}

} // namespace

ExportDialog::ExportDialog(CaseSession* session, PageCache* cache, QWidget* parent)
    : QDialog(parent), session_(session), cache_(cache) {
    setWindowTitle(tr("Export the disclosure bundle — %1")
                       .arg(QString::fromStdString(session_->request().reference)));
    const ReviewStatus& status = session_->status();

    draft_ = new QRadioButton(tr("&Draft (watermarked; undecided findings follow the policy)"));
    final_ = new QRadioButton(tr("&Final (the bundle to send)"));
    // Final when it is possible: that is what a reviewer who has finished came here for.
    final_->setEnabled(status.ready_for_final());
    (status.ready_for_final() ? final_ : draft_)->setChecked(true);
    blockers_ = new QLabel;
    blockers_->setWordWrap(true);
    QStringList why;
    for (const std::string& b : status.blockers)
        why << html(b);
    blockers_->setText(why.isEmpty()
                           ? tr("The review is complete: a final export is possible.")
                           : tr("A final export is not possible yet:<br>") + why.join("<br>"));

    out_dir_ =
        new QLineEdit(QString::fromStdString((session_->request().folder / "exports").string()));
    out_dir_->setAccessibleName(tr("Output folder"));
    auto* browse = new QPushButton(tr("&Browse…"));
    auto* out_row = new QHBoxLayout;
    out_row->addWidget(out_dir_, 1);
    out_row->addWidget(browse);
    password_ = new QLineEdit;
    password_->setEchoMode(QLineEdit::Password);
    password_->setAccessibleName(tr("Password"));
    password_->setPlaceholderText(tr("empty: not encrypted"));
    password_->setToolTip(tr("With a password the PDF is encrypted (AES-256) and the JSON is "
                             "put inside it, so nothing is readable without the password."));
    password_again_ = new QLineEdit;
    password_again_->setEchoMode(QLineEdit::Password);
    password_again_->setAccessibleName(tr("Password again"));
    dpi_ = new QSpinBox;
    dpi_->setRange(72, 600);
    dpi_->setValue(200);
    dpi_->setSuffix(" dpi");

    auto* form = new QFormLayout;
    auto* out_label = new QLabel(tr("Output &folder:"));
    out_label->setBuddy(out_dir_); // the row is a layout: the label needs its field named
    form->addRow(out_label, out_row);
    form->addRow(tr("&Password (AES-256):"), password_);
    form->addRow(tr("Password &again:"), password_again_);
    form->addRow(tr("Page &resolution:"), dpi_);

    stage_ = new QLabel;
    stage_->hide();
    progress_ = new QProgressBar;
    progress_->setAccessibleName(tr("Export progress"));
    progress_->hide();
    result_ = new QLabel;
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    leak_list_ = new QListWidget;
    leak_list_->setAccessibleName(tr("Redacted text still readable"));
    leak_list_->setWordWrap(true);
    leak_list_->hide();
    redact_remaining_ = new QPushButton(tr("&Redact these occurrences and export again"));
    redact_remaining_->hide();
    export_ = new QPushButton(tr("E&xport"));
    export_->setDefault(true);
    cancel_ = new QPushButton(tr("Cancel export"));
    cancel_->setEnabled(false);
    preview_ = new QPushButton(tr("&Preview the bundle"));
    preview_->setEnabled(false);
    auto* close = new QPushButton(tr("Close"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(export_);
    buttons->addWidget(cancel_);
    buttons->addWidget(preview_);
    buttons->addStretch();
    buttons->addWidget(close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(draft_);
    layout->addWidget(final_);
    layout->addWidget(blockers_);
    layout->addLayout(form);
    layout->addWidget(stage_);
    layout->addWidget(progress_);
    layout->addWidget(result_);
    layout->addWidget(leak_list_);
    layout->addWidget(redact_remaining_);
    layout->addLayout(buttons);

    setMinimumWidth(680);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Output folder"), out_dir_->text());
        if (!dir.isEmpty()) out_dir_->setText(dir);
    });
    connect(export_, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(cancel_, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    connect(preview_, &QPushButton::clicked, this, &ExportDialog::showPreview);
    connect(redact_remaining_, &QPushButton::clicked, this,
            &ExportDialog::redactRemainingAndExport);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &ExportDialog::done);
}

ExportDialog::~ExportDialog() {
    cancel_flag_ = true;
    watcher_.waitForFinished();
}

void ExportDialog::showProgress(ExportStage stage, int done, int total) {
    switch (stage) {
    case ExportStage::Scanning:
        stage_->setText(tr("Reading the records as they are now…"));
        break;
    case ExportStage::Writing:
        stage_->setText(tr("Writing the bundle…"));
        break;
    case ExportStage::Verifying:
        stage_->setText(tr("Checking the bundle for anything redacted…"));
        progress_->setRange(0, 0);
        return;
    }
    progress_->setRange(0, total);
    progress_->setValue(done);
}

void ExportDialog::startExport() {
    if (busy_) return;
    if (password_->text() != password_again_->text()) {
        result_->setText(tr("The two passwords differ."));
        return;
    }
    exporting_final_ = final_->isChecked();
    password_used_ = password_->text();
    CaseExportOptions options;
    options.acting = session_->identityProvider();
    options.bundle.out_dir = out_dir_->text().toStdString();
    options.bundle.password = password_used_.toStdString();
    options.bundle.dpi = dpi_->value();
    options.cancel = &cancel_flag_;
    options.on_progress = [this](ExportStage stage, int done, int total) {
        QMetaObject::invokeMethod(
            this, [this, stage, done, total] { showProgress(stage, done, total); },
            Qt::QueuedConnection);
    };
    cancel_flag_ = false;
    busy_ = true;
    leaks_.clear();
    leak_list_->clear();
    leak_list_->hide();
    redact_remaining_->hide();
    progress_->setRange(0, 0);
    progress_->show();
    stage_->show();
    result_->setText(tr("Exporting…"));
    export_->setEnabled(false);
    cancel_->setEnabled(true);
    preview_->setEnabled(false);
    const std::filesystem::path folder = session_->request().folder;
    const bool final = exporting_final_;
    watcher_.setFuture(QtConcurrent::run([folder, final, options]() -> Outcome {
        try {
            return {
                std::make_shared<CaseExport>(export_reviewed_case(folder, final, options)), {}, {}};
        } catch (const Cancelled&) {
            return {nullptr, QObject::tr("Cancelled: nothing was written."), {}};
        } catch (const VerificationFailed& e) {
            return {nullptr, QString::fromStdString(e.what()), e.leaks()};
        } catch (const std::exception& e) {
            return {nullptr, QString::fromStdString(e.what()), {}};
        }
    }));
}

void ExportDialog::cancelExport() {
    cancel_flag_ = true;
}

void ExportDialog::showLeaks() {
    leak_list_->clear();
    for (const LeakFinding& leak : leaks_)
        leak_list_->addItem(describe(leak));
    leak_list_->setVisible(!leaks_.empty());
    redact_remaining_->setVisible(!leaks_.empty());
}

void ExportDialog::redactRemainingAndExport() {
    if (busy_ || leaks_.empty()) return;
    try {
        redact_remaining_occurrences(session_->request().folder, leaks_,
                                     session_->identityProvider());
        session_->refresh();
    } catch (const std::exception& e) {
        result_->setText(tr("<b>Not redacted.</b> %1").arg(html(e.what())));
        return;
    }
    // A change after sign-off needs signing again: a final export may no longer be possible.
    if (exporting_final_ && !session_->status().ready_for_final()) {
        final_->setEnabled(false);
        draft_->setChecked(true);
        leaks_.clear();
        showLeaks();
        result_->setText(tr("The remaining occurrences are redacted. The review changed, so it "
                            "needs signing off again before a final export."));
        return;
    }
    startExport();
}

void ExportDialog::done() {
    Outcome outcome = watcher_.result();
    busy_ = false;
    progress_->hide();
    stage_->hide();
    export_->setEnabled(true);
    cancel_->setEnabled(false);
    if (!outcome.result) {
        leaks_ = std::move(outcome.leaks);
        QString text = tr("<b>Not exported.</b> %1").arg(outcome.error.toHtmlEscaped());
        if (!leaks_.empty())
            text += "<br>" + tr("Redacted text is still readable in the bundle at the places "
                                "below. Redact these occurrences (recorded as manual "
                                "redactions) and export again, or review the records first.");
        result_->setText(text);
        showLeaks();
        emit finished(false);
        return;
    }
    last_ = outcome.result;
    const ExportResult& r = last_->bundle;
    QString text = tr("<b>%1 bundle written and verified</b>: every page and the JSON were re-read "
                      "and no withheld text was found.<br>%2 pages, %3 redactions.<br>%4")
                       .arg(exporting_final_ ? tr("Final") : tr("Draft"))
                       .arg(r.pages)
                       .arg(r.redactions)
                       .arg(html(r.pdf.string()));
    if (r.json_embedded)
        text += "<br>" + tr("<b>Encrypted (AES-256):</b> the PDF, and the JSON (%1) inside it as "
                            "its only attachment. Nothing is readable without the password.")
                             .arg(html(r.json_name));
    else
        text += "<br>" + html(r.json.string()) + "<br>" +
                tr("<b>Not encrypted:</b> anyone who has the files can read them.");
    text += "<br>" + tr("The controller's schedule (what was withheld, by name; never to be "
                        "disclosed): %1")
                         .arg(html(last_->controller_schedule.string()));
    const ScanRecorded& changed = last_->scan_recorded;
    if (changed.new_findings > 0 || changed.reopened > 0 || changed.gone > 0)
        text += "<br>" + tr("The records changed since the last scan (%1 new, %2 reopened, %3 "
                            "gone findings): the review is being refreshed.")
                             .arg(changed.new_findings)
                             .arg(changed.reopened)
                             .arg(changed.gone);
    for (const std::string& note : last_->notes)
        text += "<br>" + tr("Note: ") + html(note);
    for (const std::string& w : r.warnings)
        text += "<br>" + tr("Note: ") + html(w);
    for (const ExportOmission& o : r.omissions)
        text += "<br><b>" + tr("Not in the bundle: ") + "</b>" + html(o.record + ": " + o.what);
    result_->setText(text);
    preview_->setEnabled(true);
    session_->refresh();
    if (changed.new_findings > 0 || changed.reopened > 0 || changed.gone > 0)
        session_->startScan(); // the review window shows what the export found
    emit finished(true);
}

void ExportDialog::showPreview() {
    if (!last_) return;
    DocumentSource source;
    source.path = QString::fromStdString(last_->bundle.pdf.string());
    source.password = password_used_.toUtf8();
    auto* preview = new BundlePreview(source, cache_, this);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->show();
}

} // namespace safesar::gui
