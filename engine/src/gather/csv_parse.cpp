// RFC 4180 tokeniser, lenient where real exports are sloppy: a quote inside an unquoted field is
// kept as a character, text after a closing quote is kept and reported, an unclosed quote takes
// the rest of the file into its cell (reported) rather than losing it.
#include "gather/csv_parse.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace safesar::gather_detail {
namespace {

// RFC 4180 says comma, but spreadsheets in some locales write ';' and some systems export tabs:
// take whichever of the three occurs most in the first line outside quotes, comma on a tie.
char sniff_delimiter(std::string_view text) {
    const auto first = text.find_first_not_of('\n'); // blank lines before the header
    text.remove_prefix(first == std::string_view::npos ? text.size() : first);
    std::array<std::size_t, 3> counts{};
    constexpr std::array<char, 3> candidates{',', ';', '\t'};
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        for (std::size_t i = 0; i < candidates.size(); ++i)
            if (c == candidates[i]) ++counts[i];
    }
    const auto best = std::max_element(counts.begin(), counts.end()); // first maximum: comma
    return candidates[static_cast<std::size_t>(best - counts.begin())];
}

bool blank(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& cell) {
        return cell.find_first_not_of(" \t") == std::string::npos;
    });
}

class Tokeniser {
  public:
    Tokeniser(std::string_view text, CsvTable& table) : text_(text), table_(table) {}

    void run() {
        while (pos_ < text_.size())
            read_row();
    }

  private:
    void read_row() {
        CsvRow row;
        row.line = line_;
        for (;;) {
            if (row.cells.size() == csv_max_columns)
                throw std::length_error("row at line " + std::to_string(row.line) +
                                        " has more than " + std::to_string(csv_max_columns) +
                                        " cells");
            row.cells.push_back(read_field(row.line));
            if (pos_ >= text_.size()) break;
            const char c = text_[pos_++];
            if (c == '\n') {
                ++line_;
                break;
            }
            // otherwise c is the delimiter: another field follows, even if empty
        }
        if (blank(row.cells)) return;
        if (table_.rows.size() == csv_max_rows + 1) // + 1: the header row
            throw std::length_error("more than " + std::to_string(csv_max_rows) + " rows");
        table_.rows.push_back(std::move(row));
    }

    // One field, leaving pos_ on the delimiter or newline that ends it (or at the end).
    std::string read_field(std::size_t row_line) {
        std::string cell;
        if (pos_ < text_.size() && text_[pos_] == '"') {
            ++pos_;
            bool closed = false;
            while (pos_ < text_.size()) {
                const char c = text_[pos_++];
                if (c == '"') {
                    if (pos_ < text_.size() && text_[pos_] == '"') {
                        cell.push_back('"');
                        ++pos_;
                        continue;
                    }
                    closed = true;
                    break;
                }
                if (c == '\n') ++line_;
                cell.push_back(c);
            }
            if (!closed) {
                table_.warnings.push_back("line " + std::to_string(row_line) +
                                          ": a quoted field is never closed; the rest of the "
                                          "file was read into one cell");
                return cell;
            }
            if (pos_ < text_.size() && !ends_field(text_[pos_]))
                table_.warnings.push_back("line " + std::to_string(row_line) +
                                          ": text after a closing quote kept in the cell");
        }
        while (pos_ < text_.size() && !ends_field(text_[pos_]))
            cell.push_back(text_[pos_++]);
        return cell;
    }

    bool ends_field(char c) const { return c == table_.delimiter || c == '\n'; }

    std::string_view text_;
    CsvTable& table_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

} // namespace

CsvTable csv_parse(std::string_view text) {
    CsvTable table;
    table.delimiter = sniff_delimiter(text);
    Tokeniser(text, table).run();
    return table;
}

} // namespace safesar::gather_detail
