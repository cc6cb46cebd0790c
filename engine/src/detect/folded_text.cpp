#include "folded_text.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace safesar {

namespace {

// Folding one code point with ICU is slow; case notes use few distinct letters, so cache.
class LetterFolder {
  public:
    LetterFolder() {
        UErrorCode status = U_ZERO_ERROR;
        translit_.reset(icu::Transliterator::createInstance(
            "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) translit_.reset();
    }

    const std::string& fold(UChar32 cp) {
        auto it = cache_.find(cp);
        if (it != cache_.end()) return it->second;
        icu::UnicodeString u(cp);
        if (translit_) translit_->transliterate(u);
        else u.foldCase();
        std::string out;
        u.toUTF8String(out);
        return cache_.emplace(cp, std::move(out)).first->second;
    }

  private:
    std::unique_ptr<icu::Transliterator> translit_;
    std::unordered_map<UChar32, std::string> cache_;
};

LetterFolder& folder() {
    thread_local LetterFolder f;
    return f;
}

bool is_invisible(UChar32 cp) {
    return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}
bool is_apostrophe(UChar32 cp) {
    return cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x0060 || cp == 0x00B4;
}
bool is_dash(UChar32 cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

UChar32 peek(std::string_view s, std::size_t i) {
    if (i >= s.size()) return -1;
    UChar32 cp;
    int32_t j = static_cast<int32_t>(i);
    U8_NEXT(s.data(), j, static_cast<int32_t>(s.size()), cp);
    return cp;
}

// After a dash at `i` (of length `len`): is this a word broken at a line end, and where does
// the rest of the word start? Spaces may sit either side of the newline.
bool line_end_break(std::string_view s, std::size_t after, std::size_t& resume) {
    std::size_t j = after;
    bool newline = false;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n')) {
        if (s[j] == '\n') newline = true;
        ++j;
    }
    if (!newline) return false;
    UChar32 next = peek(s, j);
    if (next < 0 || !u_islower(next)) return false; // Smith-\nJones keeps its hyphen
    resume = j;
    return true;
}

} // namespace

FoldedText fold_text(std::string_view s) {
    FoldedText out;
    out.text.reserve(s.size());
    out.from.reserve(s.size());
    out.to.reserve(s.size());
    auto emit_char = [&](char ch, std::size_t b, std::size_t e) {
        out.text.push_back(ch);
        out.from.push_back(static_cast<std::uint32_t>(b));
        out.to.push_back(static_cast<std::uint32_t>(e));
    };
    auto emit = [&](std::string_view piece, std::size_t b, std::size_t e) {
        for (char ch : piece) emit_char(ch, b, e);
    };
    bool last_space = true;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t begin = i;
        // Plain ASCII letters, digits and punctuation: the common case, no ICU.
        if (const unsigned char b = static_cast<unsigned char>(s[i]);
            b < 0x80 && b != '-' && b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != '\f' &&
            b != '\v') {
            emit_char(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b), begin, begin + 1);
            last_space = false;
            ++i;
            continue;
        }
        UChar32 cp;
        int32_t j = static_cast<int32_t>(i);
        U8_NEXT(s.data(), j, static_cast<int32_t>(s.size()), cp);
        i = static_cast<std::size_t>(j);
        if (cp < 0) continue; // invalid byte: drop
        if (is_invisible(cp)) continue;
        if (u_isUWhiteSpace(cp) || cp == '\n' || cp == '\r' || cp == '\t') {
            // A run of white space is one space; a tab in it (a column break on a PDF page)
            // is kept as a tab, so words in different columns never read as one name.
            if (!last_space) emit(" ", begin, i);
            else if (cp == '\t' && !out.text.empty() && out.text.back() == ' ')
                out.text.back() = '\t';
            last_space = true;
            continue;
        }
        last_space = false;
        if (cp < 0x80) {
            char c = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
            if (is_dash(cp)) {
                std::size_t resume;
                if (!out.text.empty() && std::isalpha(static_cast<unsigned char>(out.text.back())) &&
                    line_end_break(s, i, resume)) {
                    i = resume; // join the two halves of the word
                    continue;
                }
            }
            emit(std::string_view(&c, 1), begin, i);
            continue;
        }
        if (is_apostrophe(cp)) {
            emit("'", begin, i);
            continue;
        }
        if (is_dash(cp)) {
            emit("-", begin, i);
            continue;
        }
        if (u_isalpha(cp)) {
            emit(folder().fold(cp), begin, i);
            continue;
        }
        // Other symbols and punctuation: kept as they are (they separate words).
        emit(s.substr(begin, i - begin), begin, i);
    }
    return out;
}

namespace {
// A byte fold_text() copies as it is (lowered): ASCII that is neither a dash nor white space.
bool plain_ascii(char c) {
    const auto b = static_cast<unsigned char>(c);
    return b < 0x80 && b != '-' && b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != '\f' &&
           b != '\v';
}
} // namespace

std::string fold(std::string_view s) {
    // Most strings folded one by one (word-list lines, short stretches of a section) are plain
    // ASCII words: their fold is their lower case, without the offsets fold_text() keeps.
    if (std::all_of(s.begin(), s.end(), plain_ascii)) {
        std::string out(s);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        return out;
    }
    return fold_text(s).text;
}

namespace {
// std::isalnum of a byte. Over a long text it is asked of every byte about three times below:
// there it is taken once for all 256 bytes (per call, so it follows the current locale as
// the calls did); a short text asks the library.
class WordChars {
  public:
    explicit WordChars(std::size_t text_size) : table_ready_(text_size >= 1024) {
        if (table_ready_)
            for (int c = 0; c < 256; ++c)
                table_[static_cast<std::size_t>(c)] = std::isalnum(c) != 0;
    }
    bool operator()(char c) const {
        const auto b = static_cast<unsigned char>(c);
        return table_ready_ ? table_[b] : std::isalnum(b) != 0;
    }

  private:
    bool table_ready_;
    std::array<bool, 256> table_{};
};
} // namespace

std::vector<Token> tokenize(const FoldedText& folded) {
    const WordChars word_char(folded.text.size());
    std::vector<Token> tokens;
    const std::string& t = folded.text;
    // Count the words first: a section of megabytes would otherwise copy its tokens ~20 times
    // as the vector grows, each copy into fresh pages.
    std::size_t words = 0;
    for (std::size_t i = 0; i < t.size(); ++i)
        words += word_char(t[i]) && (i == 0 || !word_char(t[i - 1]));
    tokens.reserve(words);
    std::size_t i = 0;
    while (i < t.size()) {
        if (!word_char(t[i])) {
            ++i;
            continue;
        }
        std::size_t b = i;
        while (i < t.size() && (word_char(t[i]) || (t[i] == '\'' && i + 1 < t.size() &&
                                                    word_char(t[i + 1]) && i > b)))
            ++i;
        Token tok{b, i, std::string_view(t).substr(b, i - b), false};
        // Possessives: Sarah's and James' both name Sarah and James.
        if (tok.text.size() > 2 && tok.text.substr(tok.text.size() - 2) == "'s") {
            tok.text.remove_suffix(2);
            tok.possessive = true;
        }
        if (i < t.size() && t[i] == '\'' && (i + 1 >= t.size() || !word_char(t[i + 1]))) {
            tok.possessive = tok.possessive || tok.text.back() == 's';
        }
        tokens.push_back(tok);
    }
    return tokens;
}

std::vector<std::string> tokenize(std::string_view folded) {
    FoldedText f;
    f.text = std::string(folded);
    f.from.assign(f.text.size(), 0);
    f.to.assign(f.text.size(), 0);
    std::vector<std::string> out;
    for (auto& tok : tokenize(f)) out.emplace_back(tok.text);
    return out;
}

bool all_digits(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

} // namespace safesar
