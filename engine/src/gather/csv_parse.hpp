// Private: RFC 4180 tokenising of decoded CSV text into rows of cells.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace safesar::gather_detail {

struct CsvRow {
    std::vector<std::string> cells;
    std::size_t line = 0; // 1-based line of the file where the row starts, for messages
};

struct CsvTable {
    std::vector<CsvRow> rows; // the header row first; blank rows already left out
    char delimiter = ',';
    std::vector<std::string> warnings;
};

// Limits that keep a hostile file from turning 64 MiB of commas into gigabytes of cells.
inline constexpr std::size_t csv_max_columns = 4096;
inline constexpr std::size_t csv_max_rows = 200000;

// `text` is decoded UTF-8 with LF line ends (decode_text has removed the BOM and CRs).
// Quoted fields may hold delimiters, doubled quotes and newlines. Rows whose cells are all
// empty are dropped. Throws std::length_error past the limits above.
CsvTable csv_parse(std::string_view text);

} // namespace safesar::gather_detail
