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
#include <cctype>
#include <map>
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

// A row's width without the empty cells some exporters write at its end.
std::size_t width(const std::vector<std::string>& cells) {
    std::size_t n = cells.size();
    while (n > 0 && cells[n - 1].empty())
        --n;
    return n;
}

// A report's title line, not a header a data row is wider than (commas in unquoted notes make
// rows ragged): its cells say what the report is ("Page 1 of 2", "Printed 03/03 by ...") or run
// to more words than a column's heading does.
bool title_like(const std::vector<std::string>& cells) {
    std::size_t words = 0, filled = 0;
    for (const std::string& c : cells) {
        if (c.empty()) continue;
        ++filled;
        std::string lower(c);
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char x) { return static_cast<char>(std::tolower(x)); });
        if (lower.starts_with("page ") || lower.starts_with("printed") ||
            lower.find(" report") != std::string::npos)
            return true;
        words += static_cast<std::size_t>(std::count(c.begin(), c.end(), ' ')) + 1;
    }
    return filled > 0 && words > 2 * filled;
}

// Where a report's table starts. A report printed to CSV opens with title lines ("Class register
// report, Printed 03/03 by ..., Page 1 of 2") narrower than its table, then the header: the first
// of the opening rows as wide as most rows are. Reading the title as the header would label every
// cell with the title's words and hide what each column holds. 0 for a plain CSV.
std::size_t header_row(const CsvTable& table) {
    constexpr std::size_t kMaxTitleLines = 5;
    if (table.rows.size() < 3) return 0;
    std::map<std::size_t, std::size_t> widths; // width -> rows
    for (std::size_t r = 1; r < table.rows.size(); ++r)
        ++widths[width(table.rows[r].cells)];
    const std::size_t usual =
        std::max_element(widths.begin(), widths.end(), [](const auto& a, const auto& b) {
            return a.second < b.second;
        })->first;
    if (width(table.rows.front().cells) >= usual || !title_like(table.rows.front().cells)) return 0;
    for (std::size_t r = 1; r <= kMaxTitleLines && r + 1 < table.rows.size(); ++r)
        if (width(table.rows[r].cells) == usual) return r;
    return 0;
}

// A cell that holds a value, not a column's heading: a date ("03/02/2025", "2025-02-03"), a
// time ("09:14"), a number of seven digits or more (a phone, an account), or six words or more
// (a note).
bool data_like(const std::string& cell) {
    std::size_t digits = 0, run = 0, longest = 0, words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const auto c = static_cast<unsigned char>(cell[i]);
        if (std::isdigit(c)) {
            ++digits;
            longest = std::max(longest, ++run);
        } else {
            run = 0;
        }
        const bool space = std::isspace(c) != 0;
        if (!space && !in_word) ++words;
        in_word = !space;
        // A date or a time: digits on both sides of '/', '-' or ':'.
        if ((c == '/' || c == ':' || c == '-') && i > 0 && i + 1 < cell.size() &&
            std::isdigit(static_cast<unsigned char>(cell[i - 1])) &&
            std::isdigit(static_cast<unsigned char>(cell[i + 1])))
            return true;
    }
    return longest >= 7 || words >= 6;
}

// A first row that is data: an export written without headings. Two of its cells hold values
// (one heading may hold a year or a number; two seldom do).
bool headerless(const std::vector<std::string>& first) {
    return std::count_if(first.begin(), first.end(), data_like) >= 2;
}

// Cells joined for a line of a report's title: "Class register report, Page 1 of 2".
std::string joined(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < width(cells); ++i) {
        if (i > 0) out += ", ";
        out += cells[i];
    }
    return out;
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

    // A report's title lines, and their repeats at the head of each printed page, are one
    // section of text; the header's repeats are left out.
    const std::size_t head = header_row(table);
    // With no headings, every row is data and the columns are named by their position: the
    // first row read as headings would become every row's labels, its values repeated before
    // each cell and never shown as the row they are.
    const bool no_header = head == 0 && headerless(table.rows.front().cells);
    const std::vector<std::string> labels =
        no_header ? labels_of(std::vector<std::string>(table.rows.front().cells.size()))
                  : labels_of(table.rows[head].cells);
    if (no_header)
        record.warnings.push_back(
            "the first row holds values, not column headings: every row is read as data and "
            "the columns are named by their position");
    Section title;
    title.kind = SectionKind::Body;
    title.label = "report title";
    auto title_line = [&](const CsvRow& row) {
        title.text += joined(row.cells);
        title.text += '\n';
    };
    for (std::size_t r = 0; r < head; ++r)
        title_line(table.rows[r]);
    std::size_t ragged = 0;
    for (std::size_t r = no_header ? 0 : head + 1; r < table.rows.size(); ++r) {
        std::vector<std::string>& cells = table.rows[r].cells;
        if (head > 0 && cells == table.rows[head].cells) continue;
        if (head > 0 && !cells.empty() && cells.front() == table.rows.front().cells.front() &&
            width(cells) != labels.size()) {
            title_line(table.rows[r]);
            continue;
        }
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
        record.sections.push_back(row_section(no_header ? r + 1 : r - head, labels, cells));
    }
    const bool titled = !title.text.empty();
    if (titled) record.sections.insert(record.sections.begin(), std::move(title));
    if (ragged > max_row_warnings)
        record.warnings.push_back(std::to_string(ragged - max_row_warnings) +
                                  " more rows with a different number of cells than the header");
    if (!no_header && record.sections.size() == (titled ? 1u : 0u))
        record.warnings.push_back("header row only, no data rows");
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
