#include "gather/pdf_extras.hpp"
#include "gather/pdf_structure.hpp"
#include "safesar/text_decode.hpp"

#include "gather/attachment_names.hpp"
#include "gather/text_decode.hpp"
#include "safesar/errors.hpp"

#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <set>

namespace safesar::gather_detail {

namespace {

// Hostile files make trees that loop or never end: every walk is bounded.
constexpr int max_tree_depth = 64;
constexpr std::size_t max_outline_items = 100000;
constexpr std::size_t max_annotations = 100000;

std::string text_of(QPDFObjectHandle o) {
    return o.isString() ? decode_pdf_text(o.getStringValue()) : std::string();
}

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

void add(std::vector<Section>& out, SectionKind kind, std::string label, std::string text,
         int page = 0, std::optional<Box> area = std::nullopt) {
    if (blank(text)) return;
    Section s(kind, std::move(label), std::move(text));
    s.page = page;
    s.area = area;
    out.push_back(std::move(s));
}

// XMP is XML: its text content (titles, authors, descriptions) is what may name people. Tags
// become spaces, runs of white space one space; no regex, so a huge packet costs linear time.
std::string xmp_text(const std::string& xml) {
    std::string out;
    out.reserve(xml.size() / 2);
    bool in_tag = false, space = false;
    for (char c : xml) {
        if (c == '<') in_tag = true;
        const bool white = in_tag || c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (c == '>') in_tag = false;
        if (white) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// A page's crop box and rotation, for turning an annotation's /Rect (default user space) into
// the page as it is shown: origin top left, y down, /Rotate applied, as the words' boxes are.
struct Frame {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int rotate = 0;

    Box shown(QPDFObjectHandle rect) const {
        if (!rect.isRectangle()) return {};
        const auto r = rect.getArrayAsRectangle();
        const double w = x1 - x0, h = y1 - y0;
        auto map = [&](double x, double y) {
            const double u = x - x0, v = y - y0; // from the crop box's lower left corner
            switch (rotate) {
            case 90:
                return std::pair{v, u};
            case 180:
                return std::pair{w - u, v};
            case 270:
                return std::pair{h - v, w - u};
            default:
                return std::pair{u, h - v};
            }
        };
        const auto [ax, ay] = map(r.llx, r.lly);
        const auto [bx, by] = map(r.urx, r.ury);
        return Box{std::min(ax, bx), std::min(ay, by), std::max(ax, bx), std::max(ay, by)};
    }
};

Frame frame_of(QPDFPageObjectHelper& page) {
    Frame f;
    QPDFObjectHandle box = page.getCropBox();
    if (box.isRectangle()) {
        const auto r = box.getArrayAsRectangle();
        f.x0 = std::min(r.llx, r.urx);
        f.x1 = std::max(r.llx, r.urx);
        f.y0 = std::min(r.lly, r.ury);
        f.y1 = std::max(r.lly, r.ury);
    }
    QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
    if (rotate.isInteger()) f.rotate = static_cast<int>(((rotate.getIntValue() % 360) + 360) % 360);
    if (f.rotate % 90 != 0) f.rotate = 0;
    return f;
}

// A field's attribute, inherited from its ancestors (PDF 32000 12.7.4.1).
QPDFObjectHandle inherited(QPDFObjectHandle field, const char* key) {
    std::set<QPDFObjGen> seen;
    for (int depth = 0; field.isDictionary() && depth < max_tree_depth; ++depth) {
        if (field.hasKey(key)) return field.getKey(key);
        if (field.isIndirect() && !seen.insert(field.getObjGen()).second) break;
        field = field.getKey("/Parent");
    }
    return QPDFObjectHandle::newNull();
}

// "parent.child.name" from the partial names (/T) up the tree, each decoded.
std::string full_name(QPDFObjectHandle field) {
    std::vector<std::string> parts;
    std::set<QPDFObjGen> seen;
    for (int depth = 0; field.isDictionary() && depth < max_tree_depth; ++depth) {
        if (field.isIndirect() && !seen.insert(field.getObjGen()).second) break;
        if (std::string t = text_of(field.getKey("/T")); !t.empty()) parts.push_back(t);
        field = field.getKey("/Parent");
    }
    std::string name;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it)
        name += (name.empty() ? "" : ".") + *it;
    return name;
}

// A field's value as text: a text field's string, a choice field's selected items; buttons and
// signatures hold no one's words.
std::string field_value(QPDFObjectHandle field) {
    QPDFObjectHandle value = inherited(field, "/V");
    if (value.isString()) return text_of(value);
    std::string out;
    if (value.isArray())
        for (QPDFObjectHandle item : value.aitems())
            if (std::string t = text_of(item); !t.empty()) out += (out.empty() ? "" : "\n") + t;
    return out;
}

class ExtrasReader {
  public:
    ExtrasReader(QPDF& pdf, const Limits& limits, const std::function<void()>& check_budget)
        : pdf_(pdf), limits_(limits), check_budget_(check_budget) {}

    PdfExtras read() {
        part("the Info dictionary", [&] { info(); });
        part("the XMP metadata", [&] { xmp(); });
        part("the outline", [&] { outline(); });
        part("annotations and form fields", [&] { pages(); });
        part("form fields not shown on a page", [&] { unshown_fields(); });
        part("embedded files", [&] { embedded_files(); });
        return std::move(out_);
    }

  private:
    // One part of the file: a damaged part is listed as not read, the others still are.
    template <typename F> void part(const char* what, F&& read_part) {
        try {
            read_part();
        } catch (const Cancelled&) {
            throw;
        } catch (const RecordError&) {
            throw; // the time budget
        } catch (const std::exception& e) {
            out_.unread.push_back(std::string(what) + " (damaged: " + e.what() + ")");
        }
    }

    void info() {
        QPDFObjectHandle dict = pdf_.getTrailer().getKey("/Info");
        if (!dict.isDictionary()) return;
        for (const auto& [key, value] : dict.ditems())
            add(out_.sections, SectionKind::Metadata, "Info " + decode_pdf_text(key.substr(1)),
                text_of(value));
    }

    void xmp() {
        QPDFObjectHandle stream = pdf_.getRoot().getKey("/Metadata");
        if (!stream.isStream()) return;
        bool too_large = false;
        std::string bytes = pdf_stream_bytes(stream, limits_.pdf_stream_bytes, too_large);
        if (too_large) {
            out_.unread.push_back("the XMP metadata (larger than " +
                                  std::to_string(limits_.pdf_stream_bytes >> 20) +
                                  " MiB, limits.pdf_stream_bytes)");
            return;
        }
        add(out_.sections, SectionKind::Metadata, "XMP metadata", xmp_text(decode_text(bytes)));
    }

    void outline() {
        QPDFObjectHandle root = pdf_.getRoot().getKey("/Outlines");
        if (!root.isDictionary()) return;
        std::string titles;
        std::set<QPDFObjGen> seen;
        std::size_t count = 0;
        // Depth first with an explicit stack: siblings by /Next, children by /First.
        std::vector<std::pair<QPDFObjectHandle, int>> stack{{root.getKey("/First"), 0}};
        while (!stack.empty()) {
            auto [item, depth] = stack.back();
            stack.pop_back();
            if (!item.isDictionary() || depth > max_tree_depth) continue;
            if (item.isIndirect() && !seen.insert(item.getObjGen()).second) continue;
            if (++count > max_outline_items) {
                out_.unread.push_back("outline entries past the " +
                                      std::to_string(max_outline_items) + "th");
                break;
            }
            if (count % 1024 == 0) check_budget_();
            if (std::string title = text_of(item.getKey("/Title")); !blank(title))
                titles += title + "\n";
            stack.push_back({item.getKey("/Next"), depth});
            stack.push_back({item.getKey("/First"), depth + 1});
        }
        add(out_.sections, SectionKind::Metadata, "outline", titles);
    }

    void pages() {
        QPDFPageDocumentHelper helper(pdf_);
        int number = 0;
        std::size_t annotations = 0;
        for (QPDFPageObjectHelper& page : helper.getAllPages()) {
            ++number;
            check_budget_();
            const Frame frame = frame_of(page);
            QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
            if (!annots.isArray()) continue;
            const std::string where = " p" + std::to_string(number);
            for (QPDFObjectHandle annot : annots.aitems()) {
                if (!annot.isDictionary()) continue;
                if (++annotations > max_annotations) {
                    out_.unread.push_back("annotations past the " +
                                          std::to_string(max_annotations) + "th");
                    return;
                }
                const Box area = frame.shown(annot.getKey("/Rect"));
                QPDFObjectHandle subtype = annot.getKey("/Subtype");
                if (subtype.isNameAndEquals("/Widget")) {
                    field(annot, number, where, area);
                } else if (!subtype.isNameAndEquals("/Popup") &&
                           !subtype.isNameAndEquals("/Link")) {
                    note(annot, number, where, area);
                }
            }
        }
    }

    void note(QPDFObjectHandle annot, int number, const std::string& where, const Box& area) {
        add(out_.sections, SectionKind::Annotation, "annotation" + where,
            text_of(annot.getKey("/Contents")), number, area);
        add(out_.sections, SectionKind::Annotation, "annotation author" + where,
            text_of(annot.getKey("/T")), number, area);
        add(out_.sections, SectionKind::Annotation, "annotation subject" + where,
            text_of(annot.getKey("/Subj")), number, area);
        if (annot.getKey("/Subtype").isNameAndEquals("/FileAttachment"))
            file_spec(annot.getKey("/FS"), "");
    }

    // A widget is the field itself (a field with one widget) or a kid of it.
    void field(QPDFObjectHandle widget, int number, const std::string& where, const Box& area) {
        QPDFObjectHandle f = widget;
        if (!f.hasKey("/T") && !f.hasKey("/FT") && f.getKey("/Parent").isDictionary())
            f = f.getKey("/Parent");
        if (f.isIndirect()) shown_fields_.insert(f.getObjGen());
        add(out_.sections, SectionKind::FormField, "form field" + where, field_value(f), number,
            area);
        add(out_.sections, SectionKind::FormField, "form field name" + where, full_name(f), number,
            area);
        add(out_.sections, SectionKind::FormField, "form field tooltip" + where,
            text_of(f.getKey("/TU")), number, area);
    }

    // Fields in the form that no page shows (no widget, or widgets on no page): their values
    // are in the file all the same.
    void unshown_fields() {
        QPDFObjectHandle fields = pdf_.getRoot().getKey("/AcroForm").getKeyIfDict("/Fields");
        if (!fields.isArray()) return;
        std::set<QPDFObjGen> seen;
        std::vector<std::pair<QPDFObjectHandle, int>> stack;
        for (QPDFObjectHandle f : fields.aitems())
            stack.push_back({f, 0});
        std::string values;
        std::size_t count = 0;
        while (!stack.empty()) {
            auto [f, depth] = stack.back();
            stack.pop_back();
            if (!f.isDictionary() || depth > max_tree_depth) continue;
            if (f.isIndirect() && !seen.insert(f.getObjGen()).second) continue;
            if (++count % 1024 == 0) check_budget_();
            if (count > max_annotations) break;
            QPDFObjectHandle kids = f.getKey("/Kids");
            if (kids.isArray()) {
                for (QPDFObjectHandle kid : kids.aitems())
                    stack.push_back({kid, depth + 1});
                continue;
            }
            if (f.isIndirect() && shown_fields_.count(f.getObjGen())) continue;
            QPDFObjectHandle parent = f.getKey("/Parent");
            if (!f.hasKey("/T") && parent.isIndirect() && shown_fields_.count(parent.getObjGen()))
                continue; // a widget of a field already read
            const std::string value = field_value(f);
            if (blank(value)) continue;
            const std::string name = full_name(f);
            values += (name.empty() ? "" : name + ": ") + value + "\n";
        }
        add(out_.sections, SectionKind::FormField, "form fields not on a page", values);
    }

    void embedded_files() {
        QPDFObjectHandle tree =
            pdf_.getRoot().getKeyIfDict("/Names").getKeyIfDict("/EmbeddedFiles");
        if (!tree.isDictionary()) return;
        // A name tree: /Names [key value key value...] in leaves, /Kids in the others.
        std::set<QPDFObjGen> seen;
        std::vector<std::pair<QPDFObjectHandle, int>> stack{{tree, 0}};
        while (!stack.empty()) {
            auto [node, depth] = stack.back();
            stack.pop_back();
            if (!node.isDictionary() || depth > max_tree_depth) continue;
            if (node.isIndirect() && !seen.insert(node.getObjGen()).second) continue;
            check_budget_();
            QPDFObjectHandle names = node.getKey("/Names");
            if (names.isArray())
                for (int i = 0; i + 1 < names.getArrayNItems(); i += 2)
                    file_spec(names.getArrayItem(i + 1), text_of(names.getArrayItem(i)));
            QPDFObjectHandle kids = node.getKey("/Kids");
            if (kids.isArray())
                for (QPDFObjectHandle kid : kids.aitems())
                    stack.push_back({kid, depth + 1});
        }
    }

    // One embedded file: its bytes become an attachment record (read like any file); its
    // description, which may name people, a metadata section.
    void file_spec(QPDFObjectHandle spec, const std::string& tree_name) {
        if (!spec.isDictionary()) return;
        if (spec.isIndirect() && !files_seen_.insert(spec.getObjGen()).second) return;
        std::string name = text_of(spec.getKey("/UF"));
        if (name.empty()) name = text_of(spec.getKey("/F"));
        if (name.empty()) name = tree_name;
        const std::string unique = names_.unique(name, "attachment-", "");
        add(out_.sections, SectionKind::Metadata, "attachment description " + unique,
            text_of(spec.getKey("/Desc")));
        QPDFObjectHandle stream = spec.getKeyIfDict("/EF").getKeyIfDict("/UF");
        if (!stream.isStream()) stream = spec.getKeyIfDict("/EF").getKeyIfDict("/F");
        if (!stream.isStream()) {
            out_.unread.push_back("embedded file " + unique + " (its content is missing)");
            return;
        }
        bool too_large = false;
        std::string bytes = pdf_stream_bytes(stream, limits_.pdf_attachment_bytes, too_large);
        if (too_large) {
            out_.unread.push_back("embedded file " + unique + " (larger than " +
                                  std::to_string(limits_.pdf_attachment_bytes >> 20) +
                                  " MiB, limits.pdf_attachment_bytes)");
            return;
        }
        out_.attachments.push_back({unique, {bytes.begin(), bytes.end()}});
    }

    QPDF& pdf_;
    const Limits& limits_;
    const std::function<void()>& check_budget_;
    PdfExtras out_;
    AttachmentNames names_;
    std::set<QPDFObjGen> shown_fields_, files_seen_;
};

} // namespace

PdfExtras read_pdf_structure(const std::vector<char>& data, const std::string& name,
                             const Limits& limits, const std::function<void()>& check_budget) {
    PdfStructure structure(data, name, limits, check_budget);
    if (!structure.usable()) {
        PdfExtras none;
        none.unread.push_back("metadata, outline, annotations, form fields and embedded files (" +
                              structure.problem() + ")");
        return none;
    }
    return ExtrasReader(structure.qpdf(), limits, check_budget).read();
}

} // namespace safesar::gather_detail
