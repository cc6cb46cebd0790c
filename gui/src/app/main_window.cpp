#include "app/main_window.hpp"

#include "app/window_fit.hpp"
#include "export/export_dialog.hpp"
#include "requests/case_table_model.hpp"
#include "requests/new_case_dialog.hpp"
#include "requests/requests_page.hpp"
#include "review/case_session.hpp"
#include "review/review_page.hpp"
#include "viewer/page_cache.hpp"

#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

namespace safesar::gui {

MainWindow::MainWindow(std::shared_ptr<const IdentityProvider> acting, QWidget* parent)
    : QMainWindow(parent), acting_(std::move(acting)), cache_(new PageCache(192ll << 20, this)) {
    setWindowTitle(tr("SafeSAR"));
    stack_ = new QStackedWidget;
    requests_ = new RequestsPage;
    stack_->addWidget(requests_);
    setCentralWidget(stack_);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open &workspace…"), QKeySequence::Open, this, &MainWindow::chooseWorkspace);
    file->addAction(tr("&New request…"), QKeySequence::New, this, &MainWindow::newCase);
    file->addAction(tr("&Requests"), QKeySequence(Qt::CTRL | Qt::Key_L), this,
                    &MainWindow::showRequests);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    connect(requests_, &RequestsPage::openCase, this, &MainWindow::openCase);
    connect(requests_, &RequestsPage::newCaseRequested, this, &MainWindow::newCase);
    connect(requests_, &RequestsPage::chooseWorkspaceRequested, this, &MainWindow::chooseWorkspace);
    fit_main_window(this, QSize(1600, 1000));
}

void MainWindow::openWorkspace(const std::filesystem::path& workspace) {
    try {
        requests_->setWorkspace(workspace);
        QSettings().setValue("workspace", QString::fromStdString(workspace.string()));
        showRequests();
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Workspace"), QString::fromStdString(e.what()));
    }
}

void MainWindow::showRequests() {
    stack_->setCurrentWidget(requests_);
    requests_->reload();
    requests_->table()->setFocus();
    setWindowTitle(tr("SafeSAR — requests"));
}

void MainWindow::openCase(const std::filesystem::path& folder) {
    // A fresh review page per case: nothing of one case is left in the next.
    if (review_) {
        stack_->removeWidget(review_);
        review_->deleteLater();
    }
    review_ = new ReviewPage(cache_, acting_);
    stack_->addWidget(review_);
    connect(review_, &ReviewPage::closeRequested, this, &MainWindow::showRequests);
    connect(review_, &ReviewPage::exportRequested, this, &MainWindow::exportCase);
    connect(review_, &ReviewPage::message, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    try {
        review_->openCase(folder);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot open the request"), QString::fromStdString(e.what()));
        showRequests();
        return;
    }
    stack_->setCurrentWidget(review_);
    setWindowTitle(tr("SafeSAR — %1 — reviewing as %2")
                       .arg(QString::fromStdString(review_->session()->request().reference),
                            review_->session()->reviewer()));
}

void MainWindow::newCase() {
    if (requests_->model()->workspace().empty()) {
        chooseWorkspace();
        if (requests_->model()->workspace().empty()) return;
    }
    NewCaseDialog dialog(requests_->model()->workspace(), this);
    fit_dialog(&dialog);
    if (dialog.exec() != QDialog::Accepted) return;
    requests_->reload();
    statusBar()->showMessage(tr("Created %1: put the records in its records/ folder, then open it.")
                                 .arg(QString::fromStdString(dialog.createdFolder().string())));
}

void MainWindow::exportCase() {
    if (!review_) return;
    ExportDialog dialog(review_->session(), cache_, this);
    fit_dialog(&dialog);
    dialog.exec();
}

void MainWindow::chooseWorkspace() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Workspace: the folder of request folders"),
                                          QSettings().value("workspace").toString());
    if (!dir.isEmpty()) openWorkspace(dir.toStdString());
}

} // namespace safesar::gui
