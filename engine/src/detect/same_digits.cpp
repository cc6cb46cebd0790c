#include "same_digits.hpp"

#include <algorithm>

namespace safesar {

namespace {

constexpr std::size_t kFewestDigits = 7; // as the verifier: shorter numbers are too common

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// What may stand between the digits of one number, as the verifier reads it: white space,
// brackets, dots, dashes, slashes, a plus and a no-break space (UTF-8 C2 A0).
std::size_t joiner_length(const std::string& t, std::size_t at) {
    const char c = t[at];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' || c == '.' ||
        c == '-' || c == '/' || c == '+')
        return 1;
    if (static_cast<unsigned char>(c) == 0xC2 && at + 1 < t.size() &&
        static_cast<unsigned char>(t[at + 1]) == 0xA0)
        return 2;
    return 0;
}

} // namespace

void SameDigits::add(const Finding& f) {
    if (f.owner.kind == Owner::Subject) return;
    if (f.category != Category::Reference && f.category != Category::IdNumber &&
        f.category != Category::Financial && f.category != Category::Phone)
        return;
    std::string digits;
    for (const char c : f.text)
        if (is_digit(c)) digits += c;
    if (digits.size() < kFewestDigits || values_.count(digits)) return;
    if (std::find(lengths_.begin(), lengths_.end(), digits.size()) == lengths_.end())
        lengths_.push_back(digits.size());
    values_.emplace(std::move(digits), f);
}

void SameDigits::find(const std::string& text, std::size_t record, std::size_t section,
                      const std::vector<std::pair<std::size_t, std::size_t>>& covered,
                      std::vector<Finding>& out) const {
    if (values_.empty()) return;
    std::size_t c = 0; // the first covered stretch that may reach the current run
    std::string digits;
    std::vector<std::size_t> at; // the byte of each digit of the run
    auto flush = [&] {
        // Each start in the run, each length a value has: a few lookups per digit.
        for (std::size_t s = 0; s < digits.size(); ++s)
            for (const std::size_t n : lengths_) {
                if (s + n > digits.size()) continue;
                const auto v = values_.find(digits.substr(s, n));
                if (v == values_.end()) continue;
                const std::size_t b = at[s], e = at[s + n - 1] + 1;
                while (c < covered.size() && covered[c].second <= b)
                    ++c;
                if (c < covered.size() && covered[c].first < e) continue; // found already
                Finding f = v->second;
                f.record = record;
                f.section = section;
                f.begin = b;
                f.end = e;
                f.text = text.substr(b, e - b);
                f.confidence = v->second.confidence * 0.9f;
                f.recogniser = "same-value";
                f.rule = "the same digits as a number found elsewhere in the case (" +
                         v->second.rule + ")";
                out.push_back(std::move(f));
                s += n - 1;
                break;
            }
        digits.clear();
        at.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        if (is_digit(text[i])) {
            digits += text[i];
            at.push_back(i);
            ++i;
        } else if (const std::size_t j = digits.empty() ? 0 : joiner_length(text, i); j > 0) {
            i += j; // a separator inside a number
        } else {
            if (!digits.empty()) flush();
            ++i;
        }
    }
    if (!digits.empty()) flush();
}

} // namespace safesar
