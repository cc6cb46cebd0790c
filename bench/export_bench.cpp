// export_bench: how fast the bundle is written, how big its pages are, and whether memory stays
// flat as the page count grows. Prints figures; it is not a test.
//
// A text PDF of 500 A4 pages (Helvetica lines, written with PoDoFo) is generated once. Each
// measurement then runs in a child process of its own, so its peak memory (VmHWM) is its own:
// it reads the first N pages' words with Poppler (as gather would), redacts a few words per
// page, and exports at 200 dpi with verification on.
//
//   export_bench [pages] [dpi]        defaults: 500 200
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <podofo/podofo.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>
#pragma GCC diagnostic pop

#include "safesar/export.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

const char* const names[] = {"Kerry", "Maddox", "Hollis", "Tansy", "Okafor", "Walsh"};
const char* const words[] = {"the",     "worker",  "spoke",    "with",    "participant", "about",
                             "contact", "session", "agreed",   "next",    "steps",       "and",
                             "risk",    "plan",    "children", "weekend", "arrived",     "early",
                             "calm",    "review",  "referral", "notes",   "programme",   "support"};

// Deterministic filler text with a few names on each page.
void write_source_pdf(const fs::path& file, int pages) {
    PoDoFo::PdfStreamedDocument doc(file.c_str());
    PoDoFo::PdfFont* font =
        doc.CreateFont("Helvetica", false, false, false,
                       PoDoFo::PdfEncodingFactory::GlobalWinAnsiEncodingInstance(),
                       PoDoFo::PdfFontCache::eFontCreationFlags_AutoSelectBase14, false);
    font->SetFontSize(10.5);
    std::mt19937 random(42);
    for (int p = 0; p < pages; ++p) {
        PoDoFo::PdfPage* page =
            doc.CreatePage(PoDoFo::PdfPage::CreateStandardPageSize(PoDoFo::ePdfPageSize_A4));
        PoDoFo::PdfPainter painter;
        painter.SetPage(page);
        painter.SetFont(font);
        for (int line = 0; line < 46; ++line) {
            std::string text;
            for (int w = 0; w < 13; ++w) {
                bool name = (line % 15 == 3) && w == 4;
                text +=
                    std::string(w ? " " : "") + (name ? names[random() % 6] : words[random() % 24]);
            }
            painter.DrawText(56, 780 - line * 15.5, PoDoFo::PdfString(text.c_str()));
        }
        painter.FinishPage();
    }
    doc.Close();
}

std::string utf8(const poppler::ustring& s) {
    poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// The record as gather would give it: one PageText section per page, words with boxes.
Record read_record(const fs::path& file, int pages) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file.string()));
    Record record;
    record.path = file;
    record.name = file.filename().string();
    record.kind = RecordKind::Pdf;
    for (int i = 0; i < pages && i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        Section s;
        s.kind = SectionKind::PageText;
        s.page = i + 1;
        double last_y = -1;
        for (const poppler::text_box& tb : page->text_list()) {
            poppler::rectf b = tb.bbox();
            if (!s.text.empty()) s.text += std::abs(b.y() - last_y) > 2 ? "\n" : " ";
            last_y = b.y();
            Word w;
            w.begin = s.text.size();
            s.text += utf8(tb.text());
            w.end = s.text.size();
            w.box = Box{b.left(), b.top(), b.right(), b.bottom()};
            s.words.push_back(w);
        }
        record.sections.push_back(std::move(s));
        record.pages.push_back(PageInfo{});
    }
    return record;
}

std::vector<Redaction> redact_names(const Record& record) {
    std::vector<Redaction> out;
    for (std::size_t si = 0; si < record.sections.size(); ++si) {
        const Section& s = record.sections[si];
        for (const Word& w : s.words) {
            std::string text = s.text.substr(w.begin, w.end - w.begin);
            for (const char* name : names) {
                if (text != name) continue;
                Redaction r;
                r.section = si;
                r.begin = w.begin;
                r.end = w.end;
                r.reason = Reason{"TP", "DPA 2018 Sch 2 Pt 3 para 16", "About another person."};
                r.boxes.push_back(w.box);
                out.push_back(r);
            }
        }
    }
    return out;
}

long status_kb(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0) return std::atol(line.c_str() + std::string(key).size());
    return -1;
}

struct Figures {
    int source_pages = 0, bundle_pages = 0, redactions = 0, workers = 0;
    bool verify = true;
    double seconds = 0, verify_seconds = 0, render_cpu = 0, encode_cpu = 0, cpu = 0;
    double bytes_per_page = 0, image_bytes_per_page = 0;
    long hwm_before_kb = 0, hwm_after_kb = 0;
    std::string encodings;
};

// Runs one export in a child process; returns its figures through a pipe.
Figures measure(const fs::path& source, const fs::path& out, int pages, int dpi, int workers,
                bool verify) {
    int fds[2];
    if (pipe(fds) != 0) std::exit(2);
    pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        Figures f;
        Record record = read_record(source, pages);
        Case request;
        request.reference = "BENCH-" + std::to_string(pages);
        Disclosure disclosure;
        disclosure.request = &request;
        disclosure.draft = false;
        RecordDisclosure rd;
        rd.record = &record;
        rd.title = "Generated text PDF";
        rd.redactions = redact_names(record);
        disclosure.records.push_back(rd);
        ExportOptions options;
        options.out_dir = out;
        options.dpi = dpi;
        options.workers = workers;
        options.verify = verify;
        options.export_date = "2026-11-21";
        f.hwm_before_kb = status_kb("VmHWM:");
        auto start = std::chrono::steady_clock::now();
        ExportResult result = export_bundle(disclosure, options);
        f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        f.hwm_after_kb = usage.ru_maxrss; // kilobytes on Linux: the process's peak resident set
        f.source_pages = pages;
        f.bundle_pages = result.pages;
        f.redactions = result.redactions;
        f.workers = workers;
        f.verify = verify;
        f.verify_seconds = result.timings.verify_seconds;
        f.render_cpu = result.timings.render_seconds;
        f.encode_cpu = result.timings.encode_seconds;
        f.cpu = result.timings.cpu_seconds;
        f.bytes_per_page = static_cast<double>(fs::file_size(result.pdf)) / result.pages;
        f.image_bytes_per_page = static_cast<double>(result.timings.image_bytes) / pages;
        for (const auto& [method, count] : result.timings.image_encodings)
            f.encodings += method + " x" + std::to_string(count) + " ";
        std::ostringstream text;
        text << f.source_pages << ' ' << f.bundle_pages << ' ' << f.redactions << ' ' << f.workers
             << ' ' << f.verify << ' ' << f.seconds << ' ' << f.verify_seconds << ' '
             << f.render_cpu << ' ' << f.encode_cpu << ' ' << f.bytes_per_page << ' '
             << f.image_bytes_per_page << ' ' << f.hwm_before_kb << ' ' << f.hwm_after_kb << ' '
             << f.cpu << '\n'
             << f.encodings << '\n';
        std::string s = text.str();
        if (write(fds[1], s.data(), s.size()) < 0) _exit(3);
        _exit(0);
    }
    close(fds[1]);
    std::string data;
    char buffer[4096];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
        data.append(buffer, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::cerr << "export of " << pages << " pages failed\n";
        std::exit(1);
    }
    Figures f;
    std::istringstream in(data);
    in >> f.source_pages >> f.bundle_pages >> f.redactions >> f.workers >> f.verify >> f.seconds >>
        f.verify_seconds >> f.render_cpu >> f.encode_cpu >> f.bytes_per_page >>
        f.image_bytes_per_page >> f.hwm_before_kb >> f.hwm_after_kb >> f.cpu;
    in.ignore();
    std::getline(in, f.encodings);
    return f;
}

void print(const Figures& f) {
    std::printf("%6d %7d %7d %8s %8.2f %9.1f %8.1f %8.1f %10.1f %9.1f %9.1f %9.1f %9.1f %10.1f "
                "%8.1f   %s\n",
                f.source_pages, f.workers, f.redactions, f.verify ? "on" : "off", f.seconds,
                f.source_pages / f.seconds, f.verify_seconds, 1000 * f.cpu / f.source_pages,
                1000 * f.render_cpu / f.source_pages, 1000 * f.encode_cpu / f.source_pages,
                f.image_bytes_per_page / 1024, f.bytes_per_page / 1024, f.hwm_before_kb / 1024.0,
                (f.hwm_after_kb - f.hwm_before_kb) / 1024.0, f.hwm_after_kb / 1024.0,
                f.encodings.c_str());
}

} // namespace

int main(int argc, char** argv) {
    int pages = argc > 1 ? std::atoi(argv[1]) : 500;
    int dpi = argc > 2 ? std::atoi(argv[2]) : 200;
    fs::path dir = fs::temp_directory_path() / ("safesar-export-bench-" + std::to_string(getpid()));
    fs::create_directories(dir);
    auto source_of = [&](int n) { return dir / ("source-" + std::to_string(n) + ".pdf"); };
    std::vector<int> sizes;
    for (int n : {pages / 10, pages / 4, pages / 2, pages})
        if (n > 0) sizes.push_back(n);
    auto start = std::chrono::steady_clock::now();
    for (int n : sizes)
        write_source_pdf(source_of(n), n);
    std::printf("sources: A4 text pages of 46 lines, %.1f KB/page, written in %.1f s; export at %d "
                "dpi on %u cores\n\n",
                static_cast<double>(fs::file_size(source_of(pages))) / pages / 1024,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                dpi, std::thread::hardware_concurrency());
    std::printf("%6s %7s %7s %8s %8s %9s %8s %8s %10s %9s %9s %9s %9s %10s %8s   %s\n", "pages",
                "workers", "redact", "verify", "seconds", "pages/s", "verify s", "cpu ms/p",
                "render ms", "encode ms", "img KB/p", "file KB/p", "input MB", "export +MB",
                "peak MB", "page images");
    // Memory: the input record grows with the pages (that is the input); what export adds on top
    // of it ("export +MB", peak minus the peak before export) must not.
    for (int n : sizes)
        print(measure(source_of(n), dir / ("out-" + std::to_string(n)), n, dpi, 2, true));
    print(measure(source_of(pages), dir / "out-1w", pages, dpi, 1, true));
    print(measure(source_of(pages), dir / "out-noverify", pages, dpi, 2, false));
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}
