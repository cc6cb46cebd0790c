// The safety summary: every open risk (a MARAC record, an unread scan, a third party's data in
// a form block...), who has signed off, and what still stands between the case and a final
// export. A perpetrator request needs two different reviewers' sign-offs.
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace safesar::gui {

class CaseSession;

class SafetyPanel : public QWidget {
    Q_OBJECT
  public:
    explicit SafetyPanel(CaseSession* session, QWidget* parent = nullptr);
    void rebuild();
    QListWidget* risks() const { return risks_; }

  signals:
    void error(const QString& message);

  private:
    void acknowledgeSelected();
    void signOff();

    CaseSession* session_;
    QLabel* summary_;
    QListWidget* risks_;
    QPushButton* acknowledge_;
    QLabel* signoffs_;
    QPushButton* signoff_;
    QLabel* blockers_;
};

} // namespace safesar::gui
