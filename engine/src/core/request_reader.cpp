// Reads request.json into a Case, checking every field against the contract in
// ../shared/CASE-FORMAT.md. Each mistake is reported once, with the field's path.
#include "safesar/case_model.hpp"
#include "safesar/data_dir.hpp"
#include "safesar/enum_names.hpp"
#include "safesar/errors.hpp"
#include "safesar/printable.hpp"
#include "safesar/profiles.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

namespace safesar {

using nlohmann::json;

namespace {

const char* kFile = "request.json";

std::string joined(const std::vector<std::string>& names) {
    std::string list;
    for (const std::string& name : names)
        list += (list.empty() ? "" : ", ") + name;
    return list;
}

// Walks one JSON object, remembering which keys were used so the rest can be warned about.
class Reader {
  public:
    Reader(const json& j, std::string path, std::vector<std::string>& warnings)
        : j_(j), path_(std::move(path)), warnings_(warnings) {
        if (!j_.is_object()) fail(path_.empty() ? "the document" : path_, "must be an object");
    }
    ~Reader() = default;
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    [[noreturn]] static void fail(const std::string& where, const std::string& what) {
        throw RequestError(kFile, where + ": " + what);
    }

    std::string at(const std::string& key) const {
        return path_.empty() ? key : path_ + "." + key;
    }

    const json* find(const std::string& key) {
        used_.insert(key);
        auto it = j_.find(key);
        return it == j_.end() || it->is_null() ? nullptr : &*it;
    }

    std::string text(const std::string& key, bool required) {
        const json* v = find(key);
        if (!v) {
            if (required) fail(at(key), "is missing");
            return {};
        }
        if (!v->is_string()) fail(at(key), "must be a string");
        auto s = v->get<std::string>();
        if (required && s.find_first_not_of(" \t") == std::string::npos)
            fail(at(key), "must not be empty");
        return s;
    }

    std::optional<Date> date(const std::string& key, bool required) {
        auto s = text(key, required);
        if (s.empty()) return std::nullopt;
        auto d = parse_iso_date(s);
        if (!d) fail(at(key), "\"" + shown(s, 60) + "\" is not a date of the form YYYY-MM-DD");
        return d;
    }

    std::vector<std::string> texts(const std::string& key) {
        std::vector<std::string> out;
        const json* v = find(key);
        if (!v) return out;
        if (!v->is_array()) fail(at(key), "must be a list of strings");
        for (std::size_t i = 0; i < v->size(); ++i) {
            if (!(*v)[i].is_string())
                fail(at(key) + "[" + std::to_string(i) + "]", "must be a string");
            out.push_back((*v)[i].get<std::string>());
        }
        return out;
    }

    bool flag(const std::string& key) {
        const json* v = find(key);
        if (!v) return false;
        if (!v->is_boolean()) fail(at(key), "must be true or false");
        return v->get<bool>();
    }

    // One of the enum's names (enum_names.hpp), except `excluded`.
    template <typename Enum, std::size_t N>
    Enum choice(const std::string& key, const EnumNames<Enum, N>& options,
                std::optional<Enum> fallback, std::optional<Enum> excluded = std::nullopt) {
        auto s = text(key, !fallback);
        if (s.empty() && fallback) return *fallback;
        std::vector<std::string> names;
        for (const auto& [value, name] : options.entries) {
            if (value == excluded) continue;
            if (s == name) return value;
            names.emplace_back(name);
        }
        fail(at(key), "\"" + shown(s, 60) + "\" is not one of " + joined(names));
    }

    // A profile is a file of dictionaries/policies/ (profiles.hpp), not a list in the code: a
    // controller's own profile is accepted as soon as its file is there. Absent: standard.
    std::string profile(const std::string& key) {
        std::string name = text(key, false);
        if (name.empty()) name = "standard";
        const std::filesystem::path dictionaries = dictionaries_dir();
        if (profile_exists(dictionaries, name)) return name;
        fail(at(key), "\"" + shown(name, 60) + "\" is not one of " +
                          joined(list_profiles(dictionaries).names()) + " (the profiles in " +
                          (dictionaries / "policies").string() + ")");
    }

    // Call once every known key has been read.
    void warn_unknown() {
        for (auto& [key, value] : j_.items())
            if (!used_.count(key))
                warnings_.push_back(std::string(kFile) + ": " + shown(at(key), 100) +
                                    ": unknown field, ignored");
    }

    const json& raw() const { return j_; }

  private:
    const json& j_;
    std::string path_;
    std::vector<std::string>& warnings_;
    std::set<std::string> used_;
};

Person read_person(const json& j, const std::string& path, bool is_subject,
                   std::vector<std::string>& warnings) {
    Reader r(j, path, warnings);
    Person p;
    p.name = r.text("name", true);
    p.aliases = r.texts("aliases");
    // Only the subject is the subject: a party's role is any other.
    p.role = is_subject ? Role::Subject
                        : r.choice<Role>("role", role_names, std::nullopt, Role::Subject);
    p.dob = r.date("dob", false);
    p.addresses = r.texts("addresses");
    p.phones = r.texts("phones");
    p.emails = r.texts("emails");
    p.workplace = r.text("workplace", false);
    p.school = r.text("school", false);
    p.organisation = r.text("organisation", false);
    if (!is_subject) {
        p.child_of_subject = r.flag("child_of_subject");
        p.disclose = r.flag("disclose");
    }
    r.warn_unknown();
    return p;
}

} // namespace

LoadedCase parse_request(const std::string& json_text, const std::filesystem::path& case_folder) {
    json doc;
    try {
        doc = json::parse(json_text);
    } catch (const json::exception& e) { // a syntax error, or a number too large (out_of_range)
        throw RequestError(kFile, "not valid JSON: " + shown(e.what(), 300));
    }
    LoadedCase out;
    Case& c = out.value;
    c.folder = case_folder;
    Reader r(doc, "", out.warnings);
    c.reference = r.text("reference", true);
    // "/" and "\\" are allowed (services write "ABC/SAR/2026/7"): the files are named by
    // Case::output_stem, which writes them as "-".
    if (c.reference.size() > 200)
        Reader::fail("reference", "is " + std::to_string(c.reference.size()) +
                                      " bytes long; at most 200 (it names the output files)");
    c.received = *r.date("received", true);
    c.regime = r.choice<Regime>("regime", regime_names, Regime::UkGdpr);
    c.profile = r.profile("profile");
    c.id_verified = r.date("id_verified", false);
    c.authority_received = r.date("authority_received", false);
    c.fee_received = r.date("fee_received", false);
    c.holidays =
        r.choice<HolidayRegion>("holidays", holiday_region_names, HolidayRegion::EnglandAndWales);

    if (const json* paused = r.find("paused")) {
        if (!paused->is_array()) Reader::fail("paused", "must be a list");
        for (std::size_t i = 0; i < paused->size(); ++i) {
            std::string path = "paused[" + std::to_string(i) + "]";
            Reader p((*paused)[i], path, out.warnings);
            Pause pause{*p.date("from", true), *p.date("to", true), p.text("reason", false)};
            if (pause.to < pause.from) Reader::fail(path + ".to", "is before from");
            p.warn_unknown();
            c.paused.push_back(pause);
        }
    }
    if (const json* ext = r.find("extended")) {
        Reader e(*ext, "extended", out.warnings);
        const json* months = e.find("months");
        if (!months || !months->is_number_integer() ||
            (months->get<int>() != 1 && months->get<int>() != 2))
            Reader::fail("extended.months", "must be 1 or 2");
        c.extended = Extension{months->get<int>(), *e.date("decided", true),
                               e.text("reason", false)};
        e.warn_unknown();
    }

    const json* subject = r.find("subject");
    if (!subject) Reader::fail("subject", "is missing");
    c.subject = read_person(*subject, "subject", true, out.warnings);

    if (const json* parties = r.find("parties")) {
        if (!parties->is_array()) Reader::fail("parties", "must be a list");
        for (std::size_t i = 0; i < parties->size(); ++i)
            c.parties.push_back(read_person((*parties)[i], "parties[" + std::to_string(i) + "]",
                                            false, out.warnings));
    }
    r.warn_unknown();
    return out;
}

LoadedCase load_case(const std::filesystem::path& case_folder) {
    auto file = case_folder / kFile;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::error_code ec;
        if (!std::filesystem::is_directory(case_folder, ec))
            throw RequestError(case_folder.string(), "not a case folder");
        throw RequestError(kFile, "cannot be read in " + case_folder.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_request(text.str(), case_folder);
}

} // namespace safesar
