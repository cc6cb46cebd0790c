// read_xlsx: an Excel workbook (.xlsx, .xlsm) read from its XML parts. Every sheet, hidden and
// very hidden ones too, in workbook order: its name, its rows (each a Row section under the
// sheet's column headings), its comments and notes, its printed headers and footers; each
// formula's cached value is the cell's text and the formula itself is metadata. Hidden sheets,
// rows and columns are read and flagged, never disclosed. Defined names, document properties
// and the text of pictures (by OCR) come too; embedded objects become attachment records.
// Worksheets and the shared strings are streamed, so a sheet of a million rows is read in
// bounded memory.
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include "gather/block_writer.hpp"
#include "gather/document_parts.hpp"
#include "gather/embedded_parts.hpp"
#include "gather/office_zip.hpp"
#include "gather/ooxml_package.hpp"
#include "gather/excel_values.hpp"
#include "gather/sheet_builder.hpp"
#include "gather/xml.hpp"

#include <cmath>
#include <cstdio>
#include <map>

namespace safesar {

namespace gather_detail {

namespace {

// The text of a rich-text string (<si>, <is>, <text>): its <t> runs, without the phonetic
// guides (<rPh>) that repeat them in another script. The stream ends on the element's close.
std::string rich_text(XmlStream& xml) {
    std::string out;
    if (xml.empty_element()) return out;
    const int start = xml.depth();
    int phonetic_depth = -1;
    bool in_t = false;
    while (xml.next()) {
        if (xml.depth() == start && !xml.is_text()) break;
        if (xml.is_start("rPh") && !xml.empty_element()) phonetic_depth = xml.depth();
        else if (phonetic_depth >= 0 && xml.is_end("rPh") && xml.depth() == phonetic_depth)
            phonetic_depth = -1;
        else if (xml.is_start("t") && !xml.empty_element()) in_t = true;
        else if (xml.is_end("t")) in_t = false;
        else if (in_t && phonetic_depth < 0 && xml.is_text()) out += xml.value();
    }
    return out;
}

class XlsxReader {
  public:
    XlsxReader(ZipArchive& zip, const std::string& name, const GatherOptions& options)
        : zip_(zip), name_(name), options_(options) {}

    Record read(std::vector<Record>& attachments) {
        const std::string main = ooxml_main_part(zip_, name_, "xl/workbook.xml");
        XmlDoc workbook = xml_parse(zip_.read_required(main), name_, main);
        const auto rels = ooxml_relationships(zip_, name_, main);
        const xmlNode* root = xml_root(workbook);
        const std::string date_system = xml_attr(xml_child(root, "workbookPr"), "date1904");
        date1904_ = date_system == "1" || date_system == "true";
        for (const Relationship& r : rels) {
            if (r.external) continue;
            if (r.type == "sharedStrings") shared_strings(r.target);
            if (r.type == "styles") styles(r.target);
        }

        Record record;
        record.name = name_;
        record.kind = RecordKind::Spreadsheet;
        record.mime_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        HiddenCounts hidden;
        int number = 0;
        for (const xmlNode* sheet : xml_children(xml_child(root, "sheets"), "sheet")) {
            throw_if_cancelled(options_.cancel);
            const std::string state = xml_attr(sheet, "state");
            SheetBuilder builder(++number, xml_attr(sheet, "name"),
                                 state == "hidden" || state == "veryHidden");
            const Relationship* r = ooxml_find(rels, xml_attr(sheet, "id"));
            if (r && !r->external && zip_.has(r->target)) worksheet(r->target, builder);
            builder.finish(record.sections, hidden);
        }
        if (number == 0) throw RecordError(name_, "the workbook lists no sheets");
        if (std::string caution = sheet_hidden_caution(hidden); !caution.empty())
            record.cautions.push_back(std::move(caution));

        std::string names;
        for (const xmlNode* n : xml_children(xml_child(root, "definedNames"), "definedName"))
            names += xml_attr(n, "name") + " = " + xml_text(n) + "\n";
        if (!trim(names).empty())
            record.sections.push_back({SectionKind::Metadata, "defined names", trim(names)});

        EmbeddedParts embedded(name_, options_);
        for (const std::string& part : zip_.names()) {
            if (part.rfind("xl/media/", 0) == 0) {
                if (auto bytes = zip_.read(part)) embedded.picture(part, *bytes);
            } else if (part.rfind("xl/embeddings/", 0) == 0) {
                if (auto bytes = zip_.read(part)) embedded.object(part, *bytes);
            }
        }
        embedded.finish(record, attachments);
        office_custom_xml(zip_, name_, record.sections);
        ooxml_properties(zip_, name_, record.sections);
        if (ooxml_has_macros(zip_) ||
            ooxml_content_type(zip_, name_, main).find("macroEnabled") != std::string::npos)
            record.cautions.push_back(macro_caution);
        return record;
    }

  private:
    void shared_strings(const std::string& part) {
        auto bytes = zip_.read(part);
        if (!bytes) return;
        XmlStream xml(*bytes, name_, part);
        while (xml.next())
            if (xml.is_start("si")) strings_.push_back(rich_text(xml));
    }

    void styles(const std::string& part) {
        auto bytes = zip_.read(part);
        if (!bytes) return;
        XmlDoc doc = xml_parse(*bytes, name_, part);
        std::map<int, bool> custom;
        for (const xmlNode* f : xml_children(xml_child(xml_root(doc), "numFmts"), "numFmt"))
            custom[std::atoi(xml_attr(f, "numFmtId").c_str())] =
                excel_custom_date_format(xml_attr(f, "formatCode"));
        for (const xmlNode* xf : xml_children(xml_child(xml_root(doc), "cellXfs"), "xf")) {
            const int id = std::atoi(xml_attr(xf, "numFmtId").c_str());
            auto it = custom.find(id);
            date_styles_.push_back(it != custom.end() ? it->second : excel_builtin_date_format(id));
        }
    }

    std::string cell_text(const std::string& type, const std::string& style,
                          const std::string& value, const std::string& inline_text) const {
        if (type == "s") {
            char* end = nullptr;
            const unsigned long index = std::strtoul(value.c_str(), &end, 10);
            return end != value.c_str() && index < strings_.size() ? strings_[index] : value;
        }
        if (type == "inlineStr") return inline_text;
        if (type == "b") return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
        if (type == "str" || type == "e" || type == "d") return value;
        if (value.empty()) return value;
        const std::size_t xf = style.empty() ? 0 : std::strtoul(style.c_str(), nullptr, 10);
        if (xf < date_styles_.size() && date_styles_[xf]) {
            std::string date = excel_date(std::strtod(value.c_str(), nullptr), date1904_);
            if (!date.empty()) return date;
        }
        char* end = nullptr;
        const double number = std::strtod(value.c_str(), &end);
        return end == value.c_str() || *end != '\0' ? value : excel_number(number);
    }

    void worksheet(const std::string& part, SheetBuilder& sheet) {
        auto bytes = zip_.read(part);
        if (!bytes) return;
        XmlStream xml(*bytes, name_, part);
        std::vector<std::pair<int, std::string>> cells;
        int row_number = 0, next_column = 0;
        bool row_hidden = false;
        auto end_row = [&] {
            sheet.row(row_number, row_hidden, std::move(cells));
            cells.clear();
        };
        while (xml.next()) {
            if (xml.is_start("col")) {
                if (xml.attr("hidden") == "1" || xml.attr("hidden") == "true") {
                    const int first = std::atoi(xml.attr("min").c_str());
                    const int last = std::min(std::atoi(xml.attr("max").c_str()), 16384);
                    for (int c = std::max(first, 1); c <= last; ++c)
                        sheet.hide_column(c - 1);
                }
            } else if (xml.is_start("row")) {
                const std::string r = xml.attr("r");
                row_number = r.empty() ? row_number + 1 : std::atoi(r.c_str());
                row_hidden = xml.attr("hidden") == "1" || xml.attr("hidden") == "true";
                next_column = 0;
                if (xml.empty_element()) end_row();
            } else if (xml.is_end("row")) {
                end_row();
            } else if (xml.is_start("c")) {
                const std::string ref = xml.attr("r");
                const int column = ref.empty() ? next_column : parse_cell_reference(ref).first;
                next_column = column + 1;
                const std::string type = xml.attr("t"), style = xml.attr("s");
                std::string value, inline_text;
                if (!xml.empty_element()) {
                    const int depth = xml.depth();
                    while (xml.next() && !(xml.is_end("c") && xml.depth() == depth)) {
                        if (xml.is_start("v")) value = xml.element_text();
                        else if (xml.is_start("is")) inline_text = rich_text(xml);
                        else if (xml.is_start("f")) {
                            std::string formula = xml.element_text();
                            if (!formula.empty())
                                sheet.formula(ref.empty() ? column_letters(column) : ref, formula);
                        }
                    }
                }
                cells.push_back({column, cell_text(type, style, value, inline_text)});
            } else if (xml.is_start("oddHeader") || xml.is_start("oddFooter") ||
                       xml.is_start("evenHeader") || xml.is_start("evenFooter") ||
                       xml.is_start("firstHeader") || xml.is_start("firstFooter")) {
                sheet.page_text(excel_header_footer_text(xml.element_text()));
            }
        }
        comments(part, sheet);
    }

    void comments(const std::string& sheet_part, SheetBuilder& sheet) {
        const auto rels = ooxml_relationships(zip_, name_, sheet_part);
        std::map<std::string, std::string> persons;
        for (const std::string& part : zip_.names()) {
            if (part.rfind("xl/persons/", 0) != 0) continue;
            auto bytes = zip_.read(part);
            if (!bytes) continue;
            XmlDoc doc = xml_parse(*bytes, name_, part);
            for (const xmlNode* p : xml_children(xml_root(doc), "person"))
                persons[xml_attr(p, "id")] = xml_attr(p, "displayName");
        }
        for (const Relationship& r : rels) {
            if (r.external) continue;
            if (r.type == "comments") {
                auto bytes = zip_.read(r.target);
                if (!bytes) continue;
                XmlDoc doc = xml_parse(*bytes, name_, r.target);
                std::vector<std::string> authors;
                for (const xmlNode* a : xml_children(xml_child(xml_root(doc), "authors"), "author"))
                    authors.push_back(xml_text(a));
                for (const xmlNode* c :
                     xml_children(xml_child(xml_root(doc), "commentList"), "comment")) {
                    const std::size_t author = std::strtoul(xml_attr(c, "authorId").c_str(), nullptr, 10);
                    sheet.comment(xml_attr(c, "ref"), author < authors.size() ? authors[author] : "",
                                  xml_text(xml_child(c, "text")));
                }
            } else if (r.type == "threadedComment") {
                auto bytes = zip_.read(r.target);
                if (!bytes) continue;
                XmlDoc doc = xml_parse(*bytes, name_, r.target);
                for (const xmlNode* c : xml_children(xml_root(doc), "threadedComment")) {
                    auto who = persons.find(xml_attr(c, "personId"));
                    sheet.comment(xml_attr(c, "ref"), who == persons.end() ? "" : who->second,
                                  xml_text(xml_child(c, "text")));
                }
            }
        }
    }

    ZipArchive& zip_;
    const std::string& name_;
    const GatherOptions& options_;
    std::vector<std::string> strings_;
    std::vector<bool> date_styles_;
    bool date1904_ = false;
};

} // namespace

Record xlsx_record(ZipArchive& zip, const std::string& name, const GatherOptions& options,
                   std::vector<Record>& attachments) {
    return XlsxReader(zip, name, options).read(attachments);
}

} // namespace gather_detail

Record read_xlsx(const std::string& name, std::string_view bytes, const GatherOptions& options,
                 std::vector<Record>& attachments) {
    gather_detail::ZipArchive zip(bytes, name);
    return gather_detail::xlsx_record(zip, name, options, attachments);
}

} // namespace safesar
