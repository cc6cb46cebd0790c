// read_csv: a case-management export becomes one Row section per data row. Each row's text is
// "label: value" lines so detection sees every cell on its own with its column name beside it,
// and each cell's Field points at the value alone so export can redact inside a table cell.
#include "gather/csv_reader.hpp"
#include "gather/record_budget.hpp"

#include "gather/csv_parse.hpp"
#include "gather/text_decode.hpp"
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include <algorithm>
#include <stdexcept>

namespace safesar {
namespace gather_detail {
namespace {

// Ragged rows are reported one by one up to this many, then counted, so a badly broken file does
// not bury the other warnings.
constexpr std::size_t max_row_warnings = 10;

std::string column_name(std::size_t index) {
    return "column " + std::to_string(index + 1);
}

// Header cells become labels on one line each: trimmed, inner line breaks flattened, and an
// empty header cell named by its position.
std::vector<std::string> labels_of(const std::vector<std::string>& header) {
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string label = header[i];
        std::replace(label.begin(), label.end(), '\n', ' ');
        const auto first = label.find_first_not_of(" \t");
        const auto last = label.find_last_not_of(" \t");
        label = first == std::string::npos ? std::string{} : label.substr(first, last - first + 1);
        labels.push_back(label.empty() ? column_name(i) : label);
    }
    return labels;
}

Section row_section(std::size_t number, const std::vector<std::string>& labels,
                    const std::vector<std::string>& cells) {
    Section section;
    section.kind = SectionKind::Row;
    section.label = "row " + std::to_string(number);
    const std::size_t columns = std::max(labels.size(), cells.size());
    for (std::size_t i = 0; i < columns; ++i) {
        Field field;
        field.label = i < labels.size() ? labels[i] : column_name(i);
        section.text += field.label;
        section.text += ": ";
        field.begin = section.text.size();
        if (i < cells.size()) section.text += cells[i];
        field.end = section.text.size();
        section.text += '\n';
        section.fields.push_back(std::move(field));
    }
    return section;
}

} // namespace

Record csv_record_from_bytes(const std::string& bytes, const std::string& name,
                             const std::string& charset_hint) {
    auto decoded = text_decode_checked(bytes, charset_hint);
    if (!decoded.problem.empty()) throw RecordError(name, decoded.problem);

    CsvTable table;
    try {
        table = csv_parse(decoded.text);
    } catch (const std::length_error& e) {
        throw RecordError(name, std::string("CSV too large: ") + e.what());
    }
    if (table.rows.empty()) throw RecordError(name, "no rows: the CSV file holds only blank lines");

    Record record;
    record.name = name;
    record.kind = RecordKind::Csv;
    record.mime_type = "text/csv";
    record.warnings = std::move(table.warnings);

    const std::vector<std::string> labels = labels_of(table.rows.front().cells);
    std::size_t ragged = 0;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        std::vector<std::string>& cells = table.rows[r].cells;
        // "a,b,c," under a three-column header: a trailing empty cell carries nothing, and
        // many exporters write one, so it is dropped without a warning.
        while (cells.size() > labels.size() && cells.back().empty())
            cells.pop_back();
        if (cells.size() != labels.size()) {
            if (++ragged <= max_row_warnings) {
                record.warnings.push_back(
                    "row " + std::to_string(r) + " (line " + std::to_string(table.rows[r].line) +
                    ") has " + std::to_string(cells.size()) + " cells but the header has " +
                    std::to_string(labels.size()) +
                    (cells.size() > labels.size() ? ": extra cells labelled \"column N\""
                                                  : ": missing cells left empty"));
            }
        }
        record.sections.push_back(row_section(r, labels, cells));
    }
    if (ragged > max_row_warnings)
        record.warnings.push_back(std::to_string(ragged - max_row_warnings) +
                                  " more rows with a different number of cells than the header");
    if (record.sections.empty()) record.warnings.push_back("header row only, no data rows");
    return record;
}

} // namespace gather_detail

Record read_csv(const std::filesystem::path& file, const std::string& name,
                const GatherOptions& options) {
    Record record = gather_detail::csv_record_from_bytes(
        gather_detail::text_read_file(file, name,
                                      gather_detail::limits_of(options).text_file_bytes),
        name);
    record.path = file;
    return record;
}

} // namespace safesar
