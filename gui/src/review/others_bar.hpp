// A line under the review saying what other reviewers are doing in the case: who else has it
// open, and the latest changes they made ("2 changes by tom at 12 Nov 2026 14:03"). While the
// session reloads for their changes, the findings list keeps its scroll position (the session
// and the list keep the selection).
#pragma once

#include <QLabel>

class QAbstractScrollArea;

namespace safesar::gui {

class CaseSession;

class OthersBar : public QLabel {
    Q_OBJECT
  public:
    OthersBar(CaseSession* session, QAbstractScrollArea* list, QWidget* parent = nullptr);

  private:
    void update_text();

    CaseSession* session_;
    QAbstractScrollArea* list_;
    int kept_scroll_ = 0;
    QString changes_; // the latest changes by others, empty before any
};

} // namespace safesar::gui
