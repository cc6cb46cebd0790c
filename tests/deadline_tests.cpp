// Statutory deadlines: the ICO's worked examples, the other regimes, the bank-holiday files,
// and `safesar deadline` end to end. The rules are in docs/deadlines.md.
#include "safesar/data_dir.hpp"
#include "safesar/deadline.hpp"
#include "safesar/errors.hpp"

#include "process.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include <unistd.h>

using namespace safesar;

namespace {

Date date(const char* iso) {
    const auto d = parse_iso_date(iso);
    REQUIRE(d);
    return *d;
}

Case request_received(const char* received, Regime regime = Regime::UkGdpr) {
    Case c;
    c.reference = "SAR-TEST";
    c.received = date(received);
    c.regime = regime;
    return c;
}

const HolidayCalendar& calendar_of(HolidayRegion region) {
    static const HolidayCalendar england =
        HolidayCalendar::load(dictionaries_dir(), HolidayRegion::EnglandAndWales);
    static const HolidayCalendar scotland =
        HolidayCalendar::load(dictionaries_dir(), HolidayRegion::Scotland);
    static const HolidayCalendar northern_ireland =
        HolidayCalendar::load(dictionaries_dir(), HolidayRegion::NorthernIreland);
    switch (region) {
    case HolidayRegion::Scotland:
        return scotland;
    case HolidayRegion::NorthernIreland:
        return northern_ireland;
    case HolidayRegion::EnglandAndWales:
        break;
    }
    return england;
}

Deadline deadline_of(const Case& c) {
    return compute_deadline(c, calendar_of(c.holidays));
}

// Whether a step contains `text`; when none does, the steps are shown with the failure.
bool has_step(const Deadline& d, const std::string& text) {
    const bool found = std::any_of(d.steps.begin(), d.steps.end(), [&](const std::string& step) {
        return step.find(text) != std::string::npos;
    });
    if (!found) {
        std::string steps;
        for (const std::string& step : d.steps)
            steps += "\n  " + step;
        UNSCOPED_INFO("no step contains \"" << text << "\"; the steps:" << steps);
    }
    return found;
}

} // namespace

// ---- Day arithmetic ----

TEST_CASE("days from civil and back", "[deadline]") {
    CHECK(days_from_civil(date("1970-01-01")) == 0);
    CHECK(days_from_civil(date("2000-03-01")) == 11017);
    CHECK(days_from_civil(date("1969-12-31")) == -1);
    for (int day = -1000; day < 30000; day += 7)
        REQUIRE(days_from_civil(civil_from_days(day)) == day);
    CHECK(civil_from_days(days_from_civil(date("2028-02-29"))) == date("2028-02-29"));
    CHECK(add_days(date("2026-12-31"), 1) == date("2027-01-01"));
    CHECK(add_days(date("2028-03-01"), -1) == date("2028-02-29"));
}

TEST_CASE("weekdays and valid dates", "[deadline]") {
    CHECK(weekday(date("1970-01-01")) == Weekday::Thursday);
    CHECK(weekday(date("2000-01-01")) == Weekday::Saturday);
    CHECK(weekday(date("2026-12-25")) == Weekday::Friday);
    CHECK(weekday(date("1969-12-28")) == Weekday::Sunday);
    CHECK(std::string(to_string(Weekday::Saturday)) == "Saturday");
    CHECK(is_valid_date(Date{2028, 2, 29}));
    CHECK_FALSE(is_valid_date(Date{2027, 2, 29}));
    CHECK_FALSE(is_valid_date(Date{2100, 2, 29})); // not a leap year: divisible by 100
    CHECK(is_valid_date(Date{2000, 2, 29}));       // a leap year: divisible by 400
    CHECK_FALSE(is_valid_date(Date{2026, 13, 1}));
}

TEST_CASE("adding months keeps the day or clamps to the month's last day", "[deadline]") {
    CHECK(add_months(date("2025-09-03"), 1) == date("2025-10-03"));
    CHECK(add_months(date("2025-01-31"), 1) == date("2025-02-28"));
    CHECK(add_months(date("2028-01-31"), 1) == date("2028-02-29"));
    CHECK(add_months(date("2026-08-31"), 1) == date("2026-09-30"));
    CHECK(add_months(date("2026-11-30"), 3) == date("2027-02-28"));
    CHECK(add_months(date("2026-12-15"), 1) == date("2027-01-15"));
    CHECK(add_months(date("2027-03-31"), -1) == date("2027-02-28"));
    CHECK(add_months(date("2027-01-10"), -13) == date("2025-12-10"));
}

// ---- UK GDPR: the ICO's worked examples ----

TEST_CASE("ICO: received 3 September, due 3 October", "[deadline]") {
    const Deadline d = deadline_of(request_received("2025-09-03"));
    CHECK(d.start == date("2025-09-03"));
    CHECK(d.due == date("2025-10-03"));
    CHECK(has_step(d, "clock starts 2025-09-03 (received)"));
    CHECK(has_step(d, "one month on: 2025-10-03"));
}

TEST_CASE("ICO: received 31 January, due the last day of February", "[deadline]") {
    SECTION("28 February in a common year") {
        const Deadline d = deadline_of(request_received("2025-01-31"));
        CHECK(d.due == date("2025-02-28"));
        CHECK(has_step(d, "no day 31 in that month: its last day"));
    }
    SECTION("29 February in a leap year") {
        CHECK(deadline_of(request_received("2028-01-31")).due == date("2028-02-29"));
    }
}

TEST_CASE("ICO: a request received on a bank holiday still counts that day", "[deadline]") {
    // Easter Monday 2026: day one is the holiday itself, so one month on is 6 May, not 7 May.
    const Deadline d = deadline_of(request_received("2026-04-06"));
    CHECK(d.start == date("2026-04-06"));
    CHECK(d.due == date("2026-05-06"));
}

TEST_CASE("ICO: a due date on a weekend or bank holiday moves to the next working day",
          "[deadline]") {
    SECTION("a Saturday before a bank holiday Monday: the Tuesday") {
        const Deadline d = deadline_of(request_received("2027-04-29"));
        CHECK(d.due == date("2027-06-01"));
        CHECK(has_step(d, "2027-05-29 is a Saturday"));
        CHECK(has_step(d, "2027-05-31 is a bank holiday (Spring bank holiday)"));
        CHECK(has_step(d, "next working day 2027-06-01"));
    }
    SECTION("a Friday before a bank holiday Monday: the Friday itself") {
        const Deadline d = deadline_of(request_received("2026-04-22"));
        CHECK(d.due == date("2026-05-22"));
        CHECK_FALSE(has_step(d, "next working day"));
    }
    SECTION("the bank holiday Monday itself: the Tuesday") {
        const Deadline d = deadline_of(request_received("2026-04-25"));
        CHECK(d.due == date("2026-05-26"));
        CHECK(has_step(d, "2026-05-25 is a bank holiday (Spring bank holiday): next working day "
                          "2026-05-26"));
    }
    SECTION("a Sunday: the Monday") {
        CHECK(deadline_of(request_received("2027-01-31")).due == date("2027-03-01"));
    }
}

TEST_CASE("the clock starts on the latest of received, id_verified, authority, fee", "[deadline]") {
    Case c = request_received("2026-10-30");
    c.id_verified = date("2026-11-02");
    Deadline d = deadline_of(c);
    CHECK(d.start == date("2026-11-02"));
    CHECK(d.due == date("2026-12-02"));
    CHECK(d.steps.at(1) == "clock starts 2026-11-02 (id_verified, the latest of "
                           "received/id_verified)");

    c.fee_received = date("2026-11-09");
    c.authority_received = date("2026-11-05");
    d = deadline_of(c);
    CHECK(d.start == date("2026-11-09"));
    CHECK(d.due == date("2026-12-09"));
    CHECK(has_step(d, "(fee_received, the latest of "
                      "received/id_verified/authority_received/fee_received)"));

    // Identity proved before the request arrived, or on the same day: the request itself
    // starts the clock.
    Case early = request_received("2026-10-30");
    early.id_verified = date("2026-10-20");
    CHECK(deadline_of(early).start == date("2026-10-30"));
    early.id_verified = date("2026-10-30");
    CHECK(deadline_of(early).steps.at(1) ==
          "clock starts 2026-10-30 (received, the latest of received/id_verified)");
}

// ---- Extensions ----

TEST_CASE("an extension by two months: three months from the start", "[deadline]") {
    Case c = request_received("2025-09-03");
    c.extended = Extension{2, date("2025-09-20"), "complex: many records"};
    const Deadline d = deadline_of(c);
    CHECK(d.due == date("2025-12-03"));
    CHECK(has_step(d, "extended by 2 months (complex: many records), decided 2025-09-20"));
    CHECK(has_step(d, "three months on: 2025-12-03"));

    c.extended->months = 1;
    CHECK(deadline_of(c).due == date("2025-11-03"));
}

TEST_CASE("an extended due date on a weekend moves to the next working day", "[deadline]") {
    Case c = request_received("2026-09-28");
    c.extended = Extension{2, date("2026-10-01"), ""};
    // 28 December 2026 is Boxing Day's substitute, a Monday: the Tuesday.
    CHECK(deadline_of(c).due == date("2026-12-29"));
}

TEST_CASE("an extension decided after the first month's due date is ignored", "[deadline]") {
    Case c = request_received("2025-09-03");
    c.extended = Extension{2, date("2025-10-06"), "too late"};
    const Deadline d = deadline_of(c);
    CHECK(d.due == date("2025-10-03"));
    CHECK(has_step(d, "extension by 2 months decided 2025-10-06 is after the first month's due "
                      "date 2025-10-03: invalid, ignored"));

    c.extended->decided = date("2025-10-03"); // on the due date itself: still in time
    CHECK(deadline_of(c).due == date("2025-12-03"));
}

TEST_CASE("an extension in time is measured against the rolled first due date", "[deadline]") {
    // One month on is Saturday 3 October 2026, so the first month runs to Monday 5 October.
    Case c = request_received("2026-09-03");
    c.extended = Extension{1, date("2026-10-05"), ""};
    CHECK(deadline_of(c).due == date("2026-11-03"));
}

// ---- Pauses ----

TEST_CASE("a clarification pause moves the due date by the days paused", "[deadline]") {
    Case c = request_received("2025-09-03");
    c.paused.push_back(Pause{date("2025-09-10"), date("2025-09-12"), "clarification"});
    const Deadline d = deadline_of(c);
    // 3 October + 3 days = Monday 6 October.
    CHECK(d.due == date("2025-10-06"));
    CHECK(has_step(d, "paused 2025-09-10 to 2025-09-12 (clarification): 3 days, due moves to "
                      "2025-10-06"));
}

TEST_CASE("a pause is counted day by day against the running due date", "[deadline]") {
    SECTION("a pause that begins after the due date does not count") {
        Case c = request_received("2025-09-03");
        c.paused.push_back(Pause{date("2025-10-04"), date("2025-10-08"), ""});
        const Deadline d = deadline_of(c);
        CHECK(d.due == date("2025-10-03"));
        CHECK(has_step(d, "begins after the due date 2025-10-03, does not count"));
    }
    SECTION("a pause over the due date counts in full") {
        Case c = request_received("2025-09-03");
        c.paused.push_back(Pause{date("2025-10-01"), date("2025-10-10"), ""});
        // 10 days: 3 October + 10 = 13 October, a Monday.
        CHECK(deadline_of(c).due == date("2025-10-13"));
    }
    SECTION("a pause that begins on the due date counts") {
        Case c = request_received("2025-09-03");
        c.paused.push_back(Pause{date("2025-10-03"), date("2025-10-03"), ""});
        CHECK(deadline_of(c).due == date("2025-10-06")); // Saturday 4th, then Monday
    }
    SECTION("a second pause pushed into the window by the first counts") {
        Case c = request_received("2025-09-03");
        c.paused.push_back(Pause{date("2025-09-10"), date("2025-09-14"), ""}); // due 8 October
        c.paused.push_back(Pause{date("2025-10-06"), date("2025-10-07"), ""}); // due 10 October
        CHECK(deadline_of(c).due == date("2025-10-10"));
    }
    SECTION("overlapping pauses count each day once") {
        Case c = request_received("2025-09-03");
        c.paused.push_back(Pause{date("2025-09-10"), date("2025-09-14"), ""});
        c.paused.push_back(Pause{date("2025-09-12"), date("2025-09-15"), ""});
        const Deadline d = deadline_of(c);
        CHECK(d.due == date("2025-10-09")); // 6 distinct days
        CHECK(has_step(d, "1 of its 4 days"));
    }
    SECTION("days before the clock start do not count") {
        Case c = request_received("2025-09-03");
        c.id_verified = date("2025-09-08");
        c.paused.push_back(Pause{date("2025-09-05"), date("2025-09-09"), ""});
        CHECK(deadline_of(c).due == date("2025-10-10")); // 8 October + 2 days
    }
}

TEST_CASE("a pause counts within an extension too", "[deadline]") {
    Case c = request_received("2025-09-03");
    c.extended = Extension{2, date("2025-09-20"), ""};
    c.paused.push_back(Pause{date("2025-11-03"), date("2025-11-04"), ""});
    // Three months on is 3 December; the November pause adds 2 days.
    CHECK(deadline_of(c).due == date("2025-12-05"));
}

TEST_CASE("an extension decided after a paused first month is still in time", "[deadline]") {
    Case c = request_received("2025-09-03");
    c.paused.push_back(Pause{date("2025-09-10"), date("2025-09-12"), ""}); // first month: 6 Oct
    c.extended = Extension{2, date("2025-10-06"), ""};
    CHECK(deadline_of(c).due == date("2025-12-08")); // 3 December + 3 days = Saturday: Monday
}

// ---- Other regimes ----

TEST_CASE("eu-gdpr reckons like uk-gdpr with the configured bank holidays", "[deadline]") {
    Case c = request_received("2027-04-29", Regime::EuGdpr);
    const Deadline d = deadline_of(c);
    CHECK(d.due == date("2027-06-01"));
    CHECK(d.steps.front().find("eu-gdpr") != std::string::npos);
}

TEST_CASE("dpa1998: 40 days from the relevant day", "[deadline]") {
    SECTION("40 days on, a weekday") {
        const Deadline d = deadline_of(request_received("2025-09-04", Regime::Dpa1998));
        CHECK(d.due == date("2025-10-14")); // 4 September + 40 days, a Tuesday
        CHECK(has_step(d, "40 days on from 2025-09-04: 2025-10-14"));
    }
    SECTION("rolled to the next working day") {
        // 1 September + 40 = Saturday 11 October: Monday 13th.
        CHECK(deadline_of(request_received("2025-09-01", Regime::Dpa1998)).due ==
              date("2025-10-13"));
    }
    SECTION("information asked for restarts the 40 days when it arrives") {
        Case c = request_received("2025-09-01", Regime::Dpa1998);
        c.paused.push_back(Pause{date("2025-09-05"), date("2025-09-14"), "fee and details"});
        const Deadline d = deadline_of(c);
        CHECK(d.start == date("2025-09-14"));
        CHECK(d.due == date("2025-10-24")); // 14 September + 40, a Friday
        CHECK(has_step(d, "which becomes the relevant day"));
    }
    SECTION("no extension") {
        Case c = request_received("2025-09-04", Regime::Dpa1998);
        c.extended = Extension{2, date("2025-09-05"), ""};
        const Deadline d = deadline_of(c);
        CHECK(d.due == date("2025-10-14"));
        CHECK(has_step(d, "DPA 1998 has no extension"));
    }
}

TEST_CASE("ccpa: 45 calendar days from receipt, no working-day roll", "[deadline]") {
    SECTION("kept on a Saturday") {
        const Deadline d = deadline_of(request_received("2025-09-03", Regime::Ccpa));
        CHECK(d.due == date("2025-10-18"));
        CHECK(weekday(d.due) == Weekday::Saturday);
        CHECK(has_step(d, "no working-day roll"));
    }
    SECTION("from receipt, whatever the time to verify") {
        Case c = request_received("2025-09-03", Regime::Ccpa);
        c.id_verified = date("2025-09-20");
        CHECK(deadline_of(c).due == date("2025-10-18"));
    }
    SECTION("extended by 45 more days; months ignored") {
        Case c = request_received("2025-09-03", Regime::Ccpa);
        c.extended = Extension{1, date("2025-10-01"), "many systems"};
        const Deadline d = deadline_of(c);
        CHECK(d.due == date("2025-12-02"));
        CHECK(has_step(d, "`months` ignored"));
    }
    SECTION("an extension after the first 45 days is ignored") {
        Case c = request_received("2025-09-03", Regime::Ccpa);
        c.extended = Extension{2, date("2025-10-20"), ""};
        const Deadline d = deadline_of(c);
        CHECK(d.due == date("2025-10-18"));
        CHECK(has_step(d, "invalid, ignored"));
    }
}

// ---- Regions ----

TEST_CASE("Scotland and England differ: first Monday of August, 2 January", "[deadline]") {
    SECTION("3 August 2026: Scotland's summer bank holiday") {
        Case c = request_received("2026-07-03");
        CHECK(deadline_of(c).due == date("2026-08-03"));
        c.holidays = HolidayRegion::Scotland;
        const Deadline d = deadline_of(c);
        CHECK(d.due == date("2026-08-04"));
        CHECK(has_step(d, "working days of scotland"));
    }
    SECTION("4 January 2027: 2nd January's substitute day in Scotland") {
        Case c = request_received("2026-12-04");
        CHECK(deadline_of(c).due == date("2027-01-04"));
        c.holidays = HolidayRegion::Scotland;
        CHECK(deadline_of(c).due == date("2027-01-05"));
    }
    SECTION("31 August 2026: England's summer bank holiday, a working day in Scotland") {
        Case c = request_received("2026-07-31");
        CHECK(deadline_of(c).due == date("2026-09-01"));
        c.holidays = HolidayRegion::Scotland;
        CHECK(deadline_of(c).due == date("2026-08-31"));
    }
    SECTION("13 July 2026: the Battle of the Boyne's substitute day in Northern Ireland") {
        Case c = request_received("2026-06-13");
        CHECK(deadline_of(c).due == date("2026-07-13"));
        c.holidays = HolidayRegion::NorthernIreland;
        CHECK(deadline_of(c).due == date("2026-07-14"));
    }
}

TEST_CASE("a due date beyond the holiday files says only weekends were checked", "[deadline]") {
    const Deadline d = deadline_of(request_received("2031-03-03"));
    CHECK(d.due == date("2031-04-03"));
    CHECK(has_step(d, "no bank holidays of england-and-wales are known for 2031"));
    CHECK_FALSE(has_step(deadline_of(request_received("2030-03-04")), "no bank holidays"));
}

// ---- Working days ----

TEST_CASE("working days between two dates", "[deadline]") {
    const HolidayCalendar& england = calendar_of(HolidayRegion::EnglandAndWales);
    CHECK(working_days_between(date("2026-12-02"), date("2026-12-02"), england) == 0);
    CHECK(working_days_between(date("2026-12-01"), date("2026-12-02"), england) == 1);
    CHECK(working_days_between(date("2026-12-04"), date("2026-12-07"), england) == 1);
    // 25 December (Friday) and 28 December (Boxing Day substitute) are holidays.
    CHECK(working_days_between(date("2026-12-24"), date("2026-12-29"), england) == 1);
    CHECK(working_days_between(date("2026-12-29"), date("2026-12-24"), england) == -1);
    CHECK(working_days_between(date("2026-11-02"), date("2026-12-02"), england) == 22);
}

// ---- The bank-holiday files ----

TEST_CASE("the three bank-holiday files load with their known dates", "[deadline]") {
    const HolidayCalendar& england = calendar_of(HolidayRegion::EnglandAndWales);
    const HolidayCalendar& scotland = calendar_of(HolidayRegion::Scotland);
    const HolidayCalendar& ni = calendar_of(HolidayRegion::NorthernIreland);
    CHECK(england.region() == "england-and-wales");
    CHECK(scotland.region() == "scotland");
    CHECK(ni.region() == "northern-ireland");

    for (const HolidayCalendar* calendar : {&england, &scotland, &ni}) {
        CHECK(calendar->covers(2020));
        CHECK(calendar->covers(2030));
        CHECK_FALSE(calendar->covers(2031));
        CHECK(calendar->is_holiday(date("2026-12-25")));
        CHECK(calendar->holiday_title(date("2026-12-25")) == "Christmas Day");
        CHECK(calendar->is_holiday(date("2020-05-08"))); // VE Day, moved from 4 May
        CHECK_FALSE(calendar->is_holiday(date("2020-05-04")));
        CHECK(calendar->is_holiday(date("2022-06-02"))); // late May moved for the Jubilee
        CHECK(calendar->is_holiday(date("2022-06-03"))); // Platinum Jubilee
        CHECK_FALSE(calendar->is_holiday(date("2022-05-30")));
        CHECK(calendar->is_holiday(date("2022-09-19")));           // State Funeral
        CHECK(calendar->is_holiday(date("2023-05-08")));           // Coronation
        CHECK(calendar->is_holiday(date("2027-03-26")));           // Good Friday
        CHECK_FALSE(calendar->is_working_day(date("2026-12-26"))); // a Saturday
        CHECK(calendar->is_working_day(date("2026-12-29")));
    }

    // Easter Monday is a bank holiday in England, Wales and Northern Ireland, not Scotland.
    CHECK(england.is_holiday(date("2027-03-29")));
    CHECK(england.holiday_title(date("2027-03-29")) == "Easter Monday");
    CHECK(ni.is_holiday(date("2027-03-29")));
    CHECK_FALSE(scotland.is_holiday(date("2027-03-29")));

    // Scotland: 2 January, first Monday of August, St Andrew's Day (substitute in 2025).
    CHECK(scotland.is_holiday(date("2026-01-02")));
    CHECK_FALSE(england.is_holiday(date("2026-01-02")));
    CHECK(scotland.is_holiday(date("2027-08-02")));
    CHECK_FALSE(scotland.is_holiday(date("2027-08-30")));
    CHECK(england.is_holiday(date("2027-08-30")));
    CHECK(scotland.is_holiday(date("2026-11-30")));
    CHECK(scotland.is_holiday(date("2025-12-01")));
    CHECK_FALSE(england.is_holiday(date("2026-11-30")));

    // Northern Ireland: St Patrick's Day (substitute in 2024) and the Battle of the Boyne.
    CHECK(ni.is_holiday(date("2026-03-17")));
    CHECK(ni.is_holiday(date("2024-03-18")));
    CHECK(ni.is_holiday(date("2027-07-12")));
    CHECK_FALSE(england.is_holiday(date("2027-07-12")));

    // Rule-computed years: Easter 2030 is 21 April.
    CHECK(england.holiday_title(date("2030-04-22")) == "Easter Monday");
    CHECK(scotland.is_holiday(date("2030-12-02"))); // St Andrew's Day on a Saturday
}

TEST_CASE("every listed bank holiday is a weekday, and each year has its count", "[deadline]") {
    // Substitute days mean no listed holiday falls on a weekend; ordinary years have 8
    // (England and Wales), 9 (Scotland) and 10 (Northern Ireland) bank holidays.
    const std::array<std::pair<HolidayRegion, int>, 3> regions = {
        {{HolidayRegion::EnglandAndWales, 8},
         {HolidayRegion::Scotland, 9},
         {HolidayRegion::NorthernIreland, 10}}};
    for (const auto& [region, per_year] : regions) {
        const HolidayCalendar& calendar = calendar_of(region);
        for (int year = 2020; year <= 2030; ++year) {
            int count = 0;
            for (Date d{year, 1, 1}; d.year == year; d = add_days(d, 1)) {
                if (!calendar.is_holiday(d)) continue;
                ++count;
                INFO(to_iso(d));
                CHECK(weekday(d) != Weekday::Saturday);
                CHECK(weekday(d) != Weekday::Sunday);
            }
            const int extra = year == 2022   ? 2
                              : year == 2023 ? 1
                                             : 0; // Jubilee, funeral; coronation
            INFO(holiday_file_stem(region) << " " << year);
            CHECK(count == per_year + extra);
        }
    }
}

namespace {

// A scratch folder of this process, removed at the end of the test.
struct ScratchDir {
    std::filesystem::path path;
    explicit ScratchDir(const std::string& name)
        : path(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(getpid()))) {
        std::filesystem::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    void write(const std::filesystem::path& relative, const std::string& text) const {
        std::filesystem::create_directories((path / relative).parent_path());
        std::ofstream(path / relative, std::ios::binary) << text;
    }
};

std::string load_error(const std::filesystem::path& dictionaries) {
    try {
        HolidayCalendar::load(dictionaries, HolidayRegion::Scotland);
    } catch (const DataError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("a missing or malformed holiday file is a DataError", "[deadline]") {
    const ScratchDir dir("safesar-holidays");
    CHECK_THAT(load_error(dir.path),
               Catch::Contains("scotland.json") && Catch::Contains("cannot be read"));

    dir.write("bank-holidays/scotland.json", "{\"region\": \"scotland\", \"dates\": [");
    CHECK_THAT(load_error(dir.path), Catch::Contains("not valid JSON"));

    dir.write("bank-holidays/scotland.json", R"({"region": "england-and-wales", "dates": []})");
    CHECK_THAT(load_error(dir.path), Catch::Contains("expected \"scotland\""));

    dir.write("bank-holidays/scotland.json", R"({"region": "scotland", "dates": []})");
    CHECK_THAT(load_error(dir.path), Catch::Contains("dates: missing, not a list, or empty"));

    dir.write("bank-holidays/scotland.json",
              R"({"region": "scotland", "dates": [{"date": "2026-02-30", "title": "x"}]})");
    CHECK_THAT(load_error(dir.path), Catch::Contains("dates[0].date: \"2026-02-30\""));

    dir.write("bank-holidays/scotland.json",
              R"({"region": "scotland", "dates": [{"date": "2026-01-02"}]})");
    CHECK_THAT(load_error(dir.path), Catch::Contains("dates[0].title: missing"));

    dir.write("bank-holidays/scotland.json",
              R"({"region": "scotland", "dates": [{"date": "2026-01-02", "title": "2nd"}]})");
    CHECK(load_error(dir.path) == "no error");
}

// ---- `safesar deadline CASE` ----

namespace {

using test::CommandResult;
using test::run_command;

} // namespace

TEST_CASE("safesar deadline prints the due date first, then the steps and days left",
          "[deadline]") {
    const ScratchDir dir("safesar-deadline-case");
    dir.write("request.json", R"({"reference": "SAR-2026-0107", "received": "2026-10-30",
        "id_verified": "2026-11-02", "holidays": "scotland",
        "subject": {"name": "Test Requester"}})");
    const std::string binary = SAFESAR_BINARY;

    SECTION("in time") {
        const CommandResult r =
            run_command("'" + binary + "' deadline '" + dir.path.string() + "' --today 2026-11-20");
        CHECK(r.status == 0);
        CHECK(r.out.rfind("due: 2026-12-02\n", 0) == 0);
        CHECK_THAT(r.out, Catch::Contains("clock starts 2026-11-02 (id_verified"));
        // 23 November .. 2 December, less St Andrew's Day (30 November), a Monday.
        CHECK_THAT(r.out, Catch::Contains("working days left: 7\n"));
        CHECK_THAT(r.out, !Catch::Contains("OVERDUE"));
    }
    SECTION("overdue") {
        const CommandResult r =
            run_command("'" + binary + "' deadline '" + dir.path.string() + "' --today 2026-12-04");
        CHECK(r.status == 0);
        CHECK_THAT(r.out, Catch::Contains("working days left: -2\n"));
        CHECK_THAT(r.out, Catch::Contains("OVERDUE"));
    }
    SECTION("a broken request.json fails with one line") {
        dir.write("request.json", R"({"reference": "SAR-1", "subject": {"name": "X"}})");
        const CommandResult r =
            run_command("'" + binary + "' deadline '" + dir.path.string() + "' 2>&1");
        CHECK(r.status != 0);
        CHECK_THAT(r.out, Catch::Contains("request.json"));
    }
}
