// Others at work on the open case: another reviewer's decision, made on a connection of their
// own, shows in the window after the next check, the selection kept; the window says who made
// it and who else is in the case. On both stores (run_on_postgres.sh runs [gui] again).
#include "open_case.hpp"
#include "requests/case_table_model.hpp"

#include <QScrollBar>

#include "safesar/review_database.hpp"

using namespace safesar;
using namespace safesar::gui;
using namespace safesar::gui::test;

namespace {

class Tom final : public IdentityProvider {
  public:
    Identity current() const override { return Identity{"tom", "Tom Okafor", "test"}; }
};

// Tom at his own desktop: a store of his own (on the shared database, his login).
ReviewStore toms_store(const Case& request) {
    const ReviewDatabase database = ReviewDatabase::from_environment();
    if (database.shared())
        return ReviewStore::open(request, ReviewDatabase{database.connection + " user=tom"});
    return ReviewStore::open(request, std::make_shared<const Tom>());
}

} // namespace

TEST_CASE("another reviewer's decision shows in the open case after the next check",
          "[gui][others]") {
    OpenCase c("others");
    c.session()->setWatchInterval(200);
    c.key(Qt::Key_N); // the first finding to decide
    const QString mine = c.current();
    REQUIRE_FALSE(mine.isEmpty());
    std::string theirs;
    for (const StoredFinding& f : c.session()->findings())
        if (f.awaits_decision() && QString::fromStdString(f.id) != mine) theirs = f.id;
    REQUIRE_FALSE(theirs.empty());
    CHECK(c.review->othersText().isEmpty());

    ReviewStore tom = toms_store(c.session()->request());
    tom.mark_present();
    tom.decide({{theirs, Verdict::Reject, "", ""}});
    const QString id = QString::fromStdString(theirs);
    REQUIRE(wait_until([&] { return c.session()->finding(id)->status == FindingStatus::Rejected; },
                       10000));
    CHECK(c.session()->finding(id)->decided_by == "tom");
    CHECK(c.current() == mine); // where the reviewer was
    const QString others = c.review->othersText();
    CHECK(others.contains("1 change by tom at"));
    CHECK(others.contains("Also in this case: Tom Okafor (tom)"));

    // Her own decision is hers, not another's; his leaving is seen at the next check.
    c.session()->decide({mine}, Verdict::Approve);
    tom.mark_absent();
    REQUIRE(wait_until([&] { return c.session()->othersPresent().empty(); }, 10000));
    CHECK(c.review->othersText().contains("1 change by tom"));
    CHECK_FALSE(c.review->othersText().contains("Also in this case"));
}

TEST_CASE("the requests table says who has each case open", "[gui][others]") {
    const Workspace ws("open-by");
    ws.add(fixtures / "cases" / "demo-perpetrator", "demo");
    record_scan_for_review(*scan_case(ws.root / "demo"));
    CaseTableModel model;
    model.load(ws.root, Date{2026, 10, 1});
    REQUIRE(model.rowCount() == 1);
    auto open_by = [&] {
        return model.data(model.index(0, CaseTableModel::OpenBy), Qt::DisplayRole).toString();
    };
    CHECK(open_by().isEmpty());
    ReviewStore tom = toms_store(load_case(ws.root / "demo").value);
    tom.mark_present();
    model.reload();
    CHECK(open_by() == "Tom Okafor (tom)");
    tom.mark_absent();
    model.reload();
    CHECK(open_by().isEmpty());
}

TEST_CASE("another reviewer's manual redaction reloads the case, the list kept where it was",
          "[gui][others]") {
    OpenCase c("others-manual");
    c.session()->setWatchInterval(200);
    c.key(Qt::Key_N);
    const QString mine = c.current();
    REQUIRE_FALSE(mine.isEmpty());
    // The reviewer has scrolled the list away from her selection.
    QScrollBar* bar = c.review->findings()->tree()->verticalScrollBar();
    REQUIRE(bar->maximum() > 2);
    bar->setValue(bar->maximum() / 2);
    const int at = bar->value();

    ReviewStore tom = toms_store(c.session()->request());
    const std::size_t manual = c.session()->manualRedactions().size();
    tom.add_manual_text("workbook", "", "TP");
    REQUIRE(wait_until([&] { return c.review->othersText().contains("1 change by tom"); }, 10000));
    CHECK(c.session()->manualRedactions().size() == manual + 1);
    CHECK(c.current() == mine);
    CHECK(bar->value() == at);
}
