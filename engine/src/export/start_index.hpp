// Many strings looked up in one haystack at once, at the places where each could start: the
// cost of a scan grows with the haystack and the places found, not with the number of strings.
// A string that starts with a word is looked up where a word starts, by that word; one that
// starts with other characters ("(0161", "£1,200") wherever those occur, by them and the word
// after; one with no word character at all ("***", rare) by a plain search.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace safesar::exporting {

bool is_word_char(char32_t c);

class StartIndex {
  public:
    void add(const std::string& text, std::size_t value);
    bool empty() const { return by_first_word_.empty() && by_lead_.empty() && no_word_.empty(); }

    // Calls `at(pos, values)` for each place in `h` where strings added may start: those whose
    // start (first word, or leading characters and the word after) is there. The caller compares
    // the whole string.
    void scan(const std::string& h,
              const std::function<void(std::size_t, const std::vector<std::size_t>&)>& at) const;

  private:
    using Table = std::unordered_map<std::string, std::vector<std::size_t>>;
    Table by_first_word_;
    std::unordered_map<std::size_t, Table> by_lead_; // by the byte length of the lead
    std::string lead_bytes_;                         // the first bytes leads start with
    std::vector<std::pair<std::string, std::size_t>> no_word_;
};

} // namespace safesar::exporting
