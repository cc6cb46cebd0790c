#include "requests/case_table_model.hpp"

#include <QBrush>
#include <QColor>
#include <QStringList>

namespace safesar::gui {

namespace {

QString stage_words(CaseStage s) {
    switch (s) {
    case CaseStage::New:
        return QObject::tr("new");
    case CaseStage::Scanned:
        return QObject::tr("scanned");
    case CaseStage::InReview:
        return QObject::tr("in review");
    case CaseStage::SignedOff:
        return QObject::tr("signed off");
    case CaseStage::Exported:
        return QObject::tr("exported");
    }
    return {};
}

} // namespace

CaseTableModel::CaseTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void CaseTableModel::load(const std::filesystem::path& workspace, const Date& today) {
    auto cases = summarize_workspace(workspace, today);
    beginResetModel();
    workspace_ = workspace;
    today_ = today;
    cases_ = std::move(cases);
    endResetModel();
}

void CaseTableModel::reload() {
    if (!workspace_.empty()) load(workspace_, today_);
}

int CaseTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(cases_.size());
}

int CaseTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Reference:
        return tr("Reference");
    case Requester:
        return tr("Requester");
    case Profile:
        return tr("Profile");
    case Stage:
        return tr("Status");
    case Due:
        return tr("Due");
    case DaysLeft:
        return tr("Working days left");
    case ToReview:
        return tr("To review");
    case OpenBy:
        return tr("Open by");
    }
    return {};
}

QVariant CaseTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const CaseSummary& c = at(index.row());
    const bool urgent = c.error.empty() && c.stage != CaseStage::Exported;
    if (role == Qt::BackgroundRole && urgent) {
        if (c.overdue) return QBrush(QColor(0xF4, 0xC7, 0xC3));
        if (c.working_days_left <= 5) return QBrush(QColor(0xFF, 0xE0, 0xA0));
        return {};
    }
    if (role == Qt::ForegroundRole && (urgent && (c.overdue || c.working_days_left <= 5)))
        return QBrush(Qt::black);
    if (role == Qt::ToolTipRole && !c.error.empty()) return QString::fromStdString(c.error);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole) return {};
    switch (index.column()) {
    case Reference:
        return c.reference.empty() ? QString::fromStdString(c.folder.filename().string())
                                   : QString::fromStdString(c.reference);
    case Requester:
        return c.error.empty() ? QString::fromStdString(c.requester)
                               : tr("cannot be read: %1").arg(QString::fromStdString(c.error));
    case Profile:
        return QString::fromStdString(c.profile);
    case Stage:
        return c.error.empty() ? stage_words(c.stage) : tr("error");
    case Due:
        return c.due ? QString::fromStdString(to_iso(*c.due)) : QString();
    case DaysLeft:
        if (!c.error.empty() || !c.due) return {};
        // In words as well as colour.
        if (c.overdue && urgent) return tr("OVERDUE (%1)").arg(c.working_days_left);
        if (c.working_days_left <= 5 && urgent) return tr("%1 — due soon").arg(c.working_days_left);
        return c.working_days_left;
    case ToReview: // a case never scanned has nothing listed yet, which is not "nothing to do"
        if (!c.error.empty()) return {};
        return c.stage == CaseStage::New ? QVariant(tr("not scanned")) : QVariant(c.to_review);
    case OpenBy: { // reviewers with the case open now (presence not gone stale)
        QStringList who;
        for (const std::string& p : c.present)
            who << QString::fromStdString(p);
        return who.join(", ");
    }
    }
    return {};
}

} // namespace safesar::gui
