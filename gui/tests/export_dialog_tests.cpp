// The export dialog on a small case: it exports the records as they are on disk (the engine's
// export_reviewed_case on a worker thread), and when verification finds redacted text still
// readable it lists where and resolves it on request.
#include "app/wait.hpp"
#include "export/export_dialog.hpp"
#include "gui_test_support.hpp"
#include "review/case_session.hpp"
#include "viewer/page_cache.hpp"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>

#include <catch2/catch.hpp>

#include <fstream>

using namespace safesar;
using namespace safesar::gui;
namespace support = safesar::gui::test;
namespace fs = std::filesystem;

namespace {

// A case with the demo request (a perpetrator request by Gavin Rushworth) and two text notes,
// open in a session with its scan finished.
struct SmallCase {
    support::Workspace ws{"export-dialog"};
    fs::path folder = ws.root / "case";
    CaseSession session;
    PageCache cache;

    SmallCase() {
        fs::create_directories(folder / "records");
        fs::copy_file(support::fixtures / "cases" / "demo-perpetrator" / "request.json",
                      folder / "request.json");
        std::ofstream(folder / "records" / "note.txt")
            << "Gavin said he can only come on Thursdays.\n";
        std::ofstream(folder / "records" / "thursdays-diary.txt")
            << "Gavin kept a diary for the programme.\n";
        session.open(folder);
        session.startScan();
        REQUIRE(wait_until([&] { return session.scan() != nullptr; }, 120000));
    }

    // Exports from the dialog as the reviewer would, and waits for the result.
    void run(ExportDialog& dialog, const fs::path& out) {
        dialog.outDir()->setText(QString::fromStdString(out.string()));
        dialog.exportButton()->click();
        REQUIRE(wait_until([&] { return !dialog.running(); }, 180000));
    }
};

} // namespace

TEST_CASE("the export dialog exports the records as they are on disk, not as last scanned",
          "[gui][export]") {
    SmallCase c;
    std::ofstream(c.folder / "records" / "note.txt", std::ios::app)
        << "He asked about his course certificate.\nRebecca's new mobile is 07700 900835.\n";
    ExportDialog dialog(&c.session, &c.cache);
    CHECK(dialog.draftButton()->isChecked()); // nothing reviewed: a final export is not possible
    c.run(dialog, c.ws.root / "out");
    INFO(dialog.resultLabel()->text().toStdString());
    REQUIRE(dialog.lastResult());
    const std::string text = support::pdf_text(dialog.lastResult()->pdf);
    CHECK(text.find("course certificate") != std::string::npos);
    CHECK(text.find("900835") == std::string::npos);
    CHECK(dialog.resultLabel()->text().contains("records changed since the last scan"));
    CHECK(dialog.resultLabel()->text().contains("Not encrypted"));
    // The review state knows the new finding, and the export recorded that state's version.
    CHECK(dialog.lastExport()->scan_recorded.new_findings > 0);
    const ReviewStatus status = ReviewStore::open(load_case(c.folder).value).status();
    CHECK(dialog.lastExport()->version == status.version);
}

TEST_CASE("a verifier finding is listed with its places and resolved from the dialog",
          "[gui][export]") {
    SmallCase c;
    c.session.addManualText("Thursdays", "note.txt", "TP");
    ExportDialog dialog(&c.session, &c.cache);
    const fs::path out = c.ws.root / "out";
    c.run(dialog, out);
    INFO(dialog.resultLabel()->text().toStdString());
    CHECK_FALSE(dialog.lastResult());
    REQUIRE(dialog.leaks().size() == 1);
    CHECK(dialog.leaks()[0].text == "Thursdays");
    REQUIRE(dialog.leakList()->count() == 1);
    CHECK(dialog.leakList()->item(0)->text().contains("text of page"));
    CHECK(dialog.redactRemainingButton()->isVisibleTo(&dialog));
    CHECK((!fs::exists(out) || fs::is_empty(out)));

    dialog.redactRemainingButton()->click();
    REQUIRE(wait_until([&] { return !dialog.running(); }, 180000));
    INFO(dialog.resultLabel()->text().toStdString());
    REQUIRE(dialog.lastResult());
    CHECK(support::pdf_text(dialog.lastResult()->pdf).find("hursdays") == std::string::npos);
    CHECK(c.session.status().manual == 2); // the reviewer's and the resolution
}
