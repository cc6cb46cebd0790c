// What a reviewer signs: the decisions in force, the manual redactions, the records withheld
// in full, the risks and the pages read, and who is signing (the account logged in). Signing is
// offered only when the engine would accept it; otherwise the dialog says why.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace safesar::gui {

class CaseSession;

class SignoffDialog : public QDialog {
    Q_OBJECT
  public:
    explicit SignoffDialog(CaseSession* session, QWidget* parent = nullptr);
    QString comment() const;
    QLabel* summary() const { return summary_; }
    QLabel* refusal() const { return refusal_; }
    QLineEdit* commentEdit() const { return comment_; }
    QPushButton* signButton() const { return sign_; }

  private:
    QLabel* summary_;
    QLabel* refusal_;
    QLineEdit* comment_;
    QPushButton* sign_;
};

} // namespace safesar::gui
