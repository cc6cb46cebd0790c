// A profile added from data alone (issue 17): the dictionaries copied to a scratch folder
// (SAFESAR_DICTIONARIES), a police disclosure unit's profile written there as a variant of
// standard.json (three sign-offs, every page read, professionals' names disclosed), and the
// same case run through the real `safesar` under it and under standard. Only the new file
// differs, so whatever differs between the two runs is that file's rules taking effect.
#include "pdf_text.hpp"
#include "process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>

namespace fs = std::filesystem;
using nlohmann::json;
using safesar::test::quoted;
using safesar::test::run_command;

namespace {

const fs::path source_dictionaries = fs::path(SAFESAR_FIXTURES).parent_path() / "dictionaries";
const fs::path fixture = fs::path(SAFESAR_FIXTURES) / "cases" / "profiles" / "standard";
const std::string reference = "SAR-2026-0601"; // the fixture's

// standard.json as a police disclosure unit's profile: its own name and label, a review of
// three reviewers who read every page, and a rule that discloses professionals (the officers
// and advisers the unit deals with), just after the requester's own data.
json police_profile() {
    json p = json::parse(std::ifstream(source_dictionaries / "policies" / "standard.json"));
    p["profile"] = "police-disclosure";
    p["label"] = "Police disclosure unit";
    p["review"] = {{"signoffs", 3}, {"every_page_read", true}, {"release_needs_comment", true}};
    json& rules = p.at("rules");
    rules.insert(rules.begin() + 1, json{{"when", {{"role", {"professional"}}}},
                                         {"action", "keep"},
                                         {"why", "a professional's name, disclosed by the unit"}});
    return p;
}

struct Run {
    safesar::test::CommandResult run, status;
    std::string bundle_text;
};

// The fixture under PROFILE, with the dictionaries of `dictionaries`: `safesar run`, then
// `safesar status` on the case it recorded.
Run run_under(const safesar::test::TempDir& work, const fs::path& dictionaries,
              const std::string& profile) {
    fs::remove_all(work.path() / ("case-" + profile)); // a run before the profile was added
    const fs::path c = work.add(fixture, "case-" + profile);
    json request = json::parse(std::ifstream(c / "request.json"));
    request["profile"] = profile;
    std::ofstream(c / "request.json", std::ios::trunc) << request.dump(2);
    const std::string env = "SAFESAR_DICTIONARIES=" + quoted(dictionaries) + " ";
    const fs::path out = work.path() / ("out-" + profile);
    Run r;
    r.run = run_command(env + quoted(SAFESAR_BINARY) + " run " + quoted(c) + " --out " +
                        quoted(out) + " 2>&1");
    r.status = run_command(env + quoted(SAFESAR_BINARY) + " status " + quoted(c) + " 2>&1");
    if (r.run.status == 0) r.bundle_text = safesar::test::pdf_text(out / (reference + ".pdf"));
    return r;
}

} // namespace

TEST_CASE("a profile added as a data file is offered and its rules take effect",
          "[cli][profiles]") {
    safesar::test::require_tool("pdftotext", "poppler-utils");
    REQUIRE(json::parse(std::ifstream(fixture / "request.json")).at("reference") == reference);
    safesar::test::TempDir work("safesar-profile-data");
    const fs::path dictionaries = work.path() / "dictionaries";
    fs::copy(source_dictionaries, dictionaries, fs::copy_options::recursive);
    const std::string env = "SAFESAR_DICTIONARIES=" + quoted(dictionaries) + " ";
    const std::string profiles = env + quoted(SAFESAR_BINARY) + " profiles 2>&1";

    // Before the file is there, a request naming it is refused with the profiles there are.
    const Run refused = run_under(work, dictionaries, "police-disclosure");
    CHECK(refused.run.status == 1);
    CHECK_THAT(refused.run.out,
               Catch::Contains("request.json: profile: \"police-disclosure\" is not one of "
                               "family-contact, perpetrator, standard (the profiles in " +
                               (dictionaries / "policies").string() + ")"));
    CHECK_THAT(run_command(profiles).out, !Catch::Contains("police-disclosure"));

    std::ofstream(dictionaries / "policies" / "police-disclosure.json") << police_profile().dump(2);
    const safesar::test::CommandResult listed = run_command(profiles);
    CHECK(listed.status == 0);
    CHECK_THAT(listed.out, Catch::Contains("police-disclosure  Police disclosure unit") &&
                               Catch::Contains("sign-offs 3, every page read") &&
                               Catch::Contains("police-disclosure.json"));

    const Run police = run_under(work, dictionaries, "police-disclosure");
    const Run standard = run_under(work, dictionaries, "standard");
    INFO(police.run.out << police.status.out);
    REQUIRE(police.run.status == 0);
    REQUIRE(standard.run.status == 0);
    // Its rules: the family court adviser the records name is disclosed, as standard does not.
    CHECK_THAT(police.bundle_text, Catch::Contains("Fairweather"));
    CHECK_THAT(standard.bundle_text, !Catch::Contains("Fairweather"));
    CHECK_THAT(police.bundle_text, !Catch::Contains("Leonie")); // the victim stays withheld
    // Its review: three reviewers and every page, which standard does not ask.
    CHECK(police.status.status == 0);
    CHECK_THAT(police.status.out,
               Catch::StartsWith(reference + " (police-disclosure)") &&
                   Catch::Contains("(all needed before a final export)") &&
                   Catch::Contains("needed: 3 different reviewers") &&
                   Catch::Contains("a police-disclosure request needs sign-off by 3 different "
                                   "reviewers"));
    CHECK_THAT(standard.status.out, Catch::StartsWith(reference + " (standard)") &&
                                        !Catch::Contains("different reviewers") &&
                                        !Catch::Contains("all needed before"));

    // A bad profile file is named, and the good ones are still listed.
    std::ofstream(dictionaries / "policies" / "scottish.json")
        << R"({"profile": "scottish", "rules": []})";
    const safesar::test::CommandResult bad = run_command(profiles);
    CHECK(bad.status == 1);
    CHECK_THAT(bad.out, Catch::Contains((dictionaries / "policies" / "scottish.json").string() +
                                        ": has no \"review\" object") &&
                            Catch::Contains("police-disclosure  Police disclosure unit"));
}
