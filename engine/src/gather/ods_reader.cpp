// read_ods: an OpenDocument spreadsheet (.ods) streamed from content.xml. Every sheet, hidden
// ones too (a table style with table:display="false"), its rows under its column headings as
// for .xlsx, hidden rows and columns (table:visibility) read and flagged, cell comments
// (office:annotation), formulas as metadata beside their shown values, named ranges, document
// properties and the text of pictures. Repeated empty rows and columns (a sheet of a million
// blank rows is a few bytes) are never expanded.
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include "gather/block_writer.hpp"
#include "gather/document_parts.hpp"
#include "gather/embedded_parts.hpp"
#include "gather/odf_package.hpp"
#include "gather/office_zip.hpp"
#include "gather/sheet_builder.hpp"
#include "gather/xml.hpp"

#include <algorithm>
#include <memory>

namespace safesar {

namespace gather_detail {

namespace {

constexpr int max_columns = 16384;
constexpr int max_repeated_rows = 1000; // copies of one non-empty repeated row
constexpr int max_repeated_cells = 1024; // copies of one non-empty repeated cell

int repeat(const std::string& value, int cap) {
    const int n = value.empty() ? 1 : std::atoi(value.c_str());
    return std::clamp(n, 1, cap);
}

struct Cell {
    std::string text, formula, comment_author, comment;
};

// A cell's shown text (its paragraphs), comment and formula; the stream ends on the cell's
// closing tag.
Cell read_cell(XmlStream& xml) {
    Cell cell;
    cell.formula = xml.attr("formula");
    const std::string type = xml.attr("value-type");
    std::string value = xml.attr("value");
    if (type == "date") value = xml.attr("date-value");
    else if (type == "time") value = xml.attr("time-value");
    else if (type == "boolean") value = xml.attr("boolean-value");
    else if (type == "string") value = xml.attr("string-value");
    if (xml.empty_element()) {
        cell.text = value;
        return cell;
    }
    const int depth = xml.depth();
    int annotation_depth = -1, paragraph_depth = -1;
    std::string shown;
    while (xml.next()) {
        if (xml.depth() == depth && !xml.is_text()) break; // </table:table-cell>
        if (xml.is_start("annotation")) {
            if (!xml.empty_element()) annotation_depth = xml.depth();
            continue;
        }
        if (annotation_depth >= 0) {
            if (xml.is_end("annotation") && xml.depth() == annotation_depth) {
                annotation_depth = -1;
            } else if (xml.is_start("creator")) {
                cell.comment_author = xml.element_text();
            } else if (xml.is_start("date") || xml.is_start("creator-initials")) {
                xml.element_text();
            } else if (xml.is_start("p") && !cell.comment.empty()) {
                cell.comment += '\n';
            } else if (xml.is_text()) {
                cell.comment += xml.value();
            }
            continue;
        }
        if (xml.is_start("p") || xml.is_start("h")) {
            if (!shown.empty()) shown += '\n';
            if (!xml.empty_element()) paragraph_depth = xml.depth();
        } else if (paragraph_depth >= 0 && (xml.is_end("p") || xml.is_end("h")) &&
                   xml.depth() == paragraph_depth) {
            paragraph_depth = -1;
        } else if (paragraph_depth >= 0) {
            if (xml.is_text()) shown += xml.value();
            else if (xml.is_start("s")) shown.append(static_cast<std::size_t>(repeat(xml.attr("c"), 1000)), ' ');
            else if (xml.is_start("tab")) shown += '\t';
            else if (xml.is_start("line-break")) shown += '\n';
        }
    }
    cell.text = shown.empty() ? value : shown;
    return cell;
}

class OdsReader {
  public:
    OdsReader(ZipArchive& zip, const std::string& name, const GatherOptions& options)
        : zip_(zip), name_(name), options_(options) {}

    Record read(std::vector<Record>& attachments) {
        if (auto bytes = zip_.read("styles.xml")) {
            XmlDoc doc = xml_parse(*bytes, name_, "styles.xml");
            odf_read_styles(xml_child(xml_root(doc), "styles"), styles_);
            odf_read_styles(xml_child(xml_root(doc), "automatic-styles"), styles_);
        }
        Record record;
        record.name = name_;
        record.kind = RecordKind::Spreadsheet;
        record.mime_type = "application/vnd.oasis.opendocument.spreadsheet";
        HiddenCounts hidden;
        std::string names;
        const std::string content = zip_.read_required("content.xml");
        XmlStream xml(content, name_, "content.xml");
        std::unique_ptr<SheetBuilder> sheet;
        int sheets = 0, row_number = 0, column = 0, table_depth = -1;
        while (xml.next()) {
            if (xml.is_start("style")) {
                table_style_ = xml.attr("family") == "table" ? xml.attr("name") : std::string();
            } else if (xml.is_start("table-properties") && !table_style_.empty()) {
                if (xml.attr("display") == "false") styles_.hidden_tables.insert(table_style_);
                table_style_.clear();
            } else if (xml.is_start("table") && table_depth < 0) {
                throw_if_cancelled(options_.cancel);
                sheet = std::make_unique<SheetBuilder>(
                    ++sheets, xml.attr("name"), styles_.hidden_tables.count(xml.attr("style-name")) > 0);
                table_depth = xml.depth();
                row_number = 0;
                column = 0;
                if (xml.empty_element()) end_table(sheet, record, hidden, table_depth);
            } else if (sheet && xml.is_end("table") && xml.depth() == table_depth) {
                end_table(sheet, record, hidden, table_depth);
            } else if (sheet && xml.is_start("table-column")) {
                const int n = repeat(xml.attr("number-columns-repeated"), max_columns);
                const std::string visibility = xml.attr("visibility");
                for (int i = 0; i < n && column < max_columns; ++i, ++column)
                    if (visibility == "collapse" || visibility == "filter") sheet->hide_column(column);
            } else if (sheet && xml.is_start("table-row")) {
                row(xml, *sheet, row_number);
            } else if (xml.is_start("named-range")) {
                names += xml.attr("name") + " = " + xml.attr("cell-range-address") + "\n";
            } else if (xml.is_start("named-expression")) {
                names += xml.attr("name") + " = " + xml.attr("expression") + "\n";
            }
        }
        if (sheets == 0) throw RecordError(name_, "the spreadsheet holds no sheets");
        if (std::string caution = sheet_hidden_caution(hidden); !caution.empty())
            record.cautions.push_back(std::move(caution));
        if (!trim(names).empty())
            record.sections.push_back({SectionKind::Metadata, "defined names", trim(names)});
        EmbeddedParts embedded(name_, options_);
        for (const std::string& part : zip_.names())
            if (part.rfind("Pictures/", 0) == 0)
                if (auto bytes = zip_.read(part)) embedded.picture(part, *bytes);
        embedded.finish(record, attachments);
        odf_properties(zip_, name_, record.sections);
        if (std::any_of(zip_.names().begin(), zip_.names().end(), [](const std::string& n) {
                return n.rfind("Basic/", 0) == 0 && n.size() > 6;
            }))
            record.cautions.push_back(macro_caution);
        return record;
    }

  private:
    static void end_table(std::unique_ptr<SheetBuilder>& sheet, Record& record,
                          HiddenCounts& hidden, int& table_depth) {
        sheet->finish(record.sections, hidden);
        sheet.reset();
        table_depth = -1;
    }

    void row(XmlStream& xml, SheetBuilder& sheet, int& row_number) {
        const int repeated = std::atoi(xml.attr("number-rows-repeated").c_str());
        const std::string visibility = xml.attr("visibility");
        const bool hidden = visibility == "collapse" || visibility == "filter";
        std::vector<std::pair<int, std::string>> cells;
        if (!xml.empty_element()) {
            const int depth = xml.depth();
            int column = 0;
            while (xml.next() && !(xml.is_end("table-row") && xml.depth() == depth)) {
                if (!xml.is_start("table-cell") && !xml.is_start("covered-table-cell")) continue;
                const int n = repeat(xml.attr("number-columns-repeated"), max_columns);
                Cell cell = read_cell(xml);
                const std::string ref = column_letters(column) + std::to_string(row_number + 1);
                if (!cell.formula.empty()) sheet.formula(ref, cell.formula);
                if (!cell.comment.empty() || !cell.comment_author.empty())
                    sheet.comment(ref, cell.comment_author, cell.comment);
                if (!trim(cell.text).empty())
                    for (int i = 0; i < std::min(n, max_repeated_cells) && column + i < max_columns; ++i)
                        cells.push_back({column + i, cell.text});
                column = std::min(column + n, max_columns);
            }
        }
        // Repeated rows: an empty run is only skipped over; a run with text is written out, up to
        // a bound.
        const int copies = cells.empty() ? 0 : std::clamp(repeated, 1, max_repeated_rows);
        for (int i = 0; i < copies; ++i)
            sheet.row(row_number + 1 + i, hidden, cells);
        row_number += std::max(repeated, 1);
    }

    ZipArchive& zip_;
    const std::string& name_;
    const GatherOptions& options_;
    OdfStyles styles_;
    std::string table_style_;
};

} // namespace

Record ods_record(ZipArchive& zip, const std::string& name, const GatherOptions& options,
                  std::vector<Record>& attachments) {
    return OdsReader(zip, name, options).read(attachments);
}

} // namespace gather_detail

Record read_ods(const std::string& name, std::string_view bytes, const GatherOptions& options,
                std::vector<Record>& attachments) {
    gather_detail::ZipArchive zip(bytes, name);
    return gather_detail::ods_record(zip, name, options, attachments);
}

} // namespace safesar
