#include "export/start_index.hpp"

#include "core/utf8.hpp"

#include <unicode/uchar.h>

namespace safesar::exporting {

bool is_word_char(char32_t c) {
    return c == U'_' || u_isalnum(static_cast<UChar32>(c));
}

namespace {
// The end of the run of word characters that starts at `pos`.
std::size_t word_end(const std::string& s, std::size_t pos) {
    while (pos < s.size()) {
        std::size_t next = pos;
        if (!is_word_char(next_code_point(s, next))) break;
        pos = next;
    }
    return pos;
}
} // namespace

void StartIndex::add(const std::string& text, std::size_t value) {
    std::size_t lead = 0; // the non-word characters it starts with, in bytes
    while (lead < text.size()) {
        std::size_t next = lead;
        if (is_word_char(next_code_point(text, next))) break;
        lead = next;
    }
    if (lead == text.size()) {
        no_word_.emplace_back(text, value);
        return;
    }
    const std::string key = text.substr(0, word_end(text, lead));
    if (lead == 0) {
        by_first_word_[key].push_back(value);
        return;
    }
    by_lead_[lead][key].push_back(value);
    if (lead_bytes_.find(text[0]) == std::string::npos) lead_bytes_ += text[0];
}

void StartIndex::scan(
    const std::string& h,
    const std::function<void(std::size_t, const std::vector<std::size_t>&)>& at) const {
    if (!by_first_word_.empty()) {
        bool in_word = false;
        for (std::size_t pos = 0; pos < h.size();) {
            const std::size_t start = pos;
            const bool word = is_word_char(next_code_point(h, pos));
            if (word && !in_word) {
                auto it = by_first_word_.find(h.substr(start, word_end(h, pos) - start));
                if (it != by_first_word_.end()) at(start, it->second);
            }
            in_word = word;
        }
    }
    // A lead's first byte is never a UTF-8 continuation byte, so where one occurs is a code
    // point boundary.
    if (!by_lead_.empty())
        for (std::size_t pos = h.find_first_of(lead_bytes_); pos != std::string::npos;
             pos = h.find_first_of(lead_bytes_, pos + 1))
            for (const auto& [lead, table] : by_lead_) {
                const std::size_t word = pos + lead;
                if (word >= h.size() || is_utf8_trail(h[word])) continue;
                auto it = table.find(h.substr(pos, word_end(h, word) - pos));
                if (it != table.end()) at(pos, it->second);
            }
    for (const auto& [text, value] : no_word_) {
        const std::vector<std::size_t> values = {value};
        for (std::size_t pos = h.find(text); pos != std::string::npos; pos = h.find(text, pos + 1))
            at(pos, values);
    }
}

} // namespace safesar::exporting
