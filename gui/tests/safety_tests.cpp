// Parts of records that were not read reach the reviewer: the Safety tab lists them as open
// risks, and a final export waits for them (issue 21).
#include "app/main_window.hpp"
#include "app/wait.hpp"
#include "gui_test_support.hpp"
#include "review/case_session.hpp"
#include "review/review_page.hpp"
#include "review/safety_panel.hpp"

#include <QLabel>
#include <QListWidget>

#include <catch2/catch.hpp>

#include <fstream>

using namespace safesar;
using namespace safesar::gui;
using namespace safesar::gui::test;

namespace {

// An e-mail whose multiparts nest `depth` deep, a note at every level.
void write_deep_mail(const fs::path& file, int depth) {
    std::ofstream out(file, std::ios::binary);
    out << "From: Programme Office <office@example.org>\r\nTo: Case Worker <worker@example.org>"
           "\r\nSubject: Nested forwards\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n"
           "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n";
    for (int level = 0; level < depth; ++level)
        out << "--b" << level << "\r\nContent-Type: text/plain\r\n\r\nLevel " << level
            << " of the thread.\r\n--b" << level
            << "\r\nContent-Type: multipart/mixed; boundary=\"b" << level + 1 << "\"\r\n\r\n";
    out << "--b" << depth << "\r\nContent-Type: text/plain\r\n\r\nInnermost.\r\n--b" << depth
        << "--\r\n";
    for (int level = depth - 1; level >= 0; --level)
        out << "--b" << level << "--\r\n";
}

} // namespace

TEST_CASE("MIME parts nested too deep are open risks in the Safety tab", "[gui]") {
    Workspace ws{"safety"};
    const fs::path folder = ws.root / "deep";
    fs::create_directories(folder / "records");
    std::ofstream(folder / "request.json")
        << R"({"reference": "SAR-GUI-DEEP", "received": "2026-03-02",
               "subject": {"name": "Marcus Tindall"}})";
    write_deep_mail(folder / "records" / "deep.eml", 60);

    MainWindow window;
    window.resize(1300, 850);
    window.show();
    window.openCase(folder);
    ReviewPage* review = window.review();
    REQUIRE(review);
    REQUIRE(wait_until([&] { return review->session()->scan() != nullptr; }, 120000));
    REQUIRE(wait_until([&] { return review->safety()->risks()->count() > 0; }, 10000));
    bool listed = false;
    for (int i = 0; i < review->safety()->risks()->count(); ++i) {
        const QString text = review->safety()->risks()->item(i)->text();
        listed |= text.contains("deep.eml") && text.contains("nested more than 10 levels");
    }
    CHECK(listed);
    CHECK_FALSE(review->session()->status().ready_for_final());
}

TEST_CASE("the perpetrator warning and the safety summary are the profile file's", "[gui]") {
    // A profile of the controller's own, known to no code: it says the requester may be the
    // perpetrator and asks three reviewers and every page read.
    Workspace ws{"safety-profile"};
    const fs::path dictionaries = copy_of_dictionaries(ws);
    std::ofstream(dictionaries / "policies" / "police-disclosure.json")
        << R"({"profile": "police-disclosure", "requester_may_be_perpetrator": true,
               "rules": [{"when": {"owner": "subject"}, "action": "keep", "why": "his own"},
                         {"when": {}, "action": "redact", "reason": "TP", "why": "others'"}],
               "review": {"signoffs": 3, "every_page_read": true,
                          "release_needs_comment": true}})";
    const DictionariesInUse in_use(dictionaries);
    const fs::path folder = ws.root / "police";
    fs::create_directories(folder / "records");
    std::ofstream(folder / "request.json")
        << R"({"reference": "SAR-GUI-POLICE", "received": "2026-03-02",
               "profile": "police-disclosure", "subject": {"name": "Marcus Tindall"}})";
    std::ofstream(folder / "records" / "note.txt") << "Marcus Tindall called on Monday.\n";

    MainWindow window;
    window.show();
    window.openCase(folder);
    ReviewPage* review = window.review();
    REQUIRE(review);
    REQUIRE(wait_until([&] { return review->session()->scan() != nullptr; }, 120000));
    QString banner, summary;
    for (const QLabel* label : review->findChildren<QLabel*>()) {
        if (label->accessibleName() == "Request warning" && label->isVisible())
            banner = label->text();
        if (label->accessibleName() == "Safety summary") summary = label->text();
    }
    CHECK(banner.contains("PERPETRATOR REQUEST — SAR-GUI-POLICE"));
    CHECK(banner.contains("and read every page. A final export needs three different "
                          "reviewers' sign-offs and every risk closed."));
    CHECK(summary.startsWith("<b>Perpetrator request.</b>"));
    CHECK(summary.contains("A final export needs every page read and 3 sign-offs by different "
                           "accounts."));
}
