// safesar-gui [WORKSPACE | CASE]: the reviewer's desktop. A folder holding request.json opens
// as a case; any other folder as the workspace of cases.
#include "app/command_line.hpp"
#include "app/main_window.hpp"

#include <QApplication>
#include <QSettings>

#include <filesystem>

int main(int argc, char** argv) {
    if (const auto status = safesar::gui::answer_without_window(argc, argv)) return *status;
    QApplication app(argc, argv);
    QApplication::setOrganizationName("SafeSAR");
    QApplication::setApplicationName("safesar-gui");
    safesar::gui::MainWindow window;
    const QStringList args = QApplication::arguments();
    const std::filesystem::path given =
        args.size() > 1 ? args[1].toStdString()
                        : QSettings().value("workspace").toString().toStdString();
    if (!given.empty() && std::filesystem::exists(given / "request.json")) {
        window.openWorkspace(given.parent_path());
        window.openCase(given);
    } else if (!given.empty()) {
        window.openWorkspace(given);
    }
    window.show();
    return QApplication::exec();
}
