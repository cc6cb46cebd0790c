#include "review/review_rules.hpp"

#include "safesar/errors.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace safesar {

ReviewRules load_review_rules(const std::filesystem::path& dictionaries, Profile profile) {
    const auto file = dictionaries / "policies" / (std::string(to_string(profile)) + ".json");
    std::ifstream in(file);
    if (!in) throw DataError(file.string(), "cannot be read");
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded()) throw DataError(file.string(), "not valid JSON");
    const auto it = doc.find("review");
    if (it == doc.end() || !it->is_object())
        throw DataError(file.string(), "has no \"review\" object (sign-offs, pages to read, "
                                       "comments on release)");
    ReviewRules r;
    try {
        r.signoffs_needed = it->at("signoffs").get<int>();
        r.every_page_read = it->at("every_page_read").get<bool>();
        r.release_needs_comment = it->at("release_needs_comment").get<bool>();
    } catch (const nlohmann::json::exception& e) {
        throw DataError(file.string(), std::string("\"review\": ") + e.what());
    }
    if (r.signoffs_needed < 0 || r.signoffs_needed > 5)
        throw DataError(file.string(), "\"review\": signoffs must be 0 to 5");
    return r;
}

} // namespace safesar
