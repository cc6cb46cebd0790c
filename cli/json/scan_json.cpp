#include "json_output.hpp"

#include <map>

namespace safesar::cli {

namespace {

Json named_reasons(const std::vector<SkippedRecord>& list) {
    Json out = Json::array();
    for (const SkippedRecord& s : list)
        out.push_back({{"name", s.name}, {"reason", s.reason}});
    return out;
}

// Found and withheld per listed party, then for people and data nobody listed.
Json parties_json(const CaseScan& scan) {
    const Case& c = scan.request.value;
    std::map<int, std::pair<int, int>> per_party; // found, withheld
    std::pair<int, int> unlisted;
    for (std::size_t i = 0; i < scan.findings.size(); ++i) {
        const auto& f = scan.findings[i];
        const bool withheld = scan.policy.decisions[i].action != Action::Keep;
        auto* counts = f.owner.kind == Owner::Party     ? &per_party[f.owner.party]
                       : f.owner.kind == Owner::Unknown ? &unlisted
                                                        : nullptr;
        if (!counts) continue;
        counts->first++;
        counts->second += withheld;
    }
    Json parties = Json::array();
    for (const auto& [index, counts] : per_party) {
        const Person& p = c.parties[static_cast<std::size_t>(index)];
        parties.push_back({{"name", p.name},
                           {"role", to_string(p.role)},
                           {"found", counts.first},
                           {"withheld", counts.second}});
    }
    return {{"listed", std::move(parties)},
            {"unlisted", {{"found", unlisted.first}, {"withheld", unlisted.second}}}};
}

} // namespace

Json scan_summary_json(const CaseScan& scan, const ScanRecorded& recorded) {
    const Case& c = scan.request.value;
    Json j = json_document("safesar-scan/1");
    j["reference"] = c.reference;
    j["profile"] = c.profile;
    j["records_read"] = scan.gathered.records.size();
    j["skipped"] = named_reasons(scan.gathered.skipped);
    j["links"] = named_reasons(scan.gathered.links);
    Json redacted = Json::object(), kept = Json::object();
    for (std::size_t i = 0; i < scan.findings.size(); ++i) {
        Json& counts = scan.policy.decisions[i].action == Action::Keep ? kept : redacted;
        const char* category = to_string(scan.findings[i].category);
        counts[category] = counts.value(category, 0) + 1;
    }
    j["findings_to_redact"] = std::move(redacted);
    j["findings_kept"] = std::move(kept);
    j["parties"] = parties_json(scan);
    Json withheld = Json::array();
    for (const auto& r : scan.policy.disclosure.records)
        if (r.fate == RecordFate::WithholdInFull)
            withheld.push_back({{"title", r.title}, {"reason", r.withheld_because->code}});
    j["withheld_in_full"] = std::move(withheld);
    Json risks = Json::array();
    for (const auto& r : scan.policy.risks)
        risks.push_back({{"record", r.record}, {"what", r.what}});
    j["open_risks"] = std::move(risks);
    j["review_state"] = {{"findings", recorded.findings}, {"new", recorded.new_findings},
                         {"gone", recorded.gone},         {"reopened", recorded.reopened},
                         {"risks", recorded.risks},       {"new_risks", recorded.new_risks}};
    return j;
}

} // namespace safesar::cli
