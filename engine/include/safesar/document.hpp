// The document model: every record of a case reduced to sections of text, with each word's
// position kept so detection can find text and export can draw boxes on it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace safesar {

// Document: a word-processor file (.docx, .odt, .rtf, .doc); Spreadsheet: .xlsx, .ods, .xls;
// WebPage: .html. An Outlook .msg is an Email like an .eml.
enum class RecordKind { Pdf, Text, Email, Csv, Image, Document, Spreadsheet, WebPage, Unknown };
const char* to_string(RecordKind);

// A rectangle in points, in the page's crop box, origin at the top left, y growing down.
struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    bool intersects(const Box& o) const {
        return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
};

// One word of a page: its place in the section text (byte offsets, UTF-8) and on the page.
struct Word {
    std::size_t begin = 0, end = 0;
    Box box;
    bool hidden = false;     // not visible when the page is drawn: white, invisible, under a box
    float confidence = 100;  // OCR confidence 0..100; 100 for real text
    // Font size in points as text extraction sees it (PDF text); 0 when unknown (OCR). Export
    // writes the text layer at this size so extraction groups lines as in the source.
    float font_size = 0;
};

// A labelled span of a section: a CSV cell under its column header, an e-mail header field.
struct Field {
    std::string label;
    std::size_t begin = 0, end = 0;
};

// How a run of a section's text is shown when its record is laid out as a document (a
// word-processor file, a web page): a paragraph, a heading, or a table row whose cells are
// separated by tabs in the text. A spreadsheet's column headings are one Row section marked with
// a TableHeader block.
struct TextBlock {
    enum class Style { Paragraph, Heading, TableRow, TableHeader };
    Style style = Style::Paragraph;
    int level = 0;                  // Heading: 1 (the largest) to 6
    std::size_t begin = 0, end = 0; // bytes of the section text
};

enum class SectionKind {
    PageText,   // the text of a PDF page (or its OCR)
    Metadata,   // Info dictionary entry or XMP packet: never shown, never exported
    Annotation, // annotation contents (sticky notes, free text)
    FormField,  // AcroForm field value
    Header,     // e-mail header fields
    Body,       // text note, e-mail body
    Row,        // one CSV row
};
const char* to_string(SectionKind);

struct Section {
    Section() = default;
    Section(SectionKind k, std::string l, std::string t)
        : kind(k), label(std::move(l)), text(std::move(t)) {}

    SectionKind kind = SectionKind::Body;
    std::string label; // "page 2", "Info Title", "annotation p1", "row 4"...
    std::string text;  // UTF-8
    int page = 0;      // 1-based page of a PDF, 0 when the section is not on a page
    std::vector<Word> words;   // PageText only
    std::vector<Field> fields; // Header and Row only
    std::optional<Box> area;   // where an annotation or form field sits on its page
    bool ocr = false;          // the words came from OCR
    // Documents, sheets and web pages: the section's layout. Empty: one paragraph.
    std::vector<TextBlock> blocks;
    // Not visible when the record is opened: hidden text, deleted tracked changes, hidden sheets,
    // rows and columns, hidden web elements. Detection reads it; export never shows it (as PDF
    // hidden words), and the reader adds a caution so the reviewer knows it is there.
    bool hidden = false;
};

// Whether export shows a section as text: a PDF's or image's page text, bodies, header fields,
// rows, and comments that are not drawn on a page (a Word comment; a PDF note is drawn on the
// page image instead). Metadata, form fields and hidden sections never are.
inline bool shown_as_text(const Section& s) {
    if (s.hidden) return false;
    switch (s.kind) {
    case SectionKind::PageText:
    case SectionKind::Header:
    case SectionKind::Body:
    case SectionKind::Row:
        return true;
    case SectionKind::Annotation:
        return s.page == 0;
    case SectionKind::Metadata:
    case SectionKind::FormField:
        return false;
    }
    return false;
}

struct PageInfo {
    Box crop;             // crop box in points (x0 = y0 = 0 after normalising)
    int rotation = 0;     // degrees, as the page asks to be shown
    bool image_only = false;
    bool ocr_done = false;
    float ocr_confidence = 0; // mean word confidence when OCR ran
    int low_confidence_words = 0; // OCR words under 60% confidence that may name or locate someone
    int hidden_words = 0;
    bool unread = false; // the page could not be read: export shows a notice in its place
};

struct Record {
    std::filesystem::path path;     // the file on disk (for an attachment: the containing file)
    std::string name;               // relative to records/, attachments as "mail.eml#safety-plan.pdf"
    RecordKind kind = RecordKind::Unknown;
    std::string mime_type;
    std::string date;               // a date the record carries (e-mail Date), may be empty
    std::vector<PageInfo> pages;    // PDF and image records: one per page
    std::vector<Section> sections;
    std::vector<std::string> warnings;
    // Parts of the record that were not read, and why ("page 3 could not be read", "MIME parts
    // nested more than 10 levels deep"): each is an open item the reviewer must acknowledge.
    std::vector<std::string> unread;
    std::string parent;             // the record this one was attached to, empty for files
    // Attachments and embedded files: the bytes, since no file holds them alone.
    std::vector<unsigned char> bytes;
    // What the reviewer must be told about the record, one line each: hidden content that is not
    // disclosed, macros that were not run. Never the content itself. Scanning turns each into a
    // risk to close before the final export.
    std::vector<std::string> cautions;
};

} // namespace safesar
