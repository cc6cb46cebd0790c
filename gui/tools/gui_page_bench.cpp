// gui_page_bench [PAGES]: opens a case with one PAGES-page PDF (default 500) in the real review
// window and prints how long the first page takes to show, how long the scan takes behind it,
// and how long each page turn waits, reading at a reviewer's pace and flicking through fast.
// Run under QT_QPA_PLATFORM=offscreen; needs python3-reportlab for the PDF.
#include "app/main_window.hpp"
#include "app/wait.hpp"
#include "review/case_session.hpp"
#include "review/review_page.hpp"
#include "viewer/page_cache.hpp"
#include "viewer/page_view.hpp"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <numeric>
#include <vector>

namespace fs = std::filesystem;
using namespace safesar::gui;

namespace {

double peak_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

struct Turn {
    double ms = 0;      // from the key to the page drawn
    bool ready = false; // the page was already rendered (render-ahead) when asked for
};

void print_turns(const char* what, const std::vector<Turn>& turns) {
    std::vector<double> ms;
    long ready = 0;
    for (const Turn& t : turns) {
        ms.push_back(t.ms);
        ready += t.ready;
    }
    std::sort(ms.begin(), ms.end());
    const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    std::cout << std::fixed << std::setprecision(1) << what << ": " << ms.size()
              << " turns, median " << ms[ms.size() / 2] << " ms, p95 " << ms[ms.size() * 95 / 100]
              << " ms, max " << ms.back() << " ms, mean " << mean << " ms; " << ready
              << " already rendered ahead\n";
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("SafeSAR-bench");
    const int pages = argc > 1 ? std::atoi(argv[1]) : 500;
    const fs::path source = SAFESAR_SOURCE_DIR;
    const fs::path ws = fs::temp_directory_path() / "safesar-gui-bench";
    const fs::path folder = ws / "big-case";
    const fs::path pdf = folder / "records" / ("notes-" + std::to_string(pages) + ".pdf");
    if (!fs::exists(pdf)) {
        fs::create_directories(pdf.parent_path());
        fs::copy_file(source / "fixtures/cases/demo-perpetrator/request.json",
                      folder / "request.json", fs::copy_options::overwrite_existing);
        const std::string command =
            "/usr/bin/python3 " + (source / "fixtures/make_big_pdf.py").string() + " " +
            pdf.string() + " --pages " + std::to_string(pages) + " >/dev/null";
        if (std::system(command.c_str()) != 0) {
            std::cerr << "make_big_pdf.py failed (python3-reportlab?)\n";
            return 1;
        }
    }
    fs::remove_all(folder / ".safesar");

    QElapsedTimer clock;
    clock.start();
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    window.openCase(folder);
    ReviewPage* review = window.review();
    PageView* view = review->pageView();
    wait_until([&] { return view->pageShown(); }, 30000);
    const qint64 first_page = clock.elapsed();
    wait_until([&] { return review->session()->scan() != nullptr; }, 600000);
    const qint64 scanned = clock.elapsed();
    std::cout << "case of " << pages << " pages: first page shown after " << first_page
              << " ms (window built, request read, page rendered); records scanned and redactions "
                 "drawn after "
              << scanned << " ms\n";

    // A reviewer reading: 300 ms on each page before turning.
    QAction* next = review->action("next_page");
    std::vector<Turn> reading, flicking;
    auto turn = [&] {
        QElapsedTimer t;
        t.start();
        next->trigger();
        const bool ready = view->pageShown();
        wait_until([&] { return view->pageShown(); });
        return Turn{static_cast<double>(t.nsecsElapsed()) / 1e6, ready};
    };
    for (int i = 0; i < 60 && view->page() < view->pageCount(); ++i) {
        wait_until([] { return false; }, 300);
        reading.push_back(turn());
    }
    // Flicking: the next page asked for the moment the last one shows.
    for (int i = 0; i < 60 && view->page() < view->pageCount(); ++i) {
        flicking.push_back(turn());
    }
    print_turns("reading (300 ms a page)", reading);
    print_turns("flicking (no pause)", flicking);
    // Approving findings one key at a time: each decision is written to the review state and
    // the findings list and the page redrawn.
    review->action("next_finding")->trigger();
    std::vector<double> approvals;
    for (int i = 0; i < 30; ++i) {
        QElapsedTimer t;
        t.start();
        review->action("approve")->trigger();
        approvals.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::sort(approvals.begin(), approvals.end());
    std::cout << "approve by key (" << review->session()->findings().size()
              << " findings in the case): median " << approvals[approvals.size() / 2]
              << " ms, max " << approvals.back() << " ms\n";
    std::cout << "page cache: " << window.cache()->pagesHeld() << " images, "
              << window.cache()->bytesHeld() / (1 << 20) << " MiB held (budget 192 MiB); peak RSS "
              << std::setprecision(0) << peak_mib() << " MiB\n";
    return 0;
}
