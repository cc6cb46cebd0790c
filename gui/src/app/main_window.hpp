// The main window: the requests table, or one case under review. Long work runs in the
// background; the window only arranges the screens and asks for names and folders.
#pragma once

#include <QMainWindow>

#include <filesystem>

class QStackedWidget;

namespace safesar::gui {

class PageCache;
class RequestsPage;
class ReviewPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);

    void openWorkspace(const std::filesystem::path& workspace);
    void openCase(const std::filesystem::path& folder);
    void showRequests();

    RequestsPage* requests() const { return requests_; }
    ReviewPage* review() const { return review_; }
    PageCache* cache() const { return cache_; }

  private:
    void newCase();
    void exportCase();
    void chooseWorkspace();
    void setReviewerName();

    PageCache* cache_;
    QStackedWidget* stack_;
    RequestsPage* requests_;
    ReviewPage* review_ = nullptr;
};

} // namespace safesar::gui
