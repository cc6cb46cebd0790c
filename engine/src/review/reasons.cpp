#include "review/reasons.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/errors.hpp"
#include "safesar/review.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace safesar::review {

namespace {

nlohmann::ordered_json read_reasons() {
    const auto file = dictionaries_dir() / "policies" / "reasons.json";
    std::ifstream in(file);
    if (!in) throw DataError(file.string(), "cannot be read");
    const auto doc = nlohmann::ordered_json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.contains("reasons") || !doc["reasons"].is_object())
        throw DataError(file.string(), "not valid JSON with a \"reasons\" object");
    return doc["reasons"];
}

} // namespace

Reason reason_for(const std::string& code) {
    const auto reasons = read_reasons();
    if (reasons.contains(code) && reasons[code].is_object())
        return Reason{code, reasons[code].value("citation", ""),
                      reasons[code].value("explanation", "")};
    std::string known;
    for (const auto& [name, value] : reasons.items())
        known += (known.empty() ? "" : ", ") + name;
    throw ReviewError("", "reason \"" + code + "\" is not one of " + known);
}

} // namespace safesar::review

namespace safesar {

std::vector<Reason> reason_codes() {
    std::vector<Reason> out;
    const auto reasons = review::read_reasons(); // a local: items() must not outlive it
    for (const auto& [code, value] : reasons.items())
        if (value.is_object())
            out.push_back({code, value.value("citation", ""), value.value("explanation", "")});
    return out;
}

} // namespace safesar
