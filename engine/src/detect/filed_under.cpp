#include "filed_under.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

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

} // namespace

std::vector<std::string> numbers_filed_under(const std::vector<Record>& records) {
    std::map<std::string, std::set<std::string>> holders; // number -> top-level records
    for (const Record& r : records) {
        const std::string top = r.name.substr(0, r.name.find('#'));
        const std::size_t slash = r.name.find_last_of("/#");
        const std::string leaf = slash == std::string::npos ? r.name : r.name.substr(slash + 1);
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
    if (filed.empty()) return;
    for (Finding& f : findings) {
        if (f.owner.kind != Owner::Unknown ||
            (f.category != Category::Reference && f.category != Category::IdNumber &&
             f.category != Category::Financial))
            continue;
        const std::string d = digits_of(f.text);
        for (const std::string& n : filed)
            if (d.size() >= n.size() && d.size() - n.size() <= kLongerBy && d.starts_with(n)) {
                f.owner = Owner{Owner::Subject, -1, Role::Subject};
                f.facts |= kRequesterFile;
                f.rule += "; the number the case's records are filed under (in their names)";
                break;
            }
    }
}

} // namespace safesar
