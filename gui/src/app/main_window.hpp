// The main window: the requests table, or one case under review. Long work runs in the
// background; the window only arranges the screens and asks for names and folders.
#pragma once

#include "safesar/identity.hpp"

#include <QMainWindow>

#include <filesystem>
#include <memory>

class QStackedWidget;

namespace safesar::gui {

class PageCache;
class RequestsPage;
class ReviewPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    // Opens sized to the screen. Who acts is the operating-system account running the program;
    // another provider is for the screenshot tool, which shows a fictional reviewer.
    explicit MainWindow(std::shared_ptr<const IdentityProvider> acting = os_account(),
                        QWidget* parent = nullptr);

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

    std::shared_ptr<const IdentityProvider> acting_;
    PageCache* cache_;
    QStackedWidget* stack_;
    RequestsPage* requests_;
    ReviewPage* review_ = nullptr;
};

} // namespace safesar::gui
