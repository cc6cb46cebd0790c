// OCR of scanned letters (fixtures/scans/, made by fixtures/make_scans.py): the words are read
// whichever way the scan is turned, their boxes land on the words, a scan pasted into a typed
// page is read too, unsure words are flagged, results are cached by page content; and a whole run
// leaves no name or phone number of a scan in the bundle, not even for OCR of the bundle.
#include "safesar/gather.hpp"

#include "../engine/src/gather/ocr.hpp"

#include "process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <leptonica/allheaders.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

const fs::path scans = fs::path(SAFESAR_FIXTURES) / "scans";

// A scratch folder (tests/support) under the name these tests use.
class TempDir {
  public:
    explicit TempDir(const std::string& name) : dir_("safesar-ocr-" + name) {}
    const fs::path& path() const { return dir_.path(); }

  private:
    test::TempDir dir_;
};

std::string slurp(const fs::path& file) {
    return test::read_file(file);
}

// Runs a shell command; its standard output, and its exit status in `status`.
std::string run(const std::string& command, int& status) {
    return test::run_capture(command, &status);
}

using test::quoted;

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string digits(const std::string& s) {
    std::string d;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c))) d += c;
    return d;
}

const Record& record(const GatherResult& g, const std::string& name) {
    for (const auto& r : g.records)
        if (r.name == name) return r;
    FAIL("no record " << name);
    throw std::logic_error("unreachable");
}

// The OCR words of a page, as one text.
std::string ocr_text(const Record& r, int page) {
    std::string t;
    for (const auto& s : r.sections)
        if (s.kind == SectionKind::PageText && s.page == page && s.ocr) t += s.text + "\n";
    return t;
}

// The box of the first OCR word of `page` that contains `word`.
safesar::Box box_of(const Record& r, int page, const std::string& word) {
    for (const auto& s : r.sections)
        if (s.kind == SectionKind::PageText && s.page == page && s.ocr)
            for (const auto& w : s.words)
                if (s.text.substr(w.begin, w.end - w.begin).find(word) != std::string::npos)
                    return w.box;
    FAIL("no OCR word " << word << " on page " << page);
    return {};
}

// Intersection over union.
double overlap(const safesar::Box& a, const safesar::Box& b) {
    const double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
    const double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    if (w <= 0 || h <= 0) return 0;
    return w * h / (a.width() * a.height() + b.width() * b.height() - w * h);
}

GatherResult gather(const fs::path& folder, const fs::path& cache = {}) {
    Case c;
    c.folder = folder;
    GatherOptions o;
    o.ocr_cache = cache;
    return gather_records(c, o);
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
    std::vector<fs::path> out;
    if (fs::is_directory(dir))
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == extension) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("scanned letters are read: skewed, sideways, turned upright by the page, pasted in",
          "[ocr]") {
    const GatherResult g = gather(scans / "letters");
    REQUIRE(g.skipped.empty());

    const Record& skewed = record(g, "skewed-letter.pdf");
    REQUIRE(skewed.pages.size() == 1);
    CHECK(skewed.pages[0].image_only);
    CHECK(skewed.pages[0].ocr_done);
    CHECK(skewed.pages[0].ocr_confidence > 80);
    CHECK_THAT(ocr_text(skewed, 1), Catch::Contains("Imogen Treharne") &&
                                        Catch::Contains("07700 900582") &&
                                        Catch::Contains("Dear Mr Ashworth"));

    const Record& sideways = record(g, "sideways-letter.pdf");
    REQUIRE(sideways.pages.size() == 2);
    CHECK(sideways.pages[0].ocr_done);
    CHECK_THAT(ocr_text(sideways, 1),
               Catch::Contains("Marisol Penhaligon") && Catch::Contains("0114 496 0731"));
    // Page 2 is shown upright by /Rotate 90: its box is the page as shown.
    CHECK(sideways.pages[1].rotation == 90);
    CHECK(sideways.pages[1].crop.width() < sideways.pages[1].crop.height());
    CHECK_THAT(ocr_text(sideways, 2),
               Catch::Contains("Imogen Treharne") && Catch::Contains("07700 900582"));

    // The typed note keeps its own text; the pasted scan adds only its own words.
    const Record& pasted = record(g, "pasted-scan.pdf");
    REQUIRE(pasted.pages.size() == 1);
    CHECK_FALSE(pasted.pages[0].image_only);
    CHECK(pasted.pages[0].ocr_done);
    const std::string scan_words = ocr_text(pasted, 1);
    CHECK_THAT(scan_words,
               Catch::Contains("Marisol Penhaligon") && Catch::Contains("0114 496 0731"));
    CHECK_THAT(scan_words, !Catch::Contains("duty worker") && !Catch::Contains("File note"));
    const safesar::Box name = box_of(pasted, 1, "Penhaligon");
    CHECK(name.y0 > 440); // inside the image, which starts 440 pt down the page
    CHECK(name.y1 < 693);
}

TEST_CASE("a scan turned 90, 180 or 270 degrees is read, with boxes on its words", "[ocr]") {
    const GatherResult g = gather(scans / "orientations");
    const Record& r = record(g, "turned-note.pdf");
    REQUIRE(r.pages.size() == 4);
    const double W = 595.28, H = 841.89; // the upright page
    const safesar::Box up = box_of(r, 1, "Treharne");
    CHECK(up.x0 > 100); // "Caller: Imogen Treharne", 1 inch in: the surname is well right of it
    // Where the upright word lands when the note is turned anticlockwise (as the fixture turns
    // it) by 90, 180, 270 degrees.
    const std::array<safesar::Box, 3> expected{{
        {up.y0, W - up.x1, up.y1, W - up.x0},
        {W - up.x1, H - up.y1, W - up.x0, H - up.y0},
        {H - up.y1, up.x0, H - up.y0, up.x1},
    }};
    for (int page = 2; page <= 4; ++page) {
        INFO("page " << page);
        CHECK_THAT(ocr_text(r, page),
                   Catch::Contains("Imogen Treharne") && Catch::Contains("07700 900582"));
        const safesar::Box got = box_of(r, page, "Treharne");
        const safesar::Box& want = expected[static_cast<std::size_t>(page - 2)];
        INFO("box " << got.x0 << " " << got.y0 << " " << got.x1 << " " << got.y1 << ", expected "
                    << want.x0 << " " << want.y0 << " " << want.x1 << " " << want.y1);
        // Tesseract's boxes of one word differ by a few points between readings; a box mapped
        // back the wrong way would not overlap at all.
        CHECK(overlap(got, want) > 0.6);
    }
}

TEST_CASE("a box found in a turned, straightened image maps back onto the image as given",
          "[ocr]") {
    // A dark bar, turned and rotated with Leptonica as the reader turns a page; the bar's box in
    // the turned image must map back onto the bar (a little larger when straightened).
    const int width = 400, height = 300;
    const OcrWord bar{"", 50, 20, 130, 45, 0, false};
    for (int clockwise : {0, 90, 180, 270})
        for (float skew : {0.0f, 4.0f, -3.0f}) {
            INFO("clockwise " << clockwise << ", skew " << skew);
            Pix* pix = pixCreate(width, height, 8);
            pixSetAll(pix); // white
            ::Box* b = boxCreate(bar.x0, bar.y0, bar.x1 - bar.x0, bar.y1 - bar.y0);
            pixClearInRect(pix, b); // black
            boxDestroy(&b);
            Pix* turned = pixRotateOrth(pix, clockwise / 90);
            Pix* straight = pixRotate(turned, skew * std::numbers::pi_v<float> / 180,
                                      L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
            OcrWord found{"", 1 << 30, 1 << 30, -1, -1, 0, false};
            for (int y = 0; y < pixGetHeight(straight); ++y)
                for (int x = 0; x < pixGetWidth(straight); ++x) {
                    l_uint32 v = 255;
                    pixGetPixel(straight, x, y, &v);
                    if (v >= 128) continue;
                    found.x0 = std::min(found.x0, x);
                    found.y0 = std::min(found.y0, y);
                    found.x1 = std::max(found.x1, x + 1);
                    found.y1 = std::max(found.y1, y + 1);
                }
            pixDestroy(&straight);
            pixDestroy(&turned);
            pixDestroy(&pix);
            REQUIRE(found.x1 > found.x0);
            map_back(found, {width, height, clockwise, skew});
            CHECK(found.x0 <= bar.x0 + 1);
            CHECK(found.y0 <= bar.y0 + 1);
            CHECK(found.x1 >= bar.x1 - 1);
            CHECK(found.y1 >= bar.y1 - 1);
            const double area = double(found.x1 - found.x0) * (found.y1 - found.y0);
            CHECK(area <= 1.7 * (bar.x1 - bar.x0) * (bar.y1 - bar.y0));
        }
}

TEST_CASE("unsure OCR words that may identify someone are flagged, without their text", "[ocr]") {
    const GatherResult g = gather(scans / "faint");
    const Record& r = record(g, "faint-note.pdf");
    REQUIRE(r.pages.size() == 1);
    CHECK(r.pages[0].ocr_done);
    CHECK(r.pages[0].low_confidence_words > 0);
    REQUIRE_FALSE(r.warnings.empty());
    CHECK_THAT(r.warnings[0], Catch::StartsWith("page 1: ") && Catch::Contains("check the scan"));
    for (const auto& w : r.warnings)
        for (const auto& s : r.sections)
            for (const auto& word : s.words)
                if (word.confidence < 60 && word.end - word.begin >= 4)
                    CHECK_THAT(w,
                               !Catch::Contains(s.text.substr(word.begin, word.end - word.begin)));

    // A clean scan raises no such flag on its names and numbers.
    const GatherResult clean = gather(scans / "orientations");
    CHECK(record(clean, "turned-note.pdf").pages[0].low_confidence_words == 0);
}

TEST_CASE("OCR results are cached by page content: a second gather does not OCR again", "[ocr]") {
    TempDir t("cache");
    fs::create_directories(t.path() / "records");
    fs::copy_file(scans / "letters/records/skewed-letter.pdf",
                  t.path() / "records/skewed-letter.pdf");
    const fs::path cache = t.path() / ".safesar/ocr-cache";

    const GatherResult first = gather(t.path(), cache);
    REQUIRE(first.records.size() == 1);
    const auto entries = files_in(cache, ".json");
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].stem().string().size() == 64); // a SHA-256
    for (const auto& e : fs::directory_iterator(cache))
        CHECK(e.path().extension() == ".json"); // no temporary left behind

    // Mark the cached words: if the second gather shows the mark, it read the cache, not the page.
    nlohmann::json j = nlohmann::json::parse(slurp(entries[0]));
    int marked = 0;
    for (auto& w : j.at("words"))
        if (w.at(0).get<std::string>().find("Treharne") != std::string::npos) {
            w[0] = "Cachedword";
            ++marked;
        }
    REQUIRE(marked > 0);
    std::ofstream(entries[0], std::ios::binary | std::ios::trunc) << j.dump();
    const GatherResult second = gather(t.path(), cache);
    CHECK_THAT(ocr_text(second.records.at(0), 1),
               Catch::Contains("Imogen Cachedword") && !Catch::Contains("Treharne"));
    CHECK(second.records.at(0).pages.at(0).ocr_done);

    // A damaged entry is read again from the page, and replaced.
    std::ofstream(entries[0], std::ios::binary | std::ios::trunc) << "{\"version\": 1, \"wor";
    const GatherResult third = gather(t.path(), cache);
    CHECK_THAT(ocr_text(third.records.at(0), 1), Catch::Contains("Imogen Treharne"));
    CHECK_NOTHROW(nlohmann::json::parse(slurp(entries[0])));

    // Another page is another entry: the key is the page's content, not the file's name.
    fs::copy_file(scans / "letters/records/sideways-letter.pdf",
                  t.path() / "records/skewed-letter-copy.pdf");
    gather(t.path(), cache);
    CHECK(files_in(cache, ".json").size() == 3);
}

TEST_CASE("safesar run: names and phones of scanned letters are absent from the bundle, even "
          "to OCR, and the letters' other words remain",
          "[ocr]") {
    TempDir t("run");
    const fs::path case_dir = t.path() / "case", out = t.path() / "out";
    fs::copy(scans / "letters", case_dir, fs::copy_options::recursive);
    int status = 0;
    run(std::string(SAFESAR_BINARY) + " run " + quoted(case_dir) + " --out " + quoted(out) +
            " 2>&1",
        status);
    REQUIRE(status == 0);
    const fs::path bundle = out / "SAR-2026-OCR1.pdf";
    REQUIRE(fs::exists(bundle));

    // Every text the bundle gives away: its text layer in both modes, the JSON twin, and OCR of
    // its pages rendered as the scorer renders them.
    std::string text = run("pdftotext " + quoted(bundle) + " - 2>/dev/null", status);
    REQUIRE(status == 0);
    text += run("pdftotext -layout " + quoted(bundle) + " - 2>/dev/null", status);
    std::string json;
    for (const auto& f : files_in(out, ".json"))
        json += slurp(f);
    run("pdftoppm -r 150 -gray " + quoted(bundle) + " " + quoted(t.path() / "page"), status);
    REQUIRE(status == 0);
    std::string ocr;
    const auto pages = files_in(t.path(), ".pgm");
    REQUIRE(pages.size() >= 4);
    for (const auto& p : pages) {
        ocr += run("OMP_THREAD_LIMIT=1 tesseract " + quoted(p) + " - 2>/dev/null", status);
        REQUIRE(status == 0);
    }

    for (const auto* seen : {&text, &json, &ocr}) {
        const std::string l = lower(*seen), d = digits(*seen);
        for (const char* secret : {"imogen", "treharne", "marisol", "penhaligon"})
            CHECK(l.find(secret) == std::string::npos);
        for (const char* phone : {"07700900582", "01144960731"})
            CHECK(d.find(phone + 1) == std::string::npos); // digits without the leading 0
    }
    // The requester's own letters stay readable, in the text layer and on the page.
    for (const char* kept : {"Ashworth", "homework", "facilitator", "tenancy", "duty worker"})
        CHECK_THAT(text, Catch::Contains(kept));
    CHECK_THAT(lower(ocr), Catch::Contains("ashworth") && Catch::Contains("programme"));
}
