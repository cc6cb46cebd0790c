#include "filed_under.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <utility>

namespace safesar {

namespace {

constexpr std::size_t kShortest = 6; // shorter runs are dates' parts, years, page counts
constexpr std::size_t kLongerBy = 8; // check digits or a sub-account after the filed number

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string digits_of(const std::string& text) {
    std::string d;
    for (const char c : text)
        if (digit(c)) d += c;
    return d;
}

// The name of a record without its folders, and the top-level record it belongs to.
std::pair<std::string, std::string> leaf_and_top(const Record& r) {
    const std::size_t slash = r.name.find_last_of("/#");
    return {slash == std::string::npos ? r.name : r.name.substr(slash + 1),
            r.name.substr(0, r.name.find('#'))};
}

// A code's key: its letters in capitals and its digits, without joins.
std::string code_key(std::string_view text) {
    std::string k;
    for (const char c : text)
        if (std::isalnum(static_cast<unsigned char>(c)))
            k += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return k;
}

// The codes in a file name: runs of parts joined by '-', each part all capitals (a prefix, at
// most five letters) or holding a digit, with a letter and three digits among them. A
// lower-case word ("notes", "unit") ends a run; so do '_', '.' and spaces.
std::vector<std::string> codes_in(const std::string& leaf) {
    std::vector<std::string> out;
    const std::string stem = leaf.substr(0, leaf.rfind('.'));
    std::string key;
    std::size_t letters = 0, digits = 0;
    auto flush = [&] {
        if (letters > 0 && digits >= 3) out.push_back(key);
        key.clear();
        letters = digits = 0;
    };
    std::size_t i = 0;
    while (i <= stem.size()) {
        std::size_t e = i;
        while (e < stem.size() && std::isalnum(static_cast<unsigned char>(stem[e])))
            ++e;
        const std::string part = stem.substr(i, e - i);
        const auto n_digits = static_cast<std::size_t>(
            std::count_if(part.begin(), part.end(), [](char c) { return digit(c); }));
        const bool capitals =
            !part.empty() && part.size() <= 5 && std::all_of(part.begin(), part.end(), [](char c) {
                return std::isupper(static_cast<unsigned char>(c)) != 0;
            });
        if (n_digits > 0 || capitals) {
            key += code_key(part);
            digits += n_digits;
            letters += part.size() - n_digits;
        } else {
            flush();
        }
        if (e >= stem.size() || stem[e] != '-') flush();
        i = e + 1;
    }
    return out;
}

} // namespace

std::vector<std::string> codes_filed_under(const std::vector<Record>& records) {
    // Only files' own names: a code is also how a service names what it files about
    // someone else (her application, and the message that carried its attachment).
    std::map<std::string, std::set<std::string>> holders; // code -> files named with it
    for (const Record& r : records) {
        if (r.name.find('#') != std::string::npos) continue;
        for (const std::string& code : codes_in(leaf_and_top(r).first))
            holders[code].insert(r.name);
    }
    std::vector<std::string> out;
    for (const auto& [code, tops] : holders)
        if (tops.size() >= 2) out.push_back(code);
    return out;
}

std::vector<std::string> numbers_filed_under(const std::vector<Record>& records) {
    std::map<std::string, std::set<std::string>> holders; // number -> top-level records
    for (const Record& r : records) {
        const auto [leaf, top] = leaf_and_top(r);
        for (std::size_t i = 0; i < leaf.size();) {
            if (!digit(leaf[i])) {
                ++i;
                continue;
            }
            std::size_t e = i;
            while (e < leaf.size() && digit(leaf[e]))
                ++e;
            if (e - i >= kShortest) holders[leaf.substr(i, e - i)].insert(top);
            i = e;
        }
    }
    std::vector<std::string> out;
    for (const auto& [number, tops] : holders)
        if (tops.size() >= 2) out.push_back(number);
    return out;
}

void his_filed_numbers(const std::vector<Record>& records, std::vector<Finding>& findings) {
    const std::vector<std::string> filed = numbers_filed_under(records);
    const std::vector<std::string> codes = codes_filed_under(records);
    // A document's own codes, in the document itself: its own reference ("ticket-R-4410.html"
    // writes "Ticket R-4410"). A document disclosed to him is his record, and its reference
    // names that record, no one else; a document about someone else is withheld whole, its
    // reference with it. Not a message: its file name says what it is about or carries (her
    // application, by her code), as an attachment's does.
    std::vector<std::vector<std::string>> own(records.size());
    for (std::size_t ri = 0; ri < records.size(); ++ri) {
        const Record& r = records[ri];
        if (r.name.find('#') == std::string::npos && r.kind != RecordKind::Email)
            own[ri] = codes_in(leaf_and_top(r).first);
    }
    auto own_code = [&](const Finding& f) {
        if (f.record >= own.size() || f.category != Category::Reference) return false;
        const auto& mine = own[f.record];
        return std::find(mine.begin(), mine.end(), code_key(f.text)) != mine.end();
    };
    auto filed_code = [&](const Finding& f) {
        // The code itself, or a unit, plot or room it names ("Unit B204").
        const std::size_t space = f.text.find_last_of(' ');
        const std::string_view last = space == std::string::npos
                                          ? std::string_view(f.text)
                                          : std::string_view(f.text).substr(space + 1);
        return std::find(codes.begin(), codes.end(), code_key(f.text)) != codes.end() ||
               (f.category == Category::Address &&
                std::find(codes.begin(), codes.end(), code_key(last)) != codes.end());
    };
    auto filed_number = [&](const Finding& f) {
        const std::string d = digits_of(f.text);
        return std::any_of(filed.begin(), filed.end(), [&](const std::string& n) {
            return d.size() >= n.size() && d.size() - n.size() <= kLongerBy && d.starts_with(n);
        });
    };
    for (Finding& f : findings) {
        if (f.owner.kind != Owner::Unknown ||
            (f.category != Category::Reference && f.category != Category::IdNumber &&
             f.category != Category::Financial && f.category != Category::Address))
            continue;
        const char* what = filed_code(f)     ? "code the case's records are filed under"
                           : filed_number(f) ? "number the case's records are filed under"
                           : own_code(f)     ? "code this record is filed under"
                                             : nullptr;
        if (!what) continue;
        f.owner = Owner{Owner::Subject, -1, Role::Subject};
        f.facts |= kRequesterFile;
        f.rule += std::string("; the ") + what + " (in the file's name)";
    }
}

} // namespace safesar
