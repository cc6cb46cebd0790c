// A section's text folded for matching: lower case, diacritics removed (Zoë = Zoe, Łucja =
// Lucja), curly apostrophes straightened, soft hyphens and zero-width characters dropped,
// whitespace runs collapsed, and words broken by a hyphen at a line end joined (Hill-\nside).
// Every folded byte remembers where it came from, so matches map back to the original text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace safesar {

struct FoldedText {
    std::string text;                 // folded, ASCII where the original was Latin
    std::vector<std::uint32_t> from;  // original byte offset where each folded byte starts
    std::vector<std::uint32_t> to;    // original byte offset where it ends

    // Original byte span of folded bytes [b, e).
    std::size_t original_begin(std::size_t b) const { return from[b]; }
    std::size_t original_end(std::size_t e) const { return to[e - 1]; }
};

FoldedText fold_text(std::string_view original);

// Folds a short string (a name from request.json) the same way; no offsets.
std::string fold(std::string_view s);

// A word of folded text: letters and digits, with apostrophes inside (o'brien).
struct Token {
    std::size_t begin, end; // folded byte offsets
    std::string_view text;  // the word, possessive 's removed
    bool possessive = false;
};

std::vector<Token> tokenize(const FoldedText& folded);
std::vector<std::string> tokenize(std::string_view folded);

// A word of ASCII digits only, at least one ("0417", not "4a" or "").
bool all_digits(std::string_view word);

} // namespace safesar
