#include "gather/docx_walker.hpp"

#include <algorithm>
#include <cctype>

namespace safesar::gather_detail {

namespace {

// Nesting beyond this is not followed (tables in tables in text boxes...); libxml2 itself
// refuses trees deeper than 256.
constexpr int max_depth = 200;

// A toggle property: <w:vanish/> is on, <w:vanish w:val="false"/> is off.
bool toggle(const xmlNode* n) {
    if (!n) return false;
    const std::string v = xml_attr(n, "val");
    return v != "0" && v != "false" && v != "off";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

std::string docx_roman(int n) {
    static const std::pair<int, const char*> digits[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
        {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
    std::string out;
    for (const auto& [value, text] : digits)
        while (n >= value) {
            out += text;
            n -= value;
        }
    return out;
}

namespace {

int number_of(std::map<std::string, int>& numbers, const std::string& id) {
    auto [it, added] = numbers.emplace(id, static_cast<int>(numbers.size()) + 1);
    return it->second;
}

// Children of `node` named `wanted` or `also`, in document order, looking through the wrappers
// that may hold block content or rows.
void unwrap(const xmlNode* node, std::string_view wanted, std::vector<const xmlNode*>& out,
            int depth, std::string_view also = {}) {
    if (depth > max_depth) return;
    for (const xmlNode* c : xml_children(node)) {
        if (xml_is(c, wanted) || (!also.empty() && xml_is(c, also))) {
            out.push_back(c);
        } else if (xml_is(c, "sdt")) {
            unwrap(xml_child(c, "sdtContent"), wanted, out, depth + 1, also);
        } else if (xml_is(c, "customXml") || xml_is(c, "ins") || xml_is(c, "moveTo")) {
            unwrap(c, wanted, out, depth + 1, also);
        }
    }
}

const xmlNode* chosen_alternative(const xmlNode* alternate) {
    const xmlNode* choice = xml_child(alternate, "Choice");
    return choice ? choice : xml_child(alternate, "Fallback");
}

} // namespace

DocxStyles docx_read_styles(const XmlDoc& styles) {
    struct Raw {
        std::string based_on;
        int level = 0;
        int hidden = -1; // unset
    };
    std::map<std::string, Raw> raw;
    for (const xmlNode* s : xml_children(xml_root(styles), "style")) {
        Raw r;
        r.based_on = xml_attr(xml_child(s, "basedOn"), "val");
        const std::string name = lower(xml_attr(xml_child(s, "name"), "val"));
        if (name.rfind("heading ", 0) == 0 && name.size() == 9 && std::isdigit(static_cast<unsigned char>(name[8])))
            r.level = name[8] - '0';
        else if (name == "title")
            r.level = 1;
        else if (name == "subtitle")
            r.level = 2;
        if (const xmlNode* outline = xml_child(xml_child(s, "pPr"), "outlineLvl")) {
            const std::string v = xml_attr(outline, "val");
            if (v.size() == 1 && v[0] >= '0' && v[0] <= '8') r.level = v[0] - '0' + 1;
        }
        const xmlNode* rpr = xml_child(s, "rPr");
        if (const xmlNode* vanish = xml_child(rpr, "vanish")) r.hidden = toggle(vanish) ? 1 : 0;
        if (lower(xml_attr(xml_child(rpr, "color"), "val")) == "ffffff") r.hidden = 1;
        raw[xml_attr(s, "styleId")] = r;
    }
    DocxStyles out;
    for (const auto& [id, r] : raw) {
        int level = 0, hidden = -1;
        std::string at = id;
        for (int hops = 0; hops < 20 && !at.empty(); ++hops) {
            auto it = raw.find(at);
            if (it == raw.end()) break;
            if (level == 0) level = it->second.level;
            if (hidden < 0) hidden = it->second.hidden;
            at = it->second.based_on;
        }
        if (level > 0) out.heading_level[id] = std::min(level, 6);
        if (hidden == 1) out.hidden.insert(id);
    }
    return out;
}

void DocxWalker::blocks(const xmlNode* container, BlockWriter& out, DocxLinks& links,
                        const std::string& prefix) {
    prefix_ = prefix;
    for (const xmlNode* c : xml_children(container))
        block(c, out, links, 1);
    prefix_.clear();
}

void DocxWalker::block(const xmlNode* node, BlockWriter& out, DocxLinks& links, int depth) {
    if (depth > max_depth) return;
    const std::string_view name = xml_name(node);
    if (name == "p") {
        paragraph(node, out, links, depth);
    } else if (name == "tbl") {
        table(node, out, links, depth);
    } else if (name == "sdt") {
        for (const xmlNode* c : xml_children(xml_child(node, "sdtContent")))
            block(c, out, links, depth + 1);
    } else if (name == "AlternateContent") {
        for (const xmlNode* c : xml_children(chosen_alternative(node)))
            block(c, out, links, depth + 1);
    } else if (name == "customXml" || name == "ins" || name == "moveTo" || name == "del" ||
               name == "moveFrom") {
        for (const xmlNode* c : xml_children(node))
            block(c, out, links, depth + 1);
    } else if (name == "altChunk") {
        // Content imported whole from another file (HTML, RTF, another document).
        links.objects.push_back(xml_attr(node, "id"));
    }
}

void DocxWalker::paragraph(const xmlNode* p, BlockWriter& out, DocxLinks& links, int depth) {
    const xmlNode* ppr = xml_child(p, "pPr");
    const std::string style = xml_attr(xml_child(ppr, "pStyle"), "val");
    int level = 0;
    if (auto it = styles_.heading_level.find(style); it != styles_.heading_level.end())
        level = it->second;
    if (const xmlNode* outline = xml_child(ppr, "outlineLvl")) {
        const std::string v = xml_attr(outline, "val");
        if (v.size() == 1 && v[0] >= '0' && v[0] <= '5') level = v[0] - '0' + 1;
    }
    RunState state;
    state.hidden = styles_.hidden.count(style) > 0;
    Paragraph para;
    for (const xmlNode* c : xml_children(p))
        if (!xml_is(c, "pPr")) inline_content(c, state, para, links, depth + 1);
    std::string text = para.visible;
    if (!prefix_.empty()) { // a note's number: one space between it and the note's own text
        text.erase(0, text.find_first_not_of(' ') == std::string::npos ? text.size()
                                                                         : text.find_first_not_of(' '));
        text = prefix_ + text;
        prefix_.clear();
    }
    out.paragraph(std::move(text),
                  level > 0 ? TextBlock::Style::Heading : TextBlock::Style::Paragraph, level);
    for (const BlockWriter& box : para.boxes)
        out.append(box);
    flush_apart(para);
}

void DocxWalker::table(const xmlNode* tbl, BlockWriter& out, DocxLinks& links, int depth) {
    std::vector<const xmlNode*> rows;
    unwrap(tbl, "tr", rows, depth);
    for (const xmlNode* tr : rows) {
        // A row deleted as a tracked change is deleted text as a whole.
        const bool deleted_row = xml_child(xml_child(tr, "trPr"), "del") != nullptr;
        std::vector<const xmlNode*> cells;
        unwrap(tr, "tc", cells, depth);
        std::vector<std::string> texts;
        std::vector<BlockWriter> boxes;
        for (const xmlNode* tc : cells)
            texts.push_back(cell_text(tc, links, boxes, deleted_row, depth + 1));
        (deleted_row ? findings_.deleted : out).table_row(std::move(texts));
        for (const BlockWriter& box : boxes)
            out.append(box);
    }
}

std::string DocxWalker::cell_text(const xmlNode* tc, DocxLinks& links,
                                  std::vector<BlockWriter>& boxes, bool deleted_row, int depth) {
    std::string text;
    auto join = [&text](const std::string& piece) {
        if (piece.find_first_not_of(" \t\n") == std::string::npos) return;
        if (!text.empty()) text += ' ';
        text += piece;
    };
    if (depth > max_depth) return text;
    std::vector<const xmlNode*> contents;
    unwrap(tc, "p", contents, depth, "tbl");
    for (const xmlNode* c : contents) {
        if (xml_is(c, "tbl")) {
            std::vector<const xmlNode*> rows;
            unwrap(c, "tr", rows, depth);
            for (const xmlNode* tr : rows) {
                std::vector<const xmlNode*> cells;
                unwrap(tr, "tc", cells, depth);
                for (const xmlNode* inner : cells)
                    join(cell_text(inner, links, boxes, deleted_row, depth + 1));
            }
            continue;
        }
        RunState state;
        state.deleted = deleted_row;
        state.hidden = styles_.hidden.count(
                           xml_attr(xml_child(xml_child(c, "pPr"), "pStyle"), "val")) > 0;
        Paragraph para;
        for (const xmlNode* child : xml_children(c))
            if (!xml_is(child, "pPr")) inline_content(child, state, para, links, depth + 1);
        join(para.visible);
        for (BlockWriter& box : para.boxes)
            boxes.push_back(std::move(box));
        para.boxes.clear();
        flush_apart(para);
    }
    return text;
}

void DocxWalker::inline_content(const xmlNode* node, RunState state, Paragraph& into,
                                DocxLinks& links, int depth) {
    if (depth > max_depth || node->type != XML_ELEMENT_NODE) return;
    const std::string_view name = xml_name(node);
    if (name == "r") {
        run(node, state, into, links, depth);
        return;
    }
    if (name == "del" || name == "moveFrom") state.deleted = true;
    if (name == "AlternateContent") {
        if (const xmlNode* chosen = chosen_alternative(node))
            for (const xmlNode* c : xml_children(chosen))
                inline_content(c, state, into, links, depth + 1);
        return;
    }
    if (name == "sdt") {
        for (const xmlNode* c : xml_children(xml_child(node, "sdtContent")))
            inline_content(c, state, into, links, depth + 1);
        return;
    }
    if (name == "pPr" || name == "rPr" || name == "sdtPr" || name == "sdtEndPr" ||
        name == "sectPr" || name == "Fallback")
        return;
    // ins, moveTo, hyperlink, smartTag, customXml, fldSimple, bdo, dir, oMath...: their runs.
    for (const xmlNode* c : xml_children(node))
        inline_content(c, state, into, links, depth + 1);
}

bool DocxWalker::run_hidden(const xmlNode* rpr) const {
    if (!rpr) return false;
    if (const xmlNode* vanish = xml_child(rpr, "vanish")) return toggle(vanish);
    if (toggle(xml_child(rpr, "specVanish"))) return true;
    if (styles_.hidden.count(xml_attr(xml_child(rpr, "rStyle"), "val"))) return true;
    // White text shows only on a coloured highlight or shading.
    const std::string colour = lower(xml_attr(xml_child(rpr, "color"), "val"));
    if (colour == "ffffff") {
        const std::string highlight = lower(xml_attr(xml_child(rpr, "highlight"), "val"));
        const std::string shading = lower(xml_attr(xml_child(rpr, "shd"), "fill"));
        const bool backed = (!highlight.empty() && highlight != "none" && highlight != "white") ||
                            (!shading.empty() && shading != "auto" && shading != "ffffff");
        if (!backed) return true;
    }
    // Text under 2 points cannot be read on the page.
    const std::string size = xml_attr(xml_child(rpr, "sz"), "val");
    if (!size.empty() && std::all_of(size.begin(), size.end(), ::isdigit) && size.size() < 3 &&
        std::stoi(size) < 4)
        return true;
    return false;
}

void DocxWalker::run(const xmlNode* r, RunState state, Paragraph& into, DocxLinks& links,
                     int depth) {
    const xmlNode* rpr = xml_child(r, "rPr");
    bool hidden = state.hidden;
    if (rpr && xml_child(rpr, "vanish")) hidden = toggle(xml_child(rpr, "vanish"));
    else hidden = hidden || run_hidden(rpr);
    std::string& target = state.deleted ? into.deleted : hidden ? into.hidden : into.visible;
    for (const xmlNode* c : xml_children(r)) {
        const std::string_view name = xml_name(c);
        if (name == "t" || name == "delText") {
            target += xml_text(c);
        } else if (name == "instrText" || name == "delInstrText") {
            findings_.field_codes.push_back(xml_text(c));
        } else if (name == "tab" || name == "ptab") {
            target += '\t';
        } else if (name == "br" || name == "cr") {
            target += '\n';
        } else if (name == "noBreakHyphen") {
            target += '-';
        } else if (name == "footnoteReference") {
            target += "[" + std::to_string(number_of(findings_.footnote_numbers, xml_attr(c, "id"))) + "]";
        } else if (name == "endnoteReference") {
            target += "[" + docx_roman(number_of(findings_.endnote_numbers, xml_attr(c, "id"))) + "]";
        } else if (name == "drawing" || name == "pict" || name == "object") {
            drawing(c, into, links, depth + 1);
        } else if (name == "AlternateContent") {
            if (const xmlNode* chosen = chosen_alternative(c)) {
                // The chosen content is run content: wrap it as a run of its own.
                for (const xmlNode* inner : xml_children(chosen))
                    if (xml_is(inner, "drawing") || xml_is(inner, "pict") || xml_is(inner, "object"))
                        drawing(inner, into, links, depth + 1);
            }
        } else if (name == "ruby") {
            inline_content(xml_child(c, "rubyBase"), state, into, links, depth + 1);
        }
    }
}

void DocxWalker::drawing(const xmlNode* node, Paragraph& into, DocxLinks& links, int depth) {
    if (depth > max_depth) return;
    const std::string_view name = xml_name(node);
    if (name == "Fallback") return; // the same drawing again, for older readers
    if (name == "docPr" || name == "cNvPr") {
        for (const char* attr : {"title", "descr"})
            if (std::string alt = trim(xml_attr(node, attr)); !alt.empty())
                findings_.alt_texts.push_back(std::move(alt));
    } else if (name == "blip") {
        if (std::string id = xml_attr(node, "embed"); !id.empty()) links.pictures.push_back(id);
    } else if (name == "imagedata") {
        if (std::string id = xml_attr(node, "id"); !id.empty()) links.pictures.push_back(id);
        if (std::string alt = trim(xml_attr(node, "title")); !alt.empty())
            findings_.alt_texts.push_back(std::move(alt));
    } else if (name == "OLEObject") {
        if (std::string id = xml_attr(node, "id"); !id.empty()) links.objects.push_back(id);
    } else if (name == "txbxContent") {
        BlockWriter box;
        const std::string saved = prefix_;
        prefix_.clear();
        for (const xmlNode* c : xml_children(node))
            block(c, box, links, depth + 1);
        prefix_ = saved;
        into.boxes.push_back(std::move(box));
        return;
    }
    if (std::string alt = trim(xml_attr(node, "alt")); !alt.empty()) // VML shapes
        findings_.alt_texts.push_back(std::move(alt));
    for (const xmlNode* c : xml_children(node))
        drawing(c, into, links, depth + 1);
}

void DocxWalker::flush_apart(Paragraph& p) {
    findings_.hidden.paragraph(std::move(p.hidden));
    findings_.deleted.paragraph(std::move(p.deleted));
}

} // namespace safesar::gather_detail
