// Policy profiles read from dictionaries/policies/<profile>.json, applied to findings.
#include "safesar/policy.hpp"

#include "core/profile_file.hpp"
#include "record_rules.hpp"
#include "safesar/enum_names.hpp"
#include "safesar/errors.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <optional>

namespace safesar {

using nlohmann::json;

const char* to_string(Action a) {
    return action_names.name(a);
}

std::vector<Reason> read_reasons(const std::filesystem::path& dictionaries) {
    const auto file = dictionaries / "policies" / "reasons.json";
    std::ifstream in(file);
    if (!in) throw DataError(file.string(), "cannot be read");
    const auto doc = nlohmann::ordered_json::parse(in, nullptr, false); // keeps the file's order
    if (doc.is_discarded() || !doc.contains("reasons") || !doc["reasons"].is_object())
        throw DataError(file.string(), "not valid JSON with a \"reasons\" object");
    std::vector<Reason> out;
    for (const auto& [code, r] : doc["reasons"].items()) {
        if (!r.is_object() || !r.contains("citation") || !r["citation"].is_string() ||
            !r.contains("explanation") || !r["explanation"].is_string())
            throw DataError(file.string(),
                            "reason \"" + code + "\" needs a citation and an explanation");
        out.push_back(
            {code, r["citation"].get<std::string>(), r["explanation"].get<std::string>()});
    }
    return out;
}

namespace {

struct Rule {
    std::optional<std::string> owner, likely_owner; // subject, party, unknown
    std::vector<std::string> roles, categories;
    std::vector<std::string> recognisers; // ids; "residue" also matches "residue-code"
    std::uint32_t fact_any = 0, fact_none = 0; // FindingFact bits
    std::optional<float> max_confidence, min_confidence;
    std::optional<bool> disclose, child_of_subject;
    Action action = Action::Redact;
    std::string reason, why;
};

std::uint32_t facts_named(const std::vector<std::string>& names, const std::string& file) {
    std::uint32_t bits = 0;
    for (const auto& n : names) {
        std::uint32_t bit = 0;
        for (std::uint32_t b = 1; fact_name(b); b <<= 1)
            if (n == fact_name(b)) bit = b;
        if (!bit) throw DataError(file, "unknown fact \"" + n + "\"");
        bits |= bit;
    }
    return bits;
}

bool recogniser_listed(const std::vector<std::string>& list, const std::string& id) {
    if (list.empty()) return true;
    for (const auto& r : list)
        if (id == r || (id.size() > r.size() && id.compare(0, r.size(), r) == 0 && id[r.size()] == '-'))
            return true;
    return false;
}

std::string owner_kind(const Owner& o, const Case& c) {
    if (o.kind == Owner::Subject) return "subject";
    if (o.kind == Owner::Party && o.party >= 0 && static_cast<std::size_t>(o.party) < c.parties.size())
        return "party";
    return "unknown";
}

bool listed(const std::vector<std::string>& list, const std::string& v) {
    return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}

} // namespace

struct Policy::Impl {
    std::string name;
    std::vector<Rule> rules;
    std::map<std::string, Reason> reasons;
    std::vector<WithholdRule> withhold;
    WithholdOptions withhold_options;
    bool name_withheld_records = false; // absent from the profile: the bundle names none

    Reason reason(const std::string& code) const {
        auto it = reasons.find(code);
        return it == reasons.end() ? Reason{code, "", ""} : it->second;
    }
};

Policy::Policy() : impl_(std::make_unique<Impl>()) {}
Policy::~Policy() = default;
Policy::Policy(Policy&&) noexcept = default;
Policy& Policy::operator=(Policy&&) noexcept = default;
const std::string& Policy::name() const { return impl_->name; }

Policy Policy::load(const std::filesystem::path& dir, const std::string& profile) {
    Policy p;
    auto& I = *p.impl_;
    // The profile reader's checks (a profile's name, one JSON object naming itself, a "rules"
    // list, a "review" object) and its one read of the file; the rules are read from its JSON.
    const ProfileFile profile_file = read_profile_file(dir, profile);
    const json& doc = profile_file.doc;
    const std::filesystem::path& file = profile_file.info.file;
    I.name = profile;
    try {
        for (Reason& r : read_reasons(dir))
            I.reasons[r.code] = std::move(r);
        for (const auto& jr : doc.at("rules")) {
            Rule r;
            const auto& w = jr.at("when");
            if (w.contains("owner")) r.owner = w["owner"].get<std::string>();
            if (w.contains("likely_owner")) r.likely_owner = w["likely_owner"].get<std::string>();
            if (w.contains("recogniser"))
                r.recognisers = w["recogniser"].get<std::vector<std::string>>();
            if (w.contains("fact_any"))
                r.fact_any = facts_named(w["fact_any"].get<std::vector<std::string>>(), file.string());
            if (w.contains("fact_none"))
                r.fact_none = facts_named(w["fact_none"].get<std::vector<std::string>>(), file.string());
            if (w.contains("max_confidence")) r.max_confidence = w["max_confidence"].get<float>();
            if (w.contains("min_confidence")) r.min_confidence = w["min_confidence"].get<float>();
            if (w.contains("role")) r.roles = w["role"].get<std::vector<std::string>>();
            if (w.contains("category")) r.categories = w["category"].get<std::vector<std::string>>();
            for (const auto& name : r.categories)
                if (!category_names.parse(name))
                    throw DataError(file.string(), "unknown category \"" + name + "\"");
            if (w.contains("disclose")) r.disclose = w["disclose"].get<bool>();
            if (w.contains("child_of_subject")) r.child_of_subject = w["child_of_subject"].get<bool>();
            const std::string action = jr.at("action");
            const std::optional<Action> named = action_names.parse(action);
            if (!named)
                throw DataError(file.string(), "action \"" + action + "\" is not keep, redact or review");
            r.action = *named;
            r.reason = jr.value("reason", "");
            if (r.action != Action::Keep && !I.reasons.count(r.reason))
                throw DataError(file.string(), "reason \"" + r.reason + "\" is not in reasons.json");
            r.why = jr.value("why", "");
            I.rules.push_back(std::move(r));
        }
        I.withhold = load_withhold_rules(dir, doc.value("withhold", json::array()));
        I.withhold_options.attachments_inherit = doc.value("attachments_inherit_withholding", true);
        I.withhold_options.withhold_when_unsure = doc.value("withhold_when_unsure", false);
        I.name_withheld_records = doc.value("name_withheld_records", false);
    } catch (const json::exception& e) {
        throw DataError(file.string(), std::string("malformed policy: ") + e.what());
    }
    return p;
}

Decision Policy::decide(const Case& c, const Finding& f) const {
    const Person* party = f.owner.kind == Owner::Party && f.owner.party >= 0 &&
                                  static_cast<std::size_t>(f.owner.party) < c.parties.size()
                              ? &c.parties[static_cast<std::size_t>(f.owner.party)]
                              : nullptr;
    const std::string owner = owner_kind(f.owner, c), likely = owner_kind(f.likely_owner, c);
    const std::string role = party ? to_string(party->role) : "";
    for (const auto& r : impl_->rules) {
        if (r.owner && *r.owner != owner) continue;
        if (r.likely_owner && *r.likely_owner != likely) continue;
        if (!recogniser_listed(r.recognisers, f.recogniser)) continue;
        if (r.fact_any && !(f.facts & r.fact_any)) continue;
        if (f.facts & r.fact_none) continue;
        if (r.max_confidence && f.confidence > *r.max_confidence) continue;
        if (r.min_confidence && f.confidence < *r.min_confidence) continue;
        if (!r.roles.empty() && (!party || !listed(r.roles, role))) continue;
        if (!listed(r.categories, to_string(f.category))) continue;
        if (r.disclose && (!party || party->disclose != *r.disclose)) continue;
        if (r.child_of_subject && (!party || party->child_of_subject != *r.child_of_subject))
            continue;
        Decision d;
        d.action = r.action;
        if (r.action != Action::Keep) d.reason = impl_->reason(r.reason);
        d.policy_line = impl_->name + ": " + r.why +
                        (r.action == Action::Keep ? " -> keep" : " -> " + std::string(to_string(r.action)) + " " + r.reason);
        return d;
    }
    return Decision{Action::Keep, {}, impl_->name + ": no rule matched -> keep"};
}

PolicyResult Policy::apply(const Case& c, const GatherResult& gathered,
                           const std::vector<Finding>& findings, const Detector& detector) const {
    PolicyResult result;
    result.disclosure.request = &c;
    result.disclosure.draft = true;
    result.disclosure.name_withheld_records = impl_->name_withheld_records;
    for (const auto& s : gathered.skipped) {
        result.disclosure.skipped_records.push_back(s.name);
        result.risks.push_back({s.name, "could not be read: " + s.reason});
    }
    // A part of a record nobody read may hold the requester's data: an open item until a
    // reviewer has looked (docs/limits.md).
    for (const auto& r : gathered.records)
        for (const auto& part : r.unread)
            result.risks.push_back({r.name, "not read: " + part});
    for (const auto& f : findings) result.decisions.push_back(decide(c, f));
    build_disclosure(*this, c, gathered, findings, result, detector, impl_->withhold,
                     impl_->withhold_options, [this](const std::string& code) { return impl_->reason(code); });
    return result;
}

} // namespace safesar
