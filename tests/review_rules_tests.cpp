// What a profile asks of the review (sign-offs, every page read, a comment to release a
// withheld record) is the profile file's "review" object, not code keyed on a profile's name.
#include <catch2/catch.hpp>

#include "../engine/src/review/review_rules.hpp"
#include "safesar/data_dir.hpp"
#include "safesar/errors.hpp"
#include "temp_dir.hpp"

#include <fstream>

namespace fs = std::filesystem;
using namespace safesar;

TEST_CASE("each shipped profile says what its review needs", "[review]") {
    const ReviewRules perpetrator = load_review_rules(dictionaries_dir(), Profile::Perpetrator);
    CHECK(perpetrator.signoffs_needed == 2);
    CHECK(perpetrator.every_page_read);
    CHECK(perpetrator.release_needs_comment);
    for (Profile p : {Profile::Standard, Profile::FamilyContact}) {
        const ReviewRules r = load_review_rules(dictionaries_dir(), p);
        CHECK(r.signoffs_needed == 0);
        CHECK_FALSE(r.every_page_read);
        CHECK_FALSE(r.release_needs_comment);
    }
}

TEST_CASE("review rules are read from the profile file and a file without them is refused",
          "[review]") {
    test::TempDir dir("safesar-review-rules");
    fs::create_directories(dir.path() / "policies");
    const fs::path file = dir.path() / "policies" / "standard.json";
    std::ofstream(file) << R"({"profile": "standard", "review": {"signoffs": 3,
        "every_page_read": true, "release_needs_comment": false}})";
    const ReviewRules r = load_review_rules(dir.path(), Profile::Standard);
    CHECK(r.signoffs_needed == 3);
    CHECK(r.every_page_read);
    CHECK_FALSE(r.release_needs_comment);

    std::ofstream(file, std::ios::trunc) << R"({"profile": "standard"})";
    CHECK_THROWS_WITH(load_review_rules(dir.path(), Profile::Standard),
                      Catch::Contains("standard.json") && Catch::Contains("review"));
    std::ofstream(file, std::ios::trunc) << R"({"review": {"signoffs": "two"}})";
    CHECK_THROWS_AS(load_review_rules(dir.path(), Profile::Standard), DataError);
}
