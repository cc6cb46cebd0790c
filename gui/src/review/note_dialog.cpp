#include "review/note_dialog.hpp"

#include "app/window_fit.hpp"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace safesar::gui {

NoteDialog::NoteDialog(const QString& title, const QString& what, const QString& prompt,
                       const QString& ok_text, bool required, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(title);
    auto* what_label = new QLabel(what);
    what_label->setWordWrap(true);
    what_label->setTextFormat(Qt::PlainText);
    auto* prompt_label = new QLabel(prompt);
    prompt_label->setWordWrap(true);
    note_ = new QPlainTextEdit;
    note_->setAccessibleName(prompt);
    note_->setTabChangesFocus(true);
    prompt_label->setBuddy(note_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    ok_ = buttons->addButton(ok_text, QDialogButtonBox::AcceptRole);
    ok_->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what_label);
    layout->addWidget(prompt_label);
    layout->addWidget(note_, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (required) {
        ok_->setEnabled(false);
        connect(note_, &QPlainTextEdit::textChanged, this,
                [this] { ok_->setEnabled(!note().isEmpty()); });
    }
    setMinimumWidth(480);
    fit_dialog(this);
}

QString NoteDialog::note() const {
    return note_->toPlainText().trimmed();
}

} // namespace safesar::gui
