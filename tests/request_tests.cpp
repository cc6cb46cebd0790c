// request.json: each mistake gets one precise message naming the field path.
#include <catch2/catch.hpp>

#include "safesar/case_model.hpp"
#include "safesar/errors.hpp"

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
    CHECK(c.profile == Profile::Perpetrator);
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
