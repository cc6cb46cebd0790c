#include "review/others_bar.hpp"

#include "app/local_time.hpp"
#include "review/case_session.hpp"

#include <QAbstractScrollArea>
#include <QScrollBar>
#include <QStringList>
#include <QTimer>

namespace safesar::gui {

OthersBar::OthersBar(CaseSession* session, QAbstractScrollArea* list, QWidget* parent)
    : QLabel(parent), session_(session), list_(list) {
    setAccessibleName(tr("Other reviewers"));
    setTextFormat(Qt::PlainText);
    connect(session_, &CaseSession::othersChanging, this,
            [this] { kept_scroll_ = list_->verticalScrollBar()->value(); });
    connect(session_, &CaseSession::othersChanged, this,
            [this](int changes, const QString& who, const QString& at) {
                // Now, and once the list has laid its rows out again.
                list_->verticalScrollBar()->setValue(kept_scroll_);
                QTimer::singleShot(0, this,
                                   [this] { list_->verticalScrollBar()->setValue(kept_scroll_); });
                changes_ = (changes == 1 ? tr("1 change by %1 at %2")
                                         : tr("%3 changes by %1 at %2").arg(changes))
                               .arg(who, local_time(at.toStdString()));
                update_text();
            });
    connect(session_, &CaseSession::presenceChanged, this, &OthersBar::update_text);
    connect(session_, &CaseSession::watchFailed, this, [this](const QString& reason) {
        changes_ = tr("Cannot check for others' changes: %1").arg(reason);
        update_text();
    });
}

void OthersBar::update_text() {
    QStringList parts;
    QStringList who;
    for (const Presence& p : session_->othersPresent())
        who << QString::fromStdString(p.display());
    if (!who.isEmpty()) parts << tr("Also in this case: %1").arg(who.join(", "));
    if (!changes_.isEmpty()) parts << changes_;
    setText(parts.join(" · "));
    setVisible(!parts.isEmpty());
}

} // namespace safesar::gui
