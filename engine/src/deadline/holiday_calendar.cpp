// Bank holidays of one region: dictionaries/bank-holidays/<region>.json, written by
// dictionaries/bank-holidays/generate.py (sources in SOURCE.md beside it).
#include "safesar/deadline.hpp"
#include "safesar/enum_names.hpp"
#include "safesar/errors.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace safesar {

// The files are named as request.json names the region.
const char* holiday_file_stem(HolidayRegion region) {
    return holiday_region_names.name(region);
}

HolidayCalendar::HolidayCalendar(std::string region, std::map<Date, std::string> holidays)
    : region_(std::move(region)), days_(std::move(holidays)) {
    if (!days_.empty()) {
        first_year_ = days_.begin()->first.year;
        last_year_ = days_.rbegin()->first.year;
    }
}

namespace {

nlohmann::json read_json_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw DataError(file.string(), "cannot be read (missing bank-holiday file?)");
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error& e) {
        throw DataError(file.string(), std::string("not valid JSON: ") + e.what());
    }
}

// The string member `key` of `object`, or a DataError naming where it should have been.
// `where` is the object's path in the file ("dates[3]"), empty for the top level.
std::string string_member(const nlohmann::json& object, const char* key, const std::string& where,
                          const std::filesystem::path& file) {
    const std::string path = where.empty() ? key : where + "." + key;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        throw DataError(file.string(), path + ": missing or not a string");
    return it->get<std::string>();
}

Date holiday_date(const nlohmann::json& entry, const std::string& where,
                  const std::filesystem::path& file) {
    const std::string text = string_member(entry, "date", where, file);
    const std::optional<Date> date = parse_iso_date(text);
    if (!date || !is_valid_date(*date))
        throw DataError(file.string(), where + ".date: \"" + text + "\" is not a YYYY-MM-DD date");
    return *date;
}

} // namespace

HolidayCalendar HolidayCalendar::load(const std::filesystem::path& dictionaries,
                                      HolidayRegion region) {
    const std::string stem = holiday_file_stem(region);
    const std::filesystem::path file = dictionaries / "bank-holidays" / (stem + ".json");
    const nlohmann::json document = read_json_file(file);
    if (!document.is_object()) throw DataError(file.string(), "not a JSON object");

    const std::string listed_region = string_member(document, "region", "", file);
    if (listed_region != stem)
        throw DataError(file.string(),
                        "region is \"" + listed_region + "\", expected \"" + stem + "\"");
    const auto dates = document.find("dates");
    if (dates == document.end() || !dates->is_array() || dates->empty())
        throw DataError(file.string(), "dates: missing, not a list, or empty");

    std::map<Date, std::string> holidays;
    for (std::size_t i = 0; i < dates->size(); ++i) {
        const nlohmann::json& entry = (*dates)[i];
        const std::string where = "dates[" + std::to_string(i) + "]";
        if (!entry.is_object()) throw DataError(file.string(), where + ": not an object");
        holidays[holiday_date(entry, where, file)] = string_member(entry, "title", where, file);
    }
    return HolidayCalendar(stem, std::move(holidays));
}

bool HolidayCalendar::is_holiday(const Date& d) const {
    return days_.contains(d);
}

bool HolidayCalendar::is_working_day(const Date& d) const {
    const Weekday w = weekday(d);
    return w != Weekday::Saturday && w != Weekday::Sunday && !is_holiday(d);
}

std::string HolidayCalendar::holiday_title(const Date& d) const {
    const auto it = days_.find(d);
    return it == days_.end() ? std::string() : it->second;
}

bool HolidayCalendar::covers(int year) const {
    return year >= first_year_ && year <= last_year_;
}

} // namespace safesar
