// Changing a manual redaction made earlier, in this session or another: its text (for a phrase)
// and its reason code. The change withdraws the old one and adds the new, as one recorded act.
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace safesar {
struct ManualRedaction;
}

namespace safesar::gui {

class ManualDialog : public QDialog {
    Q_OBJECT
  public:
    explicit ManualDialog(const ManualRedaction& redaction, QWidget* parent = nullptr);
    QString phrase() const; // empty for an area on a page
    QString reason() const; // a reason code
    QLineEdit* phraseEdit() const { return phrase_; }
    QComboBox* reasonBox() const { return reason_; }
    QPushButton* okButton() const { return ok_; }

  private:
    QLineEdit* phrase_ = nullptr;
    QComboBox* reason_;
    QPushButton* ok_;
};

} // namespace safesar::gui
