// The first screen: every request of a workspace folder, most urgent first.
#pragma once

#include <QWidget>

#include <filesystem>

class QLabel;
class QTableView;

namespace safesar::gui {

class CaseTableModel;

class RequestsPage : public QWidget {
    Q_OBJECT
  public:
    explicit RequestsPage(QWidget* parent = nullptr);

    void setWorkspace(const std::filesystem::path& workspace); // throws ReviewError
    void reload();
    CaseTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }

  signals:
    void openCase(const std::filesystem::path& folder);
    void newCaseRequested();
    void chooseWorkspaceRequested();

  private:
    void openSelected();
    CaseTableModel* model_;
    QTableView* table_;
    QLabel* title_;
};

} // namespace safesar::gui
