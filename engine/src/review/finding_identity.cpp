// Stable ids: what a finding is and where, never its byte offsets, so an edit elsewhere in a
// section or a new record does not move a reviewer's decision onto other text.
#include "detect/folded_text.hpp"
#include "review/sha256.hpp"
#include "safesar/review.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

namespace safesar {

namespace {
constexpr char separator = '\x1f'; // cannot occur in a record name or a label
std::string short_hash(const std::string& key) {
    return review::sha256_hex(key).substr(0, 16);
}
} // namespace

std::vector<std::string> finding_ids(const CaseScan& scan) {
    const auto& findings = scan.findings;
    std::vector<std::size_t> order(findings.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Finding &x = findings[a], &y = findings[b];
        return std::tie(x.record, x.section, x.begin, x.end) <
               std::tie(y.record, y.section, y.begin, y.end);
    });
    // The n-th occurrence of the same text of the same category in the same section.
    std::map<std::string, int> occurrences;
    std::vector<std::string> ids(findings.size());
    for (std::size_t i : order) {
        const Finding& f = findings[i];
        const Record& record = scan.gathered.records.at(f.record);
        std::string key = record.name + separator + record.sections.at(f.section).label +
                          separator + to_string(f.category) + separator + fold(f.text);
        const int n = occurrences[key]++;
        ids[i] = short_hash(key + separator + std::to_string(n));
    }
    return ids;
}

std::vector<std::string> risk_ids(const std::vector<Risk>& risks) {
    std::map<std::string, int> occurrences;
    std::vector<std::string> ids;
    for (const Risk& r : risks) {
        std::string key = r.record + separator + r.what;
        const int n = occurrences[key]++;
        ids.push_back(short_hash(key + separator + std::to_string(n)));
    }
    return ids;
}

} // namespace safesar
