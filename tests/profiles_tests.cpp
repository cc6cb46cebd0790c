// A profile is a file of dictionaries/policies/: what it asks of the review (sign-offs, every
// page read, a comment to release a withheld record), its label and whether the requester may
// be the perpetrator are that file's, read by list_profiles and load_profile, never code keyed
// on a profile's name. A bad file is named with what is wrong.
#include <catch2/catch.hpp>

#include "safesar/data_dir.hpp"
#include "safesar/errors.hpp"
#include "safesar/policy.hpp"
#include "safesar/profiles.hpp"
#include "temp_dir.hpp"

#include <fstream>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

// A dictionaries folder holding only a policies/ folder with the given files.
void write_profile(const fs::path& dictionaries, const std::string& file, const std::string& text) {
    fs::create_directories(dictionaries / "policies");
    std::ofstream(dictionaries / "policies" / file, std::ios::trunc) << text;
}

const char* kReview = R"("review": {"signoffs": 3, "every_page_read": true,
                                    "release_needs_comment": false})";

} // namespace

TEST_CASE("each shipped profile says what its review needs", "[review][profiles]") {
    const ProfileInfo perpetrator = load_profile(dictionaries_dir(), "perpetrator");
    CHECK(perpetrator.review.signoffs_needed == 2);
    CHECK(perpetrator.review.every_page_read);
    CHECK(perpetrator.review.release_needs_comment);
    CHECK(perpetrator.requester_may_be_perpetrator);
    CHECK(perpetrator.label == "perpetrator (enhanced safety)");
    for (const char* name : {"standard", "family-contact"}) {
        const ProfileInfo p = load_profile(dictionaries_dir(), name);
        CHECK(p.review.signoffs_needed == 0);
        CHECK_FALSE(p.review.every_page_read);
        CHECK_FALSE(p.review.release_needs_comment);
        CHECK_FALSE(p.requester_may_be_perpetrator);
    }
}

TEST_CASE("the shipped profiles are listed, the files they share are not", "[profiles]") {
    const ProfileList list = list_profiles(dictionaries_dir());
    CHECK(list.problems.empty());
    CHECK(list.names() == std::vector<std::string>{"family-contact", "perpetrator", "standard"});
    for (const ProfileInfo& p : list.profiles) {
        CHECK(p.file == dictionaries_dir() / "policies" / (p.name + ".json"));
        CHECK(p.label.rfind(p.name, 0) == 0); // each label starts with the name
    }
}

TEST_CASE("a profile added as a file is listed with its label, and bad files are named",
          "[profiles]") {
    test::TempDir dir("safesar-profiles");
    write_profile(dir.path(), "reasons.json", R"({"reasons": {}})");
    write_profile(dir.path(), "police-disclosure.json",
                  std::string(R"({"profile": "police-disclosure", "label": "Police disclosure unit",
                  "rules": [], )") +
                      kReview + "}");
    write_profile(dir.path(), "plain.json",
                  std::string(R"({"profile": "plain", "rules": [], )") + kReview + "}");
    // A file copied under a new name and not edited: which profile would it be?
    write_profile(dir.path(), "scottish.json",
                  std::string(R"({"profile": "standard", "rules": [], )") + kReview + "}");
    write_profile(dir.path(), "no-review.json", R"({"profile": "no-review", "rules": []})");
    write_profile(dir.path(), "Capitals.json",
                  std::string(R"({"profile": "Capitals", "rules": [], )") + kReview + "}");
    write_profile(dir.path(), "notes.txt", "not a profile, not a .json file");

    const ProfileList list = list_profiles(dir.path());
    REQUIRE(list.names() == std::vector<std::string>{"plain", "police-disclosure"});
    const ProfileInfo& police = list.profiles[1];
    CHECK(police.label == "Police disclosure unit");
    CHECK(police.file == dir.path() / "policies" / "police-disclosure.json");
    CHECK(police.review.signoffs_needed == 3);
    CHECK(police.review.every_page_read);
    CHECK_FALSE(police.review.release_needs_comment);
    CHECK_FALSE(police.requester_may_be_perpetrator);
    CHECK(list.profiles[0].label == "plain"); // no label: the name

    REQUIRE(list.problems.size() == 3);
    CHECK(list.problems[0].file() == (dir.path() / "policies" / "Capitals.json").string());
    CHECK_THAT(list.problems[0].reason(), Catch::Contains("lower-case letters"));
    CHECK(list.problems[1].file() == (dir.path() / "policies" / "no-review.json").string());
    CHECK_THAT(list.problems[1].reason(), Catch::Contains("\"review\""));
    CHECK(list.problems[2].file() == (dir.path() / "policies" / "scottish.json").string());
    CHECK_THAT(list.problems[2].reason(), Catch::Contains("must be \"scottish\""));
}

TEST_CASE("load_profile refuses a missing, malformed or out-of-folder profile, naming the file",
          "[review][profiles]") {
    test::TempDir dir("safesar-profiles");
    const fs::path file = dir.path() / "policies" / "standard.json";
    write_profile(dir.path(), "standard.json",
                  std::string(R"({"profile": "standard", "rules": [], )") + kReview + "}");
    const ProfileInfo p = load_profile(dir.path(), "standard");
    CHECK(p.review.signoffs_needed == 3);
    CHECK(p.review.every_page_read);
    CHECK_FALSE(p.review.release_needs_comment);
    CHECK(profile_exists(dir.path(), "standard"));

    write_profile(dir.path(), "standard.json", R"({"profile": "standard", "rules": []})");
    CHECK_THROWS_WITH(load_profile(dir.path(), "standard"),
                      Catch::Contains(file.string()) && Catch::Contains("review"));
    write_profile(dir.path(), "standard.json",
                  R"({"profile": "standard", "rules": [], "review": {"signoffs": "two"}})");
    CHECK_THROWS_AS(load_profile(dir.path(), "standard"), DataError);
    write_profile(dir.path(), "standard.json",
                  R"({"profile": "standard", "rules": [], "review": {"signoffs": 9,
                      "every_page_read": true, "release_needs_comment": true}})");
    CHECK_THROWS_WITH(load_profile(dir.path(), "standard"), Catch::Contains("0 to 5"));
    write_profile(dir.path(), "standard.json",
                  std::string(R"({"profile": "standard", )") + kReview + "}");
    CHECK_THROWS_WITH(load_profile(dir.path(), "standard"), Catch::Contains("rules"));
    write_profile(dir.path(), "standard.json", "{ not json");
    CHECK_THROWS_WITH(load_profile(dir.path(), "standard"),
                      Catch::Contains(file.string()) && Catch::Contains("not valid JSON"));

    CHECK_THROWS_WITH(load_profile(dir.path(), "police"),
                      Catch::Contains("police.json") && Catch::Contains("cannot be read"));
    CHECK_FALSE(profile_exists(dir.path(), "police"));
    for (const char* name : {"../policies/standard", "reasons", "Standard", ""}) {
        INFO(name);
        CHECK_FALSE(profile_exists(dir.path(), name));
        CHECK_THROWS_WITH(load_profile(dir.path(), name), Catch::Contains("not a profile's name"));
    }
}

TEST_CASE("the policy refuses a bad profile file as load_profile does, with its message",
          "[review][profiles]") {
    test::TempDir dir("safesar-profiles");
    // What a call throws, or "" when it does not.
    auto error_of = [](const auto& call) -> std::string {
        try {
            call();
        } catch (const DataError& e) {
            return e.what();
        }
        return "";
    };
    for (const std::string& text :
         {std::string("{ not json"), std::string(R"({"profile": "standard", "rules": []})"),
          std::string(R"({"profile": "other", "rules": [], )") + kReview + "}",
          std::string(R"({"profile": "standard", )") + kReview + "}"}) {
        INFO(text);
        write_profile(dir.path(), "standard.json", text);
        const std::string expected = error_of([&] { load_profile(dir.path(), "standard"); });
        CHECK_FALSE(expected.empty());
        CHECK(error_of([&] { Policy::load(dir.path(), "standard"); }) == expected);
    }
    CHECK(error_of([&] { Policy::load(dir.path(), "police"); }) ==
          error_of([&] { load_profile(dir.path(), "police"); }));
    CHECK(error_of([&] { Policy::load(dir.path(), "../policies/standard"); }) ==
          error_of([&] { load_profile(dir.path(), "../policies/standard"); }));
}
