// read_odt: an OpenDocument text (.odt) read from content.xml, styles.xml and meta.xml. Like a
// .docx: headers and footers, the body with headings, lists, tables, frames and text boxes,
// footnotes and endnotes, comments (office:annotation); what does not show is kept apart for
// detection only: hidden text (styles with text:display="none", white text, hidden paragraphs,
// sections and hidden-text fields) and the deleted text tracked changes keep; alt text, link
// targets and document properties as metadata; pictures read by OCR.
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include "gather/block_writer.hpp"
#include "gather/document_parts.hpp"
#include "gather/embedded_parts.hpp"
#include "gather/odf_package.hpp"
#include "gather/office_zip.hpp"
#include "gather/xml.hpp"

#include <algorithm>

namespace safesar {

namespace gather_detail {

namespace {

constexpr int max_depth = 200;

class OdtReader {
  public:
    OdtReader(ZipArchive& zip, const std::string& name, const GatherOptions& options)
        : zip_(zip), name_(name), embedded_(name, options) {}

    Record read(std::vector<Record>& attachments) {
        XmlDoc content = xml_parse(zip_.read_required("content.xml"), name_, "content.xml");
        std::optional<XmlDoc> styles_doc;
        if (auto bytes = zip_.read("styles.xml")) {
            styles_doc = xml_parse(*bytes, name_, "styles.xml");
            const xmlNode* root = xml_root(*styles_doc);
            odf_read_styles(xml_child(root, "styles"), styles_);
            odf_read_styles(xml_child(root, "automatic-styles"), styles_);
        }
        const xmlNode* root = xml_root(content);
        odf_read_styles(xml_child(root, "automatic-styles"), styles_);

        Record record;
        record.name = name_;
        record.kind = RecordKind::Document;
        record.mime_type = "application/vnd.oasis.opendocument.text";

        std::vector<Section> headers, footers;
        if (styles_doc) page_styles(xml_root(*styles_doc), headers, footers);
        BlockWriter body;
        blocks(xml_child(xml_child(root, "body"), "text"), body, false, 0);

        for (Section& s : headers) record.sections.push_back(std::move(s));
        record.sections.push_back(body.take(SectionKind::Body, "body"));
        if (!footnotes_.empty()) record.sections.push_back(footnotes_.take(SectionKind::Body, "footnotes"));
        if (!endnotes_.empty()) record.sections.push_back(endnotes_.take(SectionKind::Body, "endnotes"));
        for (Section& s : footers) record.sections.push_back(std::move(s));
        for (Section& s : comments_) record.sections.push_back(std::move(s));
        add_hidden_text(record, hidden_, deleted_);
        embedded_.finish(record, attachments);
        add_metadata_lines(record.sections, "alt text of pictures", alt_texts_);
        add_metadata_lines(record.sections, "link targets", links_);
        add_metadata_lines(record.sections, "initials of comment authors", initials_);
        odf_properties(zip_, name_, record.sections);
        if (std::any_of(zip_.names().begin(), zip_.names().end(), [](const std::string& n) {
                return n.rfind("Basic/", 0) == 0 && n.find("script") == std::string::npos &&
                       n.size() > 6;
            }))
            record.cautions.push_back(macro_caution);
        return record;
    }

  private:
    struct Paragraph {
        std::string visible, hidden;
        std::vector<BlockWriter> boxes;
    };

    void page_styles(const xmlNode* styles_root, std::vector<Section>& headers,
                     std::vector<Section>& footers) {
        std::vector<std::string> seen;
        for (const xmlNode* page : xml_children(xml_child(styles_root, "master-styles"), "master-page")) {
            for (const xmlNode* part : xml_children(page)) {
                const std::string_view kind = xml_name(part);
                const bool header = kind.rfind("header", 0) == 0;
                if (!header && kind.rfind("footer", 0) != 0) continue;
                BlockWriter text;
                blocks(part, text, false, 0);
                if (text.empty() || std::find(seen.begin(), seen.end(), text.text()) != seen.end())
                    continue;
                seen.push_back(text.text());
                auto& list = header ? headers : footers;
                const std::string label = header ? "header" : "footer";
                list.push_back(text.take(SectionKind::Body, list.empty() ? label : label + " " + std::to_string(list.size() + 1)));
            }
        }
    }

    void blocks(const xmlNode* container, BlockWriter& out, bool hidden, int depth) {
        if (!container || depth > max_depth) return;
        for (const xmlNode* c : xml_children(container))
            block(c, out, hidden, depth + 1);
    }

    void block(const xmlNode* node, BlockWriter& out, bool hidden, int depth) {
        const std::string_view name = xml_name(node);
        if (name == "p" || name == "h") {
            paragraph(node, out, hidden, depth);
        } else if (name == "list" || name == "list-item" || name == "list-header" ||
                   name == "index-body" || name == "table-of-content" ||
                   name == "alphabetical-index" || name == "illustration-index") {
            blocks(node, out, hidden, depth);
        } else if (name == "section") {
            const bool section_hidden = xml_attr(node, "display") == "none" ||
                                        (xml_attr(node, "display") == "condition");
            blocks(node, section_hidden || hidden ? hidden_ : out, section_hidden || hidden, depth);
        } else if (name == "table") {
            table(node, hidden ? hidden_ : out, hidden, depth);
        } else if (name == "tracked-changes") {
            for (const xmlNode* region : xml_children(node, "changed-region"))
                if (const xmlNode* deletion = xml_child(region, "deletion"))
                    for (const xmlNode* c : xml_children(deletion))
                        if (!xml_is(c, "change-info")) block(c, deleted_, false, depth + 1);
        } else if (name == "frame" || name == "custom-shape" || name == "rect") {
            Paragraph p;
            draw(node, p, depth);
            for (const BlockWriter& box : p.boxes) out.append(box);
        }
    }

    void table(const xmlNode* tbl, BlockWriter& out, bool hidden, int depth) {
        std::vector<const xmlNode*> rows;
        collect_rows(tbl, rows, depth);
        for (const xmlNode* row : rows) {
            std::vector<std::string> cells;
            std::vector<BlockWriter> boxes;
            for (const xmlNode* cell : xml_children(row, "table-cell")) {
                std::string text;
                for (const xmlNode* c : xml_children(cell)) {
                    if (xml_is(c, "table")) { // a table in a cell: its cells join the cell
                        BlockWriter inner;
                        table(c, inner, hidden, depth + 1);
                        std::string t = inner.text();
                        std::replace(t.begin(), t.end(), '\t', ' ');
                        std::replace(t.begin(), t.end(), '\n', ' ');
                        text += (text.empty() ? "" : " ") + t;
                        continue;
                    }
                    if (!xml_is(c, "p") && !xml_is(c, "h") && !xml_is(c, "list")) continue;
                    Paragraph p;
                    inline_content(c, hidden, p, depth + 1);
                    if (!trim(p.visible).empty()) text += (text.empty() ? "" : " ") + p.visible;
                    hidden_.paragraph(p.hidden);
                    for (BlockWriter& b : p.boxes) boxes.push_back(std::move(b));
                }
                cells.push_back(std::move(text));
            }
            out.table_row(std::move(cells));
            for (const BlockWriter& b : boxes) out.append(b);
        }
    }

    void collect_rows(const xmlNode* node, std::vector<const xmlNode*>& rows, int depth) {
        if (depth > max_depth) return;
        for (const xmlNode* c : xml_children(node)) {
            if (xml_is(c, "table-row")) rows.push_back(c);
            else if (xml_is(c, "table-header-rows") || xml_is(c, "table-rows") ||
                     xml_is(c, "table-row-group"))
                collect_rows(c, rows, depth + 1);
        }
    }

    void paragraph(const xmlNode* p, BlockWriter& out, bool hidden, int depth) {
        const std::string style = xml_attr(p, "style-name");
        int level = 0;
        if (xml_is(p, "h")) {
            const std::string outline = xml_attr(p, "outline-level");
            level = outline.empty() ? 1 : std::clamp(std::atoi(outline.c_str()), 1, 6);
        } else if (auto it = styles_.heading_level.find(style); it != styles_.heading_level.end()) {
            level = it->second;
        }
        // A hidden paragraph field hides its whole paragraph.
        for (const xmlNode* c : xml_children(p))
            if (xml_is(c, "hidden-paragraph") && xml_attr(c, "is-hidden") != "false") hidden = true;
        Paragraph para;
        inline_content(p, hidden || styles_.hidden_text.count(style) > 0, para, depth);
        std::string text = para.visible;
        if (!prefix_.empty()) { // a note's number: one space between it and the note's text
            const auto first = text.find_first_not_of(' ');
            text = prefix_ + (first == std::string::npos ? std::string() : text.substr(first));
            prefix_.clear();
        }
        out.paragraph(std::move(text),
                      level > 0 ? TextBlock::Style::Heading : TextBlock::Style::Paragraph, level);
        for (const BlockWriter& box : para.boxes) out.append(box);
        hidden_.paragraph(std::move(para.hidden));
    }

    void inline_content(const xmlNode* node, bool hidden, Paragraph& into, int depth) {
        if (depth > max_depth) return;
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                (hidden ? into.hidden : into.visible) += reinterpret_cast<const char*>(c->content);
                continue;
            }
            if (c->type != XML_ELEMENT_NODE) continue;
            const std::string_view name = xml_name(c);
            std::string& target = hidden ? into.hidden : into.visible;
            if (name == "s") {
                const int n = std::clamp(std::atoi(xml_attr(c, "c").c_str()), 1, 1000);
                target.append(static_cast<std::size_t>(n), ' ');
            } else if (name == "tab") {
                target += '\t';
            } else if (name == "line-break") {
                target += '\n';
            } else if (name == "span") {
                inline_content(c, hidden || styles_.hidden_text.count(xml_attr(c, "style-name")) > 0,
                               into, depth + 1);
            } else if (name == "a") {
                if (std::string href = xml_attr(c, "href"); !href.empty()) links_.push_back(href);
                inline_content(c, hidden, into, depth + 1);
            } else if (name == "note") {
                note(c, target, depth);
            } else if (name == "annotation") {
                annotation(c, depth);
            } else if (name == "annotation-end" || name == "change" || name == "change-start" ||
                       name == "change-end" || name == "bookmark" || name == "bookmark-start" ||
                       name == "bookmark-end" || name == "soft-page-break") {
                continue;
            } else if (name == "hidden-text") {
                into.hidden += xml_attr(c, "string-value");
            } else if (name == "hidden-paragraph") {
                continue;
            } else if (name == "frame" || name == "custom-shape" || name == "rect" ||
                       name == "ellipse" || name == "g" || name == "line") {
                draw(c, into, depth + 1);
            } else if (name == "ruby") {
                inline_content(xml_child(c, "ruby-base"), hidden, into, depth + 1);
            } else {
                inline_content(c, hidden, into, depth + 1); // fields, meta, conditional text...
            }
        }
    }

    void note(const xmlNode* n, std::string& target, int depth) {
        const std::string citation = trim(xml_text(xml_child(n, "note-citation")));
        if (!citation.empty()) target += "[" + citation + "]";
        BlockWriter& notes = xml_attr(n, "note-class") == "endnote" ? endnotes_ : footnotes_;
        const std::string saved = prefix_;
        prefix_ = citation.empty() ? "" : "[" + citation + "] ";
        blocks(xml_child(n, "note-body"), notes, false, depth + 1);
        prefix_ = saved;
    }

    void annotation(const xmlNode* a, int depth) {
        BlockWriter text;
        const std::string saved = prefix_;
        prefix_.clear();
        for (const xmlNode* c : xml_children(a))
            if (xml_is(c, "p") || xml_is(c, "list")) block(c, text, false, depth + 1);
        prefix_ = saved;
        // Initials are not shown: beside a redacted author they would name her.
        initials_.push_back(xml_text(xml_child(a, "creator-initials")));
        comments_.push_back(comment_section("comment " + std::to_string(comments_.size() + 1),
                                           {{"Author", xml_text(xml_child(a, "creator"))},
                                            {"Date", xml_text(xml_child(a, "date"))},
                                            {"Comment", text.text()}}));
    }

    void draw(const xmlNode* node, Paragraph& into, int depth) {
        if (depth > max_depth) return;
        for (const xmlNode* c : xml_children(node)) {
            const std::string_view name = xml_name(c);
            if (name == "title" || name == "desc") {
                alt_texts_.push_back(xml_text(c));
            } else if (name == "image") {
                std::string href = xml_attr(c, "href");
                if (href.rfind("./", 0) == 0) href.erase(0, 2);
                if (auto bytes = zip_.read(href)) embedded_.picture(href, *bytes);
                draw(c, into, depth + 1);
            } else if (name == "object-ole") {
                std::string href = xml_attr(c, "href");
                if (href.rfind("./", 0) == 0) href.erase(0, 2);
                if (auto bytes = zip_.read(href)) embedded_.object(href, *bytes);
            } else if (name == "text-box") {
                BlockWriter box;
                const std::string saved = prefix_;
                prefix_.clear();
                blocks(c, box, false, depth + 1);
                prefix_ = saved;
                into.boxes.push_back(std::move(box));
            } else if (name == "p" || name == "list") {
                BlockWriter shape; // text written straight on a shape
                block(c, shape, false, depth + 1);
                into.boxes.push_back(std::move(shape));
            } else {
                draw(c, into, depth + 1);
            }
        }
    }

    ZipArchive& zip_;
    const std::string& name_;
    EmbeddedParts embedded_;
    OdfStyles styles_;
    BlockWriter footnotes_, endnotes_, hidden_, deleted_;
    std::vector<Section> comments_;
    std::vector<std::string> alt_texts_, links_, initials_;
    std::string prefix_;
};

} // namespace

Record odt_record(ZipArchive& zip, const std::string& name, const GatherOptions& options,
                  std::vector<Record>& attachments) {
    return OdtReader(zip, name, options).read(attachments);
}

} // namespace gather_detail

Record read_odt(const std::string& name, std::string_view bytes, const GatherOptions& options,
                std::vector<Record>& attachments) {
    gather_detail::ZipArchive zip(bytes, name);
    return gather_detail::odt_record(zip, name, options, attachments);
}

} // namespace safesar
