// Finding redacted strings in extracted text the way a reader (or the evaluation) would:
// NFKC, case-folded, zero-width characters and soft hyphens removed, curly apostrophes as ',
// whitespace collapsed, on word boundaries (Lee is not in Leeds, Zoe is in Zoe's), words broken
// by a hyphen at a line end read joined. Phone-like strings (7 digits or more) match on their
// digits alone, wherever the separators and line breaks fall.
#pragma once

#include "export/start_index.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace safesar::exporting {

// NFKC + case fold + the character clean-up above; line breaks kept, whitespace not collapsed.
std::string fold_text(std::string_view utf8);
// fold_text, then whitespace runs as one space, trimmed.
std::string normalise(std::string_view utf8);
std::size_t count_digits(std::string_view text);

struct Needle {
    std::string text;   // normalised; empty when matched by digits
    std::string digits; // phone_digits_key; empty when matched by text
};

struct IdCount {
    std::size_t id = 0, count = 0;
};

// Every needle at once: a haystack is scanned once, word start by word start. The cost of a
// search is proportional to the haystack and the hits, never to the number of needles: the
// verifier searches every page of a bundle for every redacted string.
class NeedleSet {
  public:
    // Returns false (and adds nothing) for strings too short to search (< 3 characters).
    // `by_digits`: a string of 7 digits or more is matched on its digits alone, as a phone
    // number is. Off for a record's name, title or date: "letter-2025-06-25.pdf" is not the
    // number 20250625, and a message's attachment shares the message's date.
    bool add(std::string_view redacted_text, std::size_t id, bool by_digits = true);
    std::size_t size() const { return needles_.size(); }

    // Ids of needles found in `raw_text`; `digits` also tries the digit needles.
    std::vector<std::size_t> find(std::string_view raw_text, bool digits) const;

    // How often each id found occurs in `raw_text`, by id (ids not found are left out).
    // `masked`: with the fixed text and the titles masked out, as for output; else as it is,
    // as for the kept text of the records.
    std::vector<IdCount> count(std::string_view raw_text, bool digits, bool masked) const;

    // Text SafeSAR wrote itself. Where one of these strings occurs whole in a haystack, a needle
    // inside it is not a leak ("Law" in "The law that allows us..."); everywhere else it is.
    // Only strings that contain a needle are kept, so the usual case costs nothing.
    void set_fixed_text(const std::vector<std::string>& texts);
    // Record titles and dates: printed many times (every page's heading), so they are masked
    // when counting (see count), but not when looking for a string policy kept nowhere.
    void set_titles(const std::vector<std::string>& texts);

  private:
    // A hit is a needle's index, once per occurrence.
    using Hits = std::vector<std::size_t>;
    // Strings masked out of a haystack wherever they occur, as std::string::find would find
    // them, through an index of their first `prefix` bytes (one lookup per byte of haystack).
    struct Masks {
        std::vector<std::string> texts;
        std::size_t prefix = 0;
        std::unordered_map<std::string, std::vector<std::size_t>> by_prefix;
    };
    void find_text(const std::string& haystack, Hits& hits) const;
    void count_digits_in(const std::string& folded, Hits& hits) const;
    Masks masks_for(const std::vector<std::string>& texts) const;
    static void apply_masks(std::string& text, const Masks& masks);
    std::vector<IdCount> by_id(Hits hits) const;
    std::vector<Needle> needles_;
    std::vector<std::size_t> ids_;
    StartIndex starts_;                                                       // the text needles
    std::unordered_map<std::string, std::vector<std::size_t>> digit_needles_; // by phone_digits_key
    std::vector<std::size_t> digit_lengths_; // the lengths of those keys, each once
    Masks masks_;                            // normalised fixed text that holds a needle
    Masks title_masks_;                      // normalised titles that hold a needle
};

} // namespace safesar::exporting
