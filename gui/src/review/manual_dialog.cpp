#include "review/manual_dialog.hpp"

#include "app/window_fit.hpp"
#include "safesar/review.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace safesar::gui {

ManualDialog::ManualDialog(const ManualRedaction& m, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Change manual redaction M%1").arg(m.id));
    auto* form = new QFormLayout(this);
    if (m.kind == ManualRedaction::Kind::Text) {
        phrase_ = new QLineEdit(QString::fromStdString(m.phrase));
        phrase_->setAccessibleName(tr("Text to redact"));
        form->addRow(tr("&Text to redact:"), phrase_);
        form->addRow(
            new QLabel(m.record.empty()
                           ? tr("Every occurrence, in every record.")
                           : tr("Every occurrence in %1.").arg(QString::fromStdString(m.record))));
    } else {
        form->addRow(new QLabel(tr("The area drawn on page %1 of %2.")
                                    .arg(m.page)
                                    .arg(QString::fromStdString(m.record))));
    }
    reason_ = new QComboBox;
    reason_->setAccessibleName(tr("Reason"));
    for (const Reason& r : reason_codes()) {
        reason_->addItem(QString::fromStdString(r.code) + " — " +
                             QString::fromStdString(r.citation),
                         QString::fromStdString(r.code));
        if (r.code == m.reason) reason_->setCurrentIndex(reason_->count() - 1);
    }
    form->addRow(tr("&Reason the requester sees:"), reason_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    ok_ = buttons->addButton(tr("Change"), QDialogButtonBox::AcceptRole);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (phrase_)
        connect(phrase_, &QLineEdit::textChanged, this,
                [this] { ok_->setEnabled(phrase().size() >= 2); });
    setMinimumWidth(480);
    fit_dialog(this);
}

QString ManualDialog::phrase() const {
    return phrase_ ? phrase_->text().trimmed() : QString();
}

QString ManualDialog::reason() const {
    return reason_->currentData().toString();
}

} // namespace safesar::gui
