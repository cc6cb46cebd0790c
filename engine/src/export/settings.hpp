// The controller's supplementary information for UK GDPR Art 15(1)(a)-(h) and 15(2):
// dictionaries/controller-settings.json, with a controller's own settings file merged over it.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace safesar {

struct ControllerSettings {
    std::string controller_name, controller_contact, dpo_contact;
    std::vector<std::string> purposes;
    std::vector<std::string> lawful_bases;
    std::vector<std::string> categories_of_data;
    std::vector<std::string> recipients;
    std::string retention;
    std::string source;
    std::string automated_decision_making;
    std::string international_transfers;
    // rectification, erasure, restriction, objection, complaint: in that order, each with the
    // heading the bundle prints.
    std::vector<std::pair<std::string, std::string>> rights;
};

namespace exporting {

// Reads the defaults and merges `override_file` (when not empty) over them. Throws DataError
// naming the file and key when either is missing or malformed.
ControllerSettings load_controller_settings(const std::filesystem::path& override_file);
// The same information as the JSON prints it.
nlohmann::ordered_json settings_json(const ControllerSettings& settings);

} // namespace exporting
} // namespace safesar
