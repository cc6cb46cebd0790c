// Whole-record decisions: which records are withheld in full (MARAC minutes, the victim's own
// safety plan and risk assessment, her letters to the service), recognised by content; and the
// assembly of the draft disclosure from the per-finding decisions.
#pragma once

#include "safesar/policy.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace safesar {

// One way of recognising a record to withhold whole (dictionaries/policies/withhold-rules.json).
// A rule is met by its opening phrases, its title, its heading and page edges, a notice, or who
// the record is about; several kinds of evidence, so no single wording decides.
struct WithholdRule {
    std::string id, reason, explain;
    std::string kind; // "opening" (the default), "edges", "notice", "about-protected-party",
                      // "mail-from-role"
    std::size_t within_chars = 1000;
    std::vector<std::string> any_of, and_any_of; // folded phrases
    // A title line (one of the first lines, short, not a sentence) holding a phrase of every
    // group, in any order and with anything between: "MARAC – Barnsley – case minutes".
    std::vector<std::vector<std::vector<std::string>>> title_all_of; // groups of token phrases
    std::size_t title_lines = 3;
    // A title alone makes the rule sure (the default), or only unsure: a meeting's notes under
    // any name may be a risk panel's, or the requester's own review with his worker.
    bool title_sure = true;
    // The record's file name (its path in the case, in words) holding a phrase of every group:
    // a risk panel's notes saved as "risk-panel-2025-03.xlsx" whatever the sheet inside says.
    // Never sure on its own: the record is withheld until a reviewer decides.
    std::vector<std::vector<std::vector<std::string>>> name_all_of; // groups of token phrases
    // "edges": a phrase in the first or last lines of any page (headings, headers, footers).
    std::size_t edge_lines = 3;
    // "about-protected-party": the title says what kind of record it is (any_of on the first
    // lines); the record is about a protected party when its subject field names one, or when
    // that party's share of the people it mentions is at least `share` (unsure down to
    // `unsure_share`).
    double share = 0.6, unsure_share = 0.4;
    std::vector<std::string> subject_labels; // folded field labels: "client", "victim"
    std::vector<std::string> roles;          // mail-from-role; the protected roles
    // "opening" rules may also know a record by what it holds rather than what it is called:
    // groups of signals (a meeting's attendance, its agencies, risk, actions), each met when
    // its opening holds `distinct` of the group's phrases as whole words. Sure when at least
    // `min` groups are met and all `required` ones; unsure down to `unsure_min`.
    struct SignalGroup {
        std::string name;
        std::vector<std::vector<std::string>> phrases; // token phrases, anywhere
        // Token phrases that count only as the label of a line with a value of several words:
        // "Police (DC Lund): marker on the address and a welfare visit" (the label before a
        // colon, a bracket after it set aside); a form's "School: Hill Top" is not one.
        std::vector<std::vector<std::string>> labels;
        // How many words a labelled line's value needs: four for an agency's action; a person's
        // name and age ("at risk: Jo Lark, 39") need fewer.
        std::size_t label_value_words = 4;
        // Token phrases that count only as a line of their own, a section's heading ("Agreed",
        // "Who is doing what"): words that are ordinary inside a sentence.
        std::vector<std::vector<std::string>> headings;
        std::size_t distinct = 1;
        // Another way to meet the group: at least `alternative_distinct` of these phrases, each
        // closing a line or a bracket ("PC Rai (Essex Police)", "Dr Fenn    GP": several
        // agencies closing the lines of a list are a meeting's attendance, however the record
        // introduces it).
        std::vector<std::vector<std::string>> alternative;
        std::size_t alternative_distinct = 0;
        // Words that name one item of a meeting's agenda of cases, met by "<word> <id> of <n>":
        // "Item 2 of 8", "Family K of 11". An extract for one agency is headed by its place on
        // the agenda, whatever the meeting is called.
        std::vector<std::string> agenda_items;
    };
    struct Signals {
        std::vector<SignalGroup> groups;
        std::vector<std::string> required; // group names
        std::size_t min = 0, unsure_min = 0, within_chars = 3000;
    };
    std::optional<Signals> signals;
};

struct WithholdOptions {
    bool attachments_inherit = true;   // an attachment is withheld with its message
    bool withhold_when_unsure = false; // a record that may be one to withhold is withheld
                                       // until a reviewer decides (a risk blocks the export)
};

std::vector<WithholdRule> load_withhold_rules(const std::filesystem::path& dictionaries,
                                              const nlohmann::json& profile_entries);

void build_disclosure(const Policy& policy, const Case& c, const GatherResult& gathered,
                      const std::vector<Finding>& findings, PolicyResult& result,
                      const Detector& detector, const std::vector<WithholdRule>& withhold,
                      const WithholdOptions& options,
                      const std::function<Reason(const std::string&)>& reason);

} // namespace safesar
