// The record formats of issue 15 (fixtures/formats/, made by fixtures/make_formats.py): each
// reader brings every place its format hides text to the document model, shows what a reader
// sees and keeps apart (hidden, with a caution) what a reader does not; bad files are one clear
// error each and the run goes on.
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"
#include "safesar/pipeline.hpp"
#include "safesar/policy.hpp"

#include "../engine/src/gather/sheet_builder.hpp"
#include "../engine/src/gather/zip_archive.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

const fs::path kCase = SAFESAR_FIXTURES "/formats/case";
const fs::path kBad = SAFESAR_FIXTURES "/formats/bad";

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

GatherOptions no_ocr() {
    GatherOptions o;
    o.ocr = false;
    return o;
}

// Every section with this label (or, when `label` ends in '*', starting with it).
std::vector<const Section*> sections(const Record& r, const std::string& label) {
    std::vector<const Section*> out;
    for (const Section& s : r.sections) {
        const bool prefix = !label.empty() && label.back() == '*';
        if (prefix ? s.label.rfind(label.substr(0, label.size() - 1), 0) == 0 : s.label == label)
            out.push_back(&s);
    }
    return out;
}

const Section& section(const Record& r, const std::string& label) {
    auto found = sections(r, label);
    INFO("section " << label << " of " << r.name);
    REQUIRE(found.size() >= 1);
    return *found.front();
}

std::string all_text(const Record& r, SectionKind kind) {
    std::string out;
    for (const Section& s : r.sections)
        if (s.kind == kind) out += s.text + "\n";
    return out;
}

// The text export would show: every section shown as text.
std::string shown_text(const Record& r) {
    std::string out;
    for (const Section& s : r.sections)
        if (shown_as_text(s)) out += s.text + "\n";
    return out;
}

bool has_caution(const Record& r, const std::string& part) {
    for (const std::string& c : r.cautions)
        if (c.find(part) != std::string::npos) return true;
    return false;
}

std::string field(const Section& s, const std::string& label) {
    for (const Field& f : s.fields)
        if (f.label == label) return s.text.substr(f.begin, f.end - f.begin);
    return {};
}

} // namespace

TEST_CASE("a Word document brings every place it hides text to detection", "[formats][docx]") {
    std::vector<Record> attachments;
    const Record r = read_docx("letter.docx", bytes_of(kCase / "records/letters/progress-letter.docx"),
                               no_ocr(), attachments);
    CHECK(r.kind == RecordKind::Document);
    const Section& body = section(r, "body");
    CHECK_THAT(body.text, Catch::Contains("Nathan Corrie attended all six sessions"));
    // headings, tables (a row on one line, cells tab-separated), text boxes, tracked insertions
    REQUIRE_FALSE(body.blocks.empty());
    CHECK(body.blocks.front().style == TextBlock::Style::Heading);
    CHECK_THAT(body.text, Catch::Contains("Hannah Pryce\tpartner"));
    CHECK_THAT(body.text, Catch::Contains("Reply to h.pryce@example.org only."));
    CHECK_THAT(body.text, Catch::Contains("The family contact point is the office."));
    CHECK_THAT(body.text, Catch::Contains("noted good progress.[1][i]"));
    // hidden runs and deleted revisions are not in the body...
    CHECK_THAT(body.text, !Catch::Contains("Larkfield") && !Catch::Contains("Marlow"));
    CHECK_THAT(body.text, !Catch::Contains("Brightwell") && !Catch::Contains("Owen Farrant"));
    // ...but read, hidden, and cautioned
    const Section& hidden = section(r, "hidden text");
    CHECK(hidden.hidden);
    CHECK_THAT(hidden.text, Catch::Contains("Poppy now attends Larkfield Primary School"));
    CHECK_THAT(hidden.text, Catch::Contains("Her mother works at Brightwell Opticians")); // by style
    CHECK_THAT(hidden.text, Catch::Contains("Owen Farrant holds the incident log"));     // white
    const Section& deleted = section(r, "deleted text (tracked changes)");
    CHECK(deleted.hidden);
    CHECK_THAT(deleted.text, Catch::Contains("Flat 2, 41 Marlow Crescent, Eastwick GV2 8LT"));
    CHECK(has_caution(r, "hidden text"));
    CHECK(has_caution(r, "deleted text"));
    // headers, footers, footnotes, endnotes, comments
    CHECK_THAT(section(r, "header").text, Catch::Contains("partner Hannah Pryce"));
    CHECK_THAT(section(r, "footer").text, Catch::Contains("0114 496 0382"));
    CHECK_THAT(section(r, "footnotes").text,
               Catch::Contains("[1] Reported by Owen Farrant of Dunmere Police."));
    CHECK_THAT(section(r, "endnotes").text, Catch::Contains("[i] Poppy was born on 22/04/2017."));
    const Section& comment = section(r, "comment 1");
    CHECK(comment.kind == SectionKind::Annotation);
    CHECK(shown_as_text(comment));
    CHECK(field(comment, "Author") == "Joanne Whitcombe");
    CHECK(field(comment, "Comment") == "Hannah asked us not to share 07700 900264.");
    // what never shows: alt text, field codes, variables, the template's path, properties
    const std::string metadata = all_text(r, SectionKind::Metadata);
    CHECK_THAT(metadata, Catch::Contains("Photo of Hannah Pryce outside 41 Marlow Crescent"));
    CHECK_THAT(metadata, Catch::Contains("mailto:h.pryce@example.org"));
    CHECK_THAT(metadata, Catch::Contains("ClientPartner: Hannah Pryce"));
    CHECK_THAT(metadata, Catch::Contains("C:/Users/jwhitcombe/Templates"));
    CHECK_THAT(metadata, Catch::Contains("j.whitcombe@example.org"));
    CHECK(section(r, "property creator").text == "Joanne Whitcombe");
    CHECK(section(r, "property lastModifiedBy").text == "Owen Farrant");
    CHECK(section(r, "property Company").text == "Brightwell Opticians");
    CHECK_THAT(section(r, "property keywords").text, Catch::Contains("Hannah Pryce"));
    // none of that is shown
    CHECK_THAT(shown_text(r), !Catch::Contains("Larkfield Primary School") &&
                                  !Catch::Contains("Marlow Crescent") &&
                                  !Catch::Contains("ClientPartner"));
    // the picture was not OCR'd here, and the reviewer is told
    CHECK(has_caution(r, "not read by OCR"));
}

TEST_CASE("an OpenDocument text brings every place it hides text to detection",
          "[formats][odt]") {
    std::vector<Record> attachments;
    const Record r = read_odt("notes.odt", bytes_of(kCase / "records/letters/key-worker-notes.odt"),
                              no_ocr(), attachments);
    CHECK(r.kind == RecordKind::Document);
    const Section& body = section(r, "body");
    CHECK_THAT(body.text, Catch::Contains("Nathan Corrie asked for a copy"));
    CHECK_THAT(body.text, Catch::Contains("Hannah Pryce\tpartner"));
    CHECK_THAT(body.text, Catch::Contains("Reply to h.pryce@example.org"));
    CHECK_THAT(body.text, Catch::Contains("reviewed.[1]"));
    CHECK_THAT(body.text, !Catch::Contains("Owen Farrant") && !Catch::Contains("Brightwell"));
    CHECK_THAT(section(r, "header").text, Catch::Contains("Support: Hannah Pryce"));
    CHECK_THAT(section(r, "footer").text, Catch::Contains("0114 496 0382"));
    CHECK_THAT(section(r, "footnotes").text, Catch::Contains("[1] Hannah Pryce gave her new number"));
    CHECK(field(section(r, "comment 1"), "Author") == "Joanne Whitcombe");
    CHECK_THAT(field(section(r, "comment 1"), "Comment"), Catch::Contains("Larkfield Primary"));
    const Section& hidden = section(r, "hidden text");
    CHECK(hidden.hidden);
    CHECK_THAT(hidden.text, Catch::Contains("Owen Farrant will update the log"));
    CHECK_THAT(hidden.text, Catch::Contains("Brightwell Opticians"));
    CHECK_THAT(hidden.text, Catch::Contains("Eastwick refuge address withheld"));
    CHECK_THAT(section(r, "deleted text (tracked changes)").text,
               Catch::Contains("41 Marlow Crescent"));
    const std::string metadata = all_text(r, SectionKind::Metadata);
    CHECK_THAT(metadata, Catch::Contains("Photo of Hannah Pryce at Brightwell Opticians"));
    CHECK_THAT(metadata, Catch::Contains("mailto:h.pryce@example.org"));
    CHECK_THAT(metadata, Catch::Contains("Partner: Hannah Pryce"));
    CHECK(section(r, "property initial-creator").text == "Joanne Whitcombe");
    CHECK(has_caution(r, "hidden text"));
    CHECK(has_caution(r, "deleted text"));
}

TEST_CASE("an RTF document is read by its groups and destinations", "[formats][rtf]") {
    std::vector<Record> attachments;
    const Record r = read_rtf("statement.rtf", bytes_of(kCase / "records/letters/statement.rtf"),
                              no_ocr(), attachments);
    const Section& body = section(r, "body");
    CHECK_THAT(body.text, Catch::Contains("Nathan Corrie wrote to say he has moved to Tanner Row."));
    CHECK_THAT(body.text, Catch::Contains("Contact is by letter only."));
    CHECK_THAT(body.text, Catch::Contains("Arrangements: see file."));
    CHECK_THAT(body.text, Catch::Contains("Hannah Pryce\tpartner"));
    CHECK_THAT(body.text, Catch::Contains("Tuesday.[1]"));
    CHECK_THAT(body.text, !Catch::Contains("Marlow") && !Catch::Contains("Larkfield") &&
                              !Catch::Contains("HYPERLINK"));
    CHECK_THAT(section(r, "header").text, Catch::Contains("Hannah Pryce"));
    CHECK_THAT(section(r, "footer").text, Catch::Contains("0114 496 0382"));
    CHECK_THAT(section(r, "footnotes").text, Catch::Contains("[1] Hannah Pryce asked for this."));
    CHECK(field(section(r, "comment 1"), "Author") == "Joanne Whitcombe");
    CHECK_THAT(field(section(r, "comment 1"), "Comment"), Catch::Contains("07700 900264"));
    CHECK_THAT(section(r, "hidden text").text, Catch::Contains("41 Marlow Crescent, Eastwick"));
    CHECK_THAT(section(r, "deleted text (tracked changes)").text,
               Catch::Contains("Poppy goes to Larkfield Primary School"));
    CHECK(section(r, "property author").text == "Joanne Whitcombe");
    CHECK(section(r, "property operator").text == "Owen Farrant");
    CHECK(section(r, "property company").text == "Brightwell Opticians");
    CHECK_THAT(section(r, "field codes").text, Catch::Contains("mailto:h.pryce@example.org"));
}

TEST_CASE("a Word 97 document's stories, hidden and deleted runs come from its piece table",
          "[formats][doc]") {
    std::vector<Record> attachments;
    // The .docx of these fixtures as LibreOffice saves it in Word 97 format.
    const Record r = read_doc("letter.doc", bytes_of(kCase / "records/legacy/progress-letter.doc"),
                              no_ocr(), attachments);
    CHECK(r.kind == RecordKind::Document);
    const Section& body = section(r, "body");
    CHECK_THAT(body.text, Catch::Contains("Nathan Corrie attended all six sessions"));
    CHECK_THAT(body.text, Catch::Contains("Hannah Pryce\tpartner")); // a table row
    CHECK_THAT(body.text, Catch::Contains("The family contact point is the office."));
    CHECK_THAT(body.text, !Catch::Contains("Larkfield") && !Catch::Contains("Marlow") &&
                              !Catch::Contains("Owen Farrant holds"));
    CHECK_THAT(section(r, "hidden text").text, Catch::Contains("Poppy now attends Larkfield"));
    CHECK_THAT(section(r, "hidden text").text, Catch::Contains("Owen Farrant holds")); // white
    CHECK_THAT(section(r, "deleted text (tracked changes)").text,
               Catch::Contains("41 Marlow Crescent"));
    CHECK_THAT(section(r, "headers and footers").text, Catch::Contains("0114 496 0382"));
    CHECK_THAT(section(r, "text boxes").text, Catch::Contains("h.pryce@example.org"));
    CHECK_THAT(section(r, "footnotes").text, Catch::Contains("[1] Reported by Owen Farrant"));
    CHECK_THAT(section(r, "endnotes").text, Catch::Contains("Poppy was born on 22/04/2017"));
    CHECK(field(section(r, "comment 1"), "Author") == "Joanne Whitcombe");
    CHECK_THAT(section(r, "field codes").text, Catch::Contains("mailto:h.pryce@example.org"));
    CHECK(section(r, "property creator").text == "Joanne Whitcombe");
    CHECK(section(r, "property last-saved-by").text == "Owen Farrant");
    CHECK(has_caution(r, "hidden text"));
    CHECK(has_caution(r, "deleted text"));
}

TEST_CASE("a compound file whose root entry has siblings, which the format forbids, reads whole",
          "[formats][doc]") {
    // The root's left sibling link pointed at the document's main stream. libgsf 1.14.50 took
    // it for an entry with no parent, dropped it (a leak LeakSanitizer reports) and lost the
    // stream from the tree, so the document had no text.
    std::string bytes = bytes_of(kCase / "records/legacy/progress-letter.doc");
    const auto u32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (int i = 3; i >= 0; --i)
            v = v << 8 | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
        return v;
    };
    const std::size_t root = (std::size_t{u32(0x30)} + 1) << 9;
    std::size_t main_stream = 0;
    for (std::size_t entry = 1; entry < 8 && !main_stream; ++entry)
        if (bytes.compare(root + entry * 128, 24,
                          std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24)) == 0)
            main_stream = entry;
    REQUIRE(main_stream != 0);
    bytes[root + 0x44] = static_cast<char>(main_stream);
    bytes[root + 0x45] = bytes[root + 0x46] = bytes[root + 0x47] = '\0';

    std::vector<Record> attachments;
    const Record r = read_doc("letter.doc", bytes, no_ocr(), attachments);
    CHECK_THAT(section(r, "body").text, Catch::Contains("Nathan Corrie attended all six sessions"));
}

TEST_CASE("an Excel 97 workbook's sheets, hidden parts and notes come from its records",
          "[formats][xls]") {
    std::vector<Record> attachments;
    // The .xlsx of these fixtures as LibreOffice saves it in Excel 97 format.
    const Record r = read_xls("log.xls", bytes_of(kCase / "records/legacy/contact-log.xls"),
                              no_ocr(), attachments);
    CHECK(r.kind == RecordKind::Spreadsheet);
    CHECK(section(r, "sheet 1").text == "Contact log");
    CHECK(field(section(r, "sheet 1 row 2"), "Date") == "02/03/2026");
    CHECK(field(section(r, "sheet 1 row 2"), "Note") == "Nathan Corrie rang to rearrange his appointment");
    CHECK(field(section(r, "sheet 1 row 3 (hidden columns)"), "Worker phone") == "0114 496 0382");
    CHECK(section(r, "sheet 1 row 4 (hidden row)").hidden);
    CHECK(section(r, "sheet 2").hidden);
    CHECK(field(section(r, "sheet 2 row 2"), "School") == "Larkfield Primary School");
    CHECK(section(r, "sheet 3 row 2").hidden);
    CHECK(field(section(r, "sheet 1 comment on B3"), "Comment") == "Owen Farrant confirmed this");
    CHECK_THAT(section(r, "sheet 1 page header or footer").text, Catch::Contains("Case of Hannah Pryce"));
    CHECK_THAT(section(r, "defined names").text, Catch::Contains("HannahPhone"));
    CHECK(has_caution(r, "hides 2 sheets, 1 row and 1 column"));
}

TEST_CASE("a sheet's title in one cell above the table is not its headings: the first row of "
          "two cells or more is, and a lone heading of one word still heads a one-column table",
          "[formats][xlsx]") {
    using gather_detail::SheetBuilder;
    Record r;
    gather_detail::HiddenCounts hidden;
    SheetBuilder titled(1, "Register", false);
    titled.row(1, false, {{1, "Group B - Tuesday 16:00 - sports hall"}});
    titled.row(2, false, {{1, "Pupil"}, {2, "DOB"}});
    titled.row(3, false, {{1, "Nia Hughes"}, {2, "04/05/2019"}});
    titled.finish(r.sections, hidden);
    SheetBuilder names(2, "Names", false);
    names.row(1, false, {{1, "Name"}});
    names.row(2, false, {{1, "Ann Biggs"}});
    names.finish(r.sections, hidden);
    CHECK(section(r, "sheet 1 row 1 (title)").text.find("sports hall") != std::string::npos);
    CHECK(field(section(r, "sheet 1 row 3"), "DOB") == "04/05/2019");
    CHECK(field(section(r, "sheet 2 row 2"), "Name") == "Ann Biggs");
}

TEST_CASE("a workbook gives every sheet, hidden ones too, as rows under their headings",
          "[formats][xlsx]") {
    std::vector<Record> attachments;
    const Record r = read_xlsx("log.xlsx", bytes_of(kCase / "records/logs/contact-log.xlsx"),
                               no_ocr(), attachments);
    CHECK(r.kind == RecordKind::Spreadsheet);
    CHECK(section(r, "sheet 1").text == "Contact log");
    const Section& head = section(r, "sheet 1 row 1 (column headings)");
    REQUIRE(head.blocks.size() == 1);
    CHECK(head.blocks[0].style == TextBlock::Style::TableHeader);
    CHECK(field(head, "A") == "Date");
    CHECK(field(head, "B") == "Contact with");
    const Section& row2 = section(r, "sheet 1 row 2");
    CHECK(row2.kind == SectionKind::Row);
    CHECK(field(row2, "Date") == "02/03/2026"); // a date-formatted serial, as the UK writes it
    CHECK(field(row2, "Contact with") == "Nathan Corrie");
    CHECK_FALSE(row2.hidden);
    // a formula's cached value is the cell's text; the formula is metadata
    CHECK(field(section(r, "sheet 1 row 3"), "Note") == "Hannah Pryce, 07700 900264");
    CHECK_THAT(section(r, "sheet 1 formulas").text, Catch::Contains("C3 = CONCAT("));
    // a hidden row, a hidden column: read, hidden
    CHECK(section(r, "sheet 1 row 4 (hidden row)").hidden);
    CHECK(field(section(r, "sheet 1 row 4 (hidden row)"), "Contact with") == "Poppy Corrie");
    const Section& column = section(r, "sheet 1 row 3 (hidden columns)");
    CHECK(column.hidden);
    CHECK(field(column, "Worker phone") == "0114 496 0382");
    CHECK(field(row2, "Worker phone").empty());
    // hidden and very hidden sheets
    CHECK(section(r, "sheet 2").text == "Children");
    CHECK(section(r, "sheet 2").hidden);
    CHECK(section(r, "sheet 2 row 2").hidden);
    CHECK(field(section(r, "sheet 2 row 2"), "School") == "Larkfield Primary School");
    CHECK(section(r, "sheet 3 row 2").hidden);
    CHECK(field(section(r, "sheet 3 row 2"), "Workplace") == "Brightwell Opticians");
    CHECK(has_caution(r, "hides 2 sheets, 1 row and 1 column"));
    // comments, page headers, defined names, properties
    const Section& comment = section(r, "sheet 1 comment on B3");
    CHECK(field(comment, "Author") == "Joanne Whitcombe");
    CHECK(field(comment, "Comment") == "Owen Farrant confirmed this");
    CHECK_THAT(section(r, "sheet 1 page header or footer").text,
               Catch::Contains("Case of Hannah Pryce"));
    CHECK_THAT(section(r, "defined names").text, Catch::Contains("HannahPhone"));
    CHECK(section(r, "property lastModifiedBy").text == "Owen Farrant");
    CHECK_THAT(shown_text(r), !Catch::Contains("Larkfield") && !Catch::Contains("Brightwell") &&
                                  !Catch::Contains("0114 496 0382"));
}

TEST_CASE("an OpenDocument spreadsheet gives every sheet without expanding empty repeats",
          "[formats][ods]") {
    std::vector<Record> attachments;
    const Record r = read_ods("log.ods", bytes_of(kCase / "records/logs/contact-log.ods"), no_ocr(),
                              attachments);
    CHECK(section(r, "sheet 1").text == "Contact log");
    CHECK(field(section(r, "sheet 1 row 2"), "Note") == "Nathan Corrie collected his course workbook");
    CHECK(field(section(r, "sheet 1 row 3"), "Note") == "Moved to Eastwick");
    CHECK_THAT(section(r, "sheet 1 formulas").text, Catch::Contains("CONCATENATE"));
    CHECK(section(r, "sheet 1 row 4 (hidden row)").hidden);
    CHECK(field(section(r, "sheet 1 row 2 (hidden columns)"), "Safe number") == "07700 900264");
    CHECK(section(r, "sheet 2").hidden);
    CHECK(field(section(r, "sheet 2 row 2"), "Address") ==
          "Flat 2, 41 Marlow Crescent, Eastwick GV2 8LT");
    CHECK(field(section(r, "sheet 1 comment on B3"), "Author") == "Joanne Whitcombe");
    CHECK_THAT(section(r, "defined names").text, Catch::Contains("BrightwellOpticians"));
    CHECK(section(r, "property initial-creator").text == "Owen Farrant");
    // 1,048,000 repeated empty rows are a count, not a million sections
    CHECK(r.sections.size() < 30);
}

TEST_CASE("a web page's hidden elements, comments and alt text are read apart",
          "[formats][html]") {
    std::vector<Record> attachments;
    const Record r = read_html("summary.html", bytes_of(kCase / "records/exports/case-summary.html"),
                               no_ocr(), attachments);
    CHECK(r.kind == RecordKind::WebPage);
    CHECK(field(section(r, "title"), "Title") == "Case export: Nathan Corrie and Hannah Pryce");
    const Section& body = section(r, "body");
    CHECK_THAT(body.text, Catch::Contains("Nathan Corrie completed the online safety module."));
    CHECK_THAT(body.text, Catch::Contains("Joanne Whitcombe\tworker"));
    CHECK_THAT(body.text, !Catch::Contains("07700") && !Catch::Contains("Larkfield") &&
                              !Catch::Contains("Brightwell") && !Catch::Contains("Farrant"));
    const Section& hidden = section(r, "hidden elements");
    CHECK(hidden.hidden);
    CHECK_THAT(hidden.text, Catch::Contains("Hannah Pryce 07700 900264"));
    CHECK_THAT(hidden.text, Catch::Contains("Poppy attends Larkfield Primary School"));
    CHECK_THAT(hidden.text, Catch::Contains("Brightwell Opticians")); // by a stylesheet rule
    CHECK_THAT(hidden.text, Catch::Contains("Owen Farrant"));         // a hidden form field
    CHECK_THAT(section(r, "HTML comments").text, Catch::Contains("41 Marlow Crescent"));
    CHECK(section(r, "HTML comments").hidden);
    const std::string metadata = all_text(r, SectionKind::Metadata);
    CHECK_THAT(metadata, Catch::Contains("Hannah Pryce at Eastwick"));
    CHECK_THAT(metadata, Catch::Contains("mailto:h.pryce@example.org"));
    CHECK_THAT(metadata, Catch::Contains("author: Joanne Whitcombe"));
    CHECK(has_caution(r, "browser does not show"));
}

TEST_CASE("an Outlook message has the e-mail's header fields, body and attachments",
          "[formats][msg]") {
    std::vector<Record> attachments;
    const Record r = read_msg("mail.msg", bytes_of(kCase / "records/mail/contact-arrangements.msg"),
                              no_ocr(), attachments);
    CHECK(r.kind == RecordKind::Email);
    const Section& headers = section(r, "headers");
    CHECK(headers.kind == SectionKind::Header);
    CHECK(field(headers, "From") == "Joanne Whitcombe <j.whitcombe@example.org>");
    CHECK(field(headers, "To") == "Nathan Corrie <n.corrie86@example.com>");
    CHECK(field(headers, "Cc") == "Owen Farrant <o.farrant@example.org>");
    CHECK(field(headers, "Subject") == "Contact arrangements");
    CHECK(field(headers, "Date") == "2026-03-04 09:30 UTC");
    CHECK(r.date == "2026-03-04");
    CHECK_THAT(section(r, "body").text, Catch::Contains("Nathan Corrie is due at the Dunmere office"));
    CHECK_THAT(section(r, "transport headers").text, Catch::Contains("198.51.100.77"));
    REQUIRE(attachments.size() == 2);
    CHECK(attachments[0].name == "mail.msg#new-address.txt");
    CHECK(attachments[0].parent == "mail.msg");
    CHECK(attachments[0].sections.empty()); // bytes, read by the gather step
    CHECK(std::string(attachments[0].bytes.begin(), attachments[0].bytes.end())
              .find("Hannah Pryce moved to Eastwick") != std::string::npos);
    const Record& inner = attachments[1];
    CHECK(inner.name == "mail.msg#school run.msg");
    CHECK(inner.kind == RecordKind::Email);
    CHECK(field(section(inner, "headers"), "Subject") == "Fwd: Poppy school run");
    CHECK(field(section(inner, "headers"), "From") == "Hannah Pryce <h.pryce@example.org>");
    // an RTF-only body, decompressed from Outlook's LZFu
    CHECK_THAT(section(inner, "body").text,
               Catch::Contains("Poppy starts at Larkfield Primary School on Monday."));
}

TEST_CASE("a photograph's metadata is read, the GPS position as decimal degrees",
          "[formats][image]") {
    const Record r = read_image("photo.jpg", bytes_of(kCase / "records/photos/arm-photo.jpg"), no_ocr());
    CHECK(r.kind == RecordKind::Image);
    CHECK(r.mime_type == "image/jpeg");
    REQUIRE(r.pages.size() == 1);
    CHECK(r.pages[0].image_only);
    CHECK_FALSE(r.pages[0].ocr_done); // OCR off: the policy covers the page whole
    // 1240 x 620 pixels with no resolution: shown no larger than A4's long side
    CHECK(r.pages[0].crop.width() == Approx(842));
    CHECK(r.pages[0].crop.height() == Approx(421));
    CHECK(section(r, "EXIF GPS position").text == "GPS position 53.380962, -1.470085");
    CHECK(section(r, "EXIF Image.Artist").text == "Hannah Pryce");
    CHECK(section(r, "EXIF Photo.CameraOwnerName").text == "Hannah Pryce");
    CHECK_THAT(section(r, "EXIF Image.ImageDescription").text, Catch::Contains("Joanne Whitcombe"));
    CHECK(section(r, "IPTC Application2.City").text == "Eastwick");
    CHECK(section(r, "IPTC Application2.Byline").text == "Hannah Pryce");
    CHECK(section(r, "page 1").kind == SectionKind::PageText);

    const Record png = read_image("notes.png", bytes_of(kCase / "records/scans/session-notes.png"), no_ocr());
    CHECK(section(png, "XMP dc.creator").text == "Joanne Whitcombe");
    CHECK(section(png, "XMP photoshop.City").text == "Eastwick");

    const Record tiff = read_image("agreement.tiff", bytes_of(kCase / "records/scans/agreement.tiff"), no_ocr());
    CHECK(tiff.pages.size() == 2); // every page of a TIFF
    CHECK(tiff.pages[0].crop.width() == Approx(1240 * 72.0 / 150));

    // stored on its side, EXIF orientation 6: the page is the upright picture
    const Record sideways = read_image(
        "sideways.jpg", bytes_of(kCase / "records/photos/sideways-note.jpg"), no_ocr());
    CHECK(sideways.pages[0].crop.width() == Approx(842));
    CHECK(sideways.pages[0].crop.height() == Approx(421));

    const Record heic = read_image("visit.heic", bytes_of(kCase / "records/photos/visit.heic"), no_ocr());
    CHECK(heic.mime_type == "image/heic");
    REQUIRE(heic.pages.size() == 1);
    CHECK(heic.pages[0].crop.width() > 0);
}

TEST_CASE("a photograph and a multi-page scan are read by OCR with word boxes",
          "[formats][image][ocr]") {
    GatherOptions o;
    const Record r = read_image("photo.jpg", bytes_of(kCase / "records/photos/arm-photo.jpg"), o);
    const Section& page = section(r, "page 1");
    CHECK(page.ocr);
    CHECK(r.pages[0].ocr_done);
    CHECK_THAT(page.text, Catch::Contains("07700 900264"));
    REQUIRE_FALSE(page.words.empty());
    for (const Word& w : page.words) {
        CHECK(w.box.x1 <= r.pages[0].crop.x1 + 0.5);
        CHECK(w.box.y1 <= r.pages[0].crop.y1 + 0.5);
    }
    const Record tiff = read_image("agreement.tiff", bytes_of(kCase / "records/scans/agreement.tiff"), o);
    CHECK_THAT(section(tiff, "page 2").text, Catch::Contains("Marlow Crescent"));
    // read upright, so its words' boxes run left to right on the upright page
    const Record sideways = read_image(
        "sideways.jpg", bytes_of(kCase / "records/photos/sideways-note.jpg"), o);
    const Section& turned = section(sideways, "page 1");
    CHECK_THAT(turned.text, Catch::Contains("Nathan phoned at noon"));
    REQUIRE(turned.words.size() > 2);
    CHECK(turned.words[1].box.x0 > turned.words[0].box.x1);
}

// Every place a format hides text, and the third party's text hidden there: scanning must
// propose to redact it (detection found it and the policy decided against keeping it).
TEST_CASE("every hiding place's third-party text is found and proposed for redaction",
          "[formats][detect]") {
    const fs::path work = fs::temp_directory_path() / "safesar-formats-scan";
    fs::remove_all(work);
    fs::copy(kCase, work, fs::copy_options::recursive);
    GatherOptions options = no_ocr();
    auto scan = scan_case(work, options);
    struct Hidden {
        std::string record, section, text;
    };
    const std::vector<Hidden> places = {
        {"letters/progress-letter.docx", "header", "Hannah Pryce"},
        {"letters/progress-letter.docx", "footer", "Whitcombe"},
        {"letters/progress-letter.docx", "footer", "0114 496 0382"},
        {"letters/progress-letter.docx", "footnotes", "Owen Farrant"},
        {"letters/progress-letter.docx", "endnotes", "22/04/2017"},
        {"letters/progress-letter.docx", "comment 1", "Joanne Whitcombe"},
        {"letters/progress-letter.docx", "comment 1", "07700 900264"},
        {"letters/progress-letter.docx", "hidden text", "Larkfield Primary School"},
        {"letters/progress-letter.docx", "hidden text", "Brightwell Opticians"},
        {"letters/progress-letter.docx", "deleted text (tracked changes)", "Marlow Crescent"},
        {"letters/progress-letter.docx", "body", "h.pryce@example.org"}, // a text box
        {"letters/progress-letter.docx", "alt text of pictures", "Hannah Pryce"},
        {"letters/progress-letter.docx", "field codes", "h.pryce@example.org"},
        {"letters/progress-letter.docx", "document variables", "Hannah Pryce"},
        {"letters/progress-letter.docx", "property creator", "Joanne Whitcombe"},
        {"letters/progress-letter.docx", "property lastModifiedBy", "Owen Farrant"},
        {"letters/progress-letter.docx", "property Company", "Brightwell Opticians"},
        {"letters/key-worker-notes.odt", "header", "Hannah Pryce"},
        {"letters/key-worker-notes.odt", "footnotes", "07700 900264"},
        {"letters/key-worker-notes.odt", "comment 1", "Larkfield Primary School"},
        {"letters/key-worker-notes.odt", "hidden text", "Owen Farrant"},
        {"letters/key-worker-notes.odt", "deleted text (tracked changes)", "Marlow Crescent"},
        {"letters/key-worker-notes.odt", "property initial-creator", "Joanne Whitcombe"},
        {"letters/statement.rtf", "hidden text", "Marlow Crescent"},
        {"letters/statement.rtf", "deleted text (tracked changes)", "Larkfield Primary School"},
        {"letters/statement.rtf", "property author", "Joanne Whitcombe"},
        {"letters/statement.rtf", "comment 1", "07700 900264"},
        {"logs/contact-log.xlsx", "sheet 2 row 2", "Larkfield Primary School"},
        {"logs/contact-log.xlsx", "sheet 3 row 2", "Brightwell Opticians"},
        {"logs/contact-log.xlsx", "sheet 1 row 4 (hidden row)", "Poppy Corrie"},
        {"logs/contact-log.xlsx", "sheet 1 comment on B3", "Owen Farrant"},
        {"logs/contact-log.xlsx", "sheet 1 row 3", "07700 900264"}, // a formula's value
        {"logs/contact-log.ods", "sheet 2 row 2", "Marlow Crescent"},
        {"logs/contact-log.ods", "sheet 1 row 2 (hidden columns)", "07700 900264"},
        {"exports/case-summary.html", "hidden elements", "07700 900264"},
        {"exports/case-summary.html", "hidden elements", "Larkfield Primary School"},
        {"exports/case-summary.html", "HTML comments", "Marlow Crescent"},
        {"exports/case-summary.html", "title", "Hannah Pryce"},
        {"mail/contact-arrangements.msg", "body", "07700 900264"},
        {"mail/contact-arrangements.msg", "headers", "Owen Farrant"},
        {"photos/arm-photo.jpg", "EXIF Photo.CameraOwnerName", "Hannah Pryce"},
        {"photos/arm-photo.jpg", "IPTC Application2.City", "Eastwick"},
        {"scans/session-notes.png", "XMP dc.creator", "Joanne Whitcombe"},
    };
    for (const Hidden& h : places) {
        INFO(h.record << " / " << h.section << ": " << h.text);
        bool covered = false;
        for (std::size_t i = 0; i < scan->findings.size(); ++i) {
            const Finding& f = scan->findings[i];
            const Record& r = scan->gathered.records[f.record];
            const Section& s = r.sections[f.section];
            if (r.name != h.record || s.label != h.section) continue;
            const auto at = s.text.find(h.text);
            if (at == std::string::npos) continue;
            if (f.begin < at + h.text.size() && at < f.end &&
                scan->policy.decisions[i].action != Action::Keep)
                covered = true;
        }
        CHECK(covered);
    }
    fs::remove_all(work);
}

TEST_CASE("the whole formats case gathers every record and its attachments", "[formats]") {
    LoadedCase lc = load_case(kCase);
    GatherResult g = gather_records(lc.value, no_ocr());
    for (const SkippedRecord& s : g.skipped) INFO(s.name << ": " << s.reason);
    CHECK(g.skipped.empty());
    std::map<std::string, RecordKind> kinds;
    for (const Record& r : g.records) kinds[r.name] = r.kind;
    CHECK(kinds["letters/progress-letter.docx"] == RecordKind::Document);
    CHECK(kinds["letters/key-worker-notes.odt"] == RecordKind::Document);
    CHECK(kinds["letters/statement.rtf"] == RecordKind::Document);
    CHECK(kinds["logs/contact-log.xlsx"] == RecordKind::Spreadsheet);
    CHECK(kinds["logs/contact-log.ods"] == RecordKind::Spreadsheet);
    CHECK(kinds["exports/case-summary.html"] == RecordKind::WebPage);
    CHECK(kinds["mail/contact-arrangements.msg"] == RecordKind::Email);
    CHECK(kinds["mail/contact-arrangements.msg#new-address.txt"] == RecordKind::Text);
    CHECK(kinds["mail/contact-arrangements.msg#school run.msg"] == RecordKind::Email);
    CHECK(kinds["photos/arm-photo.jpg"] == RecordKind::Image);
    CHECK(kinds["photos/visit.heic"] == RecordKind::Image);
    CHECK(kinds["scans/agreement.tiff"] == RecordKind::Image);
}

TEST_CASE("bad office files and images are one clear error each, and the run goes on",
          "[formats][bad-input]") {
    LoadedCase lc = load_case(kBad);
    std::map<std::string, fs::file_time_type> before;
    for (auto& e : fs::recursive_directory_iterator(lc.value.records_dir()))
        before[e.path().string()] = e.last_write_time();
    GatherResult g = gather_records(lc.value, no_ocr());
    std::map<std::string, std::string> skipped;
    for (const SkippedRecord& s : g.skipped) skipped[s.name] = s.reason;
    auto reason = [&](const std::string& name) {
        INFO(name);
        REQUIRE(skipped.count(name));
        return skipped[name];
    };
    CHECK_THAT(reason("corrupt.docx"), Catch::Contains("zip"));
    CHECK_THAT(reason("zip-bomb.docx"), Catch::Contains("zip bomb"));
    CHECK_THAT(reason("xxe.docx"), Catch::Contains("DTD"));
    CHECK_THAT(reason("billion-laughs.docx"), Catch::Contains("DTD"));
    CHECK_THAT(reason("truncated.jpg"), Catch::Contains("damaged or truncated"));
    CHECK_THAT(reason("truncated.png"), Catch::Contains("damaged or truncated"));
    CHECK_THAT(reason("encrypted.docx"), Catch::Contains("password-protected"));
    // the macro-enabled document is read, never run, and flagged
    const Record* macros = nullptr;
    for (const Record& r : g.records)
        if (r.name == "macros.docm") macros = &r;
    REQUIRE(macros);
    CHECK_THAT(macros->sections.at(1).text, Catch::Contains("Nathan Corrie attended"));
    CHECK(has_caution(*macros, "macros"));
    bool good = false;
    for (const Record& r : g.records) good = good || r.name == "good-note.txt";
    CHECK(good);
    // nothing under records/ was touched
    std::map<std::string, fs::file_time_type> after;
    for (auto& e : fs::recursive_directory_iterator(lc.value.records_dir()))
        after[e.path().string()] = e.last_write_time();
    CHECK(before == after);
}

TEST_CASE("a zip archive's limits stop a bomb by ratio and by total", "[formats][zip]") {
    using gather_detail::ZipArchive;
    using gather_detail::ZipLimits;
    const std::string bomb = bytes_of(kBad / "records/zip-bomb.docx");
    {
        ZipArchive zip(bomb, "bomb.docx");
        CHECK_THROWS_WITH(zip.read("word/document.xml"), Catch::Contains("times its packed size"));
    }
    {
        ZipLimits total;
        total.max_ratio = 1u << 30;      // ratio off
        total.max_total_bytes = 8u << 20; // the whole archive: 8 MiB
        ZipArchive zip(bomb, "bomb.docx", total);
        CHECK_THROWS_WITH(zip.read("word/document.xml"), Catch::Contains("more than 8 MiB"));
    }
    {
        ZipLimits entry;
        entry.max_ratio = 1u << 30;
        entry.max_entry_bytes = 4u << 20;
        ZipArchive zip(bomb, "bomb.docx", entry);
        CHECK_THROWS_WITH(zip.read("word/document.xml"), Catch::Contains("more than 4 MiB"));
    }
    CHECK_THROWS_AS(ZipArchive(std::string("PK\x03\x04 not a zip"), "x.docx"), RecordError);
}

// Damaged copies of every fixture record (bytes flipped, runs zeroed, files cut short): each
// reader either reads what it can or throws RecordError, never anything else, never a crash
// (the sanitizer build runs this too).
TEST_CASE("damaged copies of every kind are read or refused, never a crash",
          "[formats][robust]") {
    struct Kind {
        const char* file;
        std::function<Record(const std::string&)> read;
    };
    GatherOptions o = no_ocr();
    std::vector<Record> attachments;
    auto with = [&](auto fn) {
        return [&, fn](const std::string& bytes) {
            attachments.clear();
            return fn("damaged", bytes, o, attachments);
        };
    };
    const std::vector<Kind> kinds = {
        {"letters/progress-letter.docx", with(read_docx)},
        {"letters/key-worker-notes.odt", with(read_odt)},
        {"letters/statement.rtf", with(read_rtf)},
        {"legacy/progress-letter.doc", with(read_doc)},
        {"logs/contact-log.xlsx", with(read_xlsx)},
        {"logs/contact-log.ods", with(read_ods)},
        {"legacy/contact-log.xls", with(read_xls)},
        {"mail/contact-arrangements.msg", with(read_msg)},
        {"exports/case-summary.html", with(read_html)},
        {"photos/arm-photo.jpg", [&](const std::string& b) { return read_image("damaged", b, o); }},
        {"scans/agreement.tiff", [&](const std::string& b) { return read_image("damaged", b, o); }},
        {"photos/visit.heic", [&](const std::string& b) { return read_image("damaged", b, o); }},
    };
    std::mt19937 random(2026);
    int read = 0, refused = 0;
    for (const Kind& k : kinds) {
        const std::string original = bytes_of(kCase / "records" / k.file);
        for (int trial = 0; trial < 40; ++trial) {
            std::string bytes = original;
            switch (trial % 4) {
            case 0: // a few bytes flipped
                for (int i = 0; i < 8; ++i)
                    bytes[random() % bytes.size()] ^= static_cast<char>(1 + random() % 255);
                break;
            case 1: // cut short
                bytes.resize(random() % bytes.size());
                break;
            case 2: { // a run zeroed
                const std::size_t at = random() % bytes.size();
                const std::size_t n = std::min<std::size_t>(bytes.size() - at, 1 + random() % 512);
                std::fill_n(bytes.begin() + static_cast<std::ptrdiff_t>(at), n, '\0');
                break;
            }
            default: // many bytes flipped
                for (std::size_t i = 0; i < bytes.size() / 64 + 1; ++i)
                    bytes[random() % bytes.size()] = static_cast<char>(random());
                break;
            }
            INFO(k.file << " trial " << trial);
            try {
                k.read(bytes);
                ++read;
            } catch (const RecordError&) {
                ++refused;
            }
        }
    }
    CHECK(read + refused == 40 * static_cast<int>(kinds.size()));
}
