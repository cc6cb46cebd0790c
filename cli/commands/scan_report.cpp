#include "scan_report.hpp"

#include <map>

namespace safesar::cli {

void print_scan_summary(const CaseScan& scan, std::ostream& out) {
    const Case& c = scan.request.value;
    out << c.reference << " (" << c.profile << "): " << scan.gathered.records.size()
        << " records read, " << scan.gathered.skipped.size() << " skipped\n";
    for (const auto& s : scan.gathered.skipped) out << "  skipped " << s.name << ": " << s.reason << "\n";
    for (const auto& l : scan.gathered.links) out << "  link " << l.name << ": " << l.reason << "\n";
    std::map<std::string, int> redacted, kept;
    for (std::size_t i = 0; i < scan.findings.size(); ++i) {
        const auto& d = scan.policy.decisions[i];
        (d.action == Action::Keep ? kept : redacted)[to_string(scan.findings[i].category)]++;
    }
    out << "  findings to redact:";
    for (auto& [k, v] : redacted) out << " " << k << " " << v;
    out << "\n  findings kept (the requester's own or disclosed):";
    for (auto& [k, v] : kept) out << " " << k << " " << v;
    out << "\n";
    // Per party: how often found and how often withheld. The requester's tool, so names show.
    std::map<int, std::pair<int, int>> per_party; // found, withheld
    int unlisted_found = 0, unlisted_withheld = 0;
    for (std::size_t i = 0; i < scan.findings.size(); ++i) {
        const auto& f = scan.findings[i];
        const bool withheld = scan.policy.decisions[i].action != Action::Keep;
        if (f.owner.kind == Owner::Party) {
            per_party[f.owner.party].first++;
            per_party[f.owner.party].second += withheld;
        } else if (f.owner.kind == Owner::Unknown) {
            unlisted_found++;
            unlisted_withheld += withheld;
        }
    }
    out << "  per party (found / withheld):\n";
    for (auto& [idx, counts] : per_party) {
        const Person& p = c.parties[static_cast<std::size_t>(idx)];
        out << "    " << p.name << " (" << to_string(p.role) << "): " << counts.first << " / "
            << counts.second << "\n";
    }
    out << "    people and data nobody listed: " << unlisted_found << " / " << unlisted_withheld
        << "\n";
    for (const auto& r : scan.policy.disclosure.records)
        if (r.fate == RecordFate::WithholdInFull)
            out << "  withheld in full: " << r.title << " (" << r.withheld_because->code << ")\n";
    if (!scan.policy.risks.empty()) {
        out << "  open risks:\n";
        for (const auto& r : scan.policy.risks) out << "    " << r.record << ": " << r.what << "\n";
    }
}

} // namespace safesar::cli
