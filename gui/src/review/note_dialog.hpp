// Asks for a reviewer's note: what was checked before a risk is acknowledged. A required note
// cannot be left empty: the OK button waits for it.
#pragma once

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace safesar::gui {

class NoteDialog : public QDialog {
    Q_OBJECT
  public:
    NoteDialog(const QString& title, const QString& what, const QString& prompt,
               const QString& ok_text, bool required, QWidget* parent = nullptr);
    QString note() const;
    QPlainTextEdit* noteEdit() const { return note_; }
    QPushButton* okButton() const { return ok_; }

  private:
    QPlainTextEdit* note_;
    QPushButton* ok_;
};

} // namespace safesar::gui
