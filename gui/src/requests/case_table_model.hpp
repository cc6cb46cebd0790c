// The requests of a workspace as a table: reference, requester, profile, stage, due date,
// working days left, findings still to review. Overdue rows say so in words and in red; due
// within five working days, in amber.
#pragma once

#include "safesar/review.hpp"

#include <QAbstractTableModel>

#include <filesystem>
#include <vector>

namespace safesar::gui {

class CaseTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        Reference,
        Requester,
        Profile,
        Stage,
        Due,
        DaysLeft,
        ToReview,
        OpenBy,
        ColumnCount
    };
    explicit CaseTableModel(QObject* parent = nullptr);

    void load(const std::filesystem::path& workspace, const Date& today); // throws ReviewError
    void reload();
    const CaseSummary& at(int row) const { return cases_[static_cast<std::size_t>(row)]; }
    const std::filesystem::path& workspace() const { return workspace_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  private:
    std::filesystem::path workspace_;
    Date today_;
    std::vector<CaseSummary> cases_;
};

} // namespace safesar::gui
