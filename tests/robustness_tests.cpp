// Hostile and unusual input (issue 20 and 21): PDF text strings decoded everywhere, limits on
// what one record may cost, parts not read becoming open items, names that are not UTF-8, links
// inside records/, and export going on when one record or one page cannot be shown.
#include <catch2/catch.hpp>

#include "safesar/case_model.hpp"
#include "safesar/errors.hpp"
#include "safesar/export.hpp"
#include "safesar/gather.hpp"
#include "safesar/limits.hpp"
#include "safesar/pipeline.hpp"
#include "safesar/printable.hpp"
#include "safesar/time_limit.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

using namespace safesar;
namespace fs = std::filesystem;

namespace {

const fs::path hostile_dir = fs::path(SAFESAR_TEST_DATA) / ".." / "robustness";

// A fresh temporary folder, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "safesar-robust-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string capture(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf;
    while (std::size_t n = fread(buf.data(), 1, buf.size(), p))
        out.append(buf.data(), n);
    pclose(p);
    return out;
}

// One of tests/robustness/hostile.py's files.
fs::path make(const std::string& generator, const fs::path& out) {
    fs::create_directories(out.parent_path());
    const std::string cmd = "cd '" + hostile_dir.string() + "' && /usr/bin/python3 hostile.py " +
                            generator + " '" + out.string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return out;
}

nlohmann::json text_strings() {
    return nlohmann::json::parse(capture("cd '" + hostile_dir.string() +
                                         "' && /usr/bin/python3 -c 'import hostile, json; "
                                         "print(json.dumps(hostile.TEXT_STRINGS))'"));
}

GatherOptions no_ocr() {
    GatherOptions o;
    o.ocr = false;
    o.limits = Limits{};
    return o;
}

bool holds(const Record& r, const std::string& text) {
    for (const Section& s : r.sections)
        if (s.text.find(text) != std::string::npos) return true;
    return false;
}

Case case_at(const fs::path& folder) {
    Case c;
    c.folder = folder;
    c.reference = "SAR-T-1";
    return c;
}

} // namespace

TEST_CASE("PDF text strings are decoded whatever their encoding", "[robust][pdf]") {
    using namespace std::string_literals;                                  // the strings hold NULs
    CHECK(decode_pdf_text("\xFE\xFF\x00Z\x00o\x00\xEB"s) == "Zo\xC3\xAB"); // UTF-16BE
    CHECK(decode_pdf_text("\xFF\xFEZ\x00o\x00\xEB\x00"s) == "Zo\xC3\xAB"); // UTF-16LE
    CHECK(decode_pdf_text("\xEF\xBB\xBFZo\xC3\xAB") == "Zo\xC3\xAB");      // UTF-8, BOM
    CHECK(decode_pdf_text("Zo\xEB \x80") == "Zo\xC3\xAB \xE2\x80\xA2");    // PDFDocEncoding
    CHECK(decode_pdf_text("\xFE\xFF\x00\x1B\x00"
                          "e\x00n\x00\x1B\x00Z"s) == "Z"); // language
    // Broken input still gives valid UTF-8: a lone surrogate, an odd byte, bad UTF-8 after a BOM.
    for (const std::string& raw :
         {std::string("\xFE\xFF\xD8\x00\x00Z", 6), std::string("\xFE\xFF\x00", 3),
          std::string("\xEF\xBB\xBF\xC3(", 5), std::string("a\0b", 3)}) {
        const std::string text = decode_pdf_text(raw);
        CHECK(valid_utf8(text) == text);
        CHECK(text.find('\0') == std::string::npos);
    }
}

TEST_CASE("a PDF's metadata, outline, notes, form and attachment names reach the record decoded",
          "[robust][pdf]") {
    TempDir tmp;
    const fs::path pdf = make("pdf-text-strings", tmp.path / "strings.pdf");
    // The same file rewritten by qpdf with object streams: the strings then sit compressed.
    const fs::path packed = tmp.path / "packed.pdf";
    REQUIRE(std::system(
                ("qpdf --object-streams=generate '" + pdf.string() + "' '" + packed.string() + "'")
                    .c_str()) == 0);
    const nlohmann::json expected = text_strings();
    for (const fs::path& file : {pdf, packed}) {
        INFO(file.filename().string());
        std::vector<Record> attachments;
        const Record r = read_pdf(file, "strings.pdf", nullptr, no_ocr(), attachments);
        for (const auto& [what, text] : expected.items()) {
            INFO(what);
            if (what == "attachment_name") continue;
            CHECK(holds(r, text.get<std::string>()));
        }
        REQUIRE(attachments.size() == 1);
        CHECK(attachments[0].name ==
              "strings.pdf#" + expected["attachment_name"].get<std::string>());
        CHECK(r.unread.empty());
        // A form field keeps its place on the page, as the page's words have it.
        bool field = false;
        for (const Section& s : r.sections)
            if (s.kind == SectionKind::FormField && s.area) {
                field = true;
                CHECK(s.area->x0 == Approx(72));
                CHECK(s.area->y0 == Approx(792 - 620));
            }
        CHECK(field);
    }
}

TEST_CASE("a gathered case with UTF-16 strings and a non-UTF-8 file name makes valid JSON",
          "[robust][gather]") {
    TempDir tmp;
    make("pdf-text-strings", tmp.path / "records" / "strings.pdf");
    std::ofstream(tmp.path / "records" / "caf\xE9.txt") << "A note about the programme.\n";
    const GatherResult g = gather_records(case_at(tmp.path), no_ocr());
    CHECK(g.skipped.empty());
    nlohmann::json j = nlohmann::json::array();
    for (const Record& r : g.records) {
        j.push_back({{"name", r.name}, {"warnings", r.warnings}, {"unread", r.unread}});
        for (const Section& s : r.sections)
            j.push_back({{"label", s.label}, {"text", s.text}});
    }
    CHECK_NOTHROW(j.dump()); // throws on a byte that is not UTF-8
    bool latin = false;
    for (const Record& r : g.records)
        if (r.name == "caf\xEF\xBF\xBD.txt") {
            latin = true;
            CHECK(holds(r, "programme")); // read through the name's real bytes
        }
    CHECK(latin);
}

TEST_CASE("links inside records/ say where they lead, and loops and escapes are refused",
          "[robust][gather]") {
    TempDir tmp;
    const fs::path records = tmp.path / "records";
    fs::create_directories(records / "notes");
    std::ofstream(records / "notes" / "a.txt") << "A note about the programme.\n";
    fs::create_symlink("a.txt", records / "notes" / "same.txt");
    fs::create_symlink("notes", records / "folder-link");
    fs::create_symlink("loop-b", records / "loop-a");
    fs::create_symlink("loop-a", records / "loop-b");
    fs::create_symlink("/etc/hostname", records / "outside");
    fs::create_symlink("gone.txt", records / "dangling");
    const GatherResult g = gather_records(case_at(tmp.path), no_ocr());
    REQUIRE(g.records.size() == 1); // the note, once
    CHECK(g.records[0].name == "notes/a.txt");
    REQUIRE(g.links.size() == 2);
    CHECK(g.links[0].name == "folder-link");
    CHECK_THAT(g.links[0].reason, Catch::Contains("notes"));
    CHECK(g.links[1].name == "notes/same.txt");
    CHECK_THAT(g.links[1].reason, Catch::Contains("notes/a.txt"));
    std::map<std::string, std::string> why;
    for (const auto& s : g.skipped)
        why[s.name] = s.reason;
    CHECK_THAT(why["loop-a"], Catch::Contains("loops"));
    CHECK_THAT(why["loop-b"], Catch::Contains("loops"));
    CHECK_THAT(why["outside"], Catch::Contains("leads out of"));
    CHECK_THAT(why["dangling"], Catch::Contains("does not exist"));
}

TEST_CASE("limits stop bombs and floods with one clear reason", "[robust][limits]") {
    TempDir tmp;
    auto refused = [&](const std::string& generator) {
        const fs::path file = make(generator, tmp.path / (generator + ".pdf"));
        std::vector<Record> attachments;
        try {
            read_pdf(file, generator + ".pdf", nullptr, no_ocr(), attachments);
        } catch (const RecordError& e) {
            CHECK(e.file() == generator + ".pdf");
            return e.reason();
        }
        FAIL(generator << " was read");
        return std::string();
    };
    CHECK_THAT(refused("bomb-pdf"), Catch::Contains("decompresses to more than"));
    CHECK_THAT(refused("image-bomb-pdf"), Catch::Contains("200000 x 200000"));
    CHECK_THAT(refused("many-pages-pdf"), Catch::Contains("limits.pdf_pages"));

    // A huge page is read (its hidden-text check drawn coarser), not refused.
    std::vector<Record> attachments;
    const Record huge = read_pdf(make("huge-page-pdf", tmp.path / "huge.pdf"), "huge.pdf", nullptr,
                                 no_ocr(), attachments);
    CHECK(holds(huge, "floor plan"));

    // The time budget of a record: spent before reading starts.
    GatherOptions late = no_ocr();
    late.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    CHECK_THROWS_WITH(
        read_pdf(make("good-pdf", tmp.path / "good.pdf"), "good.pdf", nullptr, late, attachments),
        Catch::Contains("limits.record_seconds"));
}

TEST_CASE("a page Poppler cannot open is a part not read", "[robust][pdf]") {
    TempDir tmp;
    std::vector<Record> attachments;
    const Record r = read_pdf(make("missing-page-pdf", tmp.path / "m.pdf"), "m.pdf", nullptr,
                              no_ocr(), attachments);
    REQUIRE(r.pages.size() == 2);
    CHECK_FALSE(r.pages[0].unread);
    CHECK(r.pages[1].unread);
    REQUIRE(r.unread.size() == 1);
    CHECK(r.unread[0] == "page 2 (Poppler cannot open it)");
}

TEST_CASE("limits are read from the controller settings", "[robust][limits]") {
    TempDir tmp;
    const fs::path file = tmp.path / "settings.json";
    std::ofstream(file) << R"({"limits": {"_comment": "x", "pdf_pages": 7, "page_seconds": 2.5}})";
    const Limits l = load_limits(file);
    CHECK(l.pdf_pages == 7);
    CHECK(l.page_seconds == 2.5);
    CHECK(l.mime_depth == Limits{}.mime_depth);
    std::ofstream(file) << R"({"limits": {"pdf_pagez": 7}})";
    CHECK_THROWS_WITH(load_limits(file), Catch::Contains("limits.pdf_pagez: unknown limit"));
    std::ofstream(file) << R"({"limits": {"pdf_pages": -1}})";
    CHECK_THROWS_WITH(load_limits(file), Catch::Contains("positive number"));
    // The shipped settings hold every limit at its built-in default.
    const Limits shipped = default_limits();
    CHECK(shipped.record_seconds == Limits{}.record_seconds);
    CHECK(shipped.pdf_stream_bytes == Limits{}.pdf_stream_bytes);
    CHECK(shipped.mime_parts == Limits{}.mime_parts);
}

TEST_CASE("MIME parts too deep or past the limit are counted as not read", "[robust][email]") {
    TempDir tmp;
    std::vector<Record> attachments;
    const Record deep =
        read_email(make("deep-mime", tmp.path / "deep.eml"), "deep.eml", attachments, no_ocr());
    REQUIRE_FALSE(deep.unread.empty());
    CHECK_THAT(deep.unread.back(), Catch::Contains("nested more than 10 levels deep"));
    CHECK(holds(deep, "Level 0 of the forwarded thread")); // what is within the limit is read
    attachments.clear();
    const Record many = read_email(make("many-parts-mime", tmp.path / "many.eml"), "many.eml",
                                   attachments, no_ocr());
    REQUIRE(many.unread.size() == 1);
    CHECK(many.unread[0] == "201 MIME parts past the first 1000 (limits.mime_parts)");
}

TEST_CASE("parts not read become open risks of the scan", "[robust][policy]") {
    TempDir tmp;
    fs::create_directories(tmp.path / "records");
    make("deep-mime", tmp.path / "records" / "deep.eml");
    std::ofstream(tmp.path / "request.json")
        << R"({"reference": "SAR-T-2", "received": "2026-03-02",
               "subject": {"name": "Marcus Tindall"}})";
    const auto scan = scan_case(tmp.path, no_ocr());
    bool listed = false;
    for (const Risk& risk : scan->policy.risks)
        listed = listed || (risk.record == "deep.eml" && risk.what.find("not read: ") == 0 &&
                            risk.what.find("nested more than") != std::string::npos);
    CHECK(listed);
}

TEST_CASE("printable values: valid UTF-8, bounded", "[robust][core]") {
    CHECK(valid_utf8("plain") == "plain");
    CHECK(valid_utf8("a\xFF"
                     "b") == "a\xEF\xBF\xBD"
                             "b");
    CHECK(valid_utf8("\xC3") == "\xEF\xBF\xBD");
    CHECK(valid_utf8_same_length("a\xFF\xFE"
                                 "b") == "a??b");
    const std::string long_value(1 << 20, 'x');
    const std::string s = shown(long_value, 50);
    CHECK(s.size() < 80);
    CHECK_THAT(s, Catch::Contains("1048576 bytes"));
    CHECK(shown("two\nlines") == "two lines");
}

TEST_CASE("work past its time limit is given up, the caller goes on", "[robust][core]") {
    auto finished = std::make_shared<std::atomic<bool>>(false);
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(run_with_time_limit(0.1, [finished] {
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
        *finished = true;
    }));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
    CHECK(running_abandoned_threads() >= 1);
    CHECK(run_with_time_limit(5, [] {}));
    CHECK_THROWS_WITH(run_with_time_limit(5, [] { throw RecordError("x", "inside"); }),
                      Catch::Contains("inside"));
    for (int i = 0; i < 50 && !*finished; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(*finished);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(running_abandoned_threads() == 0);
}

namespace {

// A case with a note, a good PDF and a PDF whose second page cannot be opened, scanned.
struct ExportCase {
    TempDir tmp;
    std::unique_ptr<CaseScan> scan;
    fs::path out;

    ExportCase() {
        const fs::path records = tmp.path / "case" / "records";
        fs::create_directories(records);
        std::ofstream(records / "note.txt") << "Session note: the programme went well.\n";
        make("good-pdf", records / "letter.pdf");
        make("missing-page-pdf", records / "report.pdf");
        std::ofstream(tmp.path / "case" / "request.json")
            << R"({"reference": "SAR-T-3", "received": "2026-03-02",
                   "subject": {"name": "Marcus Tindall"}})";
        scan = scan_case(tmp.path / "case", no_ocr());
        out = tmp.path / "out";
    }

    ExportResult run() {
        ExportOptions options;
        options.out_dir = out;
        options.export_date = "2026-03-10";
        return export_bundle(scan->policy.disclosure, options);
    }
};

} // namespace

TEST_CASE("a record that cannot be exported is left out and the bundle is still written",
          "[robust][export]") {
    ExportCase c;
    // The letter's file goes after the scan: opening it to draw its pages fails.
    fs::remove(c.tmp.path / "case" / "records" / "letter.pdf");
    const ExportResult result = c.run();
    REQUIRE(fs::exists(result.pdf));
    std::map<std::string, std::string> omitted;
    for (const ExportOmission& o : result.omissions)
        omitted[o.record] += o.what;
    CHECK_THAT(omitted["letter.pdf"], Catch::StartsWith("not exported: "));
    CHECK_THAT(omitted["report.pdf"], Catch::Contains("page 2 not shown"));
    const auto json = nlohmann::json::parse(std::ifstream(result.json));
    std::vector<std::string> titles;
    for (const auto& r : json["records"])
        titles.push_back(r["title"]);
    CHECK(std::find(titles.begin(), titles.end(), "note.txt") != titles.end());
    CHECK(std::find(titles.begin(), titles.end(), "report.pdf") != titles.end());
    CHECK(std::find(titles.begin(), titles.end(), "letter.pdf") == titles.end());
    CHECK(json["skipped_records"] == nlohmann::json::array({"letter.pdf"}));
    // The page nobody read is a notice; the page that was read is there.
    const std::string text = capture("pdftotext '" + result.pdf.string() + "' - 2>/dev/null");
    CHECK_THAT(text, Catch::Contains("could not be shown in this bundle"));
    CHECK_THAT(text, Catch::Contains("attendance was good"));
    CHECK_THAT(text, Catch::Contains("Session note"));
}

TEST_CASE("an export removes what a killed run left, never a live writer's file",
          "[robust][export]") {
    ExportCase c;
    fs::create_directories(c.out);
    const fs::path stale = c.out / ".SAR-T-3.pdf.tmp-Ab12Cd";
    const fs::path live = c.out / ".OTHER.pdf.tmp-Zz98Yy";
    std::ofstream(stale) << "half a bundle";
    std::ofstream(live) << "being written";
    const int fd = ::open(live.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0); // as a running export holds its file
    c.run();
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(live));
    ::close(fd);
    int temporaries = 0;
    for (const auto& e : fs::directory_iterator(c.out))
        temporaries += e.path().filename().string().find(".tmp-") != std::string::npos;
    CHECK(temporaries == 1); // the live one only
}

TEST_CASE("safesar run and status list the MIME parts a 60-deep message drops", "[robust][cli]") {
    TempDir tmp;
    const fs::path folder = tmp.path / "case";
    make("deep-mime", folder / "records" / "deep.eml");
    std::ofstream(folder / "request.json") << R"({"reference": "SAR-T-4", "received": "2026-03-02",
               "subject": {"name": "Marcus Tindall"}})";
    const std::string run = capture(std::string(SAFESAR_BINARY) + " run '" + folder.string() +
                                    "' --out '" + (tmp.path / "out").string() + "' 2>&1");
    CHECK_THAT(run, Catch::Contains("deep.eml: not read: "));
    CHECK_THAT(run, Catch::Contains("51 MIME parts nested more than 10 levels deep"));
    CHECK(fs::exists(tmp.path / "out" / "SAR-T-4.pdf"));
    // The controller's schedule records them too; the bundle does not.
    const std::string schedule =
        capture("cat '" + (folder / ".safesar").string() + "'/*NOT-FOR-DISCLOSURE*");
    CHECK_THAT(schedule, Catch::Contains("deep.eml: not read: 51 MIME parts nested"));
    CHECK_THAT(capture("pdftotext '" + (tmp.path / "out" / "SAR-T-4.pdf").string() + "' -"),
               !Catch::Contains("MIME parts"));
    const std::string status =
        capture(std::string(SAFESAR_BINARY) + " status '" + folder.string() + "' 2>&1");
    CHECK_THAT(status, Catch::Contains("51 MIME parts nested more than 10 levels deep"));
    CHECK_THAT(status, Catch::Contains("final export: not ready"));
}

TEST_CASE("a 1 MB reference gives one short error line", "[robust][cli]") {
    TempDir tmp;
    fs::create_directories(tmp.path / "records");
    std::ofstream(tmp.path / "request.json")
        << R"({"reference": ")" << std::string(1 << 20, 'R')
        << R"(", "received": "2026-03-02", "subject": {"name": "Marcus Tindall"}})";
    for (const std::string command : {"scan", "status", "deadline"}) {
        INFO(command);
        const std::string out = capture(std::string(SAFESAR_BINARY) + " " + command + " '" +
                                        tmp.path.string() + "' 2>&1");
        CHECK(out.size() < 300);
        CHECK_THAT(out, Catch::Contains("reference: is 1048576 bytes long"));
    }
}

TEST_CASE("request.json with a number too large for a double is a clear request error",
          "[robust][request]") {
    // Found by the request fuzzer: nlohmann's out_of_range escaped as a bare library error.
    CHECK_THROWS_AS(parse_request(R"({"reference": 1e999, "received": "2026-03-02"})", "/case"),
                    RequestError);
}
