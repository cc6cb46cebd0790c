// Export: the bundle PDF and JSON. Each test builds records in code (PDF records from small PDFs
// written here by hand, read back with Poppler for their word boxes), exports, and reads the
// outputs the way a requester or the evaluation would: Poppler, pdftotext, qpdf, the JSON.
#include "pdf_text.hpp"
#include "process.hpp"
#include "safesar/case_export.hpp"
#include "safesar/errors.hpp"
#include "safesar/export.hpp"
#include "safesar/gather.hpp"
#include "safesar/verify.hpp"
#include "temp_dir.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#pragma GCC diagnostic pop

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

// ---- scratch folders and files ----------------------------------------------------------

using test::read_file;

// A scratch folder of one test (tests/support), under the name the tests use.
struct TempDir {
    test::TempDir dir{"safesar-export"};
    const fs::path& path = dir.path();
};

bool any_line_has(const std::vector<std::string>& lines, const std::string& a,
                  const std::string& b) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
        return l.find(a) != std::string::npos && l.find(b) != std::string::npos;
    });
}

std::vector<std::string> files_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Lower case with whitespace runs as one space: how the tests compare extracted text.
std::string squeeze(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return squeeze(haystack).find(squeeze(needle)) != std::string::npos;
}

// ---- a minimal PDF writer for fixtures (Helvetica, one text line per entry) ---------------

struct FixtureLine {
    double x, y; // PDF user space, origin bottom-left
    std::string text;
    bool upward = false; // drawn running up the page (landscape content on a rotated page)
    int angle = 0;       // else the degrees anticlockwise it runs: 180 upside down, 270 down
};
struct FixturePage {
    std::vector<FixtureLine> lines;
    int rotate = 0;
    double width = 595, height = 842;
    std::string drawing = {}; // content-stream operators drawn before the text (a tinted box)
};

std::string pdf_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string fixture_pdf(const std::vector<FixturePage>& pages, const std::string& info_title = "") {
    std::vector<std::string> objects; // object n is objects[n - 1]
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back(""); // pages, filled in below
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    std::string kids;
    for (const FixturePage& page : pages) {
        std::string content = page.drawing;
        for (const FixtureLine& line : page.lines) {
            const int angle = line.upward ? 90 : line.angle;
            const char* matrix = angle == 90    ? "0 1 -1 0 "
                                 : angle == 180 ? "-1 0 0 -1 "
                                 : angle == 270 ? "0 -1 1 0 "
                                                : "1 0 0 1 ";
            content += "BT /F1 11 Tf " + std::string(matrix) + std::to_string(line.x) + " " +
                       std::to_string(line.y) + " Tm (" + pdf_escape(line.text) + ") Tj ET\n";
        }
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
                          content + "endstream");
        std::size_t content_id = objects.size();
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " +
                          std::to_string(page.width) + " " + std::to_string(page.height) +
                          "] /Rotate " + std::to_string(page.rotate) +
                          " /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                          std::to_string(content_id) + " 0 R >>");
        kids += std::to_string(objects.size()) + " 0 R ";
    }
    objects[1] =
        "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
    std::string info_ref;
    if (!info_title.empty()) {
        objects.push_back("<< /Title (" + pdf_escape(info_title) + ") /Author (" +
                          pdf_escape(info_title) + ") >>");
        info_ref = " /Info " + std::to_string(objects.size()) + " 0 R";
    }
    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" + info_ref +
           " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

FixturePage text_page(const std::vector<std::string>& lines) {
    FixturePage page;
    double y = 780;
    for (const std::string& line : lines) {
        page.lines.push_back({72, y, line});
        y -= 16;
    }
    return page;
}

std::string utf8(const poppler::ustring& s) {
    poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// A PDF record as gather makes it: a PageText section per page, words with boxes as Poppler
// reports them (points, top-left origin, the page as shown).
Record pdf_record(const fs::path& file, const std::string& name) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file.string()));
    REQUIRE(doc);
    Record record;
    record.path = file;
    record.name = name;
    record.kind = RecordKind::Pdf;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        PageInfo info;
        poppler::rectf crop = page->page_rect();
        info.crop = Box{0, 0, crop.width(), crop.height()};
        info.rotation = page->orientation() == poppler::page::landscape     ? 90
                        : page->orientation() == poppler::page::upside_down ? 180
                        : page->orientation() == poppler::page::seascape    ? 270
                                                                            : 0;
        record.pages.push_back(info);
        Section s;
        s.kind = SectionKind::PageText;
        s.label = "page " + std::to_string(i + 1);
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
    }
    return record;
}

// A PDF record as gather reads it (word boxes, font sizes, the hidden-text check), without OCR.
Record gathered_pdf(const fs::path& file, const std::string& name) {
    GatherOptions options;
    options.ocr = false;
    std::vector<Record> attachments;
    return read_pdf(file, name, nullptr, options, attachments);
}

std::size_t page_section(const Record& record, int page) {
    for (std::size_t i = 0; i < record.sections.size(); ++i)
        if (record.sections[i].kind == SectionKind::PageText && record.sections[i].page == page)
            return i;
    FAIL("no text for page " << page);
    return 0;
}

Reason third_party() {
    return Reason{"TP", "DPA 2018 Sch 2 Pt 3 para 16", "Information about another person."};
}

// A redaction of the first occurrence of `text` in section `section`, with the boxes of the
// words it covers (as policy would give them).
Redaction redact(const Record& record, std::size_t section, const std::string& text,
                 Reason reason = third_party(), bool with_boxes = true) {
    const Section& s = record.sections.at(section);
    std::size_t begin = s.text.find(text);
    REQUIRE(begin != std::string::npos);
    Redaction r;
    r.section = section;
    r.begin = begin;
    r.end = begin + text.size();
    r.reason = std::move(reason);
    if (with_boxes)
        for (const Word& w : s.words)
            if (w.begin < r.end && r.begin < w.end) r.boxes.push_back(w.box);
    return r;
}

Record text_record(const std::string& name, const std::string& body) {
    Record r;
    r.name = name;
    r.path = name;
    r.kind = RecordKind::Text;
    Section s;
    s.kind = SectionKind::Body;
    s.text = body;
    r.sections.push_back(s);
    return r;
}

Section labelled_section(SectionKind kind,
                         const std::vector<std::pair<std::string, std::string>>& fields) {
    Section s;
    s.kind = kind;
    for (const auto& [label, value] : fields) {
        if (!s.text.empty()) s.text += "\n";
        Field f;
        f.label = label;
        f.begin = s.text.size();
        s.text += value;
        f.end = s.text.size();
        s.fields.push_back(f);
    }
    return s;
}

Case test_case(const std::string& reference = "SAR-TEST-0001") {
    Case c;
    c.reference = reference;
    c.regime = Regime::UkGdpr;
    return c;
}

RecordDisclosure disclose(const Record& record, const std::string& title,
                          std::vector<Redaction> redactions = {}) {
    RecordDisclosure rd;
    rd.record = &record;
    rd.title = title;
    rd.redactions = std::move(redactions);
    return rd;
}

ExportOptions options_for(const fs::path& out) {
    ExportOptions o;
    o.out_dir = out;
    o.dpi = 100; // keeps the tests quick; the benchmark measures 200 dpi
    o.export_date = "2026-11-21";
    return o;
}

// What a reader can get out of the bundle: Poppler's text of every page (invisible text too).
std::string poppler_text(const fs::path& pdf, const std::string& password = "") {
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_file(pdf.string(), password, password));
    REQUIRE(doc);
    REQUIRE_FALSE(doc->is_locked());
    std::string text;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        text += utf8(page->text()) + "\n\f";
    }
    return text;
}

std::vector<std::string> page_texts(const fs::path& pdf) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
    REQUIRE(doc);
    std::vector<std::string> texts;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        texts.push_back(utf8(page->text()));
    }
    return texts;
}

// pdftotext's output, both modes.
std::string pdftotext(const fs::path& pdf, const fs::path& /*scratch*/) {
    return test::pdf_text(pdf) + "\n" + test::pdf_text(pdf, {}, test::TextLayout::Physical);
}

// The file with every stream decompressed (qpdf --qdf).
std::string uncompressed_bytes(const fs::path& pdf, const fs::path& scratch) {
    test::require_tool("qpdf", "qpdf");
    fs::path qdf = scratch / "out.qdf";
    test::run_command("qpdf --qdf --object-streams=disable " + test::quoted(pdf) + " " +
                      test::quoted(qdf) + " 2>/dev/null");
    std::string data = read_file(qdf);
    REQUIRE_FALSE(data.empty());
    return data;
}

bool bytes_contain(const std::string& haystack, std::string needle) {
    std::string lower = haystack;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::transform(needle.begin(), needle.end(), needle.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find(needle) != std::string::npos;
}

nlohmann::json read_json(const fs::path& file) {
    return nlohmann::json::parse(read_file(file));
}

// Checks a bundle JSON against docs/bundle.schema.json with Python's jsonschema (a test
// dependency: its absence fails the test). Returns the validator's complaint, empty when valid.
std::string schema_problems(const fs::path& json, const fs::path& scratch) {
    const fs::path schema =
        fs::path(SAFESAR_FIXTURES).parent_path() / "docs" / "bundle.schema.json";
    REQUIRE(fs::exists(schema));
    REQUIRE(test::run_command("python3 -c 'import jsonschema' 2>&1").status == 0);
    fs::path script = scratch / "validate.py", report = scratch / "schema.txt";
    std::ofstream(script)
        << "import json, sys, jsonschema\n"
           "schema = json.load(open(sys.argv[1]))\n"
           "jsonschema.Draft202012Validator.check_schema(schema)\n"
           "errors = "
           "list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))"
           "\n"
           "print('\\n'.join(e.message + ' at ' + '/'.join(map(str, e.path)) for e in errors))\n";
    int status = std::system(("python3 '" + script.string() + "' '" + schema.string() + "' '" +
                              json.string() + "' > '" + report.string() + "' 2>&1")
                                 .c_str());
    std::string problems = read_file(report);
    if (status != 0 && problems.empty()) problems = "validator failed";
    while (!problems.empty() && std::isspace(static_cast<unsigned char>(problems.back())))
        problems.pop_back();
    return problems;
}

// Renders page `index` of the bundle at 72 dpi as grey levels (1 pixel = 1 point).
struct Grey {
    int width = 0, height = 0;
    std::vector<int> values;
    int at(int x, int y) const { return values[static_cast<std::size_t>(y * width + x)]; }
};
Grey render_grey(const fs::path& pdf, int index) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
    std::unique_ptr<poppler::page> page(doc->create_page(index));
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    poppler::image image = renderer.render_page(page.get(), 72, 72);
    Grey g;
    g.width = image.width();
    g.height = image.height();
    for (int y = 0; y < g.height; ++y)
        for (int x = 0; x < g.width; ++x)
            g.values.push_back(
                static_cast<unsigned char>(image.const_data()[y * image.bytes_per_row() + x]));
    return g;
}

// The heading band SafeSAR puts above each source page (docs/export.md), in points.
constexpr double band_top = 44;

int darkest_share(const Grey& g, const Box& box, double offset_y) {
    int dark = 0, all = 0;
    for (int y = static_cast<int>(box.y0 + offset_y) + 1;
         y < static_cast<int>(box.y1 + offset_y) - 1; ++y)
        for (int x = static_cast<int>(box.x0) + 1; x < static_cast<int>(box.x1) - 1; ++x, ++all)
            if (g.at(x, y) < 40) ++dark;
    return all ? dark * 100 / all : 0;
}

const Word& word_named(const Record& record, std::size_t section, const std::string& text) {
    const Section& s = record.sections.at(section);
    for (const Word& w : s.words)
        if (s.text.substr(w.begin, w.end - w.begin) == text) return w;
    FAIL("no word " << text);
    return s.words.front();
}

// ---- the shared fixture: a two-page referral PDF -----------------------------------------

struct ReferralFixture {
    TempDir dir;
    fs::path source = dir.path / "referral.pdf";
    fs::path out = dir.path / "out";
    Record record;
    Case request = test_case();
    Disclosure disclosure;

    ReferralFixture() {
        std::ofstream(source, std::ios::binary)
            << fixture_pdf({text_page({"Ryan arrived ten minutes early for contact.",
                                       "Kerry Maddox lives at Flat 5, Tansy House, Doncaster.",
                                       "Her safe number is 07700 900587, text first.",
                                       "Ryan said he wants to see the children more often."}),
                            text_page({"Session two: Ryan was calm and engaged.",
                                       "The worker Karen Walsh closed the session."})},
                           "Referral for Kerry Maddox");
        record = pdf_record(source, "referral/referral.pdf");
        disclosure.request = &request;
        disclosure.draft = false;
        disclosure.records.push_back(disclose(
            record, "Referral form",
            {redact(record, 0, "Kerry Maddox"), redact(record, 0, "Flat 5, Tansy House, Doncaster"),
             redact(record, 0, "07700 900587"),
             redact(record, 1, "Karen Walsh",
                    Reason{"ST", "DPA 2018 Sch 2 Pt 3 para 16", "A member of staff."})}));
    }
};

} // namespace

TEST_CASE("a redacted PDF keeps its kept words in order and loses the redacted ones everywhere",
          "[export]") {
    ReferralFixture f;
    ExportResult result = export_bundle(f.disclosure, options_for(f.out));

    REQUIRE(result.pdf == f.out / "SAR-TEST-0001.pdf");
    REQUIRE(result.json == f.out / "SAR-TEST-0001.json");
    CHECK(result.redactions == 4);
    CHECK(files_in(f.out) == std::vector<std::string>{"SAR-TEST-0001.json", "SAR-TEST-0001.pdf"});

    std::string text = pdftotext(result.pdf, f.dir.path);
    CHECK(contains(text, "Ryan arrived ten minutes early for contact."));
    CHECK(contains(text, "Ryan said he wants to see the children more often."));
    CHECK(contains(text, "Session two: Ryan was calm and engaged."));
    CHECK(contains(text, "lives at"));
    CHECK(contains(text, "closed the session."));
    const std::string all_text = poppler_text(result.pdf);
    const std::string bytes = uncompressed_bytes(result.pdf, f.dir.path);
    const std::string json = read_file(result.json);
    for (const char* gone : {"Kerry", "Maddox", "Tansy", "Doncaster", "900587", "Karen", "Walsh"}) {
        INFO(gone);
        CHECK_FALSE(contains(text, gone));
        CHECK_FALSE(contains(all_text, gone));
        CHECK_FALSE(bytes_contain(bytes, gone));
        CHECK_FALSE(bytes_contain(json, gone));
    }
    // The source's Info dictionary named the victim; the bundle's names only the reference.
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(result.pdf.string()));
    std::vector<std::string> keys = doc->info_keys();
    std::sort(keys.begin(), keys.end());
    CHECK(keys == std::vector<std::string>{"Producer", "Title"});
    CHECK(utf8(doc->info_key("Title")) == "SAR-TEST-0001");
    CHECK(utf8(doc->info_key("Producer")) == "SafeSAR");
    CHECK(utf8(doc->metadata()).empty());
    CHECK_FALSE(doc->has_embedded_files());
    CHECK(doc->pages() == result.pages);
}

TEST_CASE("kept words come out in reading order on their own lines", "[export]") {
    ReferralFixture f;
    ExportResult result = export_bundle(f.disclosure, options_for(f.out));
    std::vector<std::string> pages = page_texts(result.pdf);
    // Page 1 is the cover; the record's two pages follow.
    REQUIRE(pages.size() >= 3);
    std::string page = squeeze(pages[1]);
    std::size_t first = page.find("ryan arrived ten minutes early for contact.");
    std::size_t second = page.find("lives at");
    std::size_t third = page.find("her safe number is");
    std::size_t fourth = page.find("ryan said he wants to see the children more often.");
    REQUIRE(first != std::string::npos);
    REQUIRE(fourth != std::string::npos);
    CHECK(first < second);
    CHECK(second < third);
    CHECK(third < fourth);
    CHECK(page.find("page 2 of") != std::string::npos); // the footer
}

TEST_CASE("redactions are burnt into the page image, kept words are not", "[export]") {
    ReferralFixture f;
    // One redaction comes without boxes: its words must still be blacked out.
    f.disclosure.records[0].redactions[0].boxes.clear();
    ExportResult result = export_bundle(f.disclosure, options_for(f.out));
    Grey page = render_grey(result.pdf, 1);
    CHECK(darkest_share(page, word_named(f.record, 0, "Kerry").box, band_top) > 75);
    CHECK(darkest_share(page, word_named(f.record, 0, "Maddox").box, band_top) > 75);
    CHECK(darkest_share(page, word_named(f.record, 0, "Tansy").box, band_top) > 80);
    CHECK(darkest_share(page, word_named(f.record, 0, "Ryan").box, band_top) < 50);
    CHECK(darkest_share(page, word_named(f.record, 0, "arrived").box, band_top) < 50);
}

TEST_CASE(
    "black-and-white pages are CCITT G4 with their redactions burnt in and a tinted one is not",
    "[export]") {
    ReferralFixture f;
    // A grey box behind the second page's text: 1 bit would lose it, or the text on it.
    FixturePage tinted = text_page(
        {"Session two: Ryan was calm and engaged.", "The worker Karen Walsh closed the session."});
    tinted.drawing = "0.6 g 60 700 400 100 re f 0 g\n";
    std::ofstream(f.source, std::ios::binary)
        << fixture_pdf({text_page({"Ryan arrived ten minutes early for contact.",
                                   "Kerry Maddox lives at Flat 5, Tansy House, Doncaster.",
                                   "Her safe number is 07700 900587, text first.",
                                   "Ryan said he wants to see the children more often."}),
                        tinted},
                       "Referral for Kerry Maddox");
    ExportOptions options = options_for(f.out);
    options.dpi = 200; // the bundle's resolution, where the size matters
    ExportResult result = export_bundle(f.disclosure, options);
    auto pages_as = [&](const std::string& method) {
        auto it = result.timings.image_encodings.find(method);
        return it == result.timings.image_encodings.end() ? 0 : it->second;
    };
    CHECK(pages_as("black-and-white G4") == 1);
    CHECK(pages_as("grey 2-bit Flate") == 1);
    // Decoded by Poppler as a reader would: redactions black, kept words where they were.
    Grey page = render_grey(result.pdf, 1);
    CHECK(darkest_share(page, word_named(f.record, 0, "Kerry").box, band_top) > 75);
    CHECK(darkest_share(page, word_named(f.record, 0, "Tansy").box, band_top) > 75);
    CHECK(darkest_share(page, word_named(f.record, 0, "Ryan").box, band_top) < 50);
    CHECK(darkest_share(page, word_named(f.record, 0, "arrived").box, band_top) < 50);
    // ...and drawn, not lost: the word's box is not blank paper.
    const Box& arrived = word_named(f.record, 0, "arrived").box;
    long ink = 0;
    for (int y = static_cast<int>(arrived.y0 + band_top);
         y < static_cast<int>(arrived.y1 + band_top); ++y)
        for (int x = static_cast<int>(arrived.x0); x < static_cast<int>(arrived.x1); ++x)
            ink += 255 - page.at(x, y);
    CHECK(ink > 255 * 20);
    const std::string text = poppler_text(result.pdf);
    CHECK(!contains(text, "Maddox"));
    CHECK(contains(text, "arrived ten minutes early"));
}

TEST_CASE("a redaction's words on one line become one bar, hiding the spaces between them",
          "[export]") {
    ReferralFixture f;
    // Every word of line 2 redacted on its own: the gaps must not show how many words there were.
    const Section& page1 = f.record.sections[0];
    std::vector<Redaction> each;
    for (const char* word :
         {"Kerry", "Maddox", "lives", "at", "Flat", "5,", "Tansy", "House,", "Doncaster."}) {
        Redaction r = redact(f.record, 0, word);
        each.push_back(r);
    }
    f.disclosure.records[0].redactions = each;
    ExportResult result = export_bundle(f.disclosure, options_for(f.out));
    Grey page = render_grey(result.pdf, 1);
    const Box kerry = word_named(f.record, 0, "Kerry").box,
              maddox = word_named(f.record, 0, "Maddox").box;
    Box gap{kerry.x1, kerry.y0, maddox.x0, kerry.y1};
    CHECK(darkest_share(page, Box{gap.x0 - 1, gap.y0, gap.x1 + 1, gap.y1}, band_top) > 95);
    CHECK(page_texts(result.pdf)[1].find("lives") == std::string::npos);
    CHECK(page1.words.size() > 9);
}

TEST_CASE("the JSON carries tokens where text was redacted", "[export]") {
    ReferralFixture f;
    ExportResult result = export_bundle(f.disclosure, options_for(f.out));
    nlohmann::json j = read_json(result.json);
    CHECK(j["schema"] == "safesar-bundle/1");
    CHECK(j["reference"] == "SAR-TEST-0001");
    CHECK(j["exported"] == "2026-11-21");
    CHECK(j["draft"] == false);
    REQUIRE(j["records"].size() == 1);
    const nlohmann::json& rec = j["records"][0];
    CHECK(rec["title"] == "Referral form");
    CHECK(rec["kind"] == "pdf");
    REQUIRE(rec["pages"].size() == 2);
    std::string page1 = rec["pages"][0]["text"];
    CHECK(rec["pages"][0]["page"] == 1);
    CHECK(contains(page1, "Ryan arrived ten minutes early for contact."));
    CHECK(contains(page1, "[TP] lives at [TP]"));
    CHECK(contains(page1, "Her safe number is [TP] text first."));
    CHECK(contains(std::string(rec["pages"][1]["text"]), "The worker [ST] closed the session."));
    CHECK(schema_problems(result.json, f.dir.path).empty());
    REQUIRE(j["redactions"].size() == 4);
    for (const auto& r : j["redactions"]) {
        CHECK(r["record"] == "Referral form");
        CHECK(r["citation"] == "DPA 2018 Sch 2 Pt 3 para 16");
        CHECK(r.contains("page"));
        CHECK_FALSE(r.contains("text"));
    }
    const nlohmann::json& info = j["supplementary_information"];
    for (const char* key : {"purposes", "categories_of_data", "recipients", "retention", "source"})
        CHECK(info.contains(key));
    for (const char* right : {"rectification", "erasure", "restriction", "objection", "complaint"})
        CHECK_FALSE(std::string(info["rights"][right]).empty());
    CHECK(contains(std::string(info["rights"]["complaint"]), "Information Commissioner"));
}

TEST_CASE("text notes, e-mails and CSV rows are laid out with fixed-width tokens", "[export]") {
    TempDir dir;
    Case request = test_case();
    Record note = text_record("notes/case-notes.txt",
                              "Met Mark at the office.\nSarah Okafor called from 07700 900456 "
                              "about contact.\n\nMark agreed to the plan.");
    Record mail;
    mail.name = "correspondence/mail.eml";
    mail.kind = RecordKind::Email;
    mail.date = "Wed, 21 May 2025 10:14:00 +0100";
    mail.sections.push_back(
        labelled_section(SectionKind::Header, {{"From", "Sarah Okafor <s.okafor@example.org>"},
                                               {"To", "intake@service.example.com"},
                                               {"Subject", "Contact arrangements"}}));
    Section body;
    body.kind = SectionKind::Body;
    body.text = "Please tell Mark that Lily will be at Greenhill Primary School until 3pm.";
    mail.sections.push_back(body);
    Record csv;
    csv.name = "log.csv";
    csv.kind = RecordKind::Csv;
    csv.sections.push_back(
        labelled_section(SectionKind::Row, {{"Date", "2025-03-01"},
                                            {"Worker", "Karen Walsh"},
                                            {"Note", "Phoned Mark about the course"}}));
    csv.sections.push_back(labelled_section(
        SectionKind::Row,
        {{"Date", "2025-03-08"}, {"Worker", "Paul Reid"}, {"Note", "Mark attended session 2"}}));

    Disclosure d;
    d.request = &request;
    d.draft = false;
    d.records.push_back(disclose(
        note, "Case notes", {redact(note, 0, "Sarah Okafor"), redact(note, 0, "07700 900456")}));
    d.records.push_back(
        disclose(mail, "E-mail about contact arrangements",
                 {redact(mail, 0, "Sarah Okafor <s.okafor@example.org>"),
                  redact(mail, 1, "Greenhill Primary School",
                         Reason{"CH", "DPA 2018 Sch 2 Pt 3 para 16", "A child's school."})}));
    d.records.push_back(disclose(
        csv, "Contact log",
        {redact(csv, 0, "Karen Walsh", Reason{"ST", "DPA 2018 Sch 2 Pt 3 para 16", "Staff."}),
         redact(csv, 1, "Paul Reid", Reason{"ST", "DPA 2018 Sch 2 Pt 3 para 16", "Staff."})}));

    ExportResult result = export_bundle(d, options_for(dir.path / "out"));
    std::string text = pdftotext(result.pdf, dir.path);
    CHECK(contains(text, "Met Mark at the office."));
    CHECK(contains(text, "[TP] called from [TP] about contact."));
    CHECK(contains(text, "From: [TP]"));
    CHECK(contains(text, "Subject: Contact arrangements"));
    CHECK(contains(text, "Please tell Mark that Lily will be at [CH] until 3pm."));
    CHECK(contains(text, "Worker: [ST]"));
    CHECK(contains(text, "Note: Mark attended session 2"));
    const std::string bytes = uncompressed_bytes(result.pdf, dir.path);
    const std::string json = read_file(result.json);
    for (const char* gone :
         {"Okafor", "900456", "example.org", "Greenhill", "Karen", "Walsh", "Paul Reid"}) {
        INFO(gone);
        CHECK_FALSE(contains(text, gone));
        CHECK_FALSE(bytes_contain(bytes, gone));
        CHECK_FALSE(bytes_contain(json, gone));
    }

    nlohmann::json j = read_json(result.json);
    CHECK(j["records"][0]["kind"] == "text");
    CHECK(contains(std::string(j["records"][0]["text"]), "[TP] called from [TP] about contact."));
    CHECK(j["records"][1]["headers"]["From"] == "[TP]");
    CHECK(j["records"][1]["headers"]["Subject"] == "Contact arrangements");
    CHECK(contains(std::string(j["records"][1]["body"]), "will be at [CH] until 3pm"));
    CHECK(schema_problems(result.json, dir.path).empty());
    CHECK(j["records"][2]["rows"][0]["Worker"] == "[ST]");
    CHECK(j["records"][2]["rows"][1]["Note"] == "Mark attended session 2");
    CHECK(j["records"][2]["rows"][1]["Date"] == "2025-03-08");
}

// A sheet can head a column with a customer's name and address; the reader writes each cell as
// "label: value", detection finds them in the label, and export redacts them there too.
TEST_CASE("a column headed by someone's name and address is redacted in its heading", "[export]") {
    TempDir dir;
    Case request = test_case();
    const auto file = dir.path / "round.csv";
    {
        std::ofstream out(file);
        out << "Day,WALSH K - 4 Elm Road,Note\nMon,2 pints,left on step\nThu,1 pint,\n";
    }
    Record csv = read_csv(file, "round.csv");
    REQUIRE(csv.sections.size() == 2);
    std::vector<Redaction> redactions;
    for (std::size_t s = 0; s < csv.sections.size(); ++s) {
        redactions.push_back(redact(csv, s, "WALSH K"));
        redactions.push_back(redact(csv, s, "4 Elm Road"));
    }
    // A sentence read from the start of its line hides the value, not the column's name.
    redactions.push_back(redact(csv, 0, "Note: left on step"));
    Disclosure d;
    d.request = &request;
    d.draft = false;
    d.records.push_back(disclose(csv, "Round sheet", redactions));

    ExportResult result = export_bundle(d, options_for(dir.path / "out"));
    const std::string text = pdftotext(result.pdf, dir.path);
    CHECK(contains(text, "[TP] - [TP]: 2 pints"));
    CHECK(contains(text, "Note: [TP]"));
    const std::string bytes = uncompressed_bytes(result.pdf, dir.path);
    const std::string json = read_file(result.json);
    for (const char* gone : {"WALSH", "Elm Road"}) {
        INFO(gone);
        CHECK_FALSE(contains(text, gone));
        CHECK_FALSE(bytes_contain(bytes, gone));
        CHECK_FALSE(bytes_contain(json, gone));
    }
    nlohmann::json j = read_json(result.json);
    CHECK(j["records"][0]["rows"][1]["[TP] - [TP]"] == "1 pint");
    CHECK(j["records"][0]["rows"][0]["Note"] == "[TP]");
    const VerifyReport report = verify_output({result.pdf, result.json, "", "", {}, ""}, d);
    CHECK(report.ok());
    CHECK(report.warnings.empty()); // the heading is no longer text kept beside the redaction
}

TEST_CASE("a token is as wide whatever the length of what it hides", "[export]") {
    TempDir dir;
    Case request = test_case();
    Record shortname = text_record("a.txt", "Ann called.");
    Record longname = text_record("b.txt", "Bartholomew-Fitzwilliam Montgomery-Smythe called.");
    Disclosure d;
    d.request = &request;
    d.draft = false;
    d.records.push_back(disclose(shortname, "Note A", {redact(shortname, 0, "Ann")}));
    d.records.push_back(disclose(
        longname, "Note B", {redact(longname, 0, "Bartholomew-Fitzwilliam Montgomery-Smythe")}));
    ExportResult result = export_bundle(d, options_for(dir.path / "out"));

    // Where "called." starts on each record's first page tells the token's width.
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(result.pdf.string()));
    auto called_x = [&](int page_index) {
        std::unique_ptr<poppler::page> page(doc->create_page(page_index));
        for (const poppler::text_box& tb : page->text_list())
            if (utf8(tb.text()) == "called.") return tb.bbox().left();
        FAIL("no 'called.' on page " << page_index + 1);
        return 0.0;
    };
    CHECK(std::abs(called_x(1) - called_x(2)) < 0.5);
}

TEST_CASE("records withheld in full show only their title and reason where the profile names "
          "them, else only the exemptions",
          "[export]") {
    const bool named = GENERATE(true, false);
    INFO((named ? "named" : "not named"));
    TempDir dir;
    Case request = test_case();
    fs::path marac_file = dir.path / "marac.pdf";
    std::ofstream(marac_file, std::ios::binary)
        << fixture_pdf({text_page({"MARAC minutes: the panel discussed Kerry.",
                                   "Actions agreed: refuge referral in Leeds."})});
    Record marac = pdf_record(marac_file, "marac/minutes.pdf");
    Record note = text_record("notes.txt", "Ryan arrived early.");
    Disclosure d;
    d.request = &request;
    d.draft = false;
    d.name_withheld_records = named;
    RecordDisclosure withheld = disclose(marac, "MARAC minutes, April 2025");
    withheld.fate = RecordFate::WithholdInFull;
    withheld.withheld_because =
        Reason{"MARAC", "DPA 2018 Sch 2 Pt 1 para 2", "Shared by a multi-agency risk conference."};
    withheld.withheld_kind = "a panel's minutes";
    d.records.push_back(withheld);
    d.records.push_back(disclose(note, "Case notes"));
    ExportResult result = export_bundle(d, options_for(dir.path / "out"));

    std::string text = pdftotext(result.pdf, dir.path);
    CHECK(contains(text, "DPA 2018 Sch 2 Pt 1 para 2"));
    CHECK(contains(text, "Ryan arrived early."));
    nlohmann::json j = read_json(result.json);
    CHECK(schema_problems(result.json, dir.path).empty());
    if (!named) {
        // Only that information was withheld, and the exemption: no title, name or kind.
        CHECK(contains(text, "Some information has been withheld"));
        for (const char* fact :
             {"April 2025", "minutes.pdf", "panel's minutes", "withheld in full:"}) {
            INFO(fact);
            CHECK_FALSE(contains(text, fact));
            CHECK_FALSE(bytes_contain(read_file(result.json), fact));
        }
        CHECK(j["records"].size() == 1);
        CHECK(j["withheld_in_full"]["exemptions"] == nlohmann::json::array({"MARAC"}));
        return;
    }
    CHECK(contains(text, "Records withheld in full"));
    CHECK(contains(text, "MARAC minutes, April 2025"));
    CHECK(contains(text, "Withheld in full: a panel's minutes."));
    CHECK(contains(text, "Ryan arrived early."));
    const std::string bytes = uncompressed_bytes(result.pdf, dir.path);
    const std::string json = read_file(result.json);
    for (const char* gone : {"panel discussed", "Kerry", "refuge", "Leeds"}) {
        INFO(gone);
        CHECK_FALSE(contains(text, gone));
        CHECK_FALSE(bytes_contain(bytes, gone));
        CHECK_FALSE(bytes_contain(json, gone));
    }
    const nlohmann::json& rec = j["records"][0];
    CHECK(rec["withheld"] == true);
    CHECK(rec["reason"] == "MARAC");
    CHECK(rec["citation"] == "DPA 2018 Sch 2 Pt 1 para 2");
    CHECK_FALSE(rec.contains("pages"));
    CHECK_FALSE(rec.contains("text"));
    CHECK_FALSE(rec.contains("kind"));
}

TEST_CASE("a draft carries its banner on every page, a final export on none", "[export]") {
    ReferralFixture f;
    for (bool draft : {true, false}) {
        f.disclosure.draft = draft;
        ExportResult result = export_bundle(f.disclosure, options_for(f.out));
        std::vector<std::string> pages = page_texts(result.pdf);
        REQUIRE(static_cast<int>(pages.size()) == result.pages);
        for (std::size_t i = 0; i < pages.size(); ++i) {
            INFO("draft " << draft << " page " << i + 1);
            CHECK(contains(pages[i], "DRAFT \xE2\x80\x94 not for disclosure") == draft);
            CHECK(contains(pages[i], "page " + std::to_string(i + 1) + " of " +
                                         std::to_string(pages.size())));
        }
    }
}

TEST_CASE("outputs are mode 0600 and no temporary file is left", "[export]") {
    ReferralFixture f;
    ExportResult result = export_bundle(f.disclosure, options_for(f.out));
    for (const fs::path& p : {result.pdf, result.json}) {
        struct stat st {};
        REQUIRE(stat(p.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
    CHECK(files_in(f.out).size() == 2);
    std::string raw = read_file(result.pdf);
    CHECK(raw.rfind("%PDF-1.7", 0) == 0);
    std::size_t eofs = 0;
    for (std::size_t pos = raw.find("%%EOF"); pos != std::string::npos;
         pos = raw.find("%%EOF", pos + 1))
        ++eofs;
    CHECK(eofs == 1);
    std::string qdf = uncompressed_bytes(result.pdf, f.dir.path);
    for (const char* key : {"/Annots", "/AcroForm", "/EmbeddedFiles", "/JavaScript", "/OpenAction",
                            "/Outlines", "/Metadata"}) {
        INFO(key);
        CHECK(qdf.find(key) == std::string::npos);
    }
}

TEST_CASE("a leak found by verification fails the export and leaves nothing behind", "[export]") {
    TempDir dir;
    Case request = test_case();
    // Policy broke its promise of a safe title: the name it redacts is in the record's title,
    // which the bundle prints on the cover, on every page and in the JSON.
    Record note = text_record("notes.txt", "Kerry Maddox phoned about the weekend.");
    Disclosure d;
    d.request = &request;
    d.records.push_back(
        disclose(note, "Call from Kerry Maddox", {redact(note, 0, "Kerry Maddox")}));
    fs::path out = dir.path / "out";
    try {
        export_bundle(d, options_for(out));
        FAIL("the export should have failed");
    } catch (const VerificationFailed& e) {
        std::string message = e.what();
        CHECK(message.find("verification failed") != std::string::npos);
        CHECK(message.find("[TP]") != std::string::npos);
        CHECK(message.find("text of page 1") != std::string::npos);
        // For the reviewer: the text still readable, and every place a reader finds it.
        REQUIRE(e.leaks().size() == 1);
        const LeakFinding& leak = e.leaks()[0];
        CHECK(leak.text == "Kerry Maddox");
        CHECK(leak.record == "Call from Kerry Maddox");
        CHECK(any_line_has(leak.places, "SAR-TEST-0001.pdf", "text of page 1"));
        CHECK(any_line_has(leak.places, "SAR-TEST-0001.json", "SAR-TEST-0001.json"));
    }
    CHECK(files_in(out).empty());

    // Without verification the same disclosure is written: the check is what stopped it.
    ExportOptions unchecked = options_for(out);
    unchecked.verify = false;
    export_bundle(d, unchecked);
    CHECK(files_in(out).size() == 2);
}

TEST_CASE("a draft fails closed: a text the verifier still finds is redacted wherever it stands",
          "[export]") {
    TempDir dir;
    Case request = test_case();
    // As above: the name redacted in the note is in its title, which the bundle prints.
    Record note = text_record("notes.txt", "Isolde Vantreight phoned about the weekend.");
    Disclosure d;
    d.request = &request;
    d.records.push_back(
        disclose(note, "Call from Isolde Vantreight", {redact(note, 0, "Isolde Vantreight")}));
    CHECK_THROWS_AS(export_bundle(d, options_for(dir.path / "refused")), VerificationFailed);

    std::vector<std::string> notes;
    const ExportResult result = export_draft_bundle(d, options_for(dir.path / "out"), notes);
    const std::string text = pdftotext(result.pdf, dir.path);
    CHECK_FALSE(contains(text, "Vantreight"));
    CHECK(contains(text, "Call from [redacted]"));
    CHECK(contains(text, "[TP] phoned about the weekend."));
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].find("1 redacted text") != std::string::npos);
    CHECK(notes[0].find("Vantreight") == std::string::npos); // the note names no one
    CHECK(verify_output({result.pdf, result.json, "", "", {}, ""}, d).ok());
}

TEST_CASE("an export reports each page written and, cancelled, leaves nothing behind", "[export]") {
    ReferralFixture f;
    ExportOptions options = options_for(f.out);
    std::vector<int> done;
    int total = 0;
    options.on_page_done = [&](int n, int of) {
        done.push_back(n);
        total = of;
    };
    const ExportResult result = export_bundle(f.disclosure, options);
    REQUIRE(result.pages > 2);
    CHECK(total == result.pages);
    std::vector<int> expected(static_cast<std::size_t>(result.pages));
    std::iota(expected.begin(), expected.end(), 1);
    CHECK(done == expected);

    // Cancelled after the first page, then before anything: no file in the folder either way.
    const fs::path out = f.dir.path / "cancelled";
    std::atomic<bool> cancel{false};
    options = options_for(out);
    options.cancel = &cancel;
    options.on_page_done = [&](int, int) { cancel = true; };
    CHECK_THROWS_AS(export_bundle(f.disclosure, options), Cancelled);
    CHECK(files_in(out).empty());
    CHECK_THROWS_AS(export_bundle(f.disclosure, options), Cancelled);
    CHECK(files_in(out).empty());
}

TEST_CASE("a string redacted in one place and kept in another is a warning, not a failure",
          "[export]") {
    TempDir dir;
    Case request = test_case();
    // "Stockport" is redacted inside a third party's address but is also the requester's town.
    Record checklist = text_record("risk.txt", "Ex-partner lives at 112 Tanyard Rise, Stockport.");
    Record letter = text_record("letter.txt", "Mark lives at 41 Fennimore Gardens, Stockport.");
    Disclosure d;
    d.request = &request;
    d.records.push_back(
        disclose(checklist, "Risk checklist",
                 {redact(checklist, 0, "112 Tanyard Rise"), redact(checklist, 0, "Stockport")}));
    d.records.push_back(disclose(letter, "Letter"));
    ExportResult result = export_bundle(d, options_for(dir.path / "out"));
    std::string text = pdftotext(result.pdf, dir.path);
    CHECK(contains(text, "Ex-partner lives at [TP], [TP]."));
    CHECK(contains(text, "Mark lives at 41 Fennimore Gardens, Stockport."));
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings[0].find("Risk checklist") != std::string::npos);
    CHECK(result.warnings[0].find("\"Letter\"") != std::string::npos);
    CHECK(result.warnings[0].find("Stockport") == std::string::npos);
    CHECK(result.warnings[0].find("Tanyard") == std::string::npos);

    // More mentions in the output than the kept text holds is a leak again.
    VerifyReport report = verify_output({result.pdf, result.json, "", "", {}, ""}, d);
    CHECK(report.ok());
    Record extra = text_record("extra.txt", "Nothing here.");
    d.records.push_back(disclose(extra, "Extra"));
    d.records[0].redactions.pop_back(); // now "Stockport" is not redacted in the checklist...
    Disclosure leaky = d;
    leaky.records[0].redactions.push_back(redact(checklist, 0, "Stockport"));
    // ...but the bundle written from d still counts two where leaky's kept text holds one.
    ExportOptions unchecked = options_for(dir.path / "out2");
    unchecked.verify = false;
    ExportResult two = export_bundle(d, unchecked);
    VerifyReport counted = verify_output({two.pdf, two.json, "", "", {}, ""}, leaky);
    CHECK_FALSE(counted.ok());
    std::string all;
    for (const std::string& f : counted.failures)
        all += f + "\n";
    CHECK(all.find("2 times; the records keep it 1 times") != std::string::npos);
}

TEST_CASE("a redacted name that is an ordinary word does not trip over SafeSAR's own text",
          "[export]") {
    TempDir dir;
    Case request = test_case();
    // "Court" and "Page" are surnames; the bundle's own text says "page 2 of 6" and "court case".
    Record note = text_record("notes.txt", "Mr Court called about the children. Ms Page agreed.");
    Disclosure d;
    d.request = &request;
    d.records.push_back(
        disclose(note, "Case notes", {redact(note, 0, "Court"), redact(note, 0, "Page")}));
    ExportResult result = export_bundle(d, options_for(dir.path / "out"));
    std::string text = squeeze(poppler_text(result.pdf));
    CHECK(text.find("mr [tp] called about the children. ms [tp] agreed.") != std::string::npos);
    CHECK(text.find("page 2 of") != std::string::npos);

    CHECK(result.warnings.empty());

    // The same word in a title is still a leak: titles must not name anyone.
    d.records[0].title = "Notes on Mr Court";
    fs::path out = dir.path / "out2";
    CHECK_THROWS_AS(export_bundle(d, options_for(out)), ExportError);
    CHECK(files_in(out).empty());
}

TEST_CASE("verify_output finds redacted text however it is spelt", "[export]") {
    TempDir dir;
    Case request = test_case();
    fs::path leaky = dir.path / "leaky.pdf";
    std::ofstream(leaky, std::ios::binary) << fixture_pdf(
        {text_page({"Call KERRY on +44 7700 900 587 at Hill-", "side Court. Leeds is far."})},
        "SAR-TEST-0001");
    Record source =
        text_record("notes.txt", "Kerry, phone 07700900587, lives at Hillside Court. Lee is fine.");
    auto reason = [](const char* code) { return Reason{code, "DPA 2018 Sch 2 Pt 3 para 16", ""}; };
    Disclosure d;
    d.request = &request;
    d.records.push_back(disclose(source, "Case notes",
                                 {redact(source, 0, "Kerry", reason("NAME")),
                                  redact(source, 0, "07700900587", reason("PHONE")),
                                  redact(source, 0, "Hillside Court", reason("ADDRESS")),
                                  redact(source, 0, "Lee", reason("SHORT"))}));
    VerifyReport report = verify_output({leaky, {}, "bundle.pdf", "", {}, ""}, d);
    std::string all;
    for (const std::string& f : report.failures)
        all += f + "\n";
    INFO(all);
    CHECK(report.needles == 4);
    CHECK(all.find("bundle.pdf text of page 1: text redacted as [NAME]") != std::string::npos);
    CHECK(all.find("[PHONE]") != std::string::npos);   // by its digits, across spaces and +44
    CHECK(all.find("[ADDRESS]") != std::string::npos); // joined across the line-end hyphen
    CHECK(all.find("[SHORT]") == std::string::npos);   // "Lee" is not in "Leeds"
    CHECK(all.find("Case notes") != std::string::npos);
    // Named by reason and record, never by what leaked.
    for (const char* secret : {"Kerry", "KERRY", "7700", "Hillside", "Hill-"})
        CHECK(all.find(secret) == std::string::npos);
    // The Info dictionary of this file has an Author, which a bundle must not have.
    CHECK(all.find("unexpected key Author") != std::string::npos);
}

TEST_CASE("an encrypted bundle needs the password and is AES-256", "[export]") {
    ReferralFixture f;
    ExportOptions o = options_for(f.out);
    o.password = "correct horse battery";
    ExportResult result = export_bundle(f.disclosure, o);
    std::unique_ptr<poppler::document> locked(
        poppler::document::load_from_file(result.pdf.string()));
    CHECK((!locked || locked->is_locked()));
    CHECK(contains(poppler_text(result.pdf, o.password), "Ryan arrived ten minutes early"));
    CHECK_FALSE(contains(poppler_text(result.pdf, o.password), "Kerry"));
    const std::string shown =
        test::run_capture("qpdf --show-encryption --password=" + test::quoted(o.password) + " " +
                          test::quoted(result.pdf) + " 2>&1");
    CHECK(shown.find("R = 6") != std::string::npos);
    CHECK(shown.find("AESv3") != std::string::npos);
}

TEST_CASE("form-field areas, hidden words and box-only redactions drop the words they touch",
          "[export]") {
    ReferralFixture f;
    Record& record = f.record;
    // A form field over "Ryan" on page 2 (redacted by its area alone), a hidden word, and a
    // reviewer's box drawn over "engaged." without any byte range.
    Section field;
    field.kind = SectionKind::FormField;
    field.page = 2;
    field.text = "ignored";
    field.area = word_named(record, 1, "Ryan").box;
    record.sections.push_back(field);
    Word& calm = const_cast<Word&>(word_named(record, 1, "calm"));
    calm.hidden = true;
    Redaction by_area;
    by_area.section = record.sections.size() - 1;
    by_area.begin = 0;
    by_area.end = field.text.size();
    by_area.reason = third_party();
    Redaction by_box;
    by_box.section = 1;
    by_box.reason = third_party();
    by_box.boxes.push_back(word_named(record, 1, "engaged.").box);
    RecordDisclosure& rd = f.disclosure.records[0];
    rd.redactions = {by_area, by_box};
    ExportResult result = export_bundle(f.disclosure, options_for(f.out));

    std::string page = squeeze(page_texts(result.pdf)[2]);
    CHECK(page.find("session two: was and") != std::string::npos);
    CHECK(page.find("ryan was") == std::string::npos);
    CHECK(page.find("calm") == std::string::npos);
    CHECK(page.find("engaged") == std::string::npos);
    CHECK(page.find("the worker karen walsh closed the session.") != std::string::npos);
    nlohmann::json j = read_json(result.json);
    CHECK(contains(std::string(j["records"][0]["pages"][1]["text"]),
                   "Session two: [TP] was and [TP]"));
    Grey grey = render_grey(result.pdf, 2);
    CHECK(darkest_share(grey, word_named(record, 1, "Ryan").box, band_top) > 75);
    CHECK(darkest_share(grey, word_named(record, 1, "engaged.").box, band_top) > 75);
}

TEST_CASE("a rotated page is shown upright and its words stay extractable", "[export]") {
    TempDir dir;
    Case request = test_case();
    fs::path file = dir.path / "rotated.pdf";
    // /Rotate 90 with landscape content (drawn running up the page, read across it when shown)
    // and a second page whose ordinary lines end up running down the page when shown.
    FixturePage landscape;
    landscape.rotate = 90;
    landscape.lines = {{100, 72, "Ryan arrived ten minutes early today.", true},
                       {120, 72, "Kerry stayed at home.", true}};
    FixturePage sideways;
    sideways.rotate = 90;
    sideways.lines = {{72, 700, "Ryan left on time."}, {72, 680, "Kerry phoned later."}};
    std::ofstream(file, std::ios::binary) << fixture_pdf({landscape, sideways});
    Record record = pdf_record(file, "rotated.pdf");
    Disclosure d;
    d.request = &request;
    d.draft = false;
    d.records.push_back(disclose(record, "Rotated pages",
                                 {redact(record, 0, "Kerry"), redact(record, 1, "Kerry")}));
    ExportResult result = export_bundle(d, options_for(dir.path / "out"));
    std::string text = pdftotext(result.pdf, dir.path);
    CHECK(contains(text, "Ryan arrived ten minutes early today."));
    CHECK(contains(text, "stayed at home."));
    CHECK(contains(text, "Ryan left on time."));
    CHECK(contains(text, "phoned later."));
    CHECK_FALSE(contains(text, "Kerry"));
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(result.pdf.string()));
    std::unique_ptr<poppler::page> shown(doc->create_page(1));
    CHECK(shown->orientation() == poppler::page::portrait); // no /Rotate left: drawn as shown
    CHECK(shown->page_rect().width() > shown->page_rect().height());
    Grey grey = render_grey(result.pdf, 1);
    CHECK(darkest_share(grey, word_named(record, 0, "Kerry").box, band_top) > 75);
    CHECK(darkest_share(grey, word_named(record, 0, "Ryan").box, band_top) < 50);
    Grey second = render_grey(result.pdf, 2);
    CHECK(darkest_share(second, word_named(record, 1, "Kerry").box, band_top) > 75);
}

TEST_CASE("text printed sideways is read a line at a time and words drawn over each other stay "
          "apart",
          "[gather]") {
    TempDir dir;
    fs::path file = dir.path / "sideways.pdf";
    // A landscape statement printed on a portrait page with no /Rotate: its lines run up the
    // page (and on the second page down it). The amount is drawn from its own column over the
    // end of the description, as a table's cells can be.
    FixturePage up, down;
    up.lines = {{100, 72, "Ryan arrived ten minutes early today.", true},
                {120, 72, "Cash card ATM Lowfield", true},
                {120, 185, "60.00", true}};
    down.lines = {{500, 770, "Ryan arrived ten minutes early today.", false, 270},
                  {480, 770, "Cash card ATM Lowfield", false, 270},
                  {480, 657, "60.00", false, 270}};
    std::ofstream(file, std::ios::binary) << fixture_pdf({up, down});
    const Record record = gathered_pdf(file, "sideways.pdf");
    for (int number : {1, 2}) {
        const std::string& text = record.sections[page_section(record, number)].text;
        INFO("page " << number << ": " << text);
        // Once the words of a line were each a line of their own, and "Lowfield60.00" one
        // word: no name across them, and a place found elsewhere in the case unknown here.
        CHECK(text.find("Ryan arrived ten minutes early today.") != std::string::npos);
        CHECK(text.find("Cash card ATM Lowfield 60.00") != std::string::npos);
    }
}

TEST_CASE("pages rotated 0, 90, 180 and 270 keep their words, boxes and redactions in place",
          "[export]") {
    TempDir dir;
    Case request = test_case();
    fs::path file = dir.path / "turned.pdf";
    // Each page's lines are drawn turned against its /Rotate, so they read upright when shown.
    const std::vector<std::string> days{"one", "two", "three", "four"};
    std::vector<FixturePage> pages(4);
    for (int i = 0; i < 4; ++i) {
        FixturePage& p = pages[static_cast<std::size_t>(i)];
        p.rotate = 90 * i;
        const std::string phone = "Kerry's mobile is 07700 900456.";
        const std::string own = "Ryan arrived early for contact on day " + days[i] + ".";
        if (p.rotate == 0) p.lines = {{72, 780, phone}, {72, 764, own}};
        if (p.rotate == 90) p.lines = {{100, 72, phone, false, 90}, {116, 72, own, false, 90}};
        if (p.rotate == 180) p.lines = {{523, 100, phone, false, 180}, {523, 116, own, false, 180}};
        if (p.rotate == 270) p.lines = {{495, 770, phone, false, 270}, {479, 770, own, false, 270}};
    }
    std::ofstream(file, std::ios::binary) << fixture_pdf(pages);
    Record record = gathered_pdf(file, "turned.pdf");
    REQUIRE(record.pages.size() == 4);
    std::vector<Redaction> redactions;
    for (int i = 0; i < 4; ++i) {
        INFO("page " << i + 1);
        const PageInfo& info = record.pages[static_cast<std::size_t>(i)];
        CHECK(info.rotation == 90 * i);
        CHECK((info.crop.width() > info.crop.height()) == (i % 2 == 1)); // the page as shown
        CHECK_FALSE(info.image_only);
        CHECK(info.hidden_words == 0);
        const std::size_t section = page_section(record, i + 1);
        for (const Word& w : record.sections[section].words)
            CHECK_FALSE(w.hidden);
        redactions.push_back(redact(record, section, "07700 900456"));
    }
    Disclosure d;
    d.request = &request;
    d.draft = false;
    d.records.push_back(disclose(record, "Turned pages", redactions));
    ExportResult result = export_bundle(d, options_for(dir.path / "out"));
    std::string text = pdftotext(result.pdf, dir.path);
    for (int i = 0; i < 4; ++i) {
        INFO("page " << i + 1);
        CHECK(contains(text, "Ryan arrived early for contact on day " + days[i] + "."));
        // The bar is burnt where the number shows; the requester's words stay clear.
        const std::size_t section = page_section(record, i + 1);
        Grey grey = render_grey(result.pdf, i + 1);
        CHECK(darkest_share(grey, word_named(record, section, "900456.").box, band_top) > 75);
        CHECK(darkest_share(grey, word_named(record, section, "arrived").box, band_top) < 50);
    }
    CHECK(contains(text, "Kerry's mobile is"));
    CHECK(text.find("900456") == std::string::npos);
}

TEST_CASE("a two-column page is read column by column, as in the source", "[export]") {
    TempDir dir;
    Case request = test_case();
    fs::path file = dir.path / "columns.pdf";
    // Two columns 20 pt apart, 11 pt text on a 14 pt pitch; each sentence runs over lines.
    const std::vector<std::string> left{
        "Ryan arrived fifteen minutes early and", "set up the Lego before the children",
        "came in. Ryan read them a story and", "then Kerry collected them at noon."};
    const std::vector<std::string> right{
        "Ryan brought a photo album of the", "children as babies and they laughed",
        "at it. Kerry phoned the centre later", "to say the children were happy."};
    FixturePage columns;
    for (std::size_t i = 0; i < left.size(); ++i) {
        const double y = 780 - 14.0 * static_cast<double>(i);
        columns.lines.push_back({72, y, left[i]});
        columns.lines.push_back({277, y, right[i]});
    }
    FixturePage single = text_page({"Ryan arrived ten minutes early for contact.",
                                    "Kerry Maddox lives at Flat 5, Tansy House, Doncaster.",
                                    "Ryan said he wants to see the children more often."});
    std::ofstream(file, std::ios::binary) << fixture_pdf({columns, single});
    const std::string source = pdftotext(file, dir.path);
    const std::vector<std::string> sentences{
        "Ryan arrived fifteen minutes early and set up the Lego before the children came in.",
        "Ryan read them a story and then",
        "Ryan brought a photo album of the children as babies and they laughed at it.",
        "the centre later to say the children were happy."};
    for (const std::string& sentence : sentences)
        REQUIRE(contains(source, sentence)); // the source itself reads as columns

    Record record = gathered_pdf(file, "columns.pdf");
    const std::size_t first = page_section(record, 1), second = page_section(record, 2);
    Disclosure d;
    d.request = &request;
    d.draft = false;
    d.records.push_back(
        disclose(record, "Observations",
                 {redact(record, first, "Kerry collected"), redact(record, first, "Kerry phoned"),
                  redact(record, second, "Kerry Maddox")}));
    ExportResult result = export_bundle(d, options_for(dir.path / "out"));
    std::string text = pdftotext(result.pdf, dir.path);
    for (const std::string& sentence : sentences) {
        INFO(sentence);
        CHECK(contains(text, sentence));
    }
    CHECK(contains(text, "them at noon."));
    CHECK_FALSE(contains(text, "Kerry"));
    // The one-column page still reads line by line, in order.
    std::string squeezed = squeeze(text);
    std::size_t one = squeezed.find(squeeze("Ryan arrived ten minutes early for contact."));
    std::size_t two = squeezed.find(squeeze("lives at Flat 5, Tansy House, Doncaster."));
    std::size_t three =
        squeezed.find(squeeze("Ryan said he wants to see the children more often."));
    REQUIRE(one != std::string::npos);
    CHECK(two != std::string::npos);
    CHECK(three != std::string::npos);
    CHECK(one < two);
    CHECK(two < three);
}

TEST_CASE("an attachment is rendered from its bytes", "[export]") {
    ReferralFixture f;
    Record attachment = pdf_record(f.source, "mail.eml#referral.pdf");
    std::string bytes = read_file(f.source);
    attachment.bytes.assign(bytes.begin(), bytes.end());
    attachment.path = f.dir.path / "mail.eml"; // not a PDF, and not even there
    attachment.parent = "mail.eml";
    Record mail = text_record("mail.eml", "See the attached referral.");
    mail.kind = RecordKind::Email;
    f.disclosure.records.clear();
    f.disclosure.records.push_back(disclose(mail, "E-mail from the referrer"));
    f.disclosure.records.push_back(
        disclose(attachment, "Attached referral", {redact(attachment, 0, "Kerry Maddox")}));
    ExportResult result = export_bundle(f.disclosure, options_for(f.out));
    std::string text = pdftotext(result.pdf, f.dir.path);
    CHECK(contains(text, "Ryan arrived ten minutes early for contact."));
    CHECK(contains(text, "attached to E-mail from the referrer"));
    CHECK_FALSE(contains(text, "Maddox"));
}

TEST_CASE("the cover lists contents, redactions and unreadable records, the schedule groups",
          "[export]") {
    ReferralFixture f;
    f.disclosure.skipped_records = {"scans/unreadable.pdf"};
    {
        // A profile that names no withheld record names no unreadable one either.
        ExportResult unnamed = export_bundle(f.disclosure, options_for(f.dir.path / "unnamed"));
        const std::string cover = page_texts(unnamed.pdf).front();
        CHECK(contains(cover, "We could not read some records"));
        CHECK_FALSE(contains(cover, "unreadable.pdf"));
        CHECK_FALSE(contains(read_file(unnamed.json), "unreadable.pdf"));
    }
    f.disclosure.name_withheld_records = true;
    ExportResult result = export_bundle(f.disclosure, options_for(f.out));
    std::vector<std::string> pages = page_texts(result.pdf);
    std::string cover = pages.front();
    CHECK(contains(cover, "SAR-TEST-0001"));
    CHECK(contains(cover, "Date of export: 2026-11-21"));
    CHECK(contains(cover, "Referral form"));
    CHECK(contains(cover, "page 2"));
    CHECK(contains(cover, "4 redactions in 1 record"));
    CHECK(contains(cover, "scans/unreadable.pdf"));
    std::string schedule;
    for (const std::string& p : pages)
        if (contains(p, "Redaction schedule") && contains(p, "Legal basis")) schedule += p;
    // Three TP redactions on bundle page 2, one ST on page 3.
    CHECK(contains(schedule, "2 Referral form TP DPA 2018 Sch 2 Pt 3 para 16 3"));
    CHECK(contains(schedule, "3 Referral form ST DPA 2018 Sch 2 Pt 3 para 16 1"));
}

TEST_CASE("a controller's settings file overrides the Art 15 defaults", "[export]") {
    ReferralFixture f;
    fs::path settings = f.dir.path / "settings.json";
    std::ofstream(settings)
        << R"({"retention": "Records are kept for 7 years.", "controller": {"name": "Safe Harbour Services"}})";
    ExportOptions o = options_for(f.out);
    o.settings_file = settings;
    ExportResult result = export_bundle(f.disclosure, o);
    nlohmann::json info = read_json(result.json)["supplementary_information"];
    CHECK(info["retention"] == "Records are kept for 7 years.");
    CHECK(info["controller"]["name"] == "Safe Harbour Services");
    CHECK_FALSE(std::string(info["controller"]["contact"]).empty()); // kept from the defaults
    CHECK(contains(pdftotext(result.pdf, f.dir.path), "Records are kept for 7 years."));

    std::ofstream(settings) << R"({"retention": 7})";
    CHECK_THROWS_AS(export_bundle(f.disclosure, o), ExportError);
}

TEST_CASE("bad requests are refused before anything is written", "[export]") {
    ReferralFixture f;
    f.request.reference = std::string(201, 'x'); // too long to name a file ("/" is written "-")
    CHECK_THROWS_AS(export_bundle(f.disclosure, options_for(f.out)), ExportError);
    CHECK((!fs::exists(f.out) || files_in(f.out).empty()));
}

// ---- verification on libqpdf, encrypted delivery, fonts per script ----------------------

namespace {

// Plants `text` after export where only a reader with a PDF library (and the password) would
// find it: a comment in the content stream of the bundle's second page. The file keeps its
// encryption (QPDFWriter preserves it).
fs::path plant_in_stream(const fs::path& pdf, const std::string& password, const std::string& text,
                         const fs::path& out) {
    QPDF q;
    q.processFile(pdf.c_str(), password.c_str());
    QPDFObjectHandle extra = QPDFObjectHandle::newStream(&q, "% " + text + "\n");
    QPDFPageDocumentHelper(q).getAllPages().at(1).addPageContents(extra, false);
    QPDFWriter writer(q, out.c_str());
    writer.write();
    return out;
}

// NFKC without bidi controls, whitespace runs as one space: how a reader compares names.
std::string nfkc(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(utf8), out;
    n->normalize(in, out, status);
    std::string folded, result;
    out.toUTF8String(folded);
    bool space = false;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        // U+202A..U+202E and U+200E/F (E2 80 AA..AE, 8E, 8F): marks pdftotext adds round RTL text
        if (folded.compare(i, 2, "\xE2\x80") == 0 && i + 2 < folded.size()) {
            unsigned char c = static_cast<unsigned char>(folded[i + 2]);
            if ((c >= 0xAA && c <= 0xAE) || c == 0x8E || c == 0x8F) {
                i += 2;
                continue;
            }
        }
        if (std::isspace(static_cast<unsigned char>(folded[i]))) {
            space = !result.empty();
            continue;
        }
        if (space) result += ' ';
        space = false;
        result += folded[i];
    }
    return result;
}

} // namespace

TEST_CASE("a leak planted inside an encrypted bundle's stream is caught", "[export]") {
    ReferralFixture f;
    ExportOptions o = options_for(f.out);
    o.password = "correct horse battery";
    ExportResult result = export_bundle(f.disclosure, o);
    const OutputFiles as_written{result.pdf, {}, "", "", {}, result.json_name};
    const VerifyReport clean = verify_output(as_written, f.disclosure, o.password);
    INFO((clean.failures.empty() ? std::string() : clean.failures.front()));
    CHECK(clean.ok());
    CHECK(clean.encrypted);
    CHECK(clean.streams > 0);

    const fs::path tampered =
        plant_in_stream(result.pdf, o.password, "Kerry Maddox", f.dir.path / "tampered.pdf");
    CHECK_FALSE(bytes_contain(read_file(tampered), "Kerry Maddox")); // still ciphertext
    const VerifyReport report =
        verify_output({tampered, {}, "", "", {}, result.json_name}, f.disclosure, o.password);
    CHECK(report.encrypted);
    REQUIRE_FALSE(report.ok());
    CHECK(any_line_has(report.failures, "stream", "[TP]"));
    REQUIRE(report.leaks.size() == 1);
    CHECK(report.leaks[0].text == "Kerry Maddox");
    CHECK(report.leaks[0].code == "TP");
    REQUIRE_FALSE(report.leaks[0].places.empty());
    CHECK(report.leaks[0].places[0].find("stream") != std::string::npos);

    // The same plant in a plain bundle is caught the same way.
    ExportResult plain = export_bundle(f.disclosure, options_for(f.dir.path / "plain"));
    const fs::path plain_tampered =
        plant_in_stream(plain.pdf, "", "Karen Walsh", f.dir.path / "plain-tampered.pdf");
    const VerifyReport plain_report =
        verify_output({plain_tampered, {}, "", "", {}, ""}, f.disclosure);
    CHECK(any_line_has(plain_report.failures, "stream", "[ST]"));
}

TEST_CASE("with a password the JSON is encrypted inside the PDF, never beside it", "[export]") {
    ReferralFixture f;
    ExportOptions o = options_for(f.out);
    o.password = "correct horse battery";
    ExportResult result = export_bundle(f.disclosure, o);
    CHECK(result.json_embedded);
    CHECK(result.json.empty());
    CHECK(result.json_name == "SAR-TEST-0001.json");
    CHECK(files_in(f.out) == std::vector<std::string>{"SAR-TEST-0001.pdf"});
    // Nothing of the JSON is readable in the file's bytes.
    CHECK_FALSE(bytes_contain(read_file(result.pdf), "supplementary_information"));
    CHECK_FALSE(bytes_contain(read_file(result.pdf), "Ryan arrived"));

    // With the password, qpdf lists one attachment: the bundle's JSON, valid and complete.
    const std::string password = test::quoted(o.password);
    const std::string listed = test::run_capture("qpdf --password=" + password +
                                                 " --list-attachments " + test::quoted(result.pdf));
    CHECK(listed.find("SAR-TEST-0001.json") != std::string::npos);
    const test::CommandResult shown =
        test::run_command("qpdf --password=" + password + " --show-attachment=SAR-TEST-0001.json " +
                          test::quoted(result.pdf));
    REQUIRE(shown.status == 0);
    const fs::path json = f.dir.path / "attached.json";
    std::ofstream(json) << shown.out;
    CHECK(schema_problems(json, f.dir.path).empty());
    CHECK(shown.out.find("Ryan arrived ten minutes early") != std::string::npos);
    CHECK(shown.out.find("Kerry") == std::string::npos);
}

TEST_CASE("names in Chinese, Arabic, Polish, Welsh and Yoruba are drawn and come back as text",
          "[export][fonts]") {
    TempDir dir;
    Case request = test_case();
    const std::vector<std::string> names = {
        "\xE7\x8E\x8B\xE7\xA7\x80\xE8\x8B\xB1",                      // 王秀英
        "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF \xD8\xB9\xD9\x84\xD9\x8A", // محمد علي
        "\xC5\x81ucja Wr\xC3\xB3\x62lewska-\xC5\xBB\x61k",           // Łucja Wróblewska-Żak
        "Si\xC3\xA2n Ll\xC5\xB7r ap Gw\xC5\xB5yn",                   // Siân Llŷr ap Gwŵyn
        "Ad\xC3\xA9\xE1\xB9\xA3\xE1\xBB\x8Dl\xC3\xA1 "
        "\xE1\xBB\x8Cl\xE1\xBB\x8D\xCC\x81r\xE1\xBB\x8D\xCC\x80"}; // Adéṣọlá Ọlọ́rọ̀
    std::string body = "The requester is known by these names:\n";
    for (const std::string& n : names)
        body += "Alias: " + n + "\n";
    Record note = text_record("aliases.txt", body);
    Disclosure d;
    d.request = &request;
    d.draft = false;
    d.records.push_back(disclose(note, "Aliases", {}));
    ExportResult text_bundle = export_bundle(d, options_for(dir.path / "text"));

    // The same names as a PDF record: drawn as a page image, with an invisible text layer.
    Record pdf = gathered_pdf(text_bundle.pdf, "records/aliases.pdf");
    Case request2 = test_case("SAR-TEST-0002");
    Disclosure d2;
    d2.request = &request2;
    d2.draft = false;
    d2.records.push_back(disclose(pdf, "Aliases (PDF)", {}));
    ExportResult layer_bundle = export_bundle(d2, options_for(dir.path / "layer"));

    const std::string text = nfkc(test::pdf_text(text_bundle.pdf));
    const std::string layer = nfkc(test::pdf_text(layer_bundle.pdf));
    INFO(text << "\n----\n" << layer);
    for (const std::string& name : names) {
        INFO(name);
        CHECK(text.find(nfkc(name)) != std::string::npos);
    }
    // The text layer gives back every word of the record as the record holds it. (Poppler hands
    // gather an Arabic word in the order it is drawn, so there the record itself holds it
    // reversed; the layer reproduces what the record holds.)
    for (const Section& s : pdf.sections)
        for (const Word& w : s.words) {
            const std::string word = s.text.substr(w.begin, w.end - w.begin);
            INFO(word);
            CHECK(layer.find(nfkc(word)) != std::string::npos);
        }
    for (std::size_t i : {0, 2, 3, 4}) { // Chinese, Polish, Welsh, Yoruba: left to right
        INFO(names[i]);
        CHECK(layer.find(nfkc(names[i])) != std::string::npos);
    }
    CHECK(text.find("\xEF\xBF\xBD") == std::string::npos); // no replacement character
    CHECK(layer.find("\xEF\xBF\xBD") == std::string::npos);
    // The CJK name needed a font besides DejaVu, embedded as a subset.
    const std::string fonts = test::run_capture("pdffonts " + test::quoted(text_bundle.pdf));
    CHECK(fonts.find("DroidSansFallback") != std::string::npos);
}

TEST_CASE("the verifier searches what a reader sees, not the file's cross-reference table",
          "[export]") {
    TempDir dir;
    Case request = test_case();
    Record note = text_record("note.txt", "Reference 0000000000\nI would like a copy of my file.");
    Disclosure d;
    d.request = &request;
    d.records.push_back(disclose(note, "Note", {redact(note, 0, "0000000000")}));
    ExportResult result = export_bundle(d, options_for(dir.path / "out"));
    // The redacted digits are in every PDF's own structure ("0000000000 65535 f"), not its text.
    CHECK(read_file(result.pdf).find("0000000000 65535 f") != std::string::npos);
    const std::string text = test::pdf_text(result.pdf);
    CHECK(text.find("0000000000") == std::string::npos);
    CHECK(text.find("I would like a copy of my file.") != std::string::npos);
}

TEST_CASE("a redacted number is not sought among a font's glyph codes", "[export]") {
    TempDir dir;
    Case request = test_case();
    // Four-digit codes such as these are also the hexadecimal glyph codes of the bundle's font
    // maps (ToUnicode: "<0003> <0003> [ <0020> ]" for a space): drawing data, not text.
    Record note =
        text_record("note.txt", "PIN 0003, door 0020, locker 0044. I would like my file.");
    Disclosure d;
    d.request = &request;
    d.records.push_back(disclose(
        note, "Note", {redact(note, 0, "0003"), redact(note, 0, "0020"), redact(note, 0, "0044")}));
    ExportResult result = export_bundle(d, options_for(dir.path / "out"));
    const std::string text = test::pdf_text(result.pdf);
    for (const char* code : {"0003", "0020", "0044"})
        CHECK(text.find(code) == std::string::npos);
    CHECK(text.find("I would like my file.") != std::string::npos);
}

TEST_CASE("a record whose redaction cannot be placed is left out, not shown", "[export]") {
    ReferralFixture f;
    f.disclosure.records[0].redactions[0].section = 99; // fail closed: nothing of it is shown
    const ExportResult result = export_bundle(f.disclosure, options_for(f.out));
    REQUIRE(result.omissions.size() == 1);
    CHECK_THAT(result.omissions[0].what, Catch::StartsWith("not exported: "));
    nlohmann::json j = read_json(result.json);
    CHECK(j["records"].empty());
    CHECK(j["withheld_in_full"]["some_records_not_read"] == true);
    CHECK(contains(pdftotext(result.pdf, f.dir.path), "could not read"));
    // Named in the bundle only where the profile names records it does not show.
    f.disclosure.name_withheld_records = true;
    const ExportResult named = export_bundle(f.disclosure, options_for(f.dir.path / "named"));
    j = read_json(named.json);
    REQUIRE(j["skipped_records"].size() == 1);
    CHECK(j["skipped_records"][0] == f.disclosure.records[0].title);
}

TEST_CASE("a redacted text of words with a date in it is looked for by its words, not by the "
          "date's digits wherever the bundle prints the date",
          "[export]") {
    TempDir dir;
    Case request = test_case();
    Record notice = text_record("register.txt", "Unit 4: warning letter 03/05/2026 served.");
    // The date is printed with the minutes' title on every page of them, and kept nowhere.
    Record minutes = text_record("minutes.txt", "The committee met at the hall.");
    Disclosure d;
    d.request = &request;
    d.records.push_back(
        disclose(notice, "register.txt", {redact(notice, 0, "warning letter 03/05/2026")}));
    d.records.push_back(disclose(minutes, "Committee 03/05/2026", {}));
    const ExportResult result = export_bundle(d, options_for(dir.path / "out"));
    CHECK(fs::exists(result.pdf));
    // A number is still looked for by its digits, however it is spaced.
    Record call = text_record("call.txt", "Her number is 07700 900 482 now.");
    Record log = text_record("log.txt", "Rang twice.");
    Disclosure phones;
    phones.request = &request;
    phones.records.push_back(disclose(call, "call.txt", {redact(call, 0, "07700 900 482")}));
    phones.records.push_back(disclose(log, "Calls to 07700900482", {}));
    CHECK_THROWS_AS(export_bundle(phones, options_for(dir.path / "out2")), VerificationFailed);
}
