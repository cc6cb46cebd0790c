// gui_screenshots OUT_DIR: takes the user guide's screenshots from the real window, on a copy of
// the bundled fictional cases. Run it under QT_QPA_PLATFORM=offscreen (scripts/gui-screenshots.sh).
#include "app/main_window.hpp"
#include "app/wait.hpp"
#include "export/bundle_preview.hpp"
#include "export/export_dialog.hpp"
#include "requests/new_case_dialog.hpp"
#include "requests/requests_page.hpp"
#include "review/case_session.hpp"
#include "review/findings_panel.hpp"
#include "review/review_page.hpp"
#include "safesar/deadline.hpp"
#include "viewer/page_view.hpp"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeView>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;
using namespace safesar::gui;

namespace {

void save(QWidget* w, const fs::path& file) {
    wait_until([] { return false; }, 300); // let pending renders land
    if (!w->grab().save(QString::fromStdString(file.string())))
        throw std::runtime_error("cannot write " + file.string());
    std::cout << "wrote " << file.string() << "\n";
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("SafeSAR-screenshots"); // never the user's settings
    if (argc != 2) {
        std::cerr << "usage: gui_screenshots OUT_DIR\n";
        return 2;
    }
    const fs::path out = argv[1];
    fs::create_directories(out);
    const fs::path source = SAFESAR_SOURCE_DIR;
    const fs::path ws =
        fs::temp_directory_path() /
        ("safesar-screenshots-" + std::to_string(QCoreApplication::applicationPid()));
    fs::remove_all(ws);
    fs::create_directories(ws);
    fs::copy(source / "fixtures/cases/demo-perpetrator", ws / "demo-perpetrator",
             fs::copy_options::recursive);
    for (const char* p : {"standard", "family-contact"})
        fs::copy(source / "fixtures/cases/profiles" / p, ws / p, fs::copy_options::recursive);
    fs::remove(ws / "demo-perpetrator/expected.json");
    // Spread the deadlines so the table shows each state: on time, due soon, overdue.
    auto received = [&](const char* name, int days_ago) {
        safesar::Case c = safesar::load_case(ws / name).value;
        c.received = safesar::add_days(safesar::today(), -days_ago);
        c.id_verified.reset();
        std::ofstream(ws / name / "request.json") << safesar::request_json(c);
    };
    received("standard", 3);
    received("family-contact", 26);

    try {
        MainWindow window;
        window.resize(1440, 900);
        window.review(); // none yet
        window.openWorkspace(ws);
        window.show();
        save(&window, out / "gui-requests.png");

        NewCaseDialog form(ws, &window);
        form.reference()->setText("SAR-2026-0519");
        form.subjectName()->setText("Daniel Mercer");
        form.subjectPhones()->setPlainText("07700 900318");
        form.profile()->setCurrentIndex(1);
        form.addParty("Joanne Mercer", "victim");
        form.show();
        save(&form, out / "gui-new-request.png");
        form.close();

        window.openCase(ws / "demo-perpetrator");
        ReviewPage* review = window.review();
        if (!wait_until([&] { return review->session()->scan() != nullptr; }, 120000))
            throw std::runtime_error("the scan did not finish");
        // Walk a few findings as a reviewer would: approve two, reject one.
        review->findings()->tree()->setFocus();
        review->action("next_finding")->trigger();
        review->action("approve")->trigger();
        review->action("approve")->trigger();
        review->action("reject")->trigger();
        // Show a redaction on a PDF page: the referral form's first proposed one.
        for (const safesar::StoredFinding& f : review->session()->findings())
            if (f.record.find("referral") != std::string::npos && f.page == 1 &&
                f.proposes_redaction() && !f.in_withheld_record) {
                review->findings()->select(QString::fromStdString(f.id));
                break;
            }
        review->action("approve")->trigger();
        save(&window, out / "gui-review.png");

        review->findChild<QTabWidget*>()->setCurrentWidget(
            reinterpret_cast<QWidget*>(review->safety()));
        save(&window, out / "gui-safety.png");
        review->findChild<QTabWidget*>()->setCurrentIndex(0);

        for (int i = 0; i < review->recordList()->count(); ++i)
            if (review->recordList()->item(i)->text().contains("case-notes.txt")) {
                review->recordList()->setCurrentRow(i);
                break;
            }
        save(&window, out / "gui-text-record.png");

        ExportDialog dialog(review->session(), window.cache(), &window);
        dialog.outDir()->setText(QString::fromStdString((ws / "out").string()));
        dialog.show();
        dialog.startExport();
        if (!wait_until([&] { return !dialog.running(); }, 180000))
            throw std::runtime_error("export hung");
        save(&dialog, out / "gui-export.png");
        dialog.showPreview();
        auto* preview = dialog.findChild<BundlePreview*>();
        if (!preview) throw std::runtime_error("no preview");
        wait_until([&] { return preview->pageView()->pageShown(); }, 10000);
        save(preview, out / "gui-preview.png");
    } catch (const std::exception& e) {
        std::cerr << "gui_screenshots: " << e.what() << "\n";
        fs::remove_all(ws);
        return 1;
    }
    fs::remove_all(ws);
    return 0;
}
