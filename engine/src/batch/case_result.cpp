// A case's result: its names, its one-line reason, and its JSON form, which a case's process
// prints for the batch and OUT/<case>/.safesar-batch.json keeps for the next run.
#include "batch/case_result_json.hpp"
#include "safesar/enum_names.hpp"

#include <stdexcept>

namespace safesar {

const char* to_string(CaseStatus status) {
    return case_status_names.name(status);
}

namespace {
CaseStatus status_from_string(const std::string& text) {
    if (auto s = case_status_names.parse(text)) return *s;
    throw std::runtime_error("unknown case status: " + text);
}
} // namespace

bool succeeded(CaseStatus status) {
    return status == CaseStatus::Done || status == CaseStatus::Incomplete;
}

bool all_done(const BatchResult& result) {
    for (const CaseResult& c : result.cases)
        if (c.status != CaseStatus::Done) return false;
    return !result.interrupted;
}

std::string one_line_reason(const std::string& message) {
    // Errors quote what they found: `parties[1].dob: "1987-13-01" is not a date`. The value may
    // be a third party's data, the field path never is.
    std::string out;
    char open = 0;
    for (char c : message) {
        if (open) {
            if (c == open) {
                out += "…";
                out += c;
                open = 0;
            }
            continue;
        }
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        out += c;
        if (c == '"' || c == '\'') open = c;
    }
    if (open) out += "…";
    if (out.size() > 300) out = out.substr(0, 300) + "…";
    return out;
}

namespace batching {

nlohmann::json to_json(const CaseResult& r) {
    return {{"case", r.name},
            {"status", to_string(r.status)},
            {"unchanged", r.unchanged},
            {"reason", r.reason},
            {"reference", r.reference},
            {"profile", r.profile},
            {"records", r.records},
            {"skipped_records", r.skipped_records},
            {"pages", r.pages},
            {"redactions", r.redactions},
            {"findings", r.findings},
            {"open_risks", r.open_risks},
            {"due", r.due ? nlohmann::json(to_iso(*r.due)) : nlohmann::json(nullptr)},
            {"seconds", r.seconds},
            {"peak_memory_kib", r.peak_memory_kib},
            {"outputs", r.outputs}};
}

CaseResult from_json(const nlohmann::json& j) {
    CaseResult r;
    r.name = j.at("case").get<std::string>();
    r.status = status_from_string(j.at("status").get<std::string>());
    r.unchanged = j.value("unchanged", false);
    r.reason = j.value("reason", "");
    r.reference = j.value("reference", "");
    r.profile = j.value("profile", "");
    r.records = j.value("records", 0);
    r.skipped_records = j.value("skipped_records", 0);
    r.pages = j.value("pages", 0);
    r.redactions = j.value("redactions", 0);
    r.findings = j.value("findings", std::map<std::string, int>{});
    r.open_risks = j.value("open_risks", 0);
    if (j.contains("due") && j.at("due").is_string())
        r.due = parse_iso_date(j.at("due").get<std::string>());
    r.seconds = j.value("seconds", 0.0);
    r.peak_memory_kib = j.value("peak_memory_kib", 0L);
    r.outputs = j.value("outputs", std::vector<std::string>{});
    return r;
}

} // namespace batching

std::string case_result_json(const CaseResult& result) {
    return batching::to_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

CaseResult case_result_from_json(const std::string& text) {
    return batching::from_json(nlohmann::json::parse(text));
}

} // namespace safesar
