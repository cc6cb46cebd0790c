#include "same_digits.hpp"

#include "core/phone_digits.hpp"
#include "core/utf8.hpp"

#include <algorithm>

namespace safesar {

namespace {

constexpr std::size_t kFewestDigits = 7; // as the verifier: shorter numbers are too common
constexpr std::size_t kShortestKey = 6;  // as the verifier, after the key drops its prefixes

bool is_digit(char32_t c) {
    return c >= U'0' && c <= U'9';
}

} // namespace

void SameDigits::add(const Finding& f) {
    if (f.owner.kind == Owner::Subject) return;
    if (f.category != Category::Reference && f.category != Category::IdNumber &&
        f.category != Category::Financial && f.category != Category::Phone)
        return;
    if (std::count_if(f.text.begin(), f.text.end(), [](char c) { return is_digit(c); }) <
        static_cast<std::ptrdiff_t>(kFewestDigits))
        return;
    // The verifier's own key: the digits without an international prefix, "44" or leading zeros.
    std::string key = phone_digits_key(f.text);
    if (key.size() < kShortestKey || values_.count(key)) return;
    if (std::find(lengths_.begin(), lengths_.end(), key.size()) == lengths_.end())
        lengths_.push_back(key.size());
    values_.emplace(std::move(key), f);
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
                // With the zeros the key dropped before it ("0" of "07700 ...").
                std::size_t first = s;
                while (first > 0 && digits[first - 1] == '0')
                    --first;
                const std::size_t b = at[first], e = at[s + n - 1] + 1;
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
        const std::size_t here = i;
        const char32_t cp = next_code_point(text, i);
        if (is_digit(cp)) {
            digits += static_cast<char>(cp);
            at.push_back(here);
        } else if (!digits.empty() && !joins_digits(cp)) {
            flush(); // a separator inside a number goes on; anything else ends it
        }
    }
    if (!digits.empty()) flush();
}

} // namespace safesar
