#include "review/safety_panel.hpp"

#include "app/local_time.hpp"
#include "review/case_session.hpp"
#include "review/note_dialog.hpp"
#include "review/signoff_dialog.hpp"

#include <QFont>
#include <QLabel>
#include <QListWidget>
#include <QPalette>
#include <QPushButton>
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>

namespace safesar::gui {

SafetyPanel::SafetyPanel(CaseSession* session, QWidget* parent)
    : QWidget(parent), session_(session) {
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    summary_->setAccessibleName(tr("Safety summary"));
    risks_ = new QListWidget;
    risks_->setAccessibleName(tr("Safety risks"));
    risks_->setWordWrap(true);
    acknowledge_ = new QPushButton(tr("&Acknowledge the selected risk…"));
    pages_ = new QLabel;
    pages_->setWordWrap(true);
    read_ = new QPushButton(tr("Read every page, page by page…"));
    signoffs_ = new QLabel;
    signoffs_->setWordWrap(true);
    signoff_ = new QPushButton(tr("&Sign off this review…"));
    blockers_ = new QLabel;
    blockers_->setWordWrap(true);
    blockers_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    auto* risks_label = new QLabel(tr("&Risks:"));
    risks_label->setBuddy(risks_);
    layout->addWidget(risks_label);
    layout->addWidget(risks_, 1);
    layout->addWidget(acknowledge_);
    layout->addWidget(pages_);
    layout->addWidget(read_);
    layout->addWidget(signoffs_);
    layout->addWidget(signoff_);
    layout->addWidget(blockers_);

    connect(acknowledge_, &QPushButton::clicked, this, &SafetyPanel::acknowledgeSelected);
    connect(signoff_, &QPushButton::clicked, this, &SafetyPanel::signOff);
    connect(read_, &QPushButton::clicked, this, &SafetyPanel::readRequested);
}

void SafetyPanel::rebuild() {
    const ReviewStatus& s = session_->status();
    // What a final export needs is the profile's (its file's "review"), read through the status.
    QString summary = session_->profile().requester_may_be_perpetrator
                          ? tr("<b>Perpetrator request.</b> ")
                          : QString();
    summary += tr("%1 proposed redactions still to decide, %2 open risks")
                   .arg(s.undecided)
                   .arg(s.open_risks.size());
    if (s.pages_must_be_read)
        summary += tr(", %1 of %2 pages read").arg(s.pages_read).arg(s.pages_total);
    summary += ".";
    QStringList needs;
    if (s.pages_must_be_read) needs << tr("every page read");
    if (s.signoffs_needed > 0)
        needs << tr("%1 sign-offs by different accounts").arg(s.signoffs_needed);
    if (!needs.isEmpty()) summary += tr(" A final export needs %1.").arg(needs.join(tr(" and ")));
    summary_->setText(summary);
    // Open risks first; acknowledged ones stay, struck through, with who, when and the note.
    const QString keep =
        risks_->currentItem() ? risks_->currentItem()->data(Qt::UserRole).toString() : QString();
    risks_->clear();
    std::vector<StoredRisk> all = session_->store().risks();
    std::stable_partition(all.begin(), all.end(), [](const StoredRisk& r) { return r.open(); });
    for (const StoredRisk& r : all) {
        if (r.gone) continue;
        const QString risk =
            QString::fromStdString(r.record) + ": " + QString::fromStdString(r.what);
        auto* item = new QListWidgetItem;
        item->setData(Qt::UserRole, QString::fromStdString(r.id));
        risks_->addItem(item);
        if (r.open()) {
            item->setText(risk);
            item->setData(Qt::AccessibleTextRole, tr("Open risk: ") + risk);
            if (item->data(Qt::UserRole).toString() == keep) risks_->setCurrentItem(item);
            continue;
        }
        // Acknowledged: the risk struck through; who, when and the note stay readable.
        const QString acknowledged =
            tr("acknowledged by %1, %2: %3")
                .arg(QString::fromStdString(s.who(r.acknowledged_by)),
                     local_time(r.acknowledged_at), QString::fromStdString(r.comment));
        item->setData(Qt::AccessibleTextRole,
                      tr("Acknowledged risk: ") + risk + ". " + acknowledged);
        item->setData(kAcknowledgedRole, true);
        item->setFlags(item->flags() & ~Qt::ItemIsSelectable);
        auto* label =
            new QLabel("<s>" + risk.toHtmlEscaped() + "</s><br>" + acknowledged.toHtmlEscaped());
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setContentsMargins(4, 2, 4, 2);
        label->setForegroundRole(QPalette::PlaceholderText);
        label->setAccessibleName(item->data(Qt::AccessibleTextRole).toString());
        risks_->setItemWidget(item, label);
    }
    fitRiskRows();
    acknowledge_->setEnabled(!s.open_risks.empty());

    pages_->setText(
        tr("Pages read: <b>%1 of %2</b>%3")
            .arg(s.pages_read)
            .arg(s.pages_total)
            .arg(s.pages_must_be_read ? tr(" — every one, before a final export") : QString()));
    QStringList lines;
    for (const SignOff& o : s.signoffs)
        lines << tr("%1, %2%3")
                     .arg(QString::fromStdString(s.who(o.reviewer)).toHtmlEscaped(),
                          local_time(o.at).toHtmlEscaped(),
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

void SafetyPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitRiskRows();
}

// An acknowledged risk's row is as tall as its wrapped text at the list's width.
void SafetyPanel::fitRiskRows() {
    const int width = std::max(120, risks_->viewport()->width() - 4);
    for (int i = 0; i < risks_->count(); ++i)
        if (auto* label = qobject_cast<QLabel*>(risks_->itemWidget(risks_->item(i))))
            risks_->item(i)->setSizeHint(QSize(width, label->heightForWidth(width) + 4));
}

void SafetyPanel::acknowledgeSelected() {
    QListWidgetItem* item = risks_->currentItem();
    for (int i = 0; !item && i < risks_->count(); ++i)
        if (risks_->item(i)->flags() & Qt::ItemIsSelectable) item = risks_->item(i);
    if (!item || !(item->flags() & Qt::ItemIsSelectable)) return;
    NoteDialog dialog(tr("Acknowledge a risk"), item->text(),
                      tr("What did you &check? (Required. Kept in the case's state, never in "
                         "the bundle.)"),
                      tr("Acknowledge"), true, this);
    if (dialog.exec() != QDialog::Accepted) return;
    try {
        session_->acknowledgeRisk(item->data(Qt::UserRole).toString(), dialog.note());
    } catch (const std::exception& e) {
        emit error(QString::fromStdString(e.what()));
    }
}

void SafetyPanel::signOff() {
    SignoffDialog dialog(session_, this);
    if (dialog.exec() != QDialog::Accepted) return;
    try {
        session_->signOff(dialog.comment());
    } catch (const std::exception& e) {
        emit error(QString::fromStdString(e.what()));
    }
}

} // namespace safesar::gui
