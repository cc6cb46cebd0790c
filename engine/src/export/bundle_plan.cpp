#include "export/bundle_plan.hpp"

#include "export/document_layout.hpp"
#include "export/image_page.hpp"
#include "export/page_raster.hpp"
#include "export/poppler.hpp"
#include "export/record_text.hpp"
#include "export/source_pdf.hpp"
#include "safesar/errors.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace safesar::exporting {

const char* kind_label(RecordKind kind) {
    switch (kind) {
    case RecordKind::Pdf:
        return "PDF document";
    case RecordKind::Text:
        return "Case notes";
    case RecordKind::Email:
        return "E-mail";
    case RecordKind::Csv:
        return "Spreadsheet export";
    case RecordKind::Image:
        return "Image";
    case RecordKind::Document:
        return "Document";
    case RecordKind::Spreadsheet:
        return "Spreadsheet";
    case RecordKind::WebPage:
        return "Web page";
    case RecordKind::Unknown:
        break;
    }
    return "Record";
}

namespace {

const std::string dot = " \xC2\xB7 ";      // " · "
const std::string dash = " \xE2\x80\x94 "; // " — "

// ---- building blocks -------------------------------------------------------------------

enum class Origin { Fixed, Record };

TextRun run(const std::string& text, Origin origin, Face face = Face::Regular) {
    TextRun r;
    r.text = text;
    r.face = face;
    r.fixed = origin == Origin::Fixed;
    return r;
}

Block paragraph(std::vector<TextRun> spans, double size = 10, Ink ink = Ink::Black) {
    Block b;
    b.spans = std::move(spans);
    b.size = size;
    b.leading = size * 1.35;
    b.ink = ink;
    return b;
}

Block text_block(const std::string& text, Origin origin, double size = 10, Ink ink = Ink::Black) {
    return paragraph({run(text, origin)}, size, ink);
}

Block heading(const std::string& text, Origin origin, double size) {
    Block b = paragraph({run(text, origin, Face::Bold)}, size);
    b.leading = size * 1.3;
    b.space_before = size;
    b.keep_with_next = true;
    return b;
}

TextRun bold(const std::string& text, Origin origin) {
    return run(text, origin, Face::Bold);
}

// A bulleted line: the text hangs clear of the bullet when it wraps.
Block bullet(const std::string& text, Origin origin, double size = 10, Ink ink = Ink::Black) {
    Block b;
    b.size = size;
    b.leading = size * 1.35;
    b.ink = ink;
    const double width = PageFrame{}.width - PageFrame{}.left - PageFrame{}.right;
    b.cells.push_back(Cell{6, 8, {run("\xE2\x80\xA2", Origin::Fixed)}});
    b.cells.push_back(Cell{16, width - 16, {run(text, origin)}});
    return b;
}

std::vector<TextRun> spans_of(const std::vector<Piece>& pieces) {
    return runs_of(pieces);
}

std::string regime_label(const Disclosure& d) {
    switch (d.request ? d.request->regime : Regime::UkGdpr) {
    case Regime::UkGdpr:
        return "UK GDPR Article 15";
    case Regime::EuGdpr:
        return "GDPR Article 15";
    case Regime::Dpa1998:
        return "Data Protection Act 1998, section 7";
    case Regime::Ccpa:
        return "California Consumer Privacy Act";
    }
    return "UK GDPR Article 15";
}

// The title of the record an attachment came with; empty when the bundle may not name it (it is
// withheld in full and the profile names no withheld record).
std::string parent_title(const Disclosure& d, const Record& record) {
    if (record.parent.empty()) return {};
    for (const RecordDisclosure& other : d.records)
        if (other.record && other.record->name == record.parent)
            return other.fate == RecordFate::Disclose || d.name_withheld_records ? other.title : "";
    return {};
}

std::string plural(int n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ---- one disclosed record's pages, before the bundle is numbered ------------------------

void collect_fixed(const std::vector<Block>& blocks, std::vector<std::string>& out) {
    auto add = [&](const TextRun& r) {
        if (r.fixed && !r.text.empty()) out.push_back(r.text);
    };
    for (const Block& b : blocks) {
        for (const TextRun& r : b.spans)
            add(r);
        for (const Cell& c : b.cells)
            for (const TextRun& r : c.spans)
                add(r);
        if (!b.right.empty()) out.push_back(b.right);
    }
}

struct Part {
    std::size_t record = 0;
    std::vector<std::string> fixed;
    std::vector<PlannedPage> pages;
    std::vector<RasterJob> jobs;
    std::vector<std::pair<std::size_t, std::size_t>> shown; // (page index in part, redaction)
    std::vector<int> record_page_of;                        // page index in part -> record page
};

std::string record_page_text(int page, int pages) {
    return "record page " + std::to_string(page) + " of " + std::to_string(pages);
}

std::string record_detail(const Disclosure& d, const RecordDisclosure& rd, int page, int pages) {
    std::string detail = kind_label(rd.record->kind);
    if (!rd.record->date.empty()) detail += dot + rd.record->date;
    std::string parent = parent_title(d, *rd.record);
    if (!parent.empty()) detail += dot + "attached to " + parent;
    return detail + dot + record_page_text(page, pages);
}

// A record page shown as its picture (a PDF page, a photograph): the planned page, the raster
// job that renders and burns it, and the redactions that show on it.
void add_raster_page(Part& part, const Disclosure& d, const RecordDisclosure& rd, int page,
                     int count, double width, double height, double dpi, const PageView& view,
                     bool reads_upward) {
    PlannedPage planned;
    planned.kind = PageKind::Raster;
    planned.width = std::max(width, 320.0); // room for the heading on tiny pages
    planned.height = height + band_top + band_bottom;
    planned.band_title = rd.title;
    planned.band_detail = record_detail(d, rd, page, count);
    planned.record_page = page;
    planned.record_page_count = count;
    planned.record = part.record;
    planned.source_page = page;
    planned.source_width = width;
    planned.source_height = height;
    planned.reads_upward = reads_upward;
    part.pages.push_back(std::move(planned));
    part.jobs.push_back(RasterJob{rd.record, page - 1, width, height,
                                  effective_dpi(dpi, width, height), view.burn_boxes()});
    for (std::size_t r : view.shown_redactions())
        part.shown.emplace_back(part.pages.size() - 1, r);
    part.record_page_of.push_back(page);
}

Part text_part(const Disclosure& d, std::size_t index, const SectionSpans& spans,
               const TextLayout& layout);

// A page of a record shown as a notice instead of its content: it could not be read when the
// record was gathered, or cannot be opened or sized now.
PlannedPage unshown_page(const Disclosure& d, const RecordDisclosure& rd, int page, int count,
                         const LaidOutPage& notice) {
    PlannedPage planned;
    planned.kind = PageKind::Text;
    planned.width = PageFrame{}.width;
    planned.height = PageFrame{}.height;
    planned.band_title = rd.title;
    planned.band_detail = record_detail(d, rd, page, count);
    planned.record_page = page;
    planned.record_page_count = count;
    planned.source_page = page;
    planned.text = notice;
    return planned;
}

Part pdf_part(const Disclosure& d, std::size_t index, const SectionSpans& spans, double dpi,
              const TextLayout& layout, const LaidOutPage& notice,
              std::vector<ExportOmission>& omissions) {
    const RecordDisclosure& rd = d.records[index];
    Part part;
    part.record = index;
    std::unique_ptr<poppler::document> doc = open_source_pdf(*rd.record);
    int count = doc->pages();
    if (count == 0) return text_part(d, index, spans, layout); // says it holds no text
    const std::vector<PageInfo>& read = rd.record->pages;
    for (int p = 0; p < count; ++p) {
        // Only pages gathering read are drawn: nobody has checked what another page holds.
        std::string problem;
        std::unique_ptr<poppler::page> page;
        ShownSize size{};
        if (static_cast<std::size_t>(p) >= read.size() || read[static_cast<std::size_t>(p)].unread)
            problem = "it was not read when the record was gathered";
        else if (page.reset(doc->create_page(p)); !page)
            problem = "Poppler cannot open it";
        else if (size = shown_size(*page); size.width <= 0 || size.height <= 0)
            problem = "its crop box is empty";
        if (!problem.empty()) {
            omissions.push_back(
                {rd.record->name, "page " + std::to_string(p + 1) + " not shown: " + problem});
            part.pages.push_back(unshown_page(d, rd, p + 1, count, notice));
            part.record_page_of.push_back(p + 1);
            continue;
        }
        add_raster_page(part, d, rd, p + 1, count, size.width, size.height, dpi,
                        PageView(spans, p + 1), page->orientation() == poppler::page::seascape);
    }
    return part;
}

// An image record's pages: each shown as its picture with the redactions burnt in (the pixels
// decoded again from the file, so nothing of its metadata comes along), as a PDF page is.
Part image_part(const Disclosure& d, std::size_t index, const SectionSpans& spans, double dpi) {
    const RecordDisclosure& rd = d.records[index];
    Part part;
    part.record = index;
    const int count = static_cast<int>(rd.record->pages.size());
    for (int p = 0; p < count; ++p) {
        const Box& crop = rd.record->pages[static_cast<std::size_t>(p)].crop;
        if (crop.empty())
            throw ExportError(rd.record->name, "page " + std::to_string(p + 1) + " has no size");
        add_raster_page(part, d, rd, p + 1, count, crop.width(), crop.height(), dpi,
                        PageView(spans, p + 1), false);
    }
    return part;
}

// A disclosed record's pages, as its kind is shown: a PDF's pages and a photograph as pictures,
// everything else laid out as text. A PDF page that cannot be shown becomes a notice (listed in
// plan.omissions); anything worse throws, and the caller leaves the record out.
Part record_part(const Disclosure& d, std::size_t index, const SectionSpans& spans, double dpi,
                 const TextLayout& layout, BundlePlan& plan) {
    const RecordDisclosure& rd = d.records[index];
    switch (rd.record->kind) {
    case RecordKind::Pdf:
        return pdf_part(d, index, spans, dpi, layout, plan.unshown_page, plan.omissions);
    case RecordKind::Image:
        return rd.record->pages.empty() ? text_part(d, index, spans, layout)
                                        : image_part(d, index, spans, dpi);
    default:
        return text_part(d, index, spans, layout);
    }
}

std::vector<Block> text_record_blocks(const Disclosure& d, const RecordDisclosure& rd,
                                      const SectionSpans& section_spans, const RecordText& text) {
    std::vector<Block> blocks;
    Block title = heading(rd.title, Origin::Record, 14);
    title.space_before = 0;
    blocks.push_back(title);
    std::vector<TextRun> detail = {run(kind_label(rd.record->kind), Origin::Fixed)};
    if (!rd.record->date.empty()) detail.push_back(run(dot + rd.record->date, Origin::Record));
    std::string parent = parent_title(d, *rd.record);
    if (!parent.empty()) {
        detail.push_back(run(dot + "attached to ", Origin::Fixed));
        detail.push_back(run(parent, Origin::Record));
    }
    Block sub = paragraph(std::move(detail), 9, Ink::Grey);
    sub.rule_below = true;
    blocks.push_back(sub);

    auto field_block = [](const LabelledPieces& f, double size) {
        std::vector<TextRun> spans;
        if (!f.label.empty()) spans.push_back(bold(f.label + ": ", Origin::Record));
        for (TextRun& s : spans_of(f.value))
            spans.push_back(std::move(s));
        Block b = paragraph(std::move(spans), size);
        b.indent = 0;
        return b;
    };
    if (is_document_kind(rd.record->kind)) {
        const double width = PageFrame{}.width - PageFrame{}.left - PageFrame{}.right;
        for (Block& b : document_blocks(document_text(section_spans), width))
            blocks.push_back(std::move(b));
        if (blocks.size() == 2) {
            Block none = text_block("This record holds no text that can be shown.", Origin::Fixed,
                                    10, Ink::Grey);
            none.space_before = 10;
            blocks.push_back(std::move(none));
        }
        return blocks;
    }
    bool first = true;
    for (const LabelledPieces& f : text.headers) {
        Block b = field_block(f, 10);
        if (first) b.space_before = 8;
        first = false;
        blocks.push_back(std::move(b));
    }
    for (const std::vector<Piece>& body : text.bodies) {
        Block b = paragraph(spans_of(body), 10);
        b.space_before = 10;
        blocks.push_back(std::move(b));
    }
    for (std::size_t r = 0; r < text.rows.size(); ++r) {
        for (std::size_t f = 0; f < text.rows[r].size(); ++f) {
            Block b = field_block(text.rows[r][f], 9.5);
            if (f == 0) b.space_before = 9; // a gap between rows
            blocks.push_back(std::move(b));
        }
    }
    for (const PagePieces& page : text.pages) {
        Block h = text_block("Page " + std::to_string(page.page), Origin::Fixed, 9, Ink::Grey);
        h.space_before = 10;
        h.keep_with_next = true;
        blocks.push_back(std::move(h));
        blocks.push_back(paragraph(spans_of(page.text), 10));
    }
    if (blocks.size() == 2) {
        Block none = text_block("This record holds no text that can be shown.", Origin::Fixed, 10,
                                Ink::Grey);
        none.space_before = 10;
        blocks.push_back(std::move(none));
    }
    return blocks;
}

Part text_part(const Disclosure& d, std::size_t index, const SectionSpans& spans,
               const TextLayout& layout) {
    const RecordDisclosure& rd = d.records[index];
    Part part;
    part.record = index;
    RecordText text = record_text(spans);
    std::vector<Block> blocks = text_record_blocks(d, rd, spans, text);
    collect_fixed(blocks, part.fixed);
    std::vector<LaidOutPage> laid = layout.lay_out(blocks);
    int count = static_cast<int>(laid.size());
    for (std::size_t p = 0; p < laid.size(); ++p) {
        PlannedPage planned;
        planned.kind = PageKind::Text;
        planned.width = PageFrame{}.width;
        planned.height = PageFrame{}.height;
        planned.band_title = rd.title;
        planned.band_detail = record_detail(d, rd, static_cast<int>(p) + 1, count);
        planned.record_page = static_cast<int>(p) + 1;
        planned.record_page_count = count;
        for (const DrawnText& t : laid[p].texts)
            for (std::size_t r : t.redactions)
                part.shown.emplace_back(p, r);
        planned.text = std::move(laid[p]);
        part.pages.push_back(std::move(planned));
        part.record_page_of.push_back(0);
    }
    return part;
}

// ---- the redaction schedule ------------------------------------------------------------

// Two redactions of the same bytes for the same reason are one redaction to the reader.
std::vector<std::size_t> canonical_redactions(const RecordDisclosure& rd) {
    std::map<std::tuple<std::size_t, std::size_t, std::size_t, std::string, std::string>,
             std::size_t>
        first;
    std::vector<std::size_t> canonical(rd.redactions.size());
    for (std::size_t i = 0; i < rd.redactions.size(); ++i) {
        const Redaction& r = rd.redactions[i];
        canonical[i] = i;
        if (r.begin >= r.end) continue;
        auto key = std::make_tuple(r.section, r.begin, r.end, r.reason.code, r.reason.citation);
        auto [it, inserted] = first.emplace(key, i);
        if (!inserted) canonical[i] = it->second;
    }
    return canonical;
}

std::vector<Block> schedule_blocks(const Disclosure& d, const std::vector<ScheduleRow>& rows,
                                   int total) {
    std::vector<Block> blocks;
    Block title = heading("Redaction schedule", Origin::Fixed, 16);
    title.space_before = 0;
    blocks.push_back(title);
    if (rows.empty()) {
        blocks.push_back(text_block("Nothing in this bundle has been redacted.", Origin::Fixed));
    } else {
        blocks.push_back(text_block(
            "Each black box in this bundle hides information we are not allowed to disclose to "
            "you, usually because it is about someone else. The box shows a code; this schedule "
            "lists every redaction by page, with its legal basis. In total: " +
                plural(total, "redaction", "redactions") + ".",
            Origin::Fixed));
        // Cells are fixed text except the record title (index 1) of a body row.
        auto row = [](std::vector<std::string> cells, bool header) {
            static const double xs[] = {0, 38, 246, 298, 446}, ws[] = {34, 202, 48, 144, 37};
            Block b;
            b.size = 9;
            b.leading = 12;
            for (std::size_t i = 0; i < cells.size(); ++i)
                b.cells.push_back(
                    Cell{xs[i],
                         ws[i],
                         {run(cells[i], header || i != 1 ? Origin::Fixed : Origin::Record,
                              header ? Face::Bold : Face::Regular)}});
            b.space_before = header ? 12 : 3;
            b.rule_below = header;
            return b;
        };
        blocks.push_back(row({"Page", "Record", "Code", "Legal basis", "Count"}, true));
        for (const ScheduleRow& r : rows)
            blocks.push_back(
                row({std::to_string(r.bundle_page), r.record_title, r.code.empty() ? "-" : r.code,
                     r.citation, std::to_string(r.count)},
                    false));
    }
    // What each code means, once per code.
    std::map<std::pair<std::string, std::string>, std::string> reasons;
    for (const RecordDisclosure& rd : d.records) {
        for (const Redaction& r : rd.redactions)
            reasons.emplace(std::make_pair(r.reason.code, r.reason.citation), r.reason.explanation);
        if (rd.fate == RecordFate::WithholdInFull && rd.withheld_because)
            reasons.emplace(
                std::make_pair(rd.withheld_because->code, rd.withheld_because->citation),
                rd.withheld_because->explanation);
    }
    if (!reasons.empty()) blocks.push_back(heading("What the codes mean", Origin::Fixed, 12));
    for (const auto& [key, explanation] : reasons) {
        Block b = paragraph({bold(key.first.empty() ? "-" : key.first, Origin::Fixed),
                             run(dash + key.second, Origin::Fixed)},
                            10);
        b.space_before = 6;
        b.keep_with_next = !explanation.empty();
        blocks.push_back(std::move(b));
        if (!explanation.empty()) {
            Block e = text_block(explanation, Origin::Fixed, 9.5, Ink::Grey);
            e.indent = 12;
            blocks.push_back(std::move(e));
        }
    }
    return blocks;
}

// ---- Art 15 information ---------------------------------------------------------------

std::vector<Block> information_blocks(const Disclosure& d, const ControllerSettings& s) {
    std::vector<Block> blocks;
    Block title = heading("Information about your personal data", Origin::Fixed, 16);
    title.space_before = 0;
    blocks.push_back(title);
    blocks.push_back(text_block("As well as a copy of your personal data, " + regime_label(d) +
                                    " entitles you to the following information.",
                                Origin::Fixed));
    auto section = [&](const std::string& head, const std::vector<std::string>& lines,
                       bool bullets) {
        blocks.push_back(heading(head, Origin::Fixed, 11.5));
        for (const std::string& line : lines) {
            Block b = bullets ? bullet(line, Origin::Fixed) : text_block(line, Origin::Fixed);
            b.space_before = 3;
            blocks.push_back(std::move(b));
        }
    };
    std::vector<std::string> who = {s.controller_name, s.controller_contact};
    if (!s.dpo_contact.empty()) who.push_back(s.dpo_contact);
    section("Who holds your data", who, false);
    section("Why we hold it", s.purposes, true);
    section("Our legal basis for using it", s.lawful_bases, true);
    section("What kinds of data we hold", s.categories_of_data, true);
    section("Who we share it with, when needed", s.recipients, true);
    section("How long we keep it", {s.retention}, false);
    section("Where it came from", {s.source}, false);
    section("Automated decisions", {s.automated_decision_making}, false);
    section("Transfers outside the United Kingdom", {s.international_transfers}, false);
    blocks.push_back(heading("Your rights", Origin::Fixed, 13));
    for (const auto& [head, text] : s.rights)
        section(head, {text}, false);
    return blocks;
}

// ---- what was withheld ----------------------------------------------------------------

// Records withheld in full. Named, dated and described only where the profile allows it; else
// the requester learns only that information was withheld, and under which exemptions.
void withheld_blocks(const Disclosure& d, std::vector<Block>& blocks) {
    std::vector<const RecordDisclosure*> withheld;
    for (const RecordDisclosure& rd : d.records)
        if (rd.fate == RecordFate::WithholdInFull) withheld.push_back(&rd);
    if (withheld.empty()) return;
    // One reason: its code and citation after `lead` (the record's title, or nothing), then
    // its explanation in grey below.
    auto reason_entry = [&](std::vector<TextRun> lead, const Reason& reason) {
        lead.push_back(bold(reason.code.empty() ? "-" : reason.code, Origin::Fixed));
        lead.push_back(run(reason.citation.empty() ? "" : dot + reason.citation, Origin::Fixed));
        Block b = paragraph(std::move(lead), 10);
        b.space_before = 4;
        b.indent = 8;
        blocks.push_back(std::move(b));
        if (reason.explanation.empty()) return;
        Block e = text_block(reason.explanation, Origin::Fixed, 9.5, Ink::Grey);
        e.indent = 20;
        blocks.push_back(std::move(e));
    };
    if (!d.name_withheld_records) {
        blocks.push_back(heading("Information withheld", Origin::Fixed, 13));
        blocks.push_back(text_block("Some information has been withheld from this bundle. The law "
                                    "allows us to withhold it under these exemptions:",
                                    Origin::Fixed));
        std::vector<std::pair<std::string, std::string>> seen;
        for (const RecordDisclosure* rd : withheld) {
            const Reason reason = rd->withheld_because.value_or(Reason{});
            if (std::find(seen.begin(), seen.end(), std::pair(reason.code, reason.citation)) !=
                seen.end())
                continue;
            seen.emplace_back(reason.code, reason.citation);
            reason_entry({}, reason);
        }
        return;
    }
    blocks.push_back(heading("Records withheld in full", Origin::Fixed, 13));
    blocks.push_back(
        text_block("These records are not included. We are allowed to withhold them completely:",
                   Origin::Fixed));
    for (const RecordDisclosure* rd : withheld) {
        Reason reason = rd->withheld_because.value_or(Reason{});
        if (!rd->withheld_kind.empty())
            reason.explanation =
                "Withheld in full: " + rd->withheld_kind + ". " + reason.explanation;
        reason_entry({run(rd->title, Origin::Record), run(dash, Origin::Fixed)}, reason);
    }
}

// Records that could not be read: named only where withheld records may be named (a file name
// can tell what a record is).
// The records not in the bundle because they could not be read when gathered, or could not be
// laid out now (plan.left_out_titles): named only where the profile allows.
void unread_blocks(const Disclosure& d, const BundlePlan& plan, std::vector<Block>& blocks) {
    std::vector<std::string> unread = d.skipped_records;
    unread.insert(unread.end(), plan.left_out_titles.begin(), plan.left_out_titles.end());
    if (unread.empty()) return;
    blocks.push_back(heading("Records that could not be read", Origin::Fixed, 13));
    if (!d.name_withheld_records) {
        blocks.push_back(text_block("We could not read some records, so they are not in this "
                                    "bundle. We are looking at them again and are going to tell "
                                    "you the outcome.",
                                    Origin::Fixed));
        return;
    }
    blocks.push_back(text_block("We could not read these records, so they are not in this "
                                "bundle. We are looking at them again and are going to tell you "
                                "the outcome:",
                                Origin::Fixed));
    for (const std::string& name : unread) {
        Block b = bullet(name, Origin::Record);
        b.space_before = 2;
        blocks.push_back(std::move(b));
    }
}

// ---- the cover -------------------------------------------------------------------------

std::vector<Block> cover_blocks(const Disclosure& d, const BundlePlan& plan, int records_redacted) {
    std::vector<Block> blocks;
    Block title = heading("Disclosure bundle", Origin::Fixed, 20);
    title.space_before = 0;
    blocks.push_back(title);
    blocks.push_back(text_block("Subject access request " + plan.reference, Origin::Fixed, 12));
    Block date = text_block("Date of export: " + plan.export_date + dot + "Prepared under " +
                                regime_label(d),
                            Origin::Fixed, 10, Ink::Grey);
    date.space_before = 4;
    blocks.push_back(date);
    if (d.draft) {
        Block draft = paragraph({bold(std::string(draft_banner) + ". ", Origin::Fixed),
                                 run("This bundle is for review. It must not be sent to the "
                                     "requester until it has been approved and exported as final.",
                                     Origin::Fixed)},
                                10, Ink::Red);
        draft.space_before = 10;
        blocks.push_back(draft);
    }

    blocks.push_back(heading("Contents", Origin::Fixed, 13));
    auto entry = [&](const std::string& text, Origin origin, const std::string& detail, int page) {
        std::vector<TextRun> spans = {run(text, origin)};
        if (!detail.empty()) spans.push_back(run(dot + detail, Origin::Fixed));
        Block b = paragraph(std::move(spans), 10);
        b.right = "page " + std::to_string(page);
        b.space_before = 3;
        return b;
    };
    for (std::size_t i = 0; i < d.records.size(); ++i) {
        const RecordDisclosure& rd = d.records[i];
        if (rd.fate == RecordFate::WithholdInFull || !plan.spans[i]) continue;
        const RecordPlacement& at = plan.placements[i];
        blocks.push_back(entry(rd.title, Origin::Record,
                               std::string(kind_label(rd.record->kind)) + ", " +
                                   plural(at.page_count, "page", "pages"),
                               at.first_page));
    }
    blocks.push_back(entry("Redaction schedule", Origin::Fixed, "", plan.schedule_page));
    blocks.push_back(
        entry("Information about your personal data", Origin::Fixed, "", plan.information_page));

    blocks.push_back(heading("Redactions", Origin::Fixed, 13));
    if (plan.redaction_count == 0)
        blocks.push_back(text_block("Nothing in this bundle has been redacted.", Origin::Fixed));
    else
        blocks.push_back(text_block(plural(plan.redaction_count, "redaction", "redactions") +
                                        " in " + plural(records_redacted, "record", "records") +
                                        ". Each is shown as a black box with a reason code. The "
                                        "redaction schedule on page " +
                                        std::to_string(plan.schedule_page) +
                                        " lists them with the legal basis for each one.",
                                    Origin::Fixed));

    withheld_blocks(d, blocks);
    unread_blocks(d, plan, blocks);
    if (d.draft) {
        std::vector<const RecordDisclosure*> consult;
        for (const RecordDisclosure& rd : d.records)
            if (rd.consult_other_agency && rd.fate == RecordFate::Disclose) consult.push_back(&rd);
        if (!consult.empty()) {
            Block h = heading("Before final disclosure", Origin::Fixed, 13);
            h.ink = Ink::Red;
            blocks.push_back(h);
            blocks.push_back(text_block(
                "These records came from another agency. Consult it before the final export:",
                Origin::Fixed, 10, Ink::Red));
            for (const RecordDisclosure* rd : consult)
                blocks.push_back(bullet(rd->title, Origin::Record, 10, Ink::Red));
        }
    }
    return blocks;
}

PlannedPage text_page(LaidOutPage laid, std::string title, std::string detail) {
    PlannedPage p;
    p.kind = PageKind::Text;
    p.width = PageFrame{}.width;
    p.height = PageFrame{}.height;
    p.band_title = std::move(title);
    p.band_detail = std::move(detail);
    p.text = std::move(laid);
    return p;
}

} // namespace

BundlePlan plan_bundle(const Disclosure& d, const Fonts& fonts, const ControllerSettings& settings,
                       double dpi, const std::string& export_date) {
    if (!d.request) throw ExportError("", "the disclosure has no request");
    BundlePlan plan;
    plan.reference = d.request->reference;
    plan.export_date = export_date;
    TextLayout a4(fonts, PageFrame{});

    plan.spans.resize(d.records.size());
    plan.placements.resize(d.records.size());
    {
        Block notice = text_block(unshown_page_text, Origin::Fixed, 11, Ink::Grey);
        notice.space_before = 120;
        plan.unshown_page = a4.lay_out({notice}).at(0);
        plan.fixed_text.emplace_back(unshown_page_text);
    }
    std::vector<Part> parts;
    for (std::size_t i = 0; i < d.records.size(); ++i) {
        const RecordDisclosure& rd = d.records[i];
        if (!rd.record) throw ExportError(rd.title, "the disclosure names no record");
        if (rd.fate == RecordFate::WithholdInFull) continue;
        // One record that cannot be planned (a damaged file, a redaction that cannot be placed,
        // any library's exception) is left out; the rest of the bundle is still written.
        try {
            plan.spans[i] = std::make_unique<SectionSpans>(rd);
            parts.push_back(record_part(d, i, *plan.spans[i], dpi, a4, plan));
        } catch (const Cancelled&) {
            throw;
        } catch (const std::exception& e) {
            plan.spans[i].reset();
            const auto* error = dynamic_cast<const Error*>(&e);
            plan.omissions.push_back(
                {rd.record->name, "not exported: " + (error ? error->reason() : e.what())});
            plan.left_out_titles.push_back(rd.title);
        }
    }

    // Each (record, redaction) counts once, on the first page it shows on; the schedule counts
    // per page, so a redaction split over two pages is listed on both.
    std::map<std::size_t, std::vector<std::size_t>> canonical;
    for (const Part& part : parts)
        canonical[part.record] = canonical_redactions(d.records[part.record]);

    std::vector<Block> information_content = information_blocks(d, settings);
    collect_fixed(information_content, plan.fixed_text);
    std::vector<LaidOutPage> information = a4.lay_out(information_content);
    std::vector<LaidOutPage> schedule, cover;
    std::vector<Block> schedule_content, cover_content;
    std::size_t cover_pages = 1;
    for (int attempt = 0;; ++attempt) {
        int next = static_cast<int>(cover_pages) + 1;
        plan.shown.clear();
        std::map<std::tuple<int, std::size_t, std::string, std::string>, std::set<std::size_t>>
            groups;
        std::set<std::pair<std::size_t, std::size_t>> seen;
        std::set<std::size_t> records_redacted;
        for (const Part& part : parts) {
            RecordPlacement& at = plan.placements[part.record];
            at.first_page = next;
            at.page_count = static_cast<int>(part.pages.size());
            at.source_pages.clear();
            for (std::size_t p = 0; p < part.pages.size(); ++p)
                if (part.pages[p].source_page > 0)
                    at.source_pages.push_back(next + static_cast<int>(p));
            const RecordDisclosure& rd = d.records[part.record];
            for (const auto& [page_index, r] : part.shown) {
                std::size_t c = canonical[part.record][r];
                int page = next + static_cast<int>(page_index);
                const Reason& reason = rd.redactions[c].reason;
                groups[{page, part.record, reason.code, reason.citation}].insert(c);
                records_redacted.insert(part.record);
                if (seen.insert({part.record, c}).second)
                    plan.shown.push_back({part.record, c, page, part.record_page_of[page_index]});
            }
            next += static_cast<int>(part.pages.size());
        }
        plan.redaction_count = static_cast<int>(seen.size());
        plan.schedule.clear();
        for (const auto& [key, members] : groups) {
            const auto& [page, record, code, citation] = key;
            plan.schedule.push_back(
                {d.records[record].title, page, code, citation, static_cast<int>(members.size())});
        }
        plan.schedule_page = next;
        schedule_content = schedule_blocks(d, plan.schedule, plan.redaction_count);
        schedule = a4.lay_out(schedule_content);
        next += static_cast<int>(schedule.size());
        plan.information_page = next;
        cover_content = cover_blocks(d, plan, static_cast<int>(records_redacted.size()));
        cover = a4.lay_out(cover_content);
        if (cover.size() == cover_pages) break;
        if (attempt > 4) throw ExportError("", "the cover's length does not settle");
        cover_pages = cover.size();
    }

    const std::string reference_title = "Subject access request " + plan.reference;
    for (std::size_t i = 0; i < cover.size(); ++i)
        plan.pages.push_back(text_page(std::move(cover[i]), reference_title, "Cover and contents"));
    for (Part& part : parts) {
        for (PlannedPage& p : part.pages)
            plan.pages.push_back(std::move(p));
        for (RasterJob& j : part.jobs)
            plan.raster_jobs.push_back(std::move(j));
    }
    for (LaidOutPage& p : schedule)
        plan.pages.push_back(text_page(std::move(p), "Redaction schedule", reference_title));
    for (LaidOutPage& p : information)
        plan.pages.push_back(
            text_page(std::move(p), "Information about your personal data", regime_label(d)));

    // Everything SafeSAR printed itself, for verification (see TextRun::fixed).
    collect_fixed(schedule_content, plan.fixed_text);
    collect_fixed(cover_content, plan.fixed_text);
    for (const Part& part : parts)
        plan.fixed_text.insert(plan.fixed_text.end(), part.fixed.begin(), part.fixed.end());
    const int total = static_cast<int>(plan.pages.size());
    for (int n = 1; n <= total; ++n) {
        const PlannedPage& page = plan.pages[static_cast<std::size_t>(n - 1)];
        plan.fixed_text.push_back(footer_text(plan.reference, d.draft, n, total));
        if (page.record_page_count > 0)
            plan.fixed_text.push_back(record_page_text(page.record_page, page.record_page_count));
    }
    for (const char* fixed : {"Cover and contents", "Redaction schedule",
                              "Information about your personal data", "attached to", draft_banner})
        plan.fixed_text.emplace_back(fixed);
    plan.fixed_text.push_back(reference_title);
    // The reference alone (the PDF's title, its file name): the controller's words, not a
    // record's, even when a word in it (a service's acronym) is redacted in a record.
    if (!plan.reference.empty()) {
        plan.fixed_text.push_back(plan.reference);
        plan.fixed_text.push_back(d.request->output_stem()); // the bundle's file name
    }
    plan.fixed_text.push_back(regime_label(d));
    for (RecordKind kind : all_record_kinds)
        plan.fixed_text.emplace_back(kind_label(kind));
    std::sort(plan.fixed_text.begin(), plan.fixed_text.end());
    plan.fixed_text.erase(std::unique(plan.fixed_text.begin(), plan.fixed_text.end()),
                          plan.fixed_text.end());
    return plan;
}

std::string footer_text(const std::string& reference, bool draft, int number, int total) {
    std::string footer = reference;
    if (draft) footer += dot + draft_banner;
    return footer + dot + "page " + std::to_string(number) + " of " + std::to_string(total);
}

} // namespace safesar::exporting
