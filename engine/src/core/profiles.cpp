// The profiles found in dictionaries/policies/, and what each file says about its profile.
#include "safesar/profiles.hpp"

#include "core/profile_file.hpp"
#include "safesar/printable.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <system_error>

namespace safesar {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Files of the policies folder that every profile reads; they are not profiles.
constexpr std::array<const char*, 2> kShared = {"reasons", "withhold-rules"};

bool shared_file(const std::string& stem) {
    return std::find(kShared.begin(), kShared.end(), stem) != kShared.end();
}

// A name request.json can give without reaching outside the folder: no '/', no "..", no dots.
bool valid_name(const std::string& name) {
    if (name.empty() || name.size() > 64 || name.front() == '-') return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

fs::path file_of(const fs::path& dictionaries, const std::string& name) {
    return dictionaries / "policies" / (name + ".json");
}

ProfileFile read_profile(const fs::path& file, const std::string& name) {
    if (!valid_name(name))
        throw DataError(file.string(), "is not a profile's name: lower-case letters, digits "
                                       "and '-' only");
    std::ifstream in(file);
    if (!in) throw DataError(file.string(), "cannot be read");
    ProfileFile out{{}, json::parse(in, nullptr, false)};
    const json& doc = out.doc;
    if (doc.is_discarded() || !doc.is_object())
        throw DataError(file.string(), "not valid JSON (a profile is one JSON object)");
    ProfileInfo& p = out.info;
    p.name = name;
    p.file = file;
    try {
        // The name inside must be the file's: a file copied under a new name and not edited
        // would otherwise apply one profile while every report names another.
        const std::string inside = doc.at("profile").get<std::string>();
        if (inside != name)
            throw DataError(file.string(), "\"profile\" is \"" + shown(inside, 60) +
                                               "\"; it must be \"" + name + "\", the file's name");
        if (!doc.at("rules").is_array()) throw DataError(file.string(), "\"rules\" must be a list");
        p.label = doc.value("label", name);
        if (p.label.empty()) p.label = name;
        p.requester_may_be_perpetrator = doc.value("requester_may_be_perpetrator", false);
    } catch (const json::exception& e) {
        throw DataError(file.string(), std::string("malformed profile: ") + e.what());
    }
    const auto review = doc.find("review");
    if (review == doc.end() || !review->is_object())
        throw DataError(file.string(), "has no \"review\" object (sign-offs, pages to read, "
                                       "comments on release)");
    try {
        p.review.signoffs_needed = review->at("signoffs").get<int>();
        p.review.every_page_read = review->at("every_page_read").get<bool>();
        p.review.release_needs_comment = review->at("release_needs_comment").get<bool>();
    } catch (const json::exception& e) {
        throw DataError(file.string(), std::string("\"review\": ") + e.what());
    }
    if (p.review.signoffs_needed < 0 || p.review.signoffs_needed > 5)
        throw DataError(file.string(), "\"review\": signoffs must be 0 to 5");
    return out;
}

} // namespace

std::vector<std::string> ProfileList::names() const {
    std::vector<std::string> out;
    for (const ProfileInfo& p : profiles)
        out.push_back(p.name);
    return out;
}

ProfileList list_profiles(const fs::path& dictionaries) {
    const fs::path folder = dictionaries / "policies";
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) throw DataError(folder.string(), "cannot be read: " + ec.message());
    ProfileList out;
    for (const fs::directory_entry& entry : it) {
        const fs::path& file = entry.path();
        if (file.extension() != ".json" || shared_file(file.stem().string())) continue;
        try {
            out.profiles.push_back(read_profile(file, file.stem().string()).info);
        } catch (const DataError& e) {
            out.problems.push_back(e);
        }
    }
    std::sort(out.profiles.begin(), out.profiles.end(),
              [](const ProfileInfo& a, const ProfileInfo& b) { return a.name < b.name; });
    std::sort(out.problems.begin(), out.problems.end(),
              [](const DataError& a, const DataError& b) { return a.file() < b.file(); });
    return out;
}

ProfileFile read_profile_file(const fs::path& dictionaries, const std::string& name) {
    if (!valid_name(name) || shared_file(name))
        throw DataError((dictionaries / "policies").string(),
                        "\"" + shown(name, 60) + "\" is not a profile's name");
    return read_profile(file_of(dictionaries, name), name); // a missing file: "cannot be read"
}

ProfileInfo load_profile(const fs::path& dictionaries, const std::string& name) {
    return read_profile_file(dictionaries, name).info;
}

bool profile_exists(const fs::path& dictionaries, const std::string& name) {
    std::error_code ec;
    return valid_name(name) && !shared_file(name) &&
           fs::is_regular_file(file_of(dictionaries, name), ec);
}

} // namespace safesar
