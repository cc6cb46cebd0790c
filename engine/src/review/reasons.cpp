#include "review/reasons.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/errors.hpp"
#include "safesar/review.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace safesar::review {

Reason reason_for(const std::string& code) {
    const auto file = dictionaries_dir() / "policies" / "reasons.json";
    std::ifstream in(file);
    if (!in) throw DataError(file.string(), "cannot be read");
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.contains("reasons") || !doc["reasons"].is_object())
        throw DataError(file.string(), "not valid JSON with a \"reasons\" object");
    const auto& reasons = doc["reasons"];
    if (reasons.contains(code) && reasons[code].is_object())
        return Reason{code, reasons[code].value("citation", ""),
                      reasons[code].value("explanation", "")};
    std::string known;
    for (const auto& [name, value] : reasons.items())
        known += (known.empty() ? "" : ", ") + name;
    throw ReviewError("", "reason \"" + code + "\" is not one of " + known);
}

} // namespace safesar::review
