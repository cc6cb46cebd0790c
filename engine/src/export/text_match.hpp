// Finding redacted strings in extracted text the way a reader (or the evaluation) would:
// NFKC, case-folded, zero-width characters and soft hyphens removed, curly apostrophes as ',
// whitespace collapsed, on word boundaries (Lee is not in Leeds, Zoe is in Zoe's), words broken
// by a hyphen at a line end read joined. Phone-like strings (7 digits or more) match on their
// digits alone, wherever the separators and line breaks fall.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace safesar::exporting {

// NFKC + case fold + the character clean-up above; line breaks kept, whitespace not collapsed.
std::string fold_text(std::string_view utf8);
// fold_text, then whitespace runs as one space, trimmed.
std::string normalise(std::string_view utf8);
// The national number of a phone-like string: digits only, +44/0044 and leading zeros dropped.
std::string digits_key(std::string_view text);
std::size_t count_digits(std::string_view text);

struct Needle {
    std::string text;   // normalised; empty when matched by digits
    std::string digits; // digits_key; empty when matched by text
};

// Every needle at once: a haystack is scanned once, word start by word start.
class NeedleSet {
  public:
    // Returns false (and adds nothing) for strings too short to search (< 3 characters).
    bool add(std::string_view redacted_text, std::size_t id);
    std::size_t size() const { return needles_.size(); }

    // Ids of needles found in `raw_text`; `digits` also tries the digit needles.
    std::vector<std::size_t> find(std::string_view raw_text, bool digits) const;

    // How often each id occurs in `raw_text` (indexed by id; ids never added count 0).
    // `masked`: with the fixed text and the titles masked out, as for output; else as it is,
    // as for the kept text of the records.
    std::vector<std::size_t> count(std::string_view raw_text, bool digits, bool masked) const;

    // Text SafeSAR wrote itself. Where one of these strings occurs whole in a haystack, a needle
    // inside it is not a leak ("Law" in "The law that allows us..."); everywhere else it is.
    // Only strings that contain a needle are kept, so the usual case costs nothing.
    void set_fixed_text(const std::vector<std::string>& texts);
    // Record titles and dates: printed many times (every page's heading), so they are masked
    // when counting (see count), but not when looking for a string policy kept nowhere.
    void set_titles(const std::vector<std::string>& texts);

  private:
    void find_text(const std::string& haystack, std::vector<std::size_t>& hits) const;
    void count_digits_in(const std::string& folded, std::vector<std::size_t>& hits) const;
    std::vector<std::string> masks_for(const std::vector<std::string>& texts) const;
    static void apply_masks(std::string& text, const std::vector<std::string>& masks);
    std::vector<std::size_t> by_id(const std::vector<std::size_t>& hits) const;
    std::vector<Needle> needles_;
    std::vector<std::size_t> ids_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
    std::vector<std::size_t> odd_start_; // needles that start with a non-word character
    std::vector<std::size_t> digit_needles_;
    std::vector<std::string> masks_;       // normalised fixed text that holds a needle
    std::vector<std::string> title_masks_; // normalised titles that hold a needle
    std::size_t id_count_ = 0;
};

} // namespace safesar::exporting
