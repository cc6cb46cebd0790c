// The case: who asks, who else appears in the records, and how the request is handled.
// Read from CASE/request.json as ../shared/CASE-FORMAT.md defines it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace safesar {

enum class Role { Subject, Victim, Child, Partner, Family, Staff, Professional, Other };
enum class Regime { UkGdpr, EuGdpr, Dpa1998, Ccpa };
enum class HolidayRegion { EnglandAndWales, Scotland, NorthernIreland };

const char* to_string(Role);
const char* to_string(Regime);
const char* to_string(HolidayRegion);

// A calendar date; the engine does day arithmetic on these (see deadline.hpp).
struct Date {
    int year = 0, month = 0, day = 0;
    auto operator<=>(const Date&) const = default;
};
std::optional<Date> parse_iso_date(const std::string& text);
std::string to_iso(const Date&);

// A person in the records: the subject or a party. Every identifier the controller gave.
struct Person {
    std::string name;
    std::vector<std::string> aliases;
    Role role = Role::Other;
    std::optional<Date> dob;
    std::vector<std::string> addresses, phones, emails;
    std::string workplace, school, organisation;
    bool child_of_subject = false;
    bool disclose = false; // the controller decided this party's data may be disclosed
};

struct Pause {
    Date from, to;
    std::string reason;
};
struct Extension {
    int months = 0;
    Date decided;
    std::string reason;
};

struct Case {
    std::filesystem::path folder;
    std::string reference;
    Date received;
    Regime regime = Regime::UkGdpr;
    // The name of a profile file, dictionaries/policies/PROFILE.json (profiles.hpp): data, so a
    // controller can add one. load_case accepts only a profile whose file exists.
    std::string profile = "standard";
    std::optional<Date> id_verified, authority_received, fee_received;
    std::vector<Pause> paused;
    std::optional<Extension> extended;
    HolidayRegion holidays = HolidayRegion::EnglandAndWales;
    Person subject;
    std::vector<Person> parties;

    std::filesystem::path records_dir() const { return folder / "records"; }
    std::filesystem::path state_dir() const { return folder / ".safesar"; }
    // The stem of the files the reference names (REFERENCE.pdf, .json, the schedule): the
    // reference, with "/" and "\" (services write "ABC/SAR/2026/7") as "-".
    std::string output_stem() const;
};

struct LoadedCase {
    Case value;
    std::vector<std::string> warnings; // unknown fields and the like: "request.json: foo: unknown field"
};

// Reads and validates CASE/request.json. Throws RequestError naming the field path and what is
// wrong, e.g. `request.json: parties[2].role: "victm" is not one of victim, child, ...`. The
// profile is checked against the profile files of dictionaries_dir().
LoadedCase load_case(const std::filesystem::path& case_folder);
LoadedCase parse_request(const std::string& json_text, const std::filesystem::path& case_folder);

// The request.json text of a case: the fields load_case reads, and only those.
std::string request_json(const Case& c);

// Creates c.folder with records/ and request.json (written, then renamed). Throws RequestError
// when the request would not load, or request.json already exists.
void create_case_folder(const Case& c);

} // namespace safesar
