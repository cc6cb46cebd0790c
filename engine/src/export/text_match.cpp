#include "export/text_match.hpp"

#include "core/phone_digits.hpp"
#include "core/utf8.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

namespace safesar::exporting {

namespace {
bool is_word(char32_t c) {
    return c == U'_' || u_isalnum(static_cast<UChar32>(c));
}
bool is_space(char32_t c) {
    return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == U'\n';
}

char32_t code_point_before(const std::string& s, std::size_t pos) {
    if (pos == 0) return U' ';
    std::size_t start = floor_char_boundary(s, pos - 1);
    return next_code_point(s, start);
}

char32_t code_point_at(const std::string& s, std::size_t pos) {
    if (pos >= s.size()) return U' ';
    return next_code_point(s, pos);
}

std::string collapse_whitespace(std::string_view folded) {
    std::string out;
    bool space = false;
    for (std::size_t pos = 0; pos < folded.size();) {
        std::size_t start = pos;
        char32_t c = next_code_point(folded, pos);
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out.append(folded.substr(start, pos - start));
    }
    return out;
}

// "hill-\n  side" -> "hillside" (keep_hyphen: "hill-side"), as a line-end hyphen is read.
std::string join_line_end_hyphens(const std::string& folded, bool keep_hyphen) {
    std::string out;
    for (std::size_t pos = 0; pos < folded.size();) {
        if (folded[pos] == '-' && pos > 0 && is_word(code_point_before(folded, pos))) {
            std::size_t q = pos + 1;
            while (q < folded.size() && (folded[q] == ' ' || folded[q] == '\t'))
                ++q;
            if (q < folded.size() && (folded[q] == '\n' || folded[q] == '\r')) {
                if (folded[q] == '\r' && q + 1 < folded.size() && folded[q + 1] == '\n') ++q;
                ++q;
                std::size_t r = q;
                while (r < folded.size()) {
                    std::size_t next = r;
                    if (!is_space(next_code_point(folded, next))) break;
                    r = next;
                }
                if (r < folded.size() && is_word(code_point_at(folded, r))) {
                    if (keep_hyphen) out += '-';
                    pos = r;
                    continue;
                }
            }
        }
        out += folded[pos++];
    }
    return out;
}

// The forms of one text that needles are looked for in.
std::vector<std::string> variants(std::string_view raw) {
    std::string folded = fold_text(raw);
    std::vector<std::string> out = {collapse_whitespace(folded)};
    if (folded.find('-') != std::string::npos) {
        for (bool keep : {false, true}) {
            std::string v = collapse_whitespace(join_line_end_hyphens(folded, keep));
            if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
        }
    }
    return out;
}

// Digit runs as the evaluation reads them: digits joined by spaces, ( ) . - / + and NBSP.
std::vector<std::string> digit_runs(const std::string& text) {
    std::vector<std::string> runs;
    std::string current;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = next_code_point(text, pos);
        if (c >= U'0' && c <= U'9') {
            current += static_cast<char>(c);
        } else if (!current.empty() && joins_digits(c)) {
            continue; // a separator inside a run; a run cannot end on one
        } else if (!current.empty()) {
            runs.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) runs.push_back(std::move(current));
    return runs;
}
} // namespace

std::string fold_text(std::string_view utf8) {
    // ASCII is its own NFKC form: lower-casing is all the folding it needs (most of a PDF's
    // bytes, and much quicker than going through ICU).
    if (std::all_of(utf8.begin(), utf8.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string out(utf8);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_SUCCESS(status)) {
        icu::UnicodeString normalised = nfkc->normalize(u, status);
        if (U_SUCCESS(status)) u = normalised;
    }
    icu::UnicodeString cleaned;
    for (int32_t i = 0; i < u.length();) {
        UChar32 c = u.char32At(i);
        i += U16_LENGTH(c);
        switch (c) {
        case 0x00AD:
        case 0x200B:
        case 0x200C:
        case 0x200D:
        case 0x2060:
        case 0xFEFF:
            continue;
        case 0x2018:
        case 0x2019:
        case 0x02BC:
        case 0x2032:
            c = '\'';
            break;
        case 0x2010:
        case 0x2011:
            c = '-';
            break;
        default:
            break;
        }
        cleaned.append(c);
    }
    cleaned.foldCase();
    std::string out;
    cleaned.toUTF8String(out);
    return out;
}

std::string normalise(std::string_view utf8) {
    return collapse_whitespace(fold_text(utf8));
}

std::size_t count_digits(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

bool NeedleSet::add(std::string_view redacted_text, std::size_t id, bool by_digits) {
    Needle needle;
    // A number (a phone, an account, "Tel 0114 496 0000") is looked for by its digits, however
    // spaced; words with a date in them ("notice served 12/02/2026") by their words, or every
    // page that prints the date would read as a leak.
    const std::size_t digits = count_digits(redacted_text);
    const auto alnum = static_cast<std::size_t>(
        std::count_if(redacted_text.begin(), redacted_text.end(),
                      [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }));
    if (by_digits && digits >= 7 && digits * 10 >= alnum * 6) {
        needle.digits = phone_digits_key(redacted_text);
        if (needle.digits.size() < 6) needle.digits.clear();
    }
    if (!needle.digits.empty()) {
        digit_needles_[needle.digits].push_back(needles_.size());
        if (std::find(digit_lengths_.begin(), digit_lengths_.end(), needle.digits.size()) ==
            digit_lengths_.end())
            digit_lengths_.push_back(needle.digits.size());
        needles_.push_back(needle);
        ids_.push_back(id);
        return true;
    }
    bool added = false;
    for (const std::string& text : variants(redacted_text)) {
        if (count_code_points(text) < 3) continue;
        std::size_t index = needles_.size();
        needles_.push_back(Needle{text, {}});
        ids_.push_back(id);
        added = true;
        starts_.add(text, index);
    }
    return added;
}

namespace {
bool matches_at(const std::string& h, std::size_t pos, const std::string& n) {
    return h.compare(pos, n.size(), n) == 0 && !is_word(code_point_at(h, pos + n.size())) &&
           !is_word(code_point_before(h, pos));
}
} // namespace

void NeedleSet::find_text(const std::string& h, Hits& hits) const {
    starts_.scan(h, [&](std::size_t pos, const std::vector<std::size_t>& candidates) {
        for (std::size_t n : candidates)
            if (matches_at(h, pos, needles_[n].text)) hits.push_back(n);
    });
}

void NeedleSet::count_digits_in(const std::string& folded, Hits& hits) const {
    if (digit_needles_.empty()) return;
    // Every substring of a run with a needle's length is looked up: a few lengths, so linear.
    for (const std::string& run : digit_runs(folded))
        for (std::size_t start = 0; start < run.size(); ++start)
            for (std::size_t length : digit_lengths_) {
                if (start + length > run.size()) continue;
                auto it = digit_needles_.find(run.substr(start, length));
                if (it != digit_needles_.end())
                    hits.insert(hits.end(), it->second.begin(), it->second.end());
            }
}

NeedleSet::Masks NeedleSet::masks_for(const std::vector<std::string>& texts) const {
    Masks masks;
    for (const std::string& t : texts) {
        std::string n = normalise(t);
        if (n.empty()) continue;
        Hits hits;
        find_text(n, hits);
        count_digits_in(n, hits);
        if (!hits.empty()) masks.texts.push_back(std::move(n));
    }
    if (masks.texts.empty()) return masks;
    // Long enough to tell most masks apart, short enough that every mask has it.
    masks.prefix = 15; // within std::string's short-string buffer: no allocation per lookup
    for (const std::string& m : masks.texts)
        masks.prefix = std::min(masks.prefix, m.size());
    for (std::size_t m = 0; m < masks.texts.size(); ++m)
        masks.by_prefix[masks.texts[m].substr(0, masks.prefix)].push_back(m);
    return masks;
}

void NeedleSet::set_fixed_text(const std::vector<std::string>& texts) {
    masks_ = masks_for(texts);
}
void NeedleSet::set_titles(const std::vector<std::string>& texts) {
    title_masks_ = masks_for(texts);
}

// Each occurrence of a mask is filled with \x1F, the longest first, so that a string inside a
// longer one does not split it.
void NeedleSet::apply_masks(std::string& v, const Masks& masks) {
    if (masks.texts.empty() || v.size() < masks.prefix) return;
    std::vector<std::pair<std::size_t, std::size_t>> found; // position, mask
    for (std::size_t pos = 0; pos + masks.prefix <= v.size(); ++pos) {
        auto it = masks.by_prefix.find(v.substr(pos, masks.prefix));
        if (it == masks.by_prefix.end()) continue;
        for (std::size_t m : it->second)
            if (v.compare(pos, masks.texts[m].size(), masks.texts[m]) == 0)
                found.emplace_back(pos, m);
    }
    std::stable_sort(found.begin(), found.end(), [&](const auto& a, const auto& b) {
        return masks.texts[a.second].size() > masks.texts[b.second].size();
    });
    for (const auto& [pos, m] : found) {
        const auto begin = v.begin() + static_cast<std::ptrdiff_t>(pos);
        const auto end = begin + static_cast<std::ptrdiff_t>(masks.texts[m].size());
        if (std::find(begin, end, '\x1F') == end) std::fill(begin, end, '\x1F');
    }
}

std::vector<IdCount> NeedleSet::by_id(Hits hits) const {
    // Occurrences per needle, then per id the most any of its forms was found.
    std::sort(hits.begin(), hits.end());
    std::vector<IdCount> counts;
    for (std::size_t i = 0; i < hits.size();) {
        std::size_t j = i;
        while (j < hits.size() && hits[j] == hits[i])
            ++j;
        counts.push_back({ids_[hits[i]], j - i});
        i = j;
    }
    std::sort(counts.begin(), counts.end(), [](const IdCount& a, const IdCount& b) {
        return a.id != b.id ? a.id < b.id : a.count > b.count;
    });
    counts.erase(std::unique(counts.begin(), counts.end(),
                             [](const IdCount& a, const IdCount& b) { return a.id == b.id; }),
                 counts.end());
    return counts;
}

std::vector<std::size_t> NeedleSet::find(std::string_view raw_text, bool digits) const {
    Hits hits;
    std::vector<std::string> forms = variants(raw_text);
    for (std::string& v : forms) {
        apply_masks(v, masks_);
        find_text(v, hits);
    }
    if (digits) count_digits_in(forms.front(), hits);
    std::vector<std::size_t> ids;
    for (const IdCount& c : by_id(std::move(hits)))
        ids.push_back(c.id);
    return ids;
}

std::vector<IdCount> NeedleSet::count(std::string_view raw_text, bool digits, bool masked) const {
    // Counted in the plain form only: the joined-hyphen forms would count a word twice.
    Hits hits;
    std::string form = normalise(raw_text);
    if (masked) {
        apply_masks(form, masks_);
        apply_masks(form, title_masks_);
    }
    find_text(form, hits);
    if (digits) count_digits_in(form, hits);
    return by_id(std::move(hits));
}

} // namespace safesar::exporting
