#include "gather/sheet_builder.hpp"

#include "gather/block_writer.hpp"
#include "gather/document_parts.hpp"
#include "gather/office_zip.hpp"

#include <algorithm>
#include <map>

namespace safesar::gather_detail {

std::string column_letters(int column) {
    std::string out;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
    return out;
}

std::pair<int, int> parse_cell_reference(std::string_view reference) {
    std::size_t i = 0;
    long column = 0, row = 0;
    while (i < reference.size() && reference[i] == '$') ++i;
    const std::size_t letters = i;
    while (i < reference.size() && std::isalpha(static_cast<unsigned char>(reference[i])) &&
           i - letters < 4) {
        column = column * 26 + (std::toupper(static_cast<unsigned char>(reference[i])) - 'A' + 1);
        ++i;
    }
    if (i == letters) return {-1, -1};
    if (i < reference.size() && reference[i] == '$') ++i;
    const std::size_t digits = i;
    while (i < reference.size() && std::isdigit(static_cast<unsigned char>(reference[i])) &&
           i - digits < 8)
        row = row * 10 + (reference[i++] - '0');
    if (i == digits || i != reference.size()) return {-1, -1};
    return {static_cast<int>(column - 1), static_cast<int>(row)};
}

SheetBuilder::SheetBuilder(int number, std::string name, bool hidden_sheet)
    : number_(number), name_(std::move(name)), hidden_sheet_(hidden_sheet) {}

void SheetBuilder::hide_column(int column) {
    hidden_columns_.insert(column);
}

Section SheetBuilder::row_section(const std::string& label,
                                  const std::vector<std::pair<int, std::string>>& cells,
                                  bool labels_by_letter) {
    Section s;
    s.kind = SectionKind::Row;
    s.label = label;
    for (const auto& [column, value] : cells) {
        std::string field_label = column_letters(column);
        if (!labels_by_letter) {
            auto it = all_headings_.find(column);
            if (it != all_headings_.end() && !it->second.empty()) field_label = it->second;
            else field_label = "column " + field_label;
        }
        s.text += field_label + ": ";
        Field f{field_label, s.text.size(), 0};
        s.text += value;
        f.end = s.text.size();
        s.text += '\n';
        s.fields.push_back(std::move(f));
    }
    return s;
}

void SheetBuilder::row(int row_number, bool hidden,
                       std::vector<std::pair<int, std::string>> cells) {
    for (auto& [column, text] : cells) {
        text = clean_control_characters(std::move(text));
        std::replace(text.begin(), text.end(), '\n', ' ');
        text = trim(std::move(text));
    }
    std::erase_if(cells, [](const auto& c) { return c.first < 0 || c.second.empty(); });
    if (cells.empty()) return;
    std::sort(cells.begin(), cells.end());
    std::vector<std::pair<int, std::string>> shown, apart;
    for (auto& cell : cells)
        (hidden_columns_.count(cell.first) ? apart : shown).push_back(std::move(cell));
    const std::string where = prefix() + " row " + std::to_string(row_number);
    // The first row with text is the column headings (hidden columns' headings included, for
    // labelling their cells); every visible column from the first to the last heading is a
    // column of the table.
    // A sheet's title in one cell above the table ("Group B - Tuesday 16:00") is not the
    // table's headings: those are the first row with two cells or more. A lone cell of one or
    // two words ("Name") is a one-column table's heading.
    const bool title_row =
        !have_headings_ && !hidden && shown.size() == 1 && apart.empty() && title_rows_ < 2 &&
        std::count(shown.front().second.begin(), shown.front().second.end(), ' ') >= 2;
    if (title_row) {
        ++title_rows_;
        rows_.push_back(row_section(where + " (title)", shown, true));
        return;
    }
    const bool heading_row = !have_headings_ && !hidden;
    if (heading_row) {
        have_headings_ = true;
        for (const auto& cell : shown) all_headings_[cell.first] = cell.second;
        for (const auto& cell : apart) all_headings_[cell.first] = cell.second;
        if (!shown.empty()) {
            for (int c = shown.front().first; c <= shown.back().first; ++c)
                if (!hidden_columns_.count(c))
                    headings_.push_back({c, all_headings_.count(c) ? all_headings_[c] : ""});
            Section head = row_section(where + " (column headings)", headings_, true);
            head.blocks.push_back({TextBlock::Style::TableHeader, 0, 0, head.text.size()});
            rows_.push_back(std::move(head));
        }
    } else if (!shown.empty()) {
        // Every column of the table, empty or not, so each cell sits under its heading; cells
        // beyond the headings follow, labelled by their letter.
        std::vector<std::pair<int, std::string>> full;
        for (const auto& heading : headings_) {
            const int column = heading.first; // clang 14 cannot capture a structured binding
            auto it = std::find_if(shown.begin(), shown.end(),
                                   [&](const auto& c) { return c.first == column; });
            full.push_back({column, it == shown.end() ? std::string() : it->second});
        }
        for (const auto& cell : shown)
            if (std::none_of(headings_.begin(), headings_.end(),
                             [&](const auto& h) { return h.first == cell.first; }))
                full.push_back(cell);
        Section s = row_section(where + (hidden ? " (hidden row)" : ""), full, false);
        s.hidden = hidden;
        if (hidden) ++hidden_rows_;
        rows_.push_back(std::move(s));
    }
    if (!apart.empty()) {
        for (const auto& cell : apart)
            hidden_columns_used_.insert(cell.first);
        Section s = row_section(where + " (hidden columns)", apart, heading_row);
        s.hidden = true;
        rows_.push_back(std::move(s));
    }
}

void SheetBuilder::comment(const std::string& cell, const std::string& author,
                           const std::string& text) {
    Section s = comment_section(prefix() + " comment on " + cell,
                               {{"Author", author}, {"Comment", text}});
    if (s.text.empty()) return;
    comments_.push_back(std::move(s));
}

void SheetBuilder::page_text(const std::string& text) {
    std::string clean = trim(clean_control_characters(text));
    if (clean.empty()) return;
    page_texts_.push_back({SectionKind::Body, prefix() + " page header or footer", clean});
}

void SheetBuilder::formula(const std::string& cell, const std::string& formula) {
    std::string clean = trim(clean_control_characters(formula));
    if (!clean.empty()) formulas_.push_back(cell + " = " + clean);
}

void SheetBuilder::finish(std::vector<Section>& out, HiddenCounts& hidden) {
    Section heading;
    heading.kind = SectionKind::Body;
    heading.label = prefix();
    heading.text = trim(clean_control_characters(name_));
    if (heading.text.empty()) heading.text = prefix();
    heading.blocks.push_back({TextBlock::Style::Heading, 2, 0, heading.text.size()});
    std::vector<Section> sheet;
    sheet.push_back(std::move(heading));
    for (Section& s : page_texts_) sheet.push_back(std::move(s));
    for (Section& s : rows_) sheet.push_back(std::move(s));
    for (Section& s : comments_) sheet.push_back(std::move(s));
    if (!formulas_.empty()) {
        std::string text;
        for (const std::string& f : formulas_) text += f + "\n";
        sheet.push_back({SectionKind::Metadata, prefix() + " formulas", trim(text)});
    }
    if (hidden_sheet_) {
        ++hidden.sheets;
        for (Section& s : sheet)
            if (s.kind != SectionKind::Metadata) s.hidden = true;
    } else {
        hidden.rows += hidden_rows_;
        hidden.columns += static_cast<int>(hidden_columns_used_.size());
    }
    for (Section& s : sheet)
        out.push_back(std::move(s));
    rows_.clear();
    comments_.clear();
    page_texts_.clear();
    formulas_.clear();
}

std::string sheet_hidden_caution(const HiddenCounts& h) {
    std::vector<std::string> parts;
    auto count = [&parts](int n, const char* one, const char* many) {
        if (n > 0) parts.push_back(std::to_string(n) + " " + (n == 1 ? one : many));
    };
    count(h.sheets, "sheet", "sheets");
    count(h.rows, "row", "rows");
    count(h.columns, "column", "columns");
    if (parts.empty()) return {};
    std::string list;
    for (std::size_t i = 0; i < parts.size(); ++i)
        list += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return "the workbook hides " + list +
           "; what they hold is not disclosed: check them in the original";
}

} // namespace safesar::gather_detail
