// Findings at the same place: a victim's address found whole in a form, and again as its
// street, its town and its postcode; an e-mail address and the name inside it. A reviewer sees
// the same text once and decides it once.
#include "safesar/review.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace safesar {

std::vector<std::vector<std::size_t>>
same_place_groups(const std::vector<StoredFinding>& findings) {
    // By place: record, section, start. Each finding joins an open group of its section that
    // its span overlaps and whose proposal (action and reason) is its own.
    std::vector<std::size_t> order(findings.size());
    std::iota(order.begin(), order.end(), 0);
    auto place = [&](std::size_t i) {
        const StoredFinding& f = findings[i];
        return std::tie(f.record, f.section, f.begin, f.end);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return place(a) < place(b); });
    std::vector<std::vector<std::size_t>> groups;
    struct Open {
        std::size_t group, end;
        const StoredFinding* first;
    };
    std::vector<Open> open; // groups of the current section whose spans may still overlap
    for (std::size_t k = 0; k < order.size(); ++k) {
        const StoredFinding& f = findings[order[k]];
        if (k > 0) {
            const StoredFinding& before = findings[order[k - 1]];
            if (before.record != f.record || before.section != f.section) open.clear();
        }
        std::erase_if(open, [&](const Open& o) { return o.end <= f.begin; });
        auto alike = std::find_if(open.begin(), open.end(), [&](const Open& o) {
            return o.first->proposal == f.proposal && o.first->reason == f.reason;
        });
        if (alike != open.end()) {
            groups[alike->group].push_back(order[k]);
            alike->end = std::max(alike->end, f.end);
            continue;
        }
        groups.push_back({order[k]});
        open.push_back({groups.size() - 1, f.end, &f});
    }
    for (auto& g : groups)
        std::sort(g.begin(), g.end());
    std::sort(groups.begin(), groups.end(),
              [](const auto& a, const auto& b) { return a.front() < b.front(); });
    return groups;
}

} // namespace safesar
