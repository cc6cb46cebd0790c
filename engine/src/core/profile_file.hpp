// A profile's file read once: what load_profile checks and returns, with the parsed JSON kept
// for the policy (policy/policy.cpp), which reads the rules from it rather than reading and
// parsing the same file a second time with checks of its own.
#pragma once

#include "safesar/profiles.hpp"

#include <nlohmann/json.hpp>

namespace safesar {

struct ProfileFile {
    ProfileInfo info;
    nlohmann::json doc; // the whole file: an object with "profile", "rules" and "review"
};

// load_profile, keeping the JSON; throws the same DataErrors.
ProfileFile read_profile_file(const std::filesystem::path& dictionaries, const std::string& name);

} // namespace safesar
