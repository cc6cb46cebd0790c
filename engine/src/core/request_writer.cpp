// request.json from a Case: what the GUI's "new request" form saves. The writer emits exactly
// the fields load_case reads, so a written request always reads back to the same Case.
#include "safesar/case_model.hpp"
#include "safesar/errors.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <unistd.h>

namespace safesar {

namespace {

using ordered_json = nlohmann::ordered_json;

void put_list(ordered_json& j, const char* key, const std::vector<std::string>& values) {
    if (!values.empty()) j[key] = values;
}

void put_text(ordered_json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

void put_date(ordered_json& j, const char* key, const std::optional<Date>& value) {
    if (value) j[key] = to_iso(*value);
}

ordered_json person_json(const Person& p, bool is_subject) {
    ordered_json j;
    j["name"] = p.name;
    if (!is_subject) j["role"] = to_string(p.role);
    put_list(j, "aliases", p.aliases);
    put_date(j, "dob", p.dob);
    put_list(j, "addresses", p.addresses);
    put_list(j, "phones", p.phones);
    put_list(j, "emails", p.emails);
    put_text(j, "workplace", p.workplace);
    put_text(j, "school", p.school);
    put_text(j, "organisation", p.organisation);
    if (!is_subject && p.child_of_subject) j["child_of_subject"] = true;
    if (!is_subject && p.disclose) j["disclose"] = true;
    return j;
}

} // namespace

std::string request_json(const Case& c) {
    ordered_json j;
    j["reference"] = c.reference;
    j["received"] = to_iso(c.received);
    j["regime"] = to_string(c.regime);
    j["profile"] = c.profile;
    put_date(j, "id_verified", c.id_verified);
    put_date(j, "authority_received", c.authority_received);
    put_date(j, "fee_received", c.fee_received);
    if (c.holidays != HolidayRegion::EnglandAndWales) j["holidays"] = to_string(c.holidays);
    if (!c.paused.empty()) {
        ordered_json list = ordered_json::array();
        for (const Pause& p : c.paused) {
            ordered_json pause{{"from", to_iso(p.from)}, {"to", to_iso(p.to)}};
            put_text(pause, "reason", p.reason);
            list.push_back(pause);
        }
        j["paused"] = list;
    }
    if (c.extended) {
        ordered_json ext{{"months", c.extended->months}, {"decided", to_iso(c.extended->decided)}};
        put_text(ext, "reason", c.extended->reason);
        j["extended"] = ext;
    }
    j["subject"] = person_json(c.subject, true);
    ordered_json parties = ordered_json::array();
    for (const Person& p : c.parties)
        parties.push_back(person_json(p, false));
    j["parties"] = parties;
    return j.dump(2) + "\n";
}

void create_case_folder(const Case& c) {
    namespace fs = std::filesystem;
    const std::string text = request_json(c);
    // Refuse what load_case would refuse, before anything is written.
    parse_request(text, c.folder);
    const fs::path file = c.folder / "request.json";
    std::error_code ec;
    if (fs::exists(file, ec)) throw RequestError(file.string(), "already exists");
    fs::create_directories(c.records_dir(), ec);
    if (ec) throw RequestError(c.records_dir().string(), "cannot be created: " + ec.message());
    const fs::path temp = c.folder / ".request.json.partial";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            fs::remove(temp, ec);
            throw RequestError(file.string(), "cannot be written");
        }
    }
    fs::rename(temp, file, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw RequestError(file.string(), "cannot be written: " + ec.message());
    }
}

} // namespace safesar
