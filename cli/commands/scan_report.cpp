#include "scan_report.hpp"

#include <map>

namespace safesar::cli {

void print_scan_summary(const CaseScan& scan, std::ostream& out) {
    const Case& c = scan.request.value;
    out << c.reference << " (" << to_string(c.profile) << "): " << scan.gathered.records.size()
        << " records read, " << scan.gathered.skipped.size() << " skipped\n";
    for (const auto& s : scan.gathered.skipped) out << "  skipped " << s.name << ": " << s.reason << "\n";
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
    for (const auto& r : scan.policy.disclosure.records)
        if (r.fate == RecordFate::WithholdInFull)
            out << "  withheld in full: " << r.title << " (" << r.withheld_because->code << ")\n";
    if (!scan.policy.risks.empty()) {
        out << "  open risks:\n";
        for (const auto& r : scan.policy.risks) out << "    " << r.record << ": " << r.what << "\n";
    }
}

} // namespace safesar::cli
