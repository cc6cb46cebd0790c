// The tables of enum names (enum_names.hpp): every name parses back to its value, and the
// names that files, JSON and the review database already hold stay as they are.
#include "safesar/enum_names.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace safesar;

namespace {

// Each value once, each name once, and parse(name(v)) == v.
template <typename Enum, std::size_t N> void check_round_trip(const EnumNames<Enum, N>& table) {
    std::set<std::string> names;
    std::set<Enum> values;
    for (const auto& [value, name] : table.entries) {
        INFO(name);
        CHECK(names.insert(name).second);
        CHECK(values.insert(value).second);
        CHECK(std::string(table.name(value)) == name);
        CHECK(table.parse(name) == value);
        CHECK(std::string(to_string(value)) == name);
    }
    CHECK_FALSE(table.parse("no such name").has_value());
    CHECK_FALSE(table.parse("").has_value());
}

} // namespace

TEST_CASE("every enum name parses back to its value", "[enums]") {
    check_round_trip(role_names);
    check_round_trip(regime_names);
    check_round_trip(holiday_region_names);
    check_round_trip(weekday_names);
    check_round_trip(record_kind_names);
    check_round_trip(section_kind_names);
    check_round_trip(category_names);
    check_round_trip(action_names);
    check_round_trip(finding_status_names);
    check_round_trip(case_stage_names);
    check_round_trip(export_stage_names);
    check_round_trip(case_status_names);
    for (const auto& [value, name] : verdict_names.entries)
        CHECK(verdict_names.parse(name) == value);
}

TEST_CASE("enum names stay as the file formats spell them", "[enums]") {
    CHECK(std::string(to_string(Role::Professional)) == "professional");
    CHECK(std::string(to_string(Regime::Dpa1998)) == "dpa1998");
    CHECK(std::string(holiday_file_stem(HolidayRegion::NorthernIreland)) == "northern-ireland");
    CHECK(std::string(to_string(RecordKind::WebPage)) == "web-page");
    CHECK(std::string(to_string(SectionKind::PageText)) == "page");
    CHECK(std::string(to_string(Category::DateOfBirth)) == "date-of-birth");
    CHECK(std::string(to_string(CaseStage::SignedOff)) == "signed off");
    CHECK(std::string(to_string(CaseStatus::NotRun)) == "not-run");
    CHECK(std::string(verdict_names.name(Verdict::ChangeSpan)) == "span");
    CHECK(std::string(to_string(Weekday::Sunday)) == "Sunday");
    CHECK(std::string(to_string(ExportStage::Verifying)) == "verifying");
    CHECK(parse_finding_status("gone") == FindingStatus::Gone);
}
