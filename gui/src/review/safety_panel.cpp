#include "review/safety_panel.hpp"

#include "review/case_session.hpp"

#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace safesar::gui {

SafetyPanel::SafetyPanel(CaseSession* session, QWidget* parent)
    : QWidget(parent), session_(session) {
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    risks_ = new QListWidget;
    risks_->setAccessibleName(tr("Open safety risks"));
    risks_->setWordWrap(true);
    acknowledge_ = new QPushButton(tr("&Acknowledge the selected risk…"));
    signoffs_ = new QLabel;
    signoffs_->setWordWrap(true);
    signoff_ = new QPushButton(tr("&Sign off this review…"));
    blockers_ = new QLabel;
    blockers_->setWordWrap(true);
    blockers_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    auto* risks_label = new QLabel(tr("Open &risks:"));
    risks_label->setBuddy(risks_);
    layout->addWidget(risks_label);
    layout->addWidget(risks_, 1);
    layout->addWidget(acknowledge_);
    layout->addWidget(signoffs_);
    layout->addWidget(signoff_);
    layout->addWidget(blockers_);

    connect(acknowledge_, &QPushButton::clicked, this, &SafetyPanel::acknowledgeSelected);
    connect(signoff_, &QPushButton::clicked, this, &SafetyPanel::signOff);
}

void SafetyPanel::rebuild() {
    const ReviewStatus& s = session_->status();
    int to_decide = s.undecided;
    summary_->setText(
        session_->perpetratorRequest()
            ? tr("<b>Perpetrator request.</b> %1 proposed redactions still to decide, %2 open "
                 "risks. A final export needs %3 more sign-off(s) by different reviewers.")
                  .arg(to_decide)
                  .arg(s.open_risks.size())
                  .arg(s.signoffs_needed)
            : tr("%1 proposed redactions still to decide, %2 open risks.")
                  .arg(to_decide)
                  .arg(s.open_risks.size()));
    risks_->clear();
    for (const StoredRisk& r : s.open_risks) {
        auto* item = new QListWidgetItem(QString::fromStdString(r.record) + ": " +
                                         QString::fromStdString(r.what));
        item->setData(Qt::UserRole, QString::fromStdString(r.id));
        risks_->addItem(item);
    }
    acknowledge_->setEnabled(!s.open_risks.empty());
    QStringList lines;
    for (const SignOff& o : s.signoffs)
        lines << tr("%1 at %2%3")
                     .arg(QString::fromStdString(o.reviewer), QString::fromStdString(o.at),
                          o.current ? QString() : tr(" (before later changes: does not count)"));
    signoffs_->setText(lines.isEmpty() ? tr("No sign-offs yet.")
                                       : tr("Sign-offs:<br>") + lines.join("<br>"));
    QStringList blockers;
    for (const std::string& b : s.blockers)
        blockers << QString::fromStdString(b).toHtmlEscaped();
    blockers_->setText(blockers.isEmpty() ? tr("<b>Ready for a final export.</b>")
                                          : tr("<b>A final export is not possible yet:</b><br>") +
                                                blockers.join("<br>"));
}

void SafetyPanel::acknowledgeSelected() {
    QListWidgetItem* item = risks_->currentItem();
    if (!item) item = risks_->item(0);
    if (!item) return;
    bool ok = false;
    const QString comment = QInputDialog::getText(
        this, tr("Acknowledge risk"),
        tr("%1\n\nWhat was checked (kept in the case's state, never in the bundle):")
            .arg(item->text()),
        QLineEdit::Normal, {}, &ok);
    if (!ok) return;
    try {
        session_->acknowledgeRisk(item->data(Qt::UserRole).toString(), comment);
    } catch (const std::exception& e) {
        emit error(QString::fromStdString(e.what()));
    }
}

void SafetyPanel::signOff() {
    bool ok = false;
    const QString comment = QInputDialog::getText(
        this, tr("Sign off"),
        tr("Sign off the review as %1. Comment (optional):").arg(session_->reviewer()),
        QLineEdit::Normal, {}, &ok);
    if (!ok) return;
    try {
        session_->signOff(comment);
    } catch (const std::exception& e) {
        emit error(QString::fromStdString(e.what()));
    }
}

} // namespace safesar::gui
