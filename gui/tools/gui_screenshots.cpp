// gui_screenshots OUT_DIR: takes the user guide's screenshots from the real window, on a copy of
// the bundled fictional cases, named after the screen's size (gui-review-1280x720.png). Run it
// under Qt's offscreen platform with a screen of that size (scripts/gui-screenshots.sh). The
// reviewer shown is a fictional account, "Priya Shah (priya)": the window takes whoever runs it
// (the operating-system account), and screenshots should not show the build machine's.
#include "app/main_window.hpp"
#include "app/wait.hpp"
#include "app/window_fit.hpp"
#include "export/bundle_preview.hpp"
#include "export/export_dialog.hpp"
#include "requests/new_case_dialog.hpp"
#include "requests/requests_page.hpp"
#include "review/case_session.hpp"
#include "review/findings_panel.hpp"
#include "review/manual_dialog.hpp"
#include "review/note_dialog.hpp"
#include "review/review_page.hpp"
#include "review/safety_panel.hpp"
#include "review/signoff_dialog.hpp"
#include "safesar/deadline.hpp"
#include "viewer/page_view.hpp"
#include "viewer/text_record_view.hpp"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>
#include <QTreeView>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>

namespace fs = std::filesystem;
using namespace safesar::gui;

namespace {

class Fictional final : public safesar::IdentityProvider {
  public:
    safesar::Identity current() const override { return {"priya", "Priya Shah", "os-account"}; }
};

std::string suffix; // "1280x720"

void save(QWidget* w, const fs::path& out, const std::string& name) {
    wait_until([] { return false; }, 400); // let pending renders land
    const fs::path file = out / (name + "-" + suffix + ".png");
    if (!w->grab().save(QString::fromStdString(file.string())))
        throw std::runtime_error("cannot write " + file.string());
    std::cout << "wrote " << file.string() << "\n";
}

// Saves the next modal dialog of type D once it shows, then lets `finish` close it.
template <typename D>
void save_dialog(const fs::path& out, const std::string& name, std::function<void(D*)> finish) {
    auto* timer = new QTimer;
    QObject::connect(timer, &QTimer::timeout, [=] {
        auto* d = qobject_cast<D*>(QApplication::activeModalWidget());
        if (!d) return;
        timer->stop();
        timer->deleteLater();
        save(d, out, name);
        finish(d);
    });
    timer->start(50);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("SafeSAR-screenshots"); // never the user's settings
    if (argc != 2) {
        std::cerr << "usage: gui_screenshots OUT_DIR\n";
        return 2;
    }
    const QSize screen = QGuiApplication::primaryScreen()->size();
    suffix = std::to_string(screen.width()) + "x" + std::to_string(screen.height());
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
    received("demo-perpetrator", 12);

    try {
        MainWindow window(std::make_shared<Fictional>());
        window.openWorkspace(ws);
        window.show();
        save(&window, out, "gui-requests");

        NewCaseDialog form(ws, &window);
        form.reference()->setText("SAR-2026-0519");
        form.subjectName()->setText("Daniel Mercer");
        form.subjectPhones()->setPlainText("07700 900318");
        form.profile()->setCurrentIndex(form.profile()->findData("perpetrator"));
        form.addParty("Joanne Mercer", "victim");
        fit_dialog(&form);
        form.show();
        save(&form, out, "gui-new-request");
        form.close();

        window.openCase(ws / "demo-perpetrator");
        ReviewPage* review = window.review();
        if (!wait_until([&] { return review->session()->scan() != nullptr; }, 120000))
            throw std::runtime_error("the scan did not finish");
        review->setReasonChooser([](const QString&) { return std::optional<QString>("TP"); });
        // Walk a few findings as a reviewer would: approve two, reject one.
        review->findings()->tree()->setFocus();
        review->action("next_finding")->trigger();
        review->action("approve")->trigger();
        review->action("approve")->trigger();
        review->action("reject")->trigger();
        // A phrase redacted by hand: listed last among the findings.
        review->setPhraseChooser(
            [](const QString&) { return std::optional<QString>("Thursdays"); });
        review->action("redact_phrase")->trigger();
        // Show a redaction on a PDF page: the referral form's first proposed one.
        for (const safesar::StoredFinding& f : review->session()->findings())
            if (f.record.find("referral") != std::string::npos && f.page == 1 &&
                f.proposes_redaction() && !f.in_withheld_record) {
                review->findings()->select(QString::fromStdString(f.id));
                break;
            }
        review->action("approve")->trigger();
        save(&window, out, "gui-review");

        // The notes as text, a sentence selected for X.
        review->showRecord("notes/cwp-case-notes.txt");
        QTextCursor cursor(review->textView()->document()->findBlockByNumber(8));
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        review->textView()->setTextCursor(cursor);
        save(&window, out, "gui-text-record");

        // Everything decided, one risk acknowledged: the Safety tab.
        QStringList ids;
        for (const safesar::StoredFinding& f : review->session()->findings())
            if (f.awaits_decision()) ids << QString::fromStdString(f.id);
        review->session()->decide(ids, safesar::Verdict::Approve);
        save(&window, out, "gui-nothing-left");
        review->sideTabs()->setCurrentWidget(review->safety());
        review->safety()->risks()->setCurrentRow(0);
        save_dialog<NoteDialog>(out, "gui-acknowledge", [](NoteDialog* d) {
            d->noteEdit()->setPlainText("Rang the MARAC coordinator: nothing more to withhold.");
            d->okButton()->click();
        });
        review->safety()->acknowledgeSelected();
        save(&window, out, "gui-safety");

        // Reading page by page.
        review->action("read_pages")->trigger();
        for (int i = 0; i < 5; ++i)
            review->action("next_page")->trigger();
        save(&window, out, "gui-reading");
        review->action("stop_reading")->trigger();

        save_dialog<SignoffDialog>(out, "gui-signoff", [](SignoffDialog* d) { d->reject(); });
        review->safety()->signOff();
        review->sideTabs()->setCurrentIndex(0);

        ExportDialog dialog(review->session(), window.cache(), &window);
        dialog.outDir()->setText(QString::fromStdString((ws / "out").string()));
        fit_dialog(&dialog);
        dialog.show();
        dialog.startExport();
        if (!wait_until([&] { return !dialog.running(); }, 180000))
            throw std::runtime_error("export hung");
        save(&dialog, out, "gui-export");
        dialog.showPreview();
        auto* preview = dialog.findChild<BundlePreview*>();
        if (!preview) throw std::runtime_error("no preview");
        wait_until([&] { return preview->pageView()->pageShown(); }, 10000);
        save(preview, out, "gui-preview");
    } catch (const std::exception& e) {
        std::cerr << "gui_screenshots: " << e.what() << "\n";
        fs::remove_all(ws);
        return 1;
    }
    fs::remove_all(ws);
    return 0;
}
