#include "export/export_dialog.hpp"

#include "export/bundle_preview.hpp"
#include "review/case_session.hpp"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace safesar::gui {

ExportDialog::ExportDialog(CaseSession* session, PageCache* cache, QWidget* parent)
    : QDialog(parent), session_(session), cache_(cache) {
    setWindowTitle(tr("Export the disclosure bundle — %1")
                       .arg(QString::fromStdString(session_->request().reference)));
    const ReviewStatus& status = session_->status();

    draft_ = new QRadioButton(tr("&Draft (watermarked; undecided findings follow the policy)"));
    final_ = new QRadioButton(tr("&Final (the bundle to send)"));
    draft_->setChecked(true);
    final_->setEnabled(status.ready_for_final());
    blockers_ = new QLabel;
    blockers_->setWordWrap(true);
    QStringList why;
    for (const std::string& b : status.blockers)
        why << QString::fromStdString(b).toHtmlEscaped();
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
    password_again_ = new QLineEdit;
    password_again_->setEchoMode(QLineEdit::Password);
    password_again_->setAccessibleName(tr("Password again"));
    dpi_ = new QSpinBox;
    dpi_->setRange(72, 600);
    dpi_->setValue(200);
    dpi_->setSuffix(" dpi");

    auto* form = new QFormLayout;
    form->addRow(tr("Output &folder:"), out_row);
    form->addRow(tr("&Password (AES-256):"), password_);
    form->addRow(tr("Password &again:"), password_again_);
    form->addRow(tr("Page &resolution:"), dpi_);

    progress_ = new QProgressBar;
    progress_->setAccessibleName(tr("Export progress"));
    progress_->hide();
    result_ = new QLabel;
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
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
    layout->addWidget(progress_);
    layout->addWidget(result_);
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
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &ExportDialog::done);
}

ExportDialog::~ExportDialog() {
    cancel_flag_ = true;
    watcher_.waitForFinished();
}

void ExportDialog::startExport() {
    if (busy_) return;
    if (password_->text() != password_again_->text()) {
        result_->setText(tr("The two passwords differ."));
        return;
    }
    scan_ = session_->sharedScan();
    if (!scan_) {
        result_->setText(tr("The records have not been scanned yet."));
        return;
    }
    exporting_final_ = final_->isChecked();
    auto reviewed = std::make_shared<ReviewedDisclosure>();
    try {
        *reviewed = session_->store().build_disclosure(*scan_, exporting_final_);
    } catch (const std::exception& e) {
        result_->setText(QString::fromStdString(e.what()).toHtmlEscaped());
        return;
    }
    version_ = reviewed->version;
    ExportOptions options;
    options.out_dir = out_dir_->text().toStdString();
    options.password = password_->text().toStdString();
    options.dpi = dpi_->value();
    options.cancel = &cancel_flag_;
    options.on_page_done = [this](int done, int total) {
        QMetaObject::invokeMethod(
            this,
            [this, done, total] {
                progress_->setRange(0, total);
                progress_->setValue(done);
            },
            Qt::QueuedConnection);
    };
    cancel_flag_ = false;
    busy_ = true;
    progress_->setRange(0, 0);
    progress_->show();
    result_->setText(tr("Exporting…"));
    export_->setEnabled(false);
    cancel_->setEnabled(true);
    preview_->setEnabled(false);
    watcher_.setFuture(QtConcurrent::run([reviewed, options]() -> Outcome {
        try {
            std::error_code ec;
            std::filesystem::create_directories(options.out_dir, ec);
            return {std::make_shared<ExportResult>(export_bundle(reviewed->disclosure, options)),
                    {}};
        } catch (const Cancelled&) {
            return {nullptr, QObject::tr("Cancelled: nothing was written.")};
        } catch (const std::exception& e) {
            return {nullptr, QString::fromStdString(e.what())};
        }
    }));
}

void ExportDialog::cancelExport() {
    cancel_flag_ = true;
}

void ExportDialog::done() {
    const Outcome outcome = watcher_.result();
    busy_ = false;
    progress_->hide();
    export_->setEnabled(true);
    cancel_->setEnabled(false);
    if (!outcome.result) {
        result_->setText(tr("<b>Not exported.</b> %1").arg(outcome.error.toHtmlEscaped()));
        emit finished(false);
        return;
    }
    last_ = outcome.result;
    const ExportResult& r = *last_;
    try {
        session_->store().record_export(r, exporting_final_, version_,
                                        session_->reviewer().toStdString());
        session_->refresh();
    } catch (const std::exception& e) {
        result_->setText(
            tr("Exported, but the audit entry failed: %1").arg(QString::fromStdString(e.what())));
    }
    QString text = tr("<b>%1 bundle written and verified</b>: every page and the JSON were re-read "
                      "and no withheld text was found.<br>%2 pages, %3 redactions.<br>%4<br>%5")
                       .arg(exporting_final_ ? tr("Final") : tr("Draft"))
                       .arg(r.pages)
                       .arg(r.redactions)
                       .arg(QString::fromStdString(r.pdf.string()).toHtmlEscaped(),
                            QString::fromStdString(r.json.string()).toHtmlEscaped());
    for (const std::string& w : r.warnings)
        text += "<br>" + tr("Note: ") + QString::fromStdString(w).toHtmlEscaped();
    result_->setText(text);
    preview_->setEnabled(true);
    emit finished(true);
}

void ExportDialog::showPreview() {
    if (!last_) return;
    DocumentSource source;
    source.path = QString::fromStdString(last_->pdf.string());
    source.password = password_->text().toUtf8();
    auto* preview = new BundlePreview(source, cache_, this);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->show();
}

} // namespace safesar::gui
