// Gathering the fixtures: every bad input gets one clear error naming the file, the good records
// are still read, and nothing under records/ changes.
#include <catch2/catch.hpp>

#include "safesar/errors.hpp"
#include "safesar/gather.hpp"
#include "safesar/pipeline.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <unistd.h>
#include <vector>

using namespace safesar;
namespace fs = std::filesystem;

namespace {

std::map<std::string, fs::file_time_type> snapshot(const fs::path& dir) {
    std::map<std::string, fs::file_time_type> out;
    for (auto& e : fs::recursive_directory_iterator(dir))
        if (!e.is_symlink() && e.is_regular_file()) out[e.path().string()] = e.last_write_time();
    return out;
}

const SkippedRecord* skipped(const GatherResult& g, const std::string& name) {
    for (const auto& s : g.skipped)
        if (s.name == name) return &s;
    return nullptr;
}
const Record* record(const GatherResult& g, const std::string& name) {
    for (const auto& r : g.records)
        if (r.name == name) return &r;
    return nullptr;
}

} // namespace

TEST_CASE("bad input is reported per file and the run goes on", "[gather]") {
    LoadedCase lc = load_case(SAFESAR_FIXTURES "/bad-input");
    const auto before = snapshot(lc.value.records_dir());
    GatherResult g = gather_records(lc.value);

    REQUIRE(skipped(g, "encrypted.pdf"));
    CHECK_THAT(skipped(g, "encrypted.pdf")->reason, Catch::Contains("encrypted"));
    REQUIRE(skipped(g, "empty.pdf"));
    CHECK_THAT(skipped(g, "empty.pdf")->reason, Catch::Contains("empty"));
    CHECK(skipped(g, "junk.pdf"));
    CHECK(skipped(g, "malformed.eml"));
    REQUIRE(skipped(g, "outside-link.txt"));
    CHECK_THAT(skipped(g, "outside-link.txt")->reason, Catch::Contains("leads out of"));

    // The good records are read; a PDF named .txt is read as the PDF it is.
    REQUIRE(record(g, "good-notes.txt"));
    REQUIRE(record(g, "actually-a-pdf.txt"));
    CHECK(record(g, "actually-a-pdf.txt")->kind == RecordKind::Pdf);
    REQUIRE(record(g, "windows-1252.txt"));
    CHECK_THAT(record(g, "windows-1252.txt")->sections.at(0).text, Catch::Contains("\xE2\x80\x99"));

    // The secret behind the link never reaches the document model.
    for (const auto& r : g.records)
        for (const auto& s : r.sections)
            CHECK(s.text.find("PERIWINKLE") == std::string::npos);

    CHECK(snapshot(lc.value.records_dir()) == before);
}

TEST_CASE("leak fixtures: hidden text is marked, metadata and annotations are gathered",
          "[gather]") {
    // A one-file case per fixture, made in a temporary folder.
    auto gather_one = [](const std::string& file) {
        fs::path dir = fs::temp_directory_path() / ("safesar-leak-" + file);
        fs::remove_all(dir);
        fs::create_directories(dir / "records");
        fs::copy_file(fs::path(SAFESAR_FIXTURES "/leaks") / file, dir / "records" / file);
        Case c;
        c.folder = dir;
        GatherOptions o;
        o.ocr = false;
        GatherResult g = gather_records(c, o);
        fs::remove_all(dir);
        return g;
    };
    auto all_text = [](const Record& r, SectionKind kind) {
        std::string t;
        for (auto& s : r.sections)
            if (s.kind == kind) t += s.text + "\n";
        return t;
    };
    auto hidden_words = [](const Record& r) {
        int n = 0;
        for (auto& p : r.pages)
            n += p.hidden_words;
        return n;
    };

    for (const char* f : {"under-black-box.pdf", "white-text.pdf", "invisible-text.pdf"}) {
        INFO(f);
        GatherResult g = gather_one(f);
        REQUIRE(g.records.size() == 1);
        CHECK(hidden_words(g.records[0]) >= 2); // "Bethan Quayle"
    }
    {
        GatherResult g = gather_one("info-metadata.pdf");
        REQUIRE(g.records.size() == 1);
        CHECK_THAT(all_text(g.records[0], SectionKind::Metadata), Catch::Contains("Quayle"));
    }
    {
        GatherResult g = gather_one("sticky-note.pdf");
        REQUIRE(g.records.size() == 1);
        CHECK_THAT(all_text(g.records[0], SectionKind::Annotation), Catch::Contains("Quayle"));
    }
    {
        GatherResult g = gather_one("form-field.pdf");
        REQUIRE(g.records.size() == 1);
        CHECK_THAT(all_text(g.records[0], SectionKind::FormField), Catch::Contains("Quayle"));
    }
    {
        GatherResult g = gather_one("attachment.pdf");
        REQUIRE(g.records.size() == 2); // the PDF and its embedded file
        CHECK(g.records[1].parent == "attachment.pdf");
    }
}

TEST_CASE("gathering reports each file as it finishes, from any thread, one call at a time",
          "[gather]") {
    LoadedCase lc = load_case(SAFESAR_FIXTURES "/bad-input");
    int files = 0;
    for (const auto& e : fs::directory_iterator(lc.value.records_dir()))
        files += !e.is_directory();
    GatherOptions options;
    options.ocr = false;
    options.threads = 2;
    std::vector<int> done;
    std::atomic<int> inside{0};
    bool overlapped = false, wrong_total = false;
    options.on_file_done = [&](int n, int total) {
        overlapped = overlapped || inside++ > 0;
        wrong_total = wrong_total || total != files;
        done.push_back(n);
        --inside;
    };
    gather_records(lc.value, options);
    CHECK_FALSE(overlapped);
    CHECK_FALSE(wrong_total);
    std::vector<int> expected(static_cast<std::size_t>(files));
    std::iota(expected.begin(), expected.end(), 1);
    CHECK(done == expected); // skipped files included
}

TEST_CASE("gathering and scanning stop with Cancelled when asked to", "[gather]") {
    const fs::path folder = SAFESAR_FIXTURES "/bad-input";
    LoadedCase lc = load_case(folder);
    std::atomic<bool> cancel{true};
    GatherOptions options;
    options.ocr = false;
    options.cancel = &cancel;
    CHECK_THROWS_AS(gather_records(lc.value, options), Cancelled);

    // Asked mid-way: after the first file.
    cancel = false;
    int calls = 0;
    options.threads = 1;
    options.on_file_done = [&](int, int) {
        ++calls;
        cancel = true;
    };
    CHECK_THROWS_AS(gather_records(lc.value, options), Cancelled);
    CHECK(calls == 1);

    cancel = true;
    options.on_file_done = nullptr;
    CHECK_THROWS_WITH(scan_case(SAFESAR_FIXTURES "/cases/profiles/standard", options), "cancelled");
}

TEST_CASE("a long PDF read on several threads gives the same pages as on one", "[gather]") {
    // 60 pages, each with visible text and one white (hidden) word: the page-parallel reading
    // must keep the order, the words and the hidden marks.
    const fs::path dir =
        fs::temp_directory_path() / ("safesar-long-pdf-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "records");
    const std::string script =
        "from reportlab.pdfgen import canvas\n"
        "c = canvas.Canvas('" +
        (dir / "records" / "long.pdf").string() +
        "', invariant=1)\n"
        "for i in range(60):\n"
        "    c.setFillColorRGB(0, 0, 0)\n"
        "    c.drawString(72, 720, 'Visible note on page %d about the programme' % (i + 1))\n"
        "    c.setFillColorRGB(1, 1, 1)\n"
        "    c.drawString(72, 600, 'Hiddenword%d' % (i + 1))\n"
        "    c.showPage()\n"
        "c.save()\n";
    const fs::path py = dir / "make.py";
    { std::ofstream(py) << script; }
    REQUIRE(std::system(("/usr/bin/python3 '" + py.string() + "'").c_str()) == 0);
    Case c;
    c.folder = dir;
    auto read = [&](unsigned threads) {
        GatherOptions o;
        o.ocr = false;
        o.threads = threads;
        GatherResult g = gather_records(c, o);
        REQUIRE(g.records.size() == 1);
        return g.records[0];
    };
    const Record one = read(1), several = read(3);
    REQUIRE(one.pages.size() == 60);
    REQUIRE(several.pages.size() == 60);
    REQUIRE(one.sections.size() == several.sections.size());
    int hidden = 0;
    for (std::size_t i = 0; i < one.sections.size(); ++i) {
        const Section &a = one.sections[i], &b = several.sections[i];
        CHECK(a.label == b.label);
        CHECK(a.text == b.text);
        REQUIRE(a.words.size() == b.words.size());
        for (std::size_t w = 0; w < a.words.size(); ++w) {
            CHECK(a.words[w].hidden == b.words[w].hidden);
            hidden += b.words[w].hidden;
        }
    }
    CHECK(hidden == 60);
    // The pages in order: the last page section is page 60's.
    const Section* last = nullptr;
    for (const Section& s : several.sections)
        if (s.kind == SectionKind::PageText) last = &s;
    REQUIRE(last);
    CHECK(last->page == 60);
    CHECK(last->text.find("page 60 ") != std::string::npos);
    fs::remove_all(dir);
}
