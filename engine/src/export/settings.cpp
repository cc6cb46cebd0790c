#include "export/settings.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/errors.hpp"

#include <fstream>
#include <sstream>

namespace safesar::exporting {

namespace {
using nlohmann::json;

const std::pair<const char*, const char*> right_keys[] = {
    {"rectification", "Correcting your data"},
    {"erasure", "Erasing your data"},
    {"restriction", "Restricting how we use your data"},
    {"objection", "Objecting to how we use your data"},
    {"complaint", "Complaining to the Information Commissioner"},
};

json read_json(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw DataError(file.string(), "cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    try {
        return json::parse(text.str());
    } catch (const json::parse_error& e) {
        throw DataError(file.string(), std::string("not valid JSON: ") + e.what());
    }
}

std::string text_at(const json& j, const std::string& path, const std::string& file) {
    json::json_pointer pointer(path);
    if (!j.contains(pointer) || !j.at(pointer).is_string() ||
        j.at(pointer).get<std::string>().empty())
        throw DataError(file, path + ": expected a non-empty string");
    return j.at(pointer).get<std::string>();
}

std::string optional_text_at(const json& j, const std::string& path, const std::string& file) {
    json::json_pointer pointer(path);
    if (!j.contains(pointer) || j.at(pointer).is_null()) return {};
    if (!j.at(pointer).is_string()) throw DataError(file, path + ": expected a string");
    return j.at(pointer).get<std::string>();
}

std::vector<std::string> list_at(const json& j, const std::string& path, const std::string& file) {
    json::json_pointer pointer(path);
    if (!j.contains(pointer) || !j.at(pointer).is_array() || j.at(pointer).empty())
        throw DataError(file, path + ": expected a non-empty list of strings");
    std::vector<std::string> out;
    for (const json& item : j.at(pointer)) {
        if (!item.is_string()) throw DataError(file, path + ": expected a list of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}
} // namespace

ControllerSettings load_controller_settings(const std::filesystem::path& override_file) {
    std::filesystem::path defaults_file = dictionaries_dir() / "controller-settings.json";
    json merged = read_json(defaults_file);
    std::string name = defaults_file.string();
    if (!override_file.empty()) {
        json patch = read_json(override_file);
        if (!patch.is_object()) throw DataError(override_file.string(), "expected a JSON object");
        merged.merge_patch(patch);
        name = override_file.string() + " (merged over " + defaults_file.filename().string() + ")";
    }
    ControllerSettings s;
    s.controller_name = text_at(merged, "/controller/name", name);
    s.controller_contact = text_at(merged, "/controller/contact", name);
    s.dpo_contact = optional_text_at(merged, "/controller/data_protection_officer", name);
    s.purposes = list_at(merged, "/purposes", name);
    s.lawful_bases = list_at(merged, "/lawful_basis", name);
    s.categories_of_data = list_at(merged, "/categories_of_data", name);
    s.recipients = list_at(merged, "/recipients", name);
    s.retention = text_at(merged, "/retention", name);
    s.source = text_at(merged, "/source", name);
    s.automated_decision_making = text_at(merged, "/automated_decision_making", name);
    s.international_transfers = text_at(merged, "/international_transfers", name);
    for (const auto& [key, heading] : right_keys)
        s.rights.emplace_back(heading, text_at(merged, std::string("/rights/") + key, name));
    return s;
}

nlohmann::ordered_json settings_json(const ControllerSettings& s) {
    nlohmann::ordered_json j;
    j["controller"] = {{"name", s.controller_name},
                       {"contact", s.controller_contact},
                       {"data_protection_officer", s.dpo_contact}};
    j["purposes"] = s.purposes;
    j["lawful_basis"] = s.lawful_bases;
    j["categories_of_data"] = s.categories_of_data;
    j["recipients"] = s.recipients;
    j["retention"] = s.retention;
    j["source"] = s.source;
    j["automated_decision_making"] = s.automated_decision_making;
    j["international_transfers"] = s.international_transfers;
    nlohmann::ordered_json rights;
    for (std::size_t i = 0; i < s.rights.size(); ++i)
        rights[right_keys[i].first] = s.rights[i].second;
    j["rights"] = rights;
    return j;
}

} // namespace safesar::exporting
