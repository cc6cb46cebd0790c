// The safety summary: every risk of the latest scan (a MARAC record, an unread scan, another
// agency's record...), open ones first and acknowledged ones struck through with who, when and
// the note; the pages read; who has signed off; and what still stands between the case and a
// final export. How many different accounts must sign off is the profile's (a perpetrator
// request: two).
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
    // A risk row's data: true when acknowledged (shown struck through, with who, when, note).
    static constexpr int kAcknowledgedRole = Qt::UserRole + 1;

    explicit SafetyPanel(CaseSession* session, QWidget* parent = nullptr);
    void rebuild();
    QListWidget* risks() const { return risks_; }
    QPushButton* acknowledgeButton() const { return acknowledge_; }
    QPushButton* signOffButton() const { return signoff_; }
    QPushButton* readButton() const { return read_; }
    QLabel* summary() const { return summary_; }

    void acknowledgeSelected(); // asks for the note
    void signOff();             // shows what is signed, asks for the comment

  signals:
    void error(const QString& message);
    void readRequested(); // start reading page by page

  protected:
    void resizeEvent(QResizeEvent* event) override;

  private:
    void fitRiskRows();

    CaseSession* session_;
    QLabel* summary_;
    QListWidget* risks_;
    QPushButton* acknowledge_;
    QLabel* pages_;
    QPushButton* read_;
    QLabel* signoffs_;
    QPushButton* signoff_;
    QLabel* blockers_;
};

} // namespace safesar::gui
