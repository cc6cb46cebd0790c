// The text, CSV and e-mail readers and decode_text: the encodings, line ends and MIME shapes
// that case records arrive in, and the hostile or broken files that must be reported, not crash.
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

const fs::path data_dir = fs::path(SAFESAR_TEST_DATA) / "readers";
const fs::path dev_cases = fs::path(SAFESAR_FIXTURES "/../../shared") / "eval/dev/cases";

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A file in a scratch folder of this test process, removed when the test ends.
class TempFile {
  public:
    TempFile(const std::string& name, const std::string& bytes)
        : path_(fs::temp_directory_path() / ("safesar-readers-" + std::to_string(::getpid())) /
                name) {
        fs::create_directories(path_.parent_path());
        std::ofstream(path_, std::ios::binary) << bytes;
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove(path_, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

// Independent of the code under test: a strict UTF-8 well-formedness check (RFC 3629).
bool valid_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if (b < 0x80) {
            ++i;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            n = 1, min = 0x80, cp = b & 0x1Fu;
        } else if ((b & 0xF0) == 0xE0) {
            n = 2, min = 0x800, cp = b & 0x0Fu;
        } else if ((b & 0xF8) == 0xF0) {
            n = 3, min = 0x10000, cp = b & 0x07u;
        } else {
            return false;
        }
        if (i + n >= s.size()) return false;
        for (std::size_t k = 1; k <= n; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

// A field's value, read through its byte range as export and detection will.
std::string field_value(const Section& section, const std::string& label) {
    for (const Field& f : section.fields) {
        if (f.label != label) continue;
        REQUIRE(f.begin <= f.end);
        REQUIRE(f.end <= section.text.size());
        return section.text.substr(f.begin, f.end - f.begin);
    }
    FAIL("no field labelled " << label << " in:\n" << section.text);
    return {};
}

const Section& section_of(const Record& record, SectionKind kind) {
    const auto it = std::find_if(record.sections.begin(), record.sections.end(),
                                 [kind](const Section& s) { return s.kind == kind; });
    REQUIRE(it != record.sections.end());
    return *it;
}

std::string body_of(const Record& record) {
    return section_of(record, SectionKind::Body).text;
}

std::vector<std::string> labels_of(const Section& section) {
    std::vector<std::string> labels;
    for (const Field& f : section.fields)
        labels.push_back(f.label);
    return labels;
}

// The reason of the RecordError that `read` throws; fails the test when none is thrown.
template <class Read> std::string record_error(Read read, const std::string& name) {
    try {
        read();
    } catch (const RecordError& e) {
        CHECK(e.file() == name);
        CHECK(std::string(e.what()).find(name) != std::string::npos);
        return e.reason();
    }
    FAIL("no RecordError for " << name);
    return {};
}

std::string nested_multiparts(int depth) {
    std::string mail = "From: a@example.com\r\nTo: b@example.com\r\nSubject: deep\r\n"
                       "MIME-Version: 1.0\r\n";
    for (int i = 0; i < depth; ++i)
        mail += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) +
                "\"\r\n\r\n--b" + std::to_string(i) + "\r\n";
    mail += "Content-Type: text/plain\r\n\r\nDeepest text\r\n";
    for (int i = depth - 1; i >= 0; --i)
        mail += "--b" + std::to_string(i) + "--\r\n";
    return mail;
}

} // namespace

TEST_CASE("decode_text: BOMs, declared charsets, Windows-1252 fallback", "[gather]") {
    CHECK(decode_text("\xEF\xBB\xBFplain") == "plain");
    CHECK(decode_text("caf\xC3\xA9") == "caf\xC3\xA9");
    // UTF-16 both ways, BOM removed; a surrogate pair survives.
    CHECK(decode_text(std::string("\xFF\xFE"
                                  "A\0\x19\x20\x3D\xD8\x00\xDE",
                                  10)) == "A\xE2\x80\x99\xF0\x9F\x98\x80");
    CHECK(decode_text(std::string("\xFE\xFF\0Z\0\xEB", 6)) == "Z\xC3\xAB");
    // Not UTF-8: Windows-1252, where 0x92 is a right single quote (not a C1 control).
    CHECK(decode_text("Zo\xEB\x92s") == "Zo\xC3\xAB\xE2\x80\x99s");
    // Declared labels: ISO-8859-1 read as its Windows-1252 superset; a false "utf-8" label falls
    // back; an unknown label is ignored; a real one is used.
    CHECK(decode_text("don\x92t", "iso-8859-1") == "don\xE2\x80\x99t");
    CHECK(decode_text("Ren\xE9"
                      "e",
                      "utf-8") == "Ren\xC3\xA9"
                                  "e");
    CHECK(decode_text("Ren\xE9"
                      "e",
                      "x-no-such-charset") == "Ren\xC3\xA9"
                                              "e");
    CHECK(decode_text("\xF0\xCF\xD2", "koi8-r") == "\xD0\x9F\xD0\xBE\xD1\x80");
    CHECK(decode_text("\xA4", "iso-8859-15") == "\xE2\x82\xAC");
    // Line ends to LF, NULs out, everything else (soft hyphen, tabs) kept.
    CHECK(decode_text(std::string("a\r\nb\rc\n\0d\t\xC2\xAD"
                                  "e",
                                  13)) == "a\nb\nc\nd\t\xC2\xAD"
                                          "e");
    CHECK(decode_text(std::string("\xFF\xFE"
                                  "a\0\r\0\n\0",
                                  8)) == "a\n");
    CHECK(decode_text("").empty());
}

TEST_CASE("decode_text: output is valid UTF-8 whatever the input", "[gather]") {
    std::string bytes;
    unsigned x = 7;
    for (int i = 0; i < 4096; ++i) {
        x = x * 1103515245u + 12345u;
        bytes += static_cast<char>((x >> 16) & 0xFF);
    }
    CHECK(valid_utf8(decode_text(bytes)));
    CHECK(valid_utf8(decode_text("\xEF\xBB\xBF" + bytes))); // BOM then broken UTF-8
    CHECK(valid_utf8(decode_text("\xFF\xFE" + bytes)));     // lone surrogates likely
    CHECK(valid_utf8(decode_text(bytes, "shift_jis")));
    CHECK(valid_utf8(decode_text(bytes, "utf-16")));
}

TEST_CASE("CSV with BOM, CRLF, quoted comma and embedded newline", "[gather]") {
    const fs::path file = data_dir / "bom-crlf.csv";
    const std::string raw = slurp(file);
    // Guard the fixture itself: a checkout that rewrote line ends would test nothing.
    REQUIRE(raw.rfind("\xEF\xBB\xBF", 0) == 0);
    REQUIRE(raw.find("\r\n") != std::string::npos);

    const Record r = read_csv(file, "log/bom-crlf.csv");
    CHECK(r.kind == RecordKind::Csv);
    CHECK(r.name == "log/bom-crlf.csv");
    CHECK(r.path == file);
    CHECK(r.mime_type == "text/csv");
    REQUIRE(r.sections.size() == 4); // the blank line is not a row
    for (std::size_t i = 0; i < r.sections.size(); ++i) {
        CHECK(r.sections[i].kind == SectionKind::Row);
        CHECK(r.sections[i].label == "row " + std::to_string(i + 1));
        CHECK(r.sections[i].text.find('\r') == std::string::npos);
    }
    const std::vector<std::string> header{"date", "worker", "with", "number", "notes"};
    const Section& row1 = r.sections[0];
    CHECK(labels_of(row1) == header); // BOM not glued to "date"
    CHECK(row1.text == "date: 2025-04-17\nworker: T Okoro\nwith: Wilson, Jade\n"
                       "number: 07700 900587\nnotes: Initial contact\n");
    CHECK(field_value(row1, "with") == "Wilson, Jade");

    const Section& row2 = r.sections[1];
    CHECK(field_value(row2, "notes") == "Asked to move call.\nSister \"Chloe\" present");
    CHECK(field_value(row2, "number") == "07700 900 587");

    // Ragged rows: an extra cell gets a positional label, missing cells are empty.
    const Section& row3 = r.sections[2];
    REQUIRE(row3.fields.size() == 6);
    CHECK(row3.fields[5].label == "column 6");
    CHECK(field_value(row3, "column 6") == "extra cell");
    const Section& row4 = r.sections[3];
    REQUIRE(row4.fields.size() == 5);
    CHECK(field_value(row4, "with") == "Gary Pike");
    CHECK(field_value(row4, "number").empty());
    CHECK(field_value(row4, "notes").empty());
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].find("row 3") != std::string::npos);
    CHECK(r.warnings[1].find("row 4") != std::string::npos);
}

TEST_CASE("CSV: semicolons, quotes in odd places, unclosed quote, limits", "[gather]") {
    SECTION("semicolon-separated export") {
        TempFile f("semi.csv", "Name;Phone\n\"Smith; Jo\";07700 900111\n");
        const Record r = read_csv(f.path(), "semi.csv");
        REQUIRE(r.sections.size() == 1);
        CHECK(field_value(r.sections[0], "Name") == "Smith; Jo");
        CHECK(field_value(r.sections[0], "Phone") == "07700 900111");
        CHECK(r.warnings.empty());
    }
    SECTION("a quote inside an unquoted cell is a character; an unclosed quote keeps the rest") {
        TempFile f("odd.csv", "a,b\nJo \"JJ\" Smith,x\n\"open,y\nz,w\n");
        const Record r = read_csv(f.path(), "odd.csv");
        REQUIRE(r.sections.size() == 2);
        CHECK(field_value(r.sections[0], "a") == "Jo \"JJ\" Smith");
        CHECK(field_value(r.sections[1], "a") == "open,y\nz,w\n");
        REQUIRE_FALSE(r.warnings.empty());
        CHECK(r.warnings[0].find("never closed") != std::string::npos);
    }
    SECTION("trailing empty cells and blank header cells") {
        TempFile f("trail.csv", "a,,c\n1,2,3,\n,,\n");
        const Record r = read_csv(f.path(), "trail.csv");
        REQUIRE(r.sections.size() == 1); // ",," is blank
        CHECK(labels_of(r.sections[0]) == std::vector<std::string>{"a", "column 2", "c"});
        CHECK(r.warnings.empty()); // the trailing empty cell is not ragged
    }
    SECTION("a report's title lines before its header, repeated at the head of each page") {
        TempFile f("report.csv", "Riverside Centre,Attendance report,Page 1 of 2\n"
                                 "ref,surname,forename,status\n"
                                 "R-1,QUILL,Ivo,active\nR-2,MOSS,Ada,active\n"
                                 "Riverside Centre,Attendance report,Page 2 of 2\n"
                                 "ref,surname,forename,status\n"
                                 "R-3,FENN,Una,left\n");
        const Record r = read_csv(f.path(), "report.csv");
        REQUIRE(r.sections.size() == 4);
        CHECK(r.sections[0].kind == SectionKind::Body);
        CHECK(r.sections[0].text == "Riverside Centre, Attendance report, Page 1 of 2\n"
                                    "Riverside Centre, Attendance report, Page 2 of 2\n");
        CHECK(labels_of(r.sections[1]) ==
              std::vector<std::string>{"ref", "surname", "forename", "status"});
        CHECK(field_value(r.sections[1], "surname") == "QUILL");
        CHECK(field_value(r.sections[3], "forename") == "Una");
        CHECK(r.warnings.empty());
    }
    SECTION("an export with no heading row: its first row is data, columns named by position") {
        TempFile f("calls.csv", "2025-02-03 09:14,IN,07700900111,rang about the boiler service\n"
                                "2025-02-04 16:40,OUT,07700900222,left a message\n");
        const Record r = read_csv(f.path(), "calls.csv");
        REQUIRE(r.sections.size() == 2);
        CHECK(labels_of(r.sections[0]) ==
              std::vector<std::string>{"column 1", "column 2", "column 3", "column 4"});
        CHECK(field_value(r.sections[0], "column 3") == "07700900111");
        CHECK(field_value(r.sections[1], "column 4") == "left a message");
        REQUIRE(r.warnings.size() == 1);
        CHECK(r.warnings[0].find("not column headings") != std::string::npos);
        // Headings with one number among them are still headings.
        TempFile g("totals.csv", "Item,Total 2025,Notes\nRent,1200,paid\n");
        const Record t = read_csv(g.path(), "totals.csv");
        REQUIRE(t.sections.size() == 1);
        CHECK(field_value(t.sections[0], "Total 2025") == "1200");
    }
    SECTION("header only") {
        TempFile f("header.csv", "a,b\r\n");
        const Record r = read_csv(f.path(), "header.csv");
        CHECK(r.sections.empty());
        REQUIRE(r.warnings.size() == 1);
    }
    SECTION("errors") {
        TempFile blank("blank.csv", "\r\n\r\n");
        CHECK(record_error([&] { read_csv(blank.path(), "blank.csv"); }, "blank.csv")
                  .find("no rows") != std::string::npos);
        CHECK(record_error([&] { read_csv(data_dir / "empty.txt", "empty.csv"); }, "empty.csv") ==
              "empty file");
        CHECK(record_error([&] { read_csv(data_dir / "binary.txt", "bin.csv"); }, "bin.csv")
                  .find("not UTF-8") != std::string::npos);
        TempFile wide("wide.csv", "a\n" + std::string(5000, ','));
        CHECK(record_error([&] { read_csv(wide.path(), "wide.csv"); }, "wide.csv").find("4096") !=
              std::string::npos);
    }
}

TEST_CASE("text notes: Windows-1252, UTF-16LE, empty and binary files", "[gather]") {
    SECTION("Windows-1252") {
        const Record r = read_text_note(data_dir / "windows-1252.txt", "notes/w.txt");
        CHECK(r.kind == RecordKind::Text);
        CHECK(r.mime_type == "text/plain");
        CHECK(r.name == "notes/w.txt");
        REQUIRE(r.sections.size() == 1);
        CHECK(r.sections[0].kind == SectionKind::Body);
        CHECK(r.sections[0].label == "text");
        CHECK(r.sections[0].text == "Ren\xC3\xA9"
                                    "e Smith called \xE2\x80\x93 she\xE2\x80\x99s staying with "
                                    "Zo\xC3\xAB\xE2\x80\x99s family.\nNext call 07700 900456.\n");
    }
    SECTION("UTF-16LE with BOM") {
        REQUIRE(slurp(data_dir / "utf16le.txt").rfind("\xFF\xFE", 0) == 0);
        const Record r = read_text_note(data_dir / "utf16le.txt", "u.txt");
        REQUIRE(r.sections.size() == 1);
        CHECK(r.sections[0].text == "\xC5\x81"
                                    "ucja Nowak\xE2\x80\x99s notes\n"
                                    "Siobh\xC3\xA1n called on 07700 900123.\n");
    }
    SECTION("a zero-byte file is an error, so the controller sees it") {
        REQUIRE(fs::file_size(data_dir / "empty.txt") == 0);
        CHECK(record_error([] { read_text_note(data_dir / "empty.txt", "notes/empty.txt"); },
                           "notes/empty.txt") == "empty file");
    }
    SECTION("binary data named .txt") {
        CHECK(record_error([] { read_text_note(data_dir / "binary.txt", "b.txt"); }, "b.txt") ==
              "not UTF-8, UTF-16 or Windows-1252 text (binary data)");
        TempFile zeros("zeros.txt", std::string("text") + std::string(64, '\0') + "more text");
        CHECK_THROWS_AS(read_text_note(zeros.path(), "zeros.txt"), RecordError);
    }
    SECTION("a few stray NULs and trailing NUL padding are tolerated") {
        TempFile padded("padded.txt",
                        std::string("Stray\0NUL\0in a note.", 21) + std::string(512, '\0'));
        const Record r = read_text_note(padded.path(), "padded.txt");
        CHECK(r.sections.at(0).text == "StrayNULin a note.");
    }
    SECTION("a missing file") {
        CHECK(record_error([] { read_text_note(data_dir / "no-such.txt", "gone.txt"); }, "gone.txt")
                  .find("cannot read") != std::string::npos);
    }
}

TEST_CASE("e-mail: quoted-printable body, address headers, PDF attachment", "[gather]") {
    const fs::path file = data_dir / "qp-with-pdf.eml";
    std::vector<Record> attachments;
    const Record r = read_email(file, "mail/qp.eml", attachments, {});
    CHECK(r.kind == RecordKind::Email);
    CHECK(r.path == file);
    CHECK(r.parent.empty());
    // The sender's own calendar day, not UTC (23:42 -0400 is the next day in UTC).
    CHECK(r.date == "2025-05-21");

    const Section& headers = section_of(r, SectionKind::Header);
    CHECK(headers.label == "headers");
    CHECK(headers.text == "From: Zoe Smith <zoe.smith@example.org>\n"
                          "To: Tunde Okoro <t.okoro@example.org>\n"
                          "Cc: \"Patel, Anita\" <anita.patel@example.com>, bob@example.com\n"
                          "Subject: Re: safety plan\n"
                          "Date: Wed, 21 May 2025 23:42:10 -0400\n");
    CHECK(labels_of(headers) == std::vector<std::string>{"From", "To", "Cc", "Subject", "Date"});
    CHECK(field_value(headers, "From") == "Zoe Smith <zoe.smith@example.org>");
    CHECK(field_value(headers, "Cc") ==
          "\"Patel, Anita\" <anita.patel@example.com>, bob@example.com");

    const std::string body = body_of(r);
    CHECK(body.find("I\xE2\x80\x99ve put the plan in my bag. Please don\xE2\x80\x99t call me at "
                    "work \xE2\x80\x94 my sister Chloe has a copy.") != std::string::npos);
    CHECK(body.find("> Hi Zoe, attached is the safety plan.") != std::string::npos);
    CHECK(body.find("multi-part message") == std::string::npos); // the preamble is not body
    CHECK(body.find('\r') == std::string::npos);
    CHECK(body.find("=E2") == std::string::npos);

    REQUIRE(attachments.size() == 1);
    const Record& pdf = attachments[0];
    CHECK(pdf.name == "mail/qp.eml#safety-plan.pdf");
    CHECK(pdf.parent == "mail/qp.eml");
    CHECK(pdf.path == file);
    CHECK(pdf.kind == RecordKind::Pdf);
    CHECK(pdf.mime_type == "application/pdf");
    CHECK(pdf.sections.empty());
    const std::string bytes(pdf.bytes.begin(), pdf.bytes.end());
    CHECK(bytes.rfind("%PDF-1.4\n", 0) == 0);
    CHECK(bytes.size() > 100);
    CHECK(bytes.substr(bytes.size() - 6) == "%%EOF\n");
}

TEST_CASE("e-mail: RFC 2047 words, lowercase headers, LF line ends, no MIME-Version", "[gather]") {
    std::vector<Record> attachments;
    const Record r = read_email(data_dir / "rfc2047-from.eml", "z.eml", attachments, {});
    const Section& headers = section_of(r, SectionKind::Header);
    CHECK(field_value(headers, "From") == "Zo\xC3\xAB Smith <zoe.smith@example.com>");
    CHECK(field_value(headers, "To") == "Ren\xC3\xA9"
                                        "e Patel <renee@example.com>");
    CHECK(field_value(headers, "Subject") == "Contact \xE2\x80\x93 update");
    CHECK(r.date == "2025-03-03");
    CHECK(body_of(r) == "Plain body, no MIME headers at all.\n");
    CHECK(attachments.empty());
}

TEST_CASE("e-mail: HTML-only body reduced to text", "[gather]") {
    std::vector<Record> attachments;
    const Record r = read_email(data_dir / "html-only.eml", "h.eml", attachments, {});
    CHECK(body_of(r) == "Beth,\n"
                        "Bail address: 4 Larch Way,\n"
                        "Hyde SK14 9ZZ & Irene\xE2\x80\x99s flat.\n"
                        "Contact\tDawn Fisher\n"
                        "Regards\n"
                        "Asha\n");
    CHECK(attachments.empty());
}

TEST_CASE("e-mail: alternative parts, nested message/rfc822, text attachment", "[gather]") {
    std::vector<Record> attachments;
    attachments.emplace_back(); // the caller's earlier records are left alone
    const Record r = read_email(data_dir / "nested.eml", "fwd.eml", attachments, {});
    // multipart/alternative: the plain version only, the HTML twin is not read twice. (The
    // line end before a boundary belongs to the boundary, RFC 2046 5.1.1.)
    CHECK(body_of(r) == "Forwarding the solicitor's e-mail below.");

    REQUIRE(attachments.size() == 4);
    CHECK(attachments[0].name.empty());
    const Record& inner = attachments[1];
    CHECK(inner.name == "fwd.eml#message-1.eml");
    CHECK(inner.parent == "fwd.eml");
    CHECK(inner.kind == RecordKind::Email);
    CHECK(inner.date == "2025-07-28");
    CHECK(field_value(section_of(inner, SectionKind::Header), "From") ==
          "Olwen Price <o.price@example.org>");
    CHECK(body_of(inner) == "Kyle Brennan will bring the children.\n");
    const std::string inner_bytes(inner.bytes.begin(), inner.bytes.end());
    CHECK(inner_bytes.find("Subject: Handover") != std::string::npos);

    const Record& order = attachments[2];
    CHECK(order.name == "fwd.eml#message-1.eml#order.pdf");
    CHECK(order.parent == "fwd.eml#message-1.eml");
    CHECK(order.kind == RecordKind::Pdf); // octet-stream, but a PDF by name and signature
    CHECK(std::string(order.bytes.begin(), order.bytes.begin() + 5) == "%PDF-");

    const Record& note = attachments[3];
    CHECK(note.name == "fwd.eml#note.txt");
    CHECK(note.parent == "fwd.eml");
    CHECK(note.kind == RecordKind::Text);
    REQUIRE(note.sections.size() == 1);
    CHECK(note.sections[0].label == "text");
    CHECK(note.sections[0].text == "Edith\xE2\x80\x99s number is 07700 900391.");
    for (std::size_t i = 1; i < attachments.size(); ++i)
        CHECK(attachments[i].path == data_dir / "nested.eml");
}

TEST_CASE("e-mail: malformed MIME is a RecordError naming the file", "[gather]") {
    std::vector<Record> attachments;
    CHECK(record_error(
              [&] { read_email(data_dir / "no-boundary.eml", "bad/nb.eml", attachments, {}); },
              "bad/nb.eml") == "not valid MIME: no body part found");
    CHECK(record_error([&] { read_email(data_dir / "junk.eml", "junk.eml", attachments, {}); },
                       "junk.eml")
              .rfind("not valid MIME", 0) == 0);
    CHECK(record_error([&] { read_email(data_dir / "empty.txt", "e.eml", attachments, {}); },
                       "e.eml") == "empty file");
    TempFile prose("prose.eml", "Just a note that somebody saved as .eml\nwith two lines.\n");
    CHECK(record_error([&] { read_email(prose.path(), "prose.eml", attachments, {}); }, "prose.eml")
              .rfind("not valid MIME", 0) == 0);
    TempFile fake("fake.eml", "Note: looks like a header\n\nbut no mail header at all\n");
    CHECK(record_error([&] { read_email(fake.path(), "fake.eml", attachments, {}); }, "fake.eml")
              .find("no e-mail header fields") != std::string::npos);
    CHECK(attachments.empty());
}

TEST_CASE("e-mail: real-world shapes", "[gather]") {
    std::vector<Record> attachments;
    SECTION("mbox From_ line, 8-bit Windows-1252 header, empty text/plain beside HTML") {
        TempFile f("outlook.eml",
                   "From someone@example.com Mon Mar  3 09:00:00 2025\n"
                   "From: Ren\xE9"
                   "e Patel <renee@example.com>\n"
                   "Subject: Visit\n"
                   "Content-Type: multipart/alternative; boundary=x\n\n"
                   "--x\nContent-Type: text/plain\n\n\n--x\n"
                   "Content-Type: text/html; charset=utf-8\n\n<p>Seen at <b>home</b></p>\n"
                   "--x--\n");
        const Record r = read_email(f.path(), "o.eml", attachments, {});
        CHECK(field_value(section_of(r, SectionKind::Header), "From") ==
              "Ren\xC3\xA9"
              "e Patel <renee@example.com>");
        CHECK(body_of(r) == "Seen at home\n");
        CHECK(r.date.empty());
    }
    SECTION("address headers: comments, groups, and addresses GMime cannot parse") {
        TempFile f("addr.eml", "From: Jo Bloggs\n"
                               "To: undisclosed-recipients:;\n"
                               "Cc: jo@example.org (Jo B), =?utf-8?q?Zo=C3=AB?= <z@example.com>,\n"
                               " Sam Bell <<sam@@example.com>>\n"
                               "Bcc: =?utf-8?B?w4lsb8Ovc2U=?= <e@example.com>\n\nBody\n");
        const Record r = read_email(f.path(), "a.eml", attachments, {});
        const Section& h = section_of(r, SectionKind::Header);
        CHECK(field_value(h, "From") == "Jo Bloggs");
        CHECK(field_value(h, "To") == "undisclosed-recipients: ;");
        // One address is unparseable: the header is shown as written, decoded, not without it.
        CHECK(field_value(h, "Cc") ==
              "jo@example.org (Jo B), Zo\xC3\xAB <z@example.com>, Sam Bell <<sam@@example.com>>");
        CHECK(field_value(h, "Bcc") == "\xC3\x89lo\xC3\xAFse <e@example.com>");
    }
    SECTION("an unparseable Date is kept as text and reported") {
        TempFile f("date.eml", "From: a@example.com\nDate: sometime last week\n\nHello\n");
        const Record r = read_email(f.path(), "d.eml", attachments, {});
        CHECK(r.date.empty());
        CHECK(field_value(section_of(r, SectionKind::Header), "Date") == "sometime last week");
        CHECK(std::find(r.warnings.begin(), r.warnings.end(), "the Date header is not a date") !=
              r.warnings.end());
    }
    SECTION("unnamed and same-named attachments get distinct names") {
        TempFile f("dup.eml", "From: a@example.com\nContent-Type: multipart/mixed; boundary=q\n\n"
                              "--q\nContent-Type: image/png\n\n\x89PNG\n"
                              "--q\nContent-Type: application/zip; name=\"a#b.zip\"\n\nPK\n"
                              "--q\nContent-Type: application/zip; name=\"dir/a#b.zip\"\n\nPK\n"
                              "--q--\n");
        const Record r = read_email(f.path(), "m.eml", attachments, {});
        REQUIRE(attachments.size() == 3);
        CHECK(attachments[0].name == "m.eml#attachment-1.png");
        CHECK(attachments[0].kind == RecordKind::Image);
        CHECK(attachments[1].name == "m.eml#a_b.zip");
        CHECK(attachments[1].kind == RecordKind::Unknown);
        CHECK(attachments[2].name == "m.eml#a_b (2).zip");
        CHECK(body_of(r).empty());
    }
    SECTION("a CSV attachment is read as a table") {
        TempFile f("csv.eml", "From: a@example.com\nContent-Type: multipart/mixed; boundary=q\n\n"
                              "--q\nContent-Type: text/plain\n\nSee attached.\n"
                              "--q\nContent-Type: text/csv; name=log.csv\n\nwho,phone\n"
                              "Jo,07700 900222\n--q--\n");
        read_email(f.path(), "c.eml", attachments, {});
        REQUIRE(attachments.size() == 1);
        CHECK(attachments[0].kind == RecordKind::Csv);
        REQUIRE(attachments[0].sections.size() == 1);
        CHECK(field_value(attachments[0].sections[0], "phone") == "07700 900222");
    }
}

TEST_CASE("e-mail: hostile nesting is bounded, not a crash", "[gather]") {
    std::vector<Record> attachments;
    SECTION("multiparts 40 deep: read to the limit, reported") {
        TempFile f("deep.eml", nested_multiparts(40));
        const Record r = read_email(f.path(), "deep.eml", attachments, {});
        CHECK(body_of(r).find("Deepest text") == std::string::npos);
        // The parts not read are open items of the review (Record::unread), counted.
        CHECK(std::any_of(r.unread.begin(), r.unread.end(), [](const std::string& w) {
            return w.find("nested more than 10 levels deep (limits.mime_depth)") != std::string::npos;
        }));
    }
    SECTION("multiparts 20000 deep") {
        TempFile f("deeper.eml", nested_multiparts(20000));
        CHECK_NOTHROW(read_email(f.path(), "deeper.eml", attachments, {}));
    }
    SECTION("attached messages 30 deep") {
        std::string mail;
        for (int i = 0; i < 30; ++i)
            mail +=
                "From: m" + std::to_string(i) + "@example.com\nContent-Type: message/rfc822\n\n";
        mail += "From: last@example.com\n\nInnermost\n";
        TempFile f("chain.eml", mail);
        const Record r = read_email(f.path(), "chain.eml", attachments, {});
        CHECK(attachments.size() == 10);
        CHECK(attachments.back().name.size() < 200);
        CHECK_FALSE(r.unread.empty());
    }
    SECTION("HTML nested 50000 deep is refused quickly and reported") {
        std::string html;
        // Stray end tags that close nothing must not hide the nesting.
        const std::string unit = GENERATE(as<std::string>{}, "<div>", "<span></x>", "<b>");
        for (int i = 0; i < 50000; ++i)
            html += unit;
        TempFile f("html.eml", "From: a@example.com\nContent-Type: text/html\n\n" + html + "x");
        const auto start = std::chrono::steady_clock::now();
        const Record r = read_email(f.path(), "html.eml", attachments, {});
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
        CHECK(body_of(r).empty());
        REQUIRE(attachments.size() == 1);
        // Passed on as a web page: read_html refuses it too, and gathering reports it.
        CHECK(attachments[0].kind == RecordKind::WebPage);
        CHECK(attachments[0].sections.empty());
        const std::string bytes(attachments[0].bytes.begin(), attachments[0].bytes.end());
        std::vector<Record> none;
        CHECK_THROWS_WITH(read_html("html.eml#part", bytes, {}, none),
                          Catch::Contains("nests too deeply"));
    }
    SECTION("ordinary HTML with many sibling elements is read") {
        std::string html = "<table>";
        for (int i = 0; i < 5000; ++i)
            html += "<tr><td><div><p>cell</p></div></td></tr>";
        html += "</table>";
        TempFile f("wide.eml", "From: a@example.com\nContent-Type: text/html\n\n" + html);
        const Record r = read_email(f.path(), "wide.eml", attachments, {});
        CHECK(body_of(r).size() == 5000 * 5);
        CHECK(attachments.empty());
    }
}

// The development set's records, read as gather will read them. CI clones the repository with
// ../shared beside it; a missing set fails the test (Catch2 2.13 has no skip, and a test that
// passes without having run proves nothing).
TEST_CASE("readers on the development set records", "[gather]") {
    INFO("the development set is expected at " << dev_cases.string()
                                               << " (shared/ beside the repository)");
    REQUIRE(fs::is_directory(dev_cases));
    std::map<std::string, Record> records; // "case/records-relative name"
    std::map<std::string, std::vector<Record>> attached;
    for (const auto& entry : fs::recursive_directory_iterator(dev_cases)) {
        if (!entry.is_regular_file()) continue;
        const fs::path& file = entry.path();
        const std::string ext = file.extension().string();
        if (ext != ".txt" && ext != ".csv" && ext != ".eml") continue;
        const fs::path rel = fs::relative(file, dev_cases);
        const std::string case_name = rel.begin()->string();
        const std::string name =
            fs::relative(file, dev_cases / case_name / "records").generic_string();
        const std::string key = case_name + "/" + name;
        INFO(key);
        std::vector<Record> attachments;
        Record r = ext == ".txt"   ? read_text_note(file, name)
                   : ext == ".csv" ? read_csv(file, name)
                                   : read_email(file, name, attachments, {});
        REQUIRE_FALSE(r.sections.empty());
        for (const Section& s : r.sections) {
            CHECK(valid_utf8(s.text));
            CHECK(s.text.find('\r') == std::string::npos);
        }
        records.emplace(key, std::move(r));
        attached.emplace(key, std::move(attachments));
    }
    REQUIRE(records.size() == 9);

    const std::string vpp = "dev-perpetrator-vpp/";
    const Record& partner = records.at(vpp + "correspondence/partner-email-2025-05-21.eml");
    CHECK(body_of(partner).find("I\xE2\x80\x99ve put the safety plan you sent in my bag") !=
          std::string::npos);
    CHECK(body_of(partner).find("Popp") != std::string::npos);
    CHECK(field_value(section_of(partner, SectionKind::Header), "From") ==
          "Kerry Maddox <kmaddox@example.org>");
    CHECK(partner.date == "2025-05-21");
    const auto& plan = attached.at(vpp + "correspondence/partner-email-2025-05-21.eml");
    REQUIRE(plan.size() == 1);
    CHECK(plan[0].name == "correspondence/partner-email-2025-05-21.eml#safety-plan.pdf");
    CHECK(plan[0].kind == RecordKind::Pdf);
    CHECK(std::string(plan[0].bytes.begin(), plan[0].bytes.begin() + 5) == "%PDF-");

    const Record& log = records.at(vpp + "programme/contact-log.csv");
    REQUIRE(log.sections.size() == 6);
    CHECK(log.warnings.empty());
    CHECK(labels_of(log.sections[0]) == std::vector<std::string>{"date", "time", "worker",
                                                                 "direction", "with", "method",
                                                                 "number", "summary"});
    CHECK(field_value(log.sections[1], "with") == "Kerry Maddox");
    CHECK(field_value(log.sections[1], "number") == "07700900587");
    CHECK(field_value(log.sections[4], "number").empty());

    const std::string family = "dev-family-contact/";
    const Record& solicitor = records.at(family + "correspondence/solicitor-2025-07-28.eml");
    CHECK(field_value(section_of(solicitor, SectionKind::Header), "Cc") ==
          "Leanne Fisher <leanne.f@example.org>");
    CHECK(body_of(solicitor).find("my client\xE2\x80\x99s partner, Scott Bramhall") !=
          std::string::npos);
    CHECK(body_of(records.at(family + "notes/coordinator-notes.txt"))
              .find("Explained the rules. Contact number confirmed: 07700 900148.\n") !=
          std::string::npos);

    const std::string idva = "dev-standard-idva/";
    const Record& police = records.at(idva + "email/police-bail-update.eml");
    CHECK(police.date == "2025-03-18");
    CHECK(body_of(police).find("Sheila\xE2\x80\x99s address at 9 Quillet Close") !=
          std::string::npos);
    CHECK(attached.at(idva + "email/police-bail-update.eml").empty());
}
