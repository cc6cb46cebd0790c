// What a request's profile asks of its review before a final export, read from the profile's
// file (dictionaries/policies/PROFILE.json, "review"): the shells and the store ask these, never
// the profile's name.
#pragma once

#include "safesar/case_model.hpp"

#include <filesystem>

namespace safesar {

struct ReviewRules {
    int signoffs_needed = 0;           // by different reviewers, after the last change
    bool every_page_read = false;      // every page to be sent is read before a final export
    bool release_needs_comment = false; // releasing a record withheld in full needs a comment
};

// Throws DataError naming the file when it has no valid "review" object.
ReviewRules load_review_rules(const std::filesystem::path& dictionaries, Profile profile);

} // namespace safesar
