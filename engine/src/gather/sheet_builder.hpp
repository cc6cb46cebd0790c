// Private: a sheet of a workbook (.xlsx, .ods, .xls) turned into sections as its reader streams
// its rows: a Body section with the sheet's name as a heading; the first row with text as the
// column headings (a Row section marked TableHeader, fields labelled by column letter); every
// other row a Row section whose Fields are labelled by those headings, as CSV rows are, so that
// detection reads a column of names as names. Hidden sheets, rows and columns become hidden
// sections (detected, never disclosed), counted for the caution the workbook gets.
#pragma once

#include "safesar/document.hpp"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace safesar::gather_detail {

// "A", "B", ... "Z", "AA" for columns 0, 1, ... 25, 26.
std::string column_letters(int column);
// Column 0-based and row 1-based of a reference such as "B4"; {-1, -1} when it is not one.
std::pair<int, int> parse_cell_reference(std::string_view reference);

struct HiddenCounts {
    int sheets = 0, rows = 0, columns = 0;
};

// The caution a workbook gets for what it hides; empty when it hides nothing.
std::string sheet_hidden_caution(const HiddenCounts& hidden);

class SheetBuilder {
  public:
    // `number` is 1-based.
    SheetBuilder(int number, std::string name, bool hidden_sheet);

    void hide_column(int column);
    // Cells as (column, text), any order; empty texts are ignored. Rows come in order.
    void row(int row_number, bool hidden, std::vector<std::pair<int, std::string>> cells);
    void comment(const std::string& cell, const std::string& author, const std::string& text);
    // A page header or footer, printed with the sheet.
    void page_text(const std::string& text);
    void formula(const std::string& cell, const std::string& formula);

    // The sheet's sections onto `out`; its hidden parts counted in `hidden`.
    void finish(std::vector<Section>& out, HiddenCounts& hidden);

  private:
    Section row_section(const std::string& label,
                        const std::vector<std::pair<int, std::string>>& cells, bool labels_by_letter);
    std::string prefix() const { return "sheet " + std::to_string(number_); }

    int number_;
    std::string name_;
    bool hidden_sheet_;
    std::set<int> hidden_columns_;
    std::vector<std::pair<int, std::string>> headings_; // the table's columns and headings
    std::map<int, std::string> all_headings_;           // hidden columns' headings too
    bool have_headings_ = false;
    int title_rows_ = 0; // one-cell rows above the headings, read as the sheet's title
    std::vector<Section> rows_, comments_, page_texts_;
    std::vector<std::string> formulas_;
    int hidden_rows_ = 0;
    std::set<int> hidden_columns_used_;
};

} // namespace safesar::gather_detail
