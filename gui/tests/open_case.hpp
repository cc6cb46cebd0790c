// Shared by the GUI tests: the demo perpetrator case open in the real main window, its scan
// finished; and a way to act on a modal dialog while its exec() runs.
#pragma once

#include "app/main_window.hpp"
#include "app/wait.hpp"
#include "gui_test_support.hpp"
#include "review/case_session.hpp"
#include "review/findings_panel.hpp"
#include "review/review_page.hpp"

#include <QApplication>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <optional>

namespace safesar::gui::test {

struct OpenCase {
    Workspace ws;
    fs::path folder;
    MainWindow window;
    ReviewPage* review = nullptr;

    explicit OpenCase(const std::string& name = "review",
                      const fs::path& fixture = fixtures / "cases" / "demo-perpetrator",
                      std::function<void(const fs::path&)> before_open = {})
        : ws(name), folder(ws.add(fixture, "demo")) {
        if (before_open) before_open(folder);
        window.show();
        window.openCase(folder);
        review = window.review();
        REQUIRE(review);
        review->setReasonChooser([](const QString&) { return std::optional<QString>("TP"); });
        REQUIRE(wait_until([&] { return review->session()->scan() != nullptr; }, 120000));
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
        review->findings()->tree()->setFocus();
    }

    CaseSession* session() const { return review->session(); }
    QString current() const { return review->findings()->currentId(); }
    void key(int key, Qt::KeyboardModifiers mods = Qt::NoModifier) {
        QTest::keyClick(review->findings()->tree(), static_cast<Qt::Key>(key), mods);
    }
    // Every decidable finding the policy proposes to redact, approved; every risk
    // acknowledged: what is left is reading and signing.
    void decideAndAcknowledgeEverything() {
        QStringList ids;
        for (const StoredFinding& f : session()->findings())
            if (f.awaits_decision()) ids << QString::fromStdString(f.id);
        if (!ids.isEmpty()) session()->decide(ids, Verdict::Approve);
        for (const StoredRisk& r : session()->status().open_risks)
            session()->acknowledgeRisk(QString::fromStdString(r.id), "checked with the IDVA");
    }
};

// Runs `act` on the next modal dialog of type D to open, from the dialog's own event loop
// (exec() blocks the caller); fails the test if none opens within the time.
template <typename D> void on_next_dialog(std::function<void(D*)> act, int timeout_ms = 10000) {
    auto* timer = new QTimer;
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    QObject::connect(timer, &QTimer::timeout, [timer, act, started, timeout_ms] {
        if (auto* d = qobject_cast<D*>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            act(d);
        } else if (started->elapsed() > timeout_ms) {
            timer->stop();
            timer->deleteLater();
            FAIL_CHECK("the dialog did not open");
        }
    });
    timer->start(20);
}

} // namespace safesar::gui::test
