// request.json: each mistake gets one precise message naming the field path.
#include <catch2/catch.hpp>

#include "safesar/case_model.hpp"
#include "safesar/data_dir.hpp"
#include "safesar/errors.hpp"

#include <nlohmann/json.hpp>

using namespace safesar;

namespace {
std::string error_of(const std::string& folder) {
    try {
        load_case(std::string(SAFESAR_FIXTURES "/bad-request/") + folder);
    } catch (const RequestError& e) {
        return e.what();
    }
    return "";
}
} // namespace

TEST_CASE("malformed request.json files are refused with the field and the reason", "[request]") {
    CHECK(error_of("bad-role") ==
          "request.json: parties[1].role: \"victm\" is not one of victim, child, partner, "
          "family, staff, professional, other");
    CHECK(error_of("missing-subject") == "request.json: subject: is missing");
    CHECK(error_of("bad-date") ==
          "request.json: received: \"2026-13-45\" is not a date of the form YYYY-MM-DD");
    CHECK(error_of("not-json").rfind("request.json: not valid JSON", 0) == 0);
    CHECK(error_of("bad-profile") ==
          "request.json: profile: \"police-disclosure\" is not one of family-contact, "
          "perpetrator, standard (the profiles in " +
              (dictionaries_dir() / "policies").string() + ")");
}

TEST_CASE("a profile is a file of the dictionaries' policies, never a path or a shared file",
          "[request]") {
    auto with_profile = [](const nlohmann::json& profile) {
        nlohmann::json request = {
            {"reference", "R-1"}, {"received", "2026-10-30"}, {"subject", {{"name", "A B"}}}};
        if (!profile.is_null()) request["profile"] = profile;
        return request.dump();
    };
    auto refusal = [&](const nlohmann::json& profile) {
        try {
            parse_request(with_profile(profile), "/tmp/case");
        } catch (const RequestError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    // Each shipped profile is read by its file's name; none named, or an empty name, is standard.
    for (const char* name : {"standard", "perpetrator", "family-contact"})
        CHECK(parse_request(with_profile(name), "/tmp/case").value.profile == name);
    CHECK(parse_request(with_profile(nullptr), "/tmp/case").value.profile == "standard");
    CHECK(parse_request(with_profile(""), "/tmp/case").value.profile == "standard");

    const std::string listed = " is not one of family-contact, perpetrator, standard (the "
                               "profiles in " +
                               (dictionaries_dir() / "policies").string() + ")";
    // The files every profile shares, other spellings, and names reaching out of the folder
    // (each would be a file that exists) are refused like an unknown profile.
    for (const char* name : {"reasons", "withhold-rules", "Perpetrator", "perpetrator.json",
                             "../policies/standard", "./standard", "/etc/passwd", " standard"}) {
        INFO(name);
        CHECK(refusal(name) == "request.json: profile: \"" + std::string(name) + "\"" + listed);
    }
    CHECK(refusal(3) == "request.json: profile: must be a string");
}

TEST_CASE("unknown fields are warnings, not errors", "[request]") {
    LoadedCase lc = load_case(SAFESAR_FIXTURES "/bad-request/unknown-field");
    REQUIRE(lc.warnings.size() == 1);
    CHECK(lc.warnings[0] == "request.json: colour: unknown field, ignored");
}

TEST_CASE("the contract's example request reads completely", "[request]") {
    const char* text = R"({
      "reference": "SAR-2026-0107", "received": "2026-10-30", "regime": "uk-gdpr",
      "profile": "perpetrator", "id_verified": "2026-11-02",
      "paused": [{"from": "2026-11-05", "to": "2026-11-09", "reason": "clarification"}],
      "extended": {"months": 2, "decided": "2026-11-20", "reason": "complex"},
      "holidays": "scotland",
      "subject": {"name": "Mark Anthony Thompson", "aliases": ["Marky"], "dob": "1984-03-12",
                  "phones": ["07700 900123"]},
      "parties": [{"name": "Lily Thompson", "role": "child", "dob": "2016-05-01",
                   "school": "Greenhill Primary School", "child_of_subject": true,
                   "disclose": true}]})";
    LoadedCase lc = parse_request(text, "/tmp/case");
    const Case& c = lc.value;
    CHECK(lc.warnings.empty());
    CHECK(c.reference == "SAR-2026-0107");
    CHECK(c.profile == "perpetrator");
    CHECK(c.holidays == HolidayRegion::Scotland);
    CHECK(c.id_verified == Date{2026, 11, 2});
    REQUIRE(c.paused.size() == 1);
    CHECK(c.paused[0].to == Date{2026, 11, 9});
    REQUIRE(c.extended);
    CHECK(c.extended->months == 2);
    REQUIRE(c.parties.size() == 1);
    CHECK(c.parties[0].role == Role::Child);
    CHECK(c.parties[0].child_of_subject);
    CHECK(c.parties[0].disclose);
    CHECK(c.subject.dob == Date{1984, 3, 12});
}

TEST_CASE("a reference with slashes is read and names files that stay in the output folder",
          "[request]") {
    // Services write references with slashes; the files they name never leave the folder.
    const char* text = R"({"reference": "JSW/SAR/2025/118", "received": "2026-10-30",
                           "subject": {"name": "A B"}})";
    const LoadedCase lc = parse_request(text, "/tmp/case");
    CHECK(lc.value.reference == "JSW/SAR/2025/118");
    CHECK(lc.value.output_stem() == "JSW-SAR-2025-118");
    for (const char* escaping : {"../x", "..\\x", ".", "..", ".hidden"}) {
        Case c;
        c.reference = escaping;
        INFO(escaping);
        const std::string stem = c.output_stem();
        CHECK(stem.find_first_of("/\\") == std::string::npos);
        CHECK(stem.front() != '.');
    }
}
