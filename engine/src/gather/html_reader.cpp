// read_html: a web page (.html, .htm; a case-management system's export) parsed with gumbo as a
// browser would. What a reader sees becomes the body: headings, paragraphs and table rows; the
// page title is a header field. What a browser does not show is kept apart for detection:
// hidden elements (the hidden attribute, display:none or visibility:hidden in a style attribute
// or a simple stylesheet rule, hidden form fields, templates, noscript) and comments are hidden
// sections with a caution; alt text, tooltips, link targets, meta tags and script text are
// metadata.
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include "gather/block_writer.hpp"
#include "gather/document_parts.hpp"
#include "gather/email_html.hpp"
#include "gather/text_decode.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

namespace safesar {

namespace {

using gather_detail::add_metadata_lines;
using gather_detail::BlockWriter;
using gather_detail::clean_control_characters;
using gather_detail::trim;

constexpr int max_walk_depth = 8000;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string squeeze(std::string_view css) {
    std::string out;
    for (char c : css)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool hides(std::string_view declarations) {
    const std::string s = squeeze(declarations);
    return s.find("display:none") != std::string::npos ||
           s.find("visibility:hidden") != std::string::npos;
}

const char* attribute(const GumboElement& e, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a ? a->value : nullptr;
}

// Selectors of simple stylesheet rules that hide: ".secret", "#old-address", "span.x" (the
// class and id parts are what is matched).
struct HidingRules {
    std::set<std::string> classes, ids, tags;

    void read(std::string_view css) {
        std::size_t at = 0;
        while (at < css.size()) {
            const auto open = css.find('{', at);
            if (open == std::string_view::npos) break;
            const auto close = css.find('}', open);
            if (close == std::string_view::npos) break;
            if (hides(css.substr(open + 1, close - open - 1))) {
                std::string_view selectors = css.substr(at, open - at);
                std::size_t start = 0;
                while (start <= selectors.size()) {
                    auto comma = selectors.find(',', start);
                    if (comma == std::string_view::npos) comma = selectors.size();
                    add(trim(std::string(selectors.substr(start, comma - start))));
                    start = comma + 1;
                }
            }
            at = close + 1;
        }
    }

    void add(const std::string& selector) {
        if (selector.empty() || selector.find_first_of(" >+~:[") != std::string::npos) return;
        const auto mark = selector.find_first_of(".#");
        if (mark == std::string::npos) {
            tags.insert(lower(selector));
            return;
        }
        (selector[mark] == '.' ? classes : ids).insert(selector.substr(mark + 1));
    }

    bool match(const GumboElement& e) const {
        if (const char* id = attribute(e, "id"); id && ids.count(id)) return true;
        if (const char* cls = attribute(e, "class")) {
            std::string list = cls;
            std::size_t start = 0;
            while (start < list.size()) {
                auto space = list.find_first_of(" \t\n", start);
                if (space == std::string::npos) space = list.size();
                if (classes.count(list.substr(start, space - start))) return true;
                start = space + 1;
            }
        }
        return !tags.empty() && tags.count(lower(gumbo_normalized_tagname(e.tag)));
    }
};

bool is_block(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_LEGEND: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
        return true;
    default:
        return false;
    }
}

int heading_level(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
    }
}

// One destination of text: the shown page, or what the browser hides.
struct Flow {
    BlockWriter blocks;
    std::string line;          // the paragraph being written
    bool pending_space = false;
    std::vector<std::string>* cells = nullptr; // inside a table row: its cells
    std::string cell;

    void text(std::string_view s, bool pre) {
        std::string& out = cells ? cell : line;
        for (char c : s) {
            if (!pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
                pending_space = !out.empty();
                continue;
            }
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            out += c;
        }
    }
    void line_break() {
        (cells ? cell : line) += '\n';
        pending_space = false;
    }
    void end_paragraph(TextBlock::Style style = TextBlock::Style::Paragraph, int level = 0) {
        if (cells) return;
        blocks.paragraph(std::move(line), style, level);
        line.clear();
        pending_space = false;
    }
};

class HtmlWalker {
  public:
    void head_and_rules(const GumboNode* node, int depth) {
        if (depth > max_walk_depth || node->type != GUMBO_NODE_ELEMENT) {
            if (node->type == GUMBO_NODE_DOCUMENT)
                for (unsigned i = 0; i < node->v.document.children.length; ++i)
                    head_and_rules(static_cast<const GumboNode*>(node->v.document.children.data[i]),
                                   depth + 1);
            return;
        }
        const GumboElement& e = node->v.element;
        if (e.tag == GUMBO_TAG_STYLE) {
            for (unsigned i = 0; i < e.children.length; ++i) {
                const auto* c = static_cast<const GumboNode*>(e.children.data[i]);
                if (c->type == GUMBO_NODE_TEXT) rules.read(c->v.text.text);
            }
        } else if (e.tag == GUMBO_TAG_TITLE) {
            title += element_text(node, 0);
        } else if (e.tag == GUMBO_TAG_META) {
            const char* meta_name = attribute(e, "name");
            if (!meta_name) meta_name = attribute(e, "property");
            const char* content = attribute(e, "content");
            if (meta_name && content) meta.push_back(lower(meta_name) + ": " + content);
        }
        for (unsigned i = 0; i < e.children.length; ++i)
            head_and_rules(static_cast<const GumboNode*>(e.children.data[i]), depth + 1);
    }

    void walk(const GumboNode* node, bool hidden, bool pre, int depth) {
        if (depth > max_walk_depth) return;
        Flow& flow = hidden ? hidden_flow : shown;
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            flow.text(node->v.text.text, pre);
            return;
        case GUMBO_NODE_COMMENT:
            comments.paragraph(node->v.text.text);
            return;
        case GUMBO_NODE_DOCUMENT:
            for (unsigned i = 0; i < node->v.document.children.length; ++i)
                walk(static_cast<const GumboNode*>(node->v.document.children.data[i]), hidden,
                     pre, depth + 1);
            return;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            break;
        }
        const GumboElement& e = node->v.element;
        if (e.tag == GUMBO_TAG_HEAD || e.tag == GUMBO_TAG_STYLE) return;
        if (e.tag == GUMBO_TAG_SCRIPT) {
            std::string code = element_text(node, 0);
            if (!trim(code).empty()) scripts.push_back(std::move(code));
            return;
        }
        for (const char* attr : {"alt", "title", "aria-label", "placeholder"})
            if (const char* v = attribute(e, attr)) metadata.push_back(std::string(attr) + ": " + v);
        for (const char* attr : {"href", "src", "action"})
            if (const char* v = attribute(e, attr)) {
                const std::string target = v;
                if (target.rfind("data:", 0) != 0) links.push_back(target);
            }
        const char* style = attribute(e, "style");
        const bool hides_here = gumbo_get_attribute(&e.attributes, "hidden") ||
                                (style && hides(style)) || rules.match(e) ||
                                node->type == GUMBO_NODE_TEMPLATE || e.tag == GUMBO_TAG_NOSCRIPT ||
                                (e.tag == GUMBO_TAG_INPUT && attribute(e, "type") &&
                                 lower(attribute(e, "type")) == "hidden");
        if (hides_here && !hidden) {
            shown.end_paragraph();
            hidden_flow.end_paragraph();
            walk_hidden(node, pre, depth);
            hidden_flow.end_paragraph();
            return;
        }
        if (e.tag == GUMBO_TAG_INPUT) {
            if (const char* v = attribute(e, "value")) flow.text(std::string(" ") + v + " ", false);
            return;
        }
        if (e.tag == GUMBO_TAG_BR) {
            flow.line_break();
            return;
        }
        if (e.tag == GUMBO_TAG_TR) {
            row(node, hidden, depth);
            return;
        }
        const int level = heading_level(e.tag);
        const bool block = level > 0 || is_block(e.tag);
        if (block) flow.end_paragraph();
        for (unsigned i = 0; i < e.children.length; ++i)
            walk(static_cast<const GumboNode*>(e.children.data[i]), hidden,
                 pre || e.tag == GUMBO_TAG_PRE, depth + 1);
        if (block)
            flow.end_paragraph(level > 0 ? TextBlock::Style::Heading : TextBlock::Style::Paragraph,
                               level);
    }

    HidingRules rules;
    std::string title;
    Flow shown, hidden_flow;
    BlockWriter comments;
    std::vector<std::string> meta, metadata, links, scripts;

  private:
    void walk_hidden(const GumboNode* node, bool pre, int depth) {
        const GumboElement& e = node->v.element;
        if (e.tag == GUMBO_TAG_INPUT) {
            if (const char* v = attribute(e, "value")) hidden_flow.text(v, false);
            return;
        }
        const GumboVector& children = node->type == GUMBO_NODE_TEMPLATE
                                          ? node->v.element.children
                                          : e.children;
        for (unsigned i = 0; i < children.length; ++i)
            walk(static_cast<const GumboNode*>(children.data[i]), true, pre, depth + 1);
    }

    // A table row: each cell's text on its own, the row one line.
    void row(const GumboNode* node, bool hidden, int depth) {
        Flow& flow = hidden ? hidden_flow : shown;
        flow.end_paragraph();
        std::vector<std::string> cells;
        std::vector<std::string>* outer = flow.cells;
        std::string outer_cell = std::move(flow.cell);
        for (unsigned i = 0; i < node->v.element.children.length; ++i) {
            const auto* c = static_cast<const GumboNode*>(node->v.element.children.data[i]);
            if (c->type != GUMBO_NODE_ELEMENT) continue;
            const GumboElement& ce = c->v.element;
            if (ce.tag != GUMBO_TAG_TD && ce.tag != GUMBO_TAG_TH) continue;
            flow.cells = &cells;
            flow.cell.clear();
            flow.pending_space = false;
            for (unsigned k = 0; k < ce.children.length; ++k)
                walk(static_cast<const GumboNode*>(ce.children.data[k]), hidden, false, depth + 2);
            cells.push_back(std::move(flow.cell));
            flow.cell.clear();
        }
        flow.cells = outer;
        flow.cell = std::move(outer_cell);
        if (outer) { // a table inside a cell: its rows join that cell
            for (const std::string& c : cells) flow.text(" " + c + " ", false);
            return;
        }
        flow.blocks.table_row(std::move(cells));
    }

    static std::string element_text(const GumboNode* node, int depth) {
        std::string out;
        if (depth > max_walk_depth) return out;
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
            node->type == GUMBO_NODE_WHITESPACE)
            return node->v.text.text;
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return out;
        for (unsigned i = 0; i < node->v.element.children.length; ++i)
            out += element_text(static_cast<const GumboNode*>(node->v.element.children.data[i]),
                                depth + 1);
        return out;
    }
};

struct OutputFree {
    void operator()(GumboOutput* output) const {
        gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
};

// The charset a page declares in its first kilobytes (<meta charset> or http-equiv).
std::string declared_charset(std::string_view bytes) {
    const std::string head = lower(std::string(bytes.substr(0, 4096)));
    const auto at = head.find("charset=");
    if (at == std::string::npos) return {};
    std::size_t begin = at + 8;
    while (begin < head.size() && (head[begin] == '"' || head[begin] == '\'')) ++begin;
    std::size_t end = begin;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                                 head[end] == '-' || head[end] == '_'))
        ++end;
    return head.substr(begin, end - begin);
}

} // namespace

Record read_html(const std::string& name, std::string_view bytes, const GatherOptions& /*options*/,
                 std::vector<Record>& /*attachments*/) {
    const std::string html = decode_text(std::string(bytes), declared_charset(bytes));
    if (gather_detail::html_nests_too_deeply(html))
        throw RecordError(name, "the page's markup nests too deeply to be read");
    std::unique_ptr<GumboOutput, OutputFree> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
    if (!output) throw RecordError(name, "the page cannot be parsed");

    HtmlWalker walker;
    walker.head_and_rules(output->document, 0);
    walker.walk(output->root, false, false, 0);
    walker.shown.end_paragraph();
    walker.hidden_flow.end_paragraph();

    Record record;
    record.name = name;
    record.kind = RecordKind::WebPage;
    record.mime_type = "text/html";
    if (std::string title = trim(clean_control_characters(walker.title)); !title.empty()) {
        Section s;
        s.kind = SectionKind::Header;
        s.label = "title";
        s.text = "Title: ";
        s.fields.push_back({"Title", s.text.size(), s.text.size() + title.size()});
        s.text += title;
        record.sections.push_back(std::move(s));
    }
    record.sections.push_back(walker.shown.blocks.take(SectionKind::Body, "body"));
    if (!walker.hidden_flow.blocks.empty()) {
        Section s = walker.hidden_flow.blocks.take(SectionKind::Body, "hidden elements");
        s.hidden = true;
        record.sections.push_back(std::move(s));
        record.cautions.push_back("the page holds elements a browser does not show; they are not "
                                  "disclosed: check them in the original");
    }
    if (!walker.comments.empty()) {
        Section s = walker.comments.take(SectionKind::Body, "HTML comments");
        s.hidden = true;
        record.sections.push_back(std::move(s));
        record.cautions.push_back("the page's markup holds comments a browser does not show; "
                                  "they are not disclosed: check them in the original");
    }
    add_metadata_lines(record.sections, "meta tags", walker.meta);
    add_metadata_lines(record.sections, "alt text, titles and labels", walker.metadata);
    add_metadata_lines(record.sections, "link targets", walker.links);
    add_metadata_lines(record.sections, "script text", walker.scripts);
    return record;
}

} // namespace safesar
