// Whole-record decisions: which records are withheld in full (MARAC minutes, the victim's own
// safety plan and risk assessment, her letters to the service), recognised by content; and the
// assembly of the draft disclosure from the per-finding decisions.
#pragma once

#include "safesar/policy.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace safesar {

struct WithholdRule {
    std::string id, reason, explain;
    std::size_t within_chars = 1000;
    std::vector<std::string> any_of, and_any_of; // folded phrases
    // A title line (one of the first lines, short, not a sentence) holding a phrase of every
    // group, in any order and with anything between: "MARAC – Barnsley – case minutes".
    std::vector<std::vector<std::vector<std::string>>> title_all_of; // groups of token phrases
    std::size_t title_lines = 3;
    std::vector<std::string> roles;              // mail-from-role
};

std::vector<WithholdRule> load_withhold_rules(const std::filesystem::path& dictionaries,
                                              const nlohmann::json& profile_entries);

void build_disclosure(const Policy& policy, const Case& c, const GatherResult& gathered,
                      const std::vector<Finding>& findings, PolicyResult& result,
                      const Detector& detector, const std::vector<WithholdRule>& withhold,
                      const std::function<Reason(const std::string&)>& reason);

} // namespace safesar
