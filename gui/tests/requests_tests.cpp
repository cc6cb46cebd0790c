// The requests screen and the new-request form.
#include "gui_test_support.hpp"
#include "requests/case_table_model.hpp"
#include "requests/new_case_dialog.hpp"
#include "requests/requests_page.hpp"
#include "safesar/pipeline.hpp"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableWidget>

#include <catch2/catch.hpp>

#include <fstream>

using namespace safesar;
using namespace safesar::gui;
using namespace safesar::gui::test;

TEST_CASE("the requests table lists every case with its deadline, and a broken one says why",
          "[gui]") {
    const Workspace ws("requests");
    ws.add(fixtures / "cases" / "demo-perpetrator", "demo");
    ws.add(fixtures / "cases" / "profiles" / "standard", "standard");
    ws.add(fixtures / "bad-request" / "not-json", "broken");

    CaseTableModel model;
    model.load(ws.root, Date{2026, 10, 1});
    REQUIRE(model.rowCount() == 3);
    auto cell = [&](int row, int column) {
        return model.data(model.index(row, column), Qt::DisplayRole).toString();
    };
    // Most urgent first: the unreadable case, then by working days left.
    CHECK(cell(0, CaseTableModel::Requester).startsWith("cannot be read"));
    CHECK(cell(0, CaseTableModel::Requester).contains("request.json"));
    bool saw_demo = false;
    for (int row = 1; row < 3; ++row) {
        if (cell(row, CaseTableModel::Reference) != "SAR-2026-0452") continue;
        saw_demo = true;
        CHECK(cell(row, CaseTableModel::Requester) == "Gavin Peter Rushworth");
        CHECK(cell(row, CaseTableModel::Profile) == "perpetrator");
        CHECK(cell(row, CaseTableModel::Due) == "2026-10-23");
        CHECK(cell(row, CaseTableModel::Stage) == "new");
        CHECK(cell(row, CaseTableModel::ToReview) == "not scanned");
    }
    CHECK(saw_demo);
    // Once scanned, the count of proposed redactions nobody has decided.
    record_scan_for_review(*scan_case(ws.root / "demo"));
    model.reload();
    const int undecided = ReviewStore::open(load_case(ws.root / "demo").value).status().undecided;
    CHECK(undecided > 0);
    for (int row = 0; row < 3; ++row)
        if (cell(row, CaseTableModel::Reference) == "SAR-2026-0452") {
            CHECK(cell(row, CaseTableModel::Stage) == "scanned");
            CHECK(cell(row, CaseTableModel::ToReview) == QString::number(undecided));
        }
    // After the due date the row says so in words, not only in red.
    model.load(ws.root, Date{2026, 11, 20});
    for (int row = 0; row < 3; ++row)
        if (cell(row, CaseTableModel::Reference) == "SAR-2026-0452") {
            CHECK(cell(row, CaseTableModel::DaysLeft).startsWith("OVERDUE"));
            CHECK(model.data(model.index(row, 0), Qt::BackgroundRole).isValid());
        }
}

TEST_CASE("the new-request form writes a request.json the engine reads back", "[gui]") {
    const Workspace ws("new-case");
    NewCaseDialog form(ws.root);
    form.reference()->setText("SAR-2026-0777");
    form.received()->setDate(QDate(2026, 11, 2));
    form.profile()->setCurrentIndex(form.profile()->findData("perpetrator"));
    form.subjectName()->setText("Daniel Mercer");
    form.subjectAddresses()->setPlainText("12 Orchard Close, Millbridge MB2 4TT\n");
    form.subjectPhones()->setPlainText("07700 900318\n0114 496 0555");
    form.addParty("Joanne Mercer", "victim");
    form.parties()->setItem(0, 3, new QTableWidgetItem("Flat 1, 5 Mill Lane, Hollinsford HF2 1AB"));
    form.addParty("Ellie Mercer", "child");
    form.parties()->item(1, 9)->setCheckState(Qt::Checked);
    REQUIRE(form.create());

    const LoadedCase loaded = load_case(ws.root / "SAR-2026-0777");
    const Case& c = loaded.value;
    CHECK(loaded.warnings.empty());
    CHECK(c.reference == "SAR-2026-0777");
    CHECK(to_iso(c.received) == "2026-11-02");
    CHECK(c.profile == "perpetrator");
    CHECK(c.subject.name == "Daniel Mercer");
    CHECK(c.subject.addresses == std::vector<std::string>{"12 Orchard Close, Millbridge MB2 4TT"});
    CHECK(c.subject.phones == std::vector<std::string>{"07700 900318", "0114 496 0555"});
    REQUIRE(c.parties.size() == 2);
    CHECK(c.parties[0].role == Role::Victim);
    CHECK(c.parties[0].addresses ==
          std::vector<std::string>{"Flat 1, 5 Mill Lane, Hollinsford HF2 1AB"});
    CHECK(c.parties[1].role == Role::Child);
    CHECK(c.parties[1].child_of_subject);
    CHECK(fs::is_directory(ws.root / "SAR-2026-0777" / "records"));

    // The same reference again is refused, and says why.
    CHECK_FALSE(form.create());
    CHECK(form.errorLabel()->text().contains("already exists"));
}

TEST_CASE("the new-request form refuses a request the engine would refuse, writing nothing",
          "[gui]") {
    const Workspace ws("new-case-bad");
    NewCaseDialog form(ws.root);
    form.reference()->setText(QString(201, 'R')); // too long to name the output files
    form.subjectName()->setText("Daniel Mercer");
    CHECK_FALSE(form.create());
    CHECK(form.errorLabel()->text().contains("reference"));
    CHECK(fs::is_empty(ws.root));
}

TEST_CASE("the new-request form offers the dictionaries' profiles by label, and names a bad file",
          "[gui]") {
    // The controller's dictionaries: the shipped ones, a profile of her own, and a file that is
    // meant as one but says no review.
    const Workspace ws("new-case-profiles");
    const fs::path dictionaries = copy_of_dictionaries(ws);
    const fs::path policies = dictionaries / "policies";
    std::ofstream(policies / "police-disclosure.json") << R"({"profile": "police-disclosure",
        "label": "Police disclosure unit", "rules": [],
        "review": {"signoffs": 3, "every_page_read": true, "release_needs_comment": true}})";
    std::ofstream(policies / "scottish.json") << R"({"profile": "scottish", "rules": []})";
    const DictionariesInUse in_use(dictionaries); // by the form and by load_case

    NewCaseDialog form(ws.root);
    QComboBox* profiles = form.profile();
    REQUIRE(profiles->count() == 4);
    CHECK(profiles->currentData().toString() == "standard"); // the default, wherever it sorts
    const int police = profiles->findData("police-disclosure");
    REQUIRE(police >= 0);
    CHECK(profiles->itemText(police) == "Police disclosure unit");
    CHECK(profiles->itemText(profiles->findData("perpetrator")) == "perpetrator (enhanced safety)");
    CHECK(profiles->findData("scottish") < 0);
    CHECK(form.errorLabel()->text().contains(
        QString::fromStdString((policies / "scottish.json").string())));

    profiles->setCurrentIndex(police);
    form.reference()->setText("SAR-2026-0778");
    form.subjectName()->setText("Daniel Mercer");
    REQUIRE(form.create());
    CHECK(load_case(ws.root / "SAR-2026-0778").value.profile == "police-disclosure");
}
