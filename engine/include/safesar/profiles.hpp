// Request profiles as data: one file each in dictionaries/policies/ (NAME.json), so that a
// controller adds a profile (a police disclosure unit's, a Scottish one) by adding a file, with
// no code change (docs/policy.md). The file's rules are the policy's (policy.hpp); what the file
// says about the profile itself (its label, what its review needs, whether the requester may be
// the person who caused harm) is read here, once, for the request reader, the review store and
// the shells, which ask these and never the profile's name.
#pragma once

#include "safesar/errors.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace safesar {

// What a profile asks of its review before a final export (the file's "review").
struct ReviewRules {
    int signoffs_needed = 0;            // by different reviewers, after the last change
    bool every_page_read = false;       // every page to be sent is read before a final export
    bool release_needs_comment = false; // releasing a record withheld in full needs a comment
};

struct ProfileInfo {
    std::string name;           // the file's name without .json: what request.json's "profile" says
    std::string label;          // for people to choose by: the file's "label", else the name
    std::filesystem::path file; // where it was read from
    // The file's "requester_may_be_perpetrator": the shells warn the reviewer that the
    // requester may be the person others fled from (the perpetrator profile).
    bool requester_may_be_perpetrator = false;
    ReviewRules review;
};

struct ProfileList {
    std::vector<ProfileInfo> profiles; // by name
    std::vector<DataError> problems;   // files that are no valid profile, each naming its file
    std::vector<std::string> names() const;
};

// Every profile in DICTIONARIES/policies/: each .json file there except the files the profiles
// share (reasons.json, withhold-rules.json). A bad file is listed in `problems`, the others are
// still listed. Throws DataError when the folder cannot be read.
ProfileList list_profiles(const std::filesystem::path& dictionaries);

// One profile. Throws DataError naming the file when there is none by that name or it is not a
// valid profile (no "rules" list, no valid "review" object, a "profile" that is not its name).
ProfileInfo load_profile(const std::filesystem::path& dictionaries, const std::string& name);

// Whether DICTIONARIES/policies/NAME.json exists and NAME can name a profile: lower-case
// letters, digits and '-' (never a path, never a shared file). Does not read the file.
bool profile_exists(const std::filesystem::path& dictionaries, const std::string& name);

} // namespace safesar
