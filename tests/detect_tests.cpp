// Data-driven detection tests: tests/data/detect/<recogniser>/*.case, one folder per recogniser
// (named by its id), each case a text with the spans a reviewer expects redacted and the words
// that must stay, under one of the requests in tests/data/detect/requests/. Each text runs
// through the whole Detector::detect (both passes) and the request's policy.
#include <catch2/catch.hpp>

#include "safesar/data_dir.hpp"
#include "safesar/detect.hpp"
#include "safesar/gather.hpp"
#include "safesar/policy.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>
#include <sstream>

using namespace safesar;
namespace fs = std::filesystem;

namespace {

struct DetectCase {
    fs::path file;
    std::string name, request = "perpetrator", text;
    std::string format = "text"; // "text" (one body), "csv" or "eml": read by the real reader
    std::vector<std::string> redact, keep;
};

std::vector<std::string> split_items(const std::string& s) {
    std::vector<std::string> out;
    std::size_t b = 0;
    while (b <= s.size()) {
        std::size_t e = s.find(" | ", b);
        out.push_back(s.substr(b, e == std::string::npos ? std::string::npos : e - b));
        if (e == std::string::npos) break;
        b = e + 3;
    }
    return out;
}

// A .case file: "case:", optional "request:", "text:" lines (joined with newlines), then
// "redact:" and "keep:" lines with items separated by " | ". "csv:" or "eml:" lines instead of
// "text:" are a CSV export or an e-mail, read by the gather stage's own reader (table rows and
// header fields, as a case's records have them).
DetectCase read_case(const fs::path& file) {
    DetectCase c;
    c.file = file;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (line.rfind("case: ", 0) == 0)
            c.name = line.substr(6);
        else if (line.rfind("request: ", 0) == 0)
            c.request = line.substr(9);
        else if (line == "text:" || line.rfind("text: ", 0) == 0 || line == "csv:" ||
                 line.rfind("csv: ", 0) == 0 || line == "eml:" || line.rfind("eml: ", 0) == 0) {
            // "text:" alone: an empty line
            c.format = line.substr(0, 3) == "tex" ? "text" : line.substr(0, 3);
            const std::size_t skip = c.format == "text" ? 6 : 5;
            c.text += (c.text.empty() ? "" : "\n") + line.substr(std::min(skip, line.size()));
        } else if (line.rfind("redact: ", 0) == 0)
            c.redact = split_items(line.substr(8));
        else if (line.rfind("keep: ", 0) == 0)
            c.keep = split_items(line.substr(6));
        else
            FAIL(file.string() << ": a line that is not case/request/text/redact/keep: " << line);
    }
    return c;
}

// Every case, keyed by "<recogniser>/<file>" so the order is stable.
std::map<std::string, DetectCase> all_cases(const fs::path& root) {
    std::map<std::string, DetectCase> out;
    for (const auto& dir : fs::directory_iterator(root)) {
        if (!dir.is_directory() || dir.path().filename() == "requests") continue;
        for (const auto& f : fs::directory_iterator(dir.path()))
            if (f.path().extension() == ".case")
                out.emplace(dir.path().filename().string() + "/" + f.path().filename().string(),
                            read_case(f.path()));
    }
    return out;
}

// The ids of the patterns recogniser's findings are the ids of its patterns (data).
std::set<std::string> pattern_ids() {
    std::ifstream in(dictionaries_dir() / "detect" / "patterns.json");
    const auto j = nlohmann::json::parse(in);
    std::set<std::string> ids;
    for (const auto& p : j.at("patterns"))
        ids.insert(p.at("id").get<std::string>());
    return ids;
}

bool found_by(const Finding& f, const std::string& recogniser) {
    static const std::set<std::string> patterns = pattern_ids();
    if (recogniser == "patterns") return patterns.count(f.recogniser) > 0;
    return f.recogniser.rfind(recogniser, 0) == 0; // "residue" finds as "residue-code" too
}

// The case's text as a record: one body, or read by the CSV or e-mail reader of gather.
Record case_record(const DetectCase& c) {
    if (c.format == "eml") {
        std::vector<Record> attachments;
        return read_email_bytes(c.text + "\n", "case.eml", attachments, GatherOptions{});
    }
    if (c.format == "csv") {
        const fs::path file =
            fs::temp_directory_path() / ("safesar-detect-case-" + c.file.stem().string() + ".csv");
        std::ofstream(file) << c.text << "\n";
        Record r = read_csv(file, "case.csv");
        fs::remove(file);
        return r;
    }
    Record record;
    record.name = "case.txt";
    record.kind = RecordKind::Text;
    record.sections.emplace_back(SectionKind::Body, "body", c.text);
    return record;
}

// One detector and policy per request, shared by every case that names it: building a Detector
// loads every dictionary, which cost far more than a case's own detection (most of this test's
// time under the sanitizers, where Catch2 runs the test once per case). detect() is const.
struct RequestRun {
    LoadedCase loaded;
    std::unique_ptr<Detector> detector;
    std::optional<Policy> policy;
};

const RequestRun& request_run(const fs::path& folder) {
    static std::map<std::string, std::unique_ptr<RequestRun>> runs;
    std::unique_ptr<RequestRun>& run = runs[folder.string()];
    if (!run) {
        run = std::make_unique<RequestRun>();
        run->loaded = load_case(folder);
        run->detector = std::make_unique<Detector>(&run->loaded.value, dictionaries_dir());
        run->policy = Policy::load(dictionaries_dir(), run->loaded.value.profile);
    }
    return *run;
}

bool overlaps(const Finding& f, std::size_t at, std::size_t len) {
    return f.begin < at + len && at < f.end;
}

} // namespace

TEST_CASE("detection and policy on the data-driven cases of each recogniser", "[detect]") {
    const fs::path root = SAFESAR_TEST_DATA "/detect";
    const auto cases = all_cases(root);
    REQUIRE(cases.size() >= 30);
    for (const auto& [key, c] : cases) {
        SECTION(key) {
            INFO(c.file.string() << ": " << c.name);
            REQUIRE_FALSE(c.text.empty());
            REQUIRE(fs::exists(root / "requests" / c.request / "request.json"));
            const RequestRun& run = request_run(root / "requests" / c.request);
            const Record record = case_record(c);
            std::vector<Finding> redacted;
            std::string found;
            for (const auto& f : run.detector->detect({record})) {
                if (run.policy->decide(run.loaded.value, f).action == Action::Keep) continue;
                redacted.push_back(f);
                found += "[" + f.text + " <" + f.recogniser + ">] ";
            }
            INFO("redacted: " << found);
            // Where an item stands: the first section holding it.
            auto locate = [&](const std::string& item) {
                for (std::size_t si = 0; si < record.sections.size(); ++si)
                    if (const auto at = record.sections[si].text.find(item);
                        at != std::string::npos)
                        return std::pair(si, at);
                return std::pair(record.sections.size(), std::string::npos);
            };
            auto in_section = [&](std::size_t si, std::size_t at, std::size_t len) {
                return std::any_of(redacted.begin(), redacted.end(), [&](const Finding& f) {
                    return f.section == si && overlaps(f, at, len);
                });
            };
            // The folder names the recogniser the case is about: it finds at least one item.
            const std::string recogniser = c.file.parent_path().filename().string();
            bool by_recogniser = c.redact.empty();
            for (const auto& item : c.redact) {
                const auto [si, at] = locate(item);
                INFO("must be redacted: " << item);
                REQUIRE(at != std::string::npos);
                // Every byte of the item lies inside some redaction.
                const std::string& text = record.sections[si].text;
                bool covered = true;
                for (std::size_t i = at; i < at + item.size() && covered; ++i) {
                    if (text[i] == ' ' || text[i] == '\n') continue;
                    covered = in_section(si, i, 1);
                }
                CHECK(covered);
                for (const auto& f : redacted)
                    if (f.section == si && found_by(f, recogniser) && overlaps(f, at, item.size()))
                        by_recogniser = true;
            }
            INFO("no redact item is found by the recogniser the folder names: " << recogniser);
            CHECK(by_recogniser);
            for (const auto& item : c.keep) {
                const auto [si, at] = locate(item);
                INFO("must be kept: " << item);
                REQUIRE(at != std::string::npos);
                CHECK_FALSE(in_section(si, at, item.size()));
            }
        }
    }
}

TEST_CASE("detect reports code-point offsets", "[detect]") {
    const std::string text = "Zoë rang";
    CHECK(code_point_offset(text, 4) == 3); // "Zoë" is 4 bytes, 3 code points
}

TEST_CASE("code-point offsets are right in any order across a long text", "[detect]") {
    std::string text;
    for (int i = 0; i < 5000; ++i)
        text += i % 3 ? "Zoë Ōkawa rang. " : "plain text ";
    auto naive = [&](std::size_t byte) {
        std::size_t n = 0;
        for (std::size_t i = 0; i < byte; ++i)
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
        return n;
    };
    const CodePointCounter counter(text);
    for (std::size_t byte : {text.size(), std::size_t{0}, std::size_t{4096}, std::size_t{8191},
                             text.size() / 2, std::size_t{1}, text.size() - 1, std::size_t{12288}})
        CHECK(counter.at(byte) == naive(byte));
}

TEST_CASE("a section long enough to be scanned in windows is read whole in each window",
          "[detect]") {
    Case c;
    c.profile = "perpetrator";
    c.subject.name = "Gordon Ellis Marsh";
    c.subject.role = Role::Subject;
    Person victim;
    victim.name = "Zoe Kettering";
    victim.role = Role::Victim;
    c.parties = {victim};
    const Detector detector(&c, dictionaries_dir());
    // About 400 KB: several windows. A window was a section of its own that was gone before
    // what pass 1 had learned from it was read (a use after scope the sanitizers catch), so
    // his labelled name in every window is the test.
    std::string text;
    const std::string line = "Father: Gordon Marsh rang about the van. Zoe Kettering was out.\n";
    while (text.size() < 400 * 1024)
        text += line;
    Record record;
    record.name = "long.txt";
    record.kind = RecordKind::Text;
    record.sections.emplace_back(SectionKind::Body, "body", text);
    std::size_t his = 0, hers = 0;
    for (const auto& f : detector.detect({record})) {
        his += f.text == "Gordon Marsh" && f.owner.kind == Owner::Subject;
        hers += f.text == "Zoe Kettering" && f.owner.kind == Owner::Party;
    }
    const std::size_t lines = text.size() / line.size();
    CHECK(his == lines);
    CHECK(hers == lines);
}

namespace {

// A survivor's own request (standard profile) naming her ex-partner.
Case survivor_request() {
    Case c;
    c.profile = "standard";
    c.subject.name = "Samira Begum Haq";
    c.subject.role = Role::Subject;
    Person p;
    p.name = "Imtiaz Haq";
    p.role = Role::Partner;
    c.parties.push_back(p);
    return c;
}

// The survivor's case as if her ex-partner had asked (the perpetrator profile): the request,
// its detector and its policy, as a scan builds them.
struct PerpetratorScan {
    Case c = [] {
        Case request = survivor_request();
        request.profile = "perpetrator";
        return request;
    }();
    Detector detector{&c, dictionaries_dir()};
    Policy policy = Policy::load(dictionaries_dir(), c.profile);

    PolicyResult apply(const GatherResult& g) const {
        return policy.apply(c, g, detector.detect(g.records), detector);
    }
};

// A plain-text note of one body section, as the gather stage makes it.
Record note(const std::string& name, const std::string& text) {
    Record r;
    r.name = name;
    r.kind = RecordKind::Text;
    r.sections.emplace_back(SectionKind::Body, "body", text);
    return r;
}

// A message: a header with its From field (and To, when `to` is given), then its body; an
// attachment of the message named `parent`, when one is.
Record email(const std::string& name, const std::string& from, const std::string& to,
             const std::string& body, const std::string& parent = "") {
    Record r;
    r.name = name;
    r.parent = parent;
    r.kind = RecordKind::Email;
    Section h(SectionKind::Header, "header", "From: " + from + "\n");
    h.fields.push_back({"From", 6, 6 + from.size()});
    if (!to.empty()) {
        const std::size_t at = h.text.size() + 4; // after "To: "
        h.text += "To: " + to + "\n";
        h.fields.push_back({"To", at, at + to.size()});
    }
    r.sections.push_back(h);
    r.sections.emplace_back(SectionKind::Body, "body", body);
    return r;
}

} // namespace

TEST_CASE("lower-case notes that call the requester by a given name that is an English word "
          "count him among the people they are about",
          "[policy]") {
    Case c;
    c.profile = "perpetrator";
    c.subject.name = "Mark Anthony Tregaskis";
    c.subject.role = Role::Subject;
    Person victim;
    victim.name = "Branwen Tregaskis";
    victim.role = Role::Victim;
    Person child;
    child.name = "Osric Tregaskis";
    child.role = Role::Child;
    c.parties = {victim, child};
    const Detector detector(&c, dictionaries_dir());
    const Policy policy = Policy::load(dictionaries_dir(), c.profile);
    GatherResult g;
    // Untitled notes naming her and the child three times: about them, unless he is there too.
    g.records.push_back(note("desk.txt",
                             "03/02 09:12 ih - branwen rang, wants her trips hidden.\n"
                             "09/02 11:40 ih - removed branwen and osric as riders.\n"
                             "10/02 08:03 ih - mark rang asking why the trips show no addresses. "
                             "told him they are private.\n"
                             "11/02 10:00 ih - mark asked for the total, gave it.\n"
                             "12/02 09:30 ih - osric's booking cancelled.\n"));
    const auto result = policy.apply(c, g, detector.detect(g.records), detector);
    REQUIRE(result.disclosure.records.size() == 1);
    CHECK(result.disclosure.records[0].fate == RecordFate::Disclose);
}

TEST_CASE("a letter kept as a document and signed by the victim is her correspondence",
          "[policy]") {
    Case c;
    c.profile = "perpetrator";
    c.subject.name = "Mark Anthony Tregaskis";
    c.subject.role = Role::Subject;
    Person victim;
    victim.name = "Branwen Tregaskis";
    victim.role = Role::Victim;
    c.parties = {victim};
    const Detector detector(&c, dictionaries_dir());
    const Policy policy = Policy::load(dictionaries_dir(), c.profile);
    GatherResult g;
    g.records.push_back(note("letter.txt", "Hi all,\nI'm stepping down from the rota, sorry.\n"
                                           "Please keep my number off the list.\nBranwen\n"));
    // A worker's note that ends on her name in a sentence, and a rota ending on it in a field.
    g.records.push_back(note("note.txt", "Rota changed today.\nI rang and spoke to Branwen\n"));
    g.records.push_back(note("rota.txt", "Rota for March\nMonday: Mark\nTuesday: Branwen\n"));
    const auto result = policy.apply(c, g, detector.detect(g.records), detector);
    REQUIRE(result.disclosure.records.size() == 3);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
    CHECK(result.disclosure.records[2].fate == RecordFate::Disclose);
}

// A CSV record, read as gather reads one.
Record csv_record(const std::string& name, const std::string& text) {
    const fs::path file = fs::temp_directory_path() / ("safesar-policy-" + name);
    std::ofstream(file) << text;
    Record r = read_csv(file, name);
    fs::remove(file);
    return r;
}

TEST_CASE("his orders delivered to a protected party are his record: a recipient column names "
          "her once, a client column in every row",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(csv_record("orders.csv", "Order,Date,Deliver to,Item,Status\n"
                                                 "FL-2201,03/02,Imtiaz Haq,tulips,delivered\n"
                                                 "FL-2240,09/02,Imtiaz Haq,roses,delivered\n"
                                                 "FL-2263,14/02,Imtiaz Haq,lilies,refused\n"));
    g.records.push_back(csv_record("log.csv", "Date,Client,Note\n"
                                              "03/02,Imtiaz Haq,first call\n"
                                              "09/02,Imtiaz Haq,second call\n"
                                              "14/02,Imtiaz Haq,third call\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::Disclose);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
}

TEST_CASE("a risk list's extract labelled by who is at risk and who causes harm, actions relayed "
          "from a meeting, and a statement she signed with its date are withheld whole",
          "[policy]") {
    Case c = survivor_request(); // her ex-partner asks; she is the listed victim
    c.profile = "perpetrator";
    c.parties[0].role = Role::Victim;
    const Detector detector(&c, dictionaries_dir());
    const Policy policy = Policy::load(dictionaries_dir(), c.profile);
    GatherResult g;
    g.records.push_back(note("extract.txt", "Area high-risk list - Monday 16/02/2026\n"
                                            "Entry 3 of 8 - one partner action only.\n"
                                            "at risk: Imtiaz Haq, 39\n"
                                            "causing harm: Samira Haq, 41\n"
                                            "what's new: seen near the depot twice.\n"
                                            "actions: shop staff to call 999 if she is seen.\n"));
    g.records.push_back(note("email.txt", "Following Tuesday's review the actions for you are:\n"
                                          "- keep the camera clip from 12/02;\n"
                                          "- no home visits for the account.\n"
                                          "Other actions from the meeting, for information only:\n"
                                          "- the children to be collected by her mum only.\n"));
    g.records.push_back(note("statement.txt",
                             "what happened\n"
                             "I was at the desk when she came in. I don't want her "
                             "to know where I work now.\n"
                             "Imtiaz Haq, 14/05/2026\n"));
    g.records.push_back(note("notes.txt", "Samira rang about her invoice. Told her it was paid on "
                                          "the 4th and the receipt is in the post.\n"));
    const auto result = policy.apply(c, g, detector.detect(g.records), detector);
    REQUIRE(result.disclosure.records.size() == 4);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[2].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[3].fate == RecordFate::Disclose);
}

TEST_CASE("a risk table whose rows are labelled by who is at risk and who causes harm is withheld "
          "whole, its labels in a first column or on lines of their own, where a referral's "
          "section headings are not",
          "[policy]") {
    Case c = survivor_request(); // her ex-partner asks; she is the listed victim
    c.profile = "perpetrator";
    c.parties[0].role = Role::Victim;
    const Detector detector(&c, dictionaries_dir());
    const Policy policy = Policy::load(dictionaries_dir(), c.profile);
    GatherResult g;
    // A document's table: each row's first cell, then a tab, then its value.
    g.records.push_back(note("sheet.txt",
                             "Valley partners' sheet - 3 March\n"
                             "Row 2 of 6\n"
                             "Who\tNotes\n"
                             "At risk\tImtiaz Haq (39), Kelso; son at the village school\n"
                             "Causing harm\tSamira Haq (41)\n"
                             "Why listed\n"
                             "Followed her to work twice since January.\n"
                             "Actions\n"
                             "Police: a marker on the address and patrols at closing time\n"));
    // The same table as a PDF's columns come out: each label a line of its own.
    g.records.push_back(note("columns.txt", "Valley partners' sheet - 3 March\n"
                                            "Who\nAt risk\nCausing harm\n\n"
                                            "Details\nImtiaz Haq (39), Kelso\nSamira Haq (41)\n\n"
                                            "What has happened\n"
                                            "Calls to her mother and turned up at the school.\n"));
    // His own account of the same months names neither label.
    g.records.push_back(note("notes.txt", "Samira rang about her invoice. She says she is at risk "
                                          "of losing the van if it is not paid.\n"));
    // A referral's section headings name the parties, each section its own form: the
    // headings alone do not make it a risk table.
    g.records.push_back(note("referral.txt", "Contact and referral record\n"
                                             "Person causing harm\n"
                                             "Name: Samira Haq\n"
                                             "Occupation: van driver\n\n"
                                             "Adult at risk\n"
                                             "Name: Imtiaz Haq\n\n"
                                             "Reason for referral\n"
                                             "Police were called by a neighbour.\n"));
    const auto result = policy.apply(c, g, detector.detect(g.records), detector);
    REQUIRE(result.disclosure.records.size() == 4);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[2].fate == RecordFate::Disclose);
    CHECK(result.disclosure.records[3].fate == RecordFate::Disclose);
}

TEST_CASE("a record on an advocacy service's letterhead is the victim's, a mention of her IDVA is "
          "not",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("letter.txt",
                             "Brookside Support\n"
                             "Independent Domestic Violence Advocate service, Northfield\n"
                             "3 March 2026\n"
                             "Dear Ms Hollins,\n"
                             "Thank you for calling. Please hold the order until she "
                             "collects it herself.\n"));
    g.records.push_back(note("notes.txt", "Samira came in about her order. She said her IDVA "
                                          "service had told her to ring us. Order collected.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("MARAC minutes are withheld by a title with a place and dashes, not by a mention",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(
        note("r.txt", "MARAC \u2013 Barnsley \u2013 case discussion minutes\nMeeting 27/03"));
    g.records.push_back(note("r.txt", "Case notes\n12/03 Discussed at MARAC; minutes awaited."));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("a multi-agency risk meeting is withheld by what it holds and not by its title",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    // No "MARAC" and no "minutes": attendance, three agencies, risk, actions and sharing.
    g.records.push_back(note("a.txt",
                             "Locality safeguarding round-table\n"
                             "In attendance: Police (chair), IDVA, Early Help, housing\n"
                             "Information shared: two call-outs since March.\n"
                             "Risk level: high.\nActions: housing to review the tenancy.\n"));
    // Attendance and agencies with risk only: unsure, so withheld until a reviewer decides.
    g.records.push_back(note("b.txt",
                             "Professionals check-in\nAttendees: police, school, probation\n"
                             "DASH completed last week.\n"));
    // The requester's own programme note naming agencies and actions: no meeting, disclosed.
    g.records.push_back(note("c.txt",
                             "Session 6 notes\nImtiaz said the police and the school "
                             "had both called. Actions for next week: practise time-outs.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 3);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[0].withheld_kind == "MARAC minutes");
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].withheld_kind.rfind("until reviewed", 0) == 0);
    CHECK(result.disclosure.records[2].fate == RecordFate::Disclose);
}

TEST_CASE("a meeting's record whose list closes each line with an agency, or whose people are "
          "'on the call', is withheld whatever the meeting is called, and an incident record is not",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    // Three agencies closing the lines of a list, "Agreed" on a line of its own.
    g.records.push_back(note("a.pdf", "Northfield partners' Friday look-in - 6 March\n"
                                      "Who\nPC Ann Vale\nBeth Moor\nDr Ilse\nAgency\n"
                                      "Merseyside Police\nChildren's Services\nGP\n"
                                      "Background\nStrangled her twice this year.\n"
                                      "Agreed\nLocks changed while he is at work.\n"));
    // "On the call" for attendance, "who is doing what" for the actions.
    g.records.push_back(note("b.docx", "Area check-up - Thursday\n"
                                       "On the call: PC Rai (police), Jo (IDVA), Lee (housing)\n"
                                       "She is frightened of him.\nWho is doing what\n"
                                       "Police: add a marker and visit him.\n"));
    // His own programme letter naming agencies and what was agreed with him: no meeting.
    g.records.push_back(note("c.txt", "Dear Imtiaz,\nThank you for coming in. The police, "
                                      "probation and your GP know you are on the course.\n"
                                      "Agreed\nYou will come every Tuesday.\n"));
    // His referral naming agencies inside its sentences, with actions and risk: no attendance.
    g.records.push_back(note("d.txt", "Referral to the programme\nReferrer: Children's Services\n"
                                      "The police attended; his GP and probation know of it.\n"
                                      "Actions: Imtiaz to attend the group. Risk: medium.\n"));
    // An incident record whose table's headings stand on lines of their own ("Present",
    // "Action"): one agency, no meeting.
    g.records.push_back(note("e.pdf", "Visitors' centre incident record\nName\nAl Fenn\nRole\n"
                                      "visitor (brother)\nPresent\nyes\nWhat happened\n"
                                      "He asked where she works now and was told nothing.\n"
                                      "Action\nReported to the police the same day.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 5);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[2].fate == RecordFate::Disclose);
    CHECK(result.disclosure.records[3].fate == RecordFate::Disclose);
    CHECK(result.disclosure.records[4].fate == RecordFate::Disclose);
}

TEST_CASE("a panel's or meeting's notes under any name are withheld until reviewed, and with a "
          "chair, actions, risk and a victim, in full",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("panel.txt", "Harbourside Threat Panel - notes\nDate 03/12\n"
                                          "He was seen near her flat twice.\n"));
    g.records.push_back(note("forum.txt", "County Risk Forum - minutes\nChair: an inspector\n"
                                          "Victim: seen twice near her flat; risk high.\n"
                                          "Actions: 1. review the order.\n"));
    // The requester's own session notes: no meeting word in the title.
    g.records.push_back(note("session.txt", "Session 6 notes\nImtiaz talked about time-outs.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 3);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[0].withheld_kind.rfind("until reviewed", 0) == 0);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].withheld_kind.rfind("notes of a meeting", 0) == 0);
    CHECK(result.disclosure.records[2].fate == RecordFate::Disclose);
}

TEST_CASE("a record titled as a panel with a chair and a risk, a form naming a risk forum, and "
          "a disclosure whose discloser is a protected party are withheld until reviewed",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("panel.txt", "Westgate Youth Panel - WYP-01\n"
                                          "Chair: a deputy head. Present: two staff.\n"
                                          "Risk: the bus stop after school.\n"));
    g.records.push_back(note("return.txt", "Field\tEntry\nForum\tNorthgate Risk Review Forum, "
                                           "NRF-01\nDate\t01/10\n"));
    g.records.push_back(note("disclosure.txt", "Welfare disclosure\nPerson disclosing: Imtiaz Haq\n"
                                               "Said she was scared at home.\n"));
    // A meeting's title with a risk but no chair, nobody attending: the service's own notes.
    g.records.push_back(note("team.txt", "Team meeting, 4 March\n"
                                         "We discussed the rota and the risk of understaffing.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 4);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(result.disclosure.records[i].fate == RecordFate::WithholdInFull);
        CHECK(result.disclosure.records[i].withheld_kind.rfind("until reviewed", 0) == 0);
    }
    CHECK(result.disclosure.records[3].fate == RecordFate::Disclose);
}

TEST_CASE("a note naming only protected parties, a member's safety report, and meetings called a "
          "cell or a conversation are withheld until reviewed, and a letter to the "
          "requester is not",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    // No title of the rule's kinds, but three mentions of him and none of her.
    g.records.push_back(note("call.txt", "Callback 14/10\nSpoke to Imtiaz this morning. Imtiaz "
                                         "has moved the bikes. Imtiaz will ring on Friday.\n"));
    g.records.push_back(note("report.txt", "New safety report\nMember: Imtiaz Haq\n"
                                           "Category: someone is tracking my trips\n"));
    g.records.push_back(note("cell.txt", "Night Desk Safeguarding Cell - actions\nHeld 03/11.\n"));
    g.records.push_back(note("circle.txt", "Estate Safety Conversation - notes\nHeld 05/11.\n"));
    g.records.push_back(note("letter.txt", "12 Elm Row\nDear Samira,\nWe have spoken to Imtiaz "
                                           "about the account. Imtiaz asked us to write to you. "
                                           "Imtiaz is not on the account.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 5);
    for (std::size_t i = 0; i < 4; ++i) {
        INFO(result.disclosure.records[i].record->name);
        CHECK(result.disclosure.records[i].fate == RecordFate::WithholdInFull);
    }
    CHECK(result.disclosure.records[0].withheld_kind.rfind("until reviewed", 0) == 0);
    CHECK(result.disclosure.records[4].fate == RecordFate::Disclose);
}

TEST_CASE("a letter to the requester, and a meeting she attended, are not withheld as a "
          "meeting's notes their title may name",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    // A meeting's title and nothing sure: notes of a meeting about her, until reviewed.
    g.records.push_back(note("notes.txt", "Review meeting notes\nHeld 14/01 at the office.\n"
                                          "The decision is recorded below.\n"));
    // The same title on a letter to her about her own hearing: said to her.
    g.records.push_back(note("letter.txt",
                             "Review meeting notes\nDear Samira,\nThank you for "
                             "attending on 14/01. The decision is recorded below.\n"));
    // A hearing held with her: she attended it and was heard.
    g.records.push_back(note("hearing.txt", "Review meeting notes\nHeld 14/01 at the office. "
                                            "Samira attended with a friend.\nThe decision is "
                                            "recorded "
                                            "below.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 3);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[0].withheld_kind.rfind("until reviewed", 0) == 0);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
    CHECK(result.disclosure.records[2].fate == RecordFate::Disclose);
}

TEST_CASE("a note telling staff what not to confirm to a caller, a check-in with who was there "
          "and what they will do, and a request not to give anyone her rota are withheld",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("flag.txt", "Account flag\nDo not confirm bookings to anyone who "
                                         "rings.\nIf she calls in, say nothing and fetch the "
                                         "manager.\n"));
    g.records.push_back(note("checkin.txt",
                             "Southside check-in - 03/11\nWith us: a police officer, the "
                             "nursery manager, the housing officer\nWhat's happening: she is "
                             "frightened of his visits; her partner is worried.\nWhat we'll do: "
                             "the nursery to change the password.\n"));
    // Her own account's note: what staff will not do, with nobody asking.
    g.records.push_back(note("own.txt", "Account note\nDo not confirm the order until the "
                                        "payment clears.\n"));
    // A manager's note of what a colleague asked for her safety.
    g.records.push_back(note("asked.txt", "Saw her after the evening class. She wants us "
                                          "to:\n- do not give anyone her shifts or her number\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 4);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[2].fate == RecordFate::Disclose);
    CHECK(result.disclosure.records[3].fate == RecordFate::WithholdInFull);
}

TEST_CASE("a form laid out in columns names its subject by the first value after its labels",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    // "Patient", "DOB", "Linked" as one column, then their values: the requester's own record,
    // though the other person linked to it is named more often than she is.
    g.records.push_back(note("mine.txt", "Patient care record\nPatient\nDOB\nLinked\nSamira Haq\n"
                                         "01/02/1980\nImtiaz Haq (husband)\nImtiaz rang about "
                                         "the glasses. Imtiaz was told no. Imtiaz rang off.\n"));
    // The same form whose first value is him: about him.
    g.records.push_back(note("his.txt", "Patient care record\nPatient\nDOB\nLinked\nImtiaz Haq\n"
                                        "01/02/1980\nSamira Haq (wife)\nImtiaz was seen today.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::Disclose);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
}

TEST_CASE("agencies' action lines, a request not to tell, a partners' check-in with its actions, a "
          "cardholder's form and a no-disclosure footer are withheld, and a letter to the "
          "requester is not",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    // No meeting word anywhere: three agencies, each with what it will do.
    g.records.push_back(
        note("sift.txt", "Tuesday list - item 4\nPerson causing harm: ex-partner\n"
                         "Police (PC Lund): marker on the address and a welfare visit this week.\n"
                         "Housing (Ana Ruiz, council): sanctuary works booked before the move.\n"
                         "School (head teacher): only his mother may collect the children.\n"));
    g.records.push_back(note("police.txt", "Dear manager,\nWe are investigating harassment of one "
                                           "of your customers. Please do not tell Ms Haq about "
                                           "this letter or that the police have contacted you.\n"));
    g.records.push_back(note("checkin.txt", "Thursday check-in (site partners)\nPresent: Lena Berg "
                                            "(security, chair), PC Lund (police)\nItem 3\nHis "
                                            "ex-partner rang twice posing as his wife.\n"
                                            "Action\tWho\tBy\nFlag the booking\tLena\t13/03\n"));
    g.records.push_back(note("form.txt", "Change to a household account\nSecondary cardholder: "
                                         "Imtiaz Haq\nNew address to follow.\n"));
    g.records.push_back(note("footer.txt", "Account change\nNew card issued on request.\n"
                                           "DV - no disclosure\n"));
    g.records.push_back(note("letter.txt", "Dear Samira,\nYour card has been replaced. If you have "
                                           "any questions about this letter, please call us.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 6);
    for (std::size_t i = 0; i < 5; ++i) {
        INFO(result.disclosure.records[i].record->name);
        CHECK(result.disclosure.records[i].fate == RecordFate::WithholdInFull);
    }
    CHECK(result.disclosure.records[5].fate == RecordFate::Disclose);
}

TEST_CASE("a letter headed with the requester's address and any greeting is his, though it names "
          "only a protected party, and a statement headed with his address is not",
          "[policy]") {
    Case c = survivor_request();
    c.profile = "perpetrator";
    c.subject.addresses = {"12 Elm Row, Leeds LS6 2AB"};
    const Detector detector{&c, dictionaries_dir()};
    const Policy policy = Policy::load(dictionaries_dir(), c.profile);
    GatherResult g;
    g.records.push_back(note("letter.txt", "12 Elm Row\nLeeds LS6 2AB\n\nSat Sri Akal,\n"
                                           "Imtiaz asked us to close the joint account. Imtiaz "
                                           "has been told. Imtiaz will not be on the new one.\n"));
    g.records.push_back(note("statement.txt", "12 Elm Row\nLeeds LS6 2AB\n\nWitness statement\n"
                                              "Imtiaz heard shouting. Imtiaz rang the police. "
                                              "Imtiaz was scared to go out.\n"));
    const auto result = policy.apply(c, g, detector.detect(g.records), detector);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::Disclose);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
}

TEST_CASE("a record whose customer or claimant is a protected party, or whose writer introduces "
          "herself as one in a scan's words, is withheld, and the requester's own claim is not",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("pharmacy.txt",
                             "Pharmacy consultation record\nBranch: High Street\n"
                             "Customer: Imtiaz Haq\nAsked for help at the counter.\n"));
    g.records.push_back(note("claim.txt", "Request for a split payment\nClaimant: Imtiaz Haq\n"
                                          "Paid into a new account from next month.\n"));
    // Tesseract runs "I am" together.
    g.records.push_back(note("scan.txt", "My account\nIam Imtiaz Haq. I lived there six years.\n"));
    g.records.push_back(note("his-claim.txt", "Request for a split payment\nClaimant: Samira Haq\n"
                                              "Called to ask about the payment date.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 4);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[0].withheld_kind.rfind("until reviewed", 0) != 0);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].withheld_kind.rfind("until reviewed", 0) == 0);
    CHECK(result.disclosure.records[2].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[3].fate == RecordFate::Disclose);
}

TEST_CASE("a risk panel's record is known by a file name that says so, a round-table's action "
          "note by its title, and another person's health record by its patient field",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    // A sheet whose text says nothing of a meeting, saved under a risk group's name.
    g.records.push_back(note("panel/housing-risk-review-group-2025-04.csv",
                             "Ref 1\nRisk: high\nMeasures: patrols\n"));
    g.records.push_back(note("rt.txt", "Valley Safeguarding Round-Table - action note\n"
                                       "Risk: escalating.\nAction 1: review the licence.\n"));
    g.records.push_back(note("pcr.txt", "Ambulance patient care record\nPatient: Imtiaz Haq\n"
                                        "Presenting complaint: injury to the wrist.\n"));
    // The requester's own: a patient record of hers, and a file name without a panel's words.
    g.records.push_back(note("hers.txt",
                             "Ambulance patient care record\nPatient: Samira Begum Haq\n"
                             "Presenting complaint: cut hand.\n"));
    g.records.push_back(note("notes/risk-of-relapse-worksheet.txt", "Samira filled this in.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 5);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[0].withheld_kind.rfind("until reviewed", 0) == 0);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[2].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[3].fate == RecordFate::Disclose);
    CHECK(result.disclosure.records[4].fate == RecordFate::Disclose);
}

TEST_CASE("a meeting with a chair, attendance and actions about safeguarding, a statement in "
          "another person's first person, a conversation with her and a record not for "
          "circulation are withheld",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    // No meeting word in the title and no agencies named: a chair, who attended, actions, risk.
    g.records.push_back(note("review.txt", "Depot review - 12/05\nChair: the duty manager\n"
                                           "Attending: team leader, chaplain\n"
                                           "Safeguarding: contact through the IDVA only.\n"
                                           "Actions: reception to refuse him entry.\n"));
    g.records.push_back(note("statement.txt", "Statement to the board\n"
                                              "I am Nadia Corbyn, of Ripon.\n"
                                              "He still rings my mother.\n"));
    g.records.push_back(note("call.txt", "Telephone contact\nSpoken with: Nadia Corbyn, by "
                                         "phone.\nShe has moved her car to a new street.\n"));
    g.records.push_back(note("letter.txt", "Panel statement - NOT FOR CIRCULATION\n"
                                           "The house was sold in May.\n"));
    // The requester's own: her letter in the first person, and a letter that names another
    // person only further on the line.
    g.records.push_back(note("mine.txt", "To the manager\nI am Samira Haq and I want my file.\n"));
    g.records.push_back(note("his.txt", "To the manager\nI am writing because Nadia Corbyn "
                                        "told me you hold notes about me.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 6);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[0].withheld_kind.rfind("until reviewed", 0) == 0);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[2].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[3].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[4].fate == RecordFate::Disclose);
    CHECK(result.disclosure.records[5].fate == RecordFate::Disclose);
}

TEST_CASE("third-party information given by the person harmed, a request that he not be told of "
          "it, and a case conference with a chair about a vulnerable customer are withheld",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("info.txt", "Third-party information - site visit\n"
                                         "Informant: Imtiaz Haq, by phone.\n"
                                         "He says the car is parked at the back now.\n"));
    g.records.push_back(note("request.txt", "Request for data under the crime exemption\n"
                                            "From: the investigating officer\n"
                                            "Data sought: login history and devices.\n"
                                            "We ask you not to inform the subject of these "
                                            "enquiries.\n"));
    g.records.push_back(note("conference.txt",
                             "Customer Case Conference - CC-0311\n"
                             "Chair: the duty manager. Present: fraud team, network team.\n"
                             "Line 3 is used by a vulnerable customer: location sharing off.\n"));
    // The requester's own: a letter about her bill, naming no one else.
    g.records.push_back(note("bill.txt", "Your bill\nSamira Haq, your bill for May is 12.50.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 4);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[2].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[3].fate == RecordFate::Disclose);
}

TEST_CASE("a review group's notes with a chair and decisions about a protected customer are "
          "withheld, and a form in columns that names the requester first is hers, not withheld as "
          "about someone else",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("group.txt", "Account Safety Review Group - ASRG-07\n"
                                          "Chair: the site manager. Attendees: fraud team.\n"
                                          "Protected person: Imtiaz Haq, new suite number.\n"
                                          "Decisions\n1. Close the linked account.\n"));
    g.records.push_back(note("summary.txt", "Assessment summary\nName\nDOB\n\n"
                                            "Samira Begum Haq\n01/02/1990\n\n"
                                            "Victim: Imtiaz Haq, former partner.\n"
                                            "She attended every session.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("a message carrying a record withheld in full is withheld until reviewed, unless it "
          "was sent to the requester",
          "[policy]") {
    const PerpetratorScan scan;
    auto mail = [](const std::string& name, const std::string& to) {
        return email(name, "worker@example.org", to, "Plan attached.\n");
    };
    auto plan = [](const std::string& parent) {
        Record r = note(parent + "#plan.txt", "Safety plan\nCode word: lanterns. Escape route "
                                              "by the back door; dial 999.\n");
        r.parent = parent;
        return r;
    };
    GatherResult g;
    g.records.push_back(mail("to-police.eml", "officer@example.org"));
    g.records.push_back(plan("to-police.eml"));
    g.records.push_back(mail("to-requester.eml", "Samira Haq <samira@example.com>"));
    g.records.push_back(plan("to-requester.eml"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 4);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[0].withheld_kind.rfind("until reviewed", 0) == 0);
    CHECK(result.disclosure.records[3].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[2].fate == RecordFate::Disclose);
}

TEST_CASE("a record's title never shows what the disclosure redacts in any record", "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    // "Quorvath" is no English word and nobody's known term: the residue pass withholds it in
    // the text. In lower case in a folder name, detection alone would leave it readable.
    g.records.push_back(note("quorvath/notes-2025.txt", "Imtiaz moved to Quorvath last spring.\n"));
    g.records.push_back(note("contact/plan.txt", "Samira attended on Monday.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].title.find("quorvath") == std::string::npos);
    CHECK(result.disclosure.records[0].title.find("[redacted]") != std::string::npos);
    CHECK(result.disclosure.records[1].title == "contact/plan.txt");
}

TEST_CASE("a record's title with two findings over one name shows one whole mark", "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    // "Mabel Quorvath" is found whole (a given name and a word no list has) and "Quorvath" again
    // as a person found elsewhere: the two overlap, and the title is redacted once.
    g.records.push_back(note("letters/to Mabel Quorvath.txt", "Mabel Quorvath rang on Monday.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 1);
    CHECK(result.disclosure.records[0].title == "letters/to [redacted].txt");
}

TEST_CASE("the first person is the requester's in a message the requester sent and what it "
          "attached, up to the quoted part, and the writer's elsewhere",
          "[policy]") {
    PerpetratorScan scan;
    scan.c.subject.emails = {"samira@example.com"};
    const Detector detector{&scan.c, dictionaries_dir()};
    const std::string own = "I have been signed off work with depression since October.";
    const std::string quoted = "> I was diagnosed with diabetes in May.";
    auto sent_by = [&](const std::string& name, const std::string& from) {
        return email(name, from, "", own + "\n\nOn Monday, a worker wrote:\n" + quoted + "\n");
    };
    Record attached = note("hers.eml#statement.txt", own + "\n");
    attached.parent = "hers.eml";
    GatherResult g;
    g.records.push_back(sent_by("hers.eml", "samira@example.com"));
    g.records.push_back(attached);
    g.records.push_back(sent_by("worker.eml", "worker@example.org"));
    g.records.push_back(note("statement.txt", own + "\n"));
    const auto findings = detector.detect(g.records);
    auto redacted = [&](std::size_t record, const std::string& sentence) {
        for (const Finding& f : findings)
            if (f.record == record && f.category == Category::SpecialCategory &&
                f.text.find(sentence.substr(sentence.size() > 2 && sentence[0] == '>' ? 2 : 0,
                                            20)) != std::string::npos)
                return scan.policy.decide(scan.c, f).action != Action::Keep;
        FAIL("no special-category finding for \"" << sentence << "\" in record " << record);
        return false;
    };
    CHECK_FALSE(redacted(0, own)); // her own words in her own message
    CHECK(redacted(0, quoted));    // the part she quoted is someone else's
    CHECK_FALSE(redacted(1, own)); // what she attached to it
    CHECK(redacted(2, own));       // the same words from a worker's address
    CHECK(redacted(3, own));       // and in a statement nobody says she wrote
}

TEST_CASE("a number that several records carry in their names is the requester's wherever the "
          "records write it, and a longer number that begins with it",
          "[detect]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("billing/ledger-40017733.csv", "Account 4001 7733 2210 set up.\n"));
    g.records.push_back(
        note("calls/log-40017733.txt", "Rang about 40017733. His account is 4001 5521 9034.\n"));
    g.records.push_back(note("letters/one-58806142.txt", "Ref 58806142 noted.\n"));
    auto owner_of = [&](std::size_t record, const std::string& text) {
        for (const Finding& f : scan.detector.detect(g.records))
            if (f.record == record && f.text == text) return f.owner.kind;
        FAIL("no finding \"" << text << "\" in record " << record);
        return Owner::Unknown;
    };
    CHECK(owner_of(0, "4001 7733 2210") == Owner::Subject); // begins with the filed number
    CHECK(owner_of(1, "40017733") == Owner::Subject);       // the filed number itself
    CHECK(owner_of(1, "4001 5521 9034") != Owner::Subject); // another account of the same firm
    CHECK(owner_of(2, "58806142") != Owner::Subject);       // in one record's name only
}

TEST_CASE("a number redacted as someone else's is redacted wherever its digits recur, spaced or "
          "grouped otherwise or inside a longer number",
          "[detect]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("a.txt", "Crime reference 41902263 was given to Imtiaz.\n"));
    g.records.push_back(note("b.txt", "Read out as 41 90 22 63 on the phone.\n"
                                      "Called on 4190-2263.\n"));
    const auto findings = scan.detector.detect(g.records);
    auto covered = [&](const std::string& digits) {
        const std::string& text = g.records[1].sections[0].text;
        const std::size_t at = text.find(digits);
        for (const Finding& f : findings)
            if (f.record == 1 && f.begin <= at && f.end >= at + digits.size() &&
                scan.policy.decide(scan.c, f).action != Action::Keep)
                return true;
        return false;
    };
    CHECK(covered("41 90 22 63"));
    CHECK(covered("4190-2263"));
}

TEST_CASE("a record set out about the person at risk and the person causing harm is withheld in "
          "a perpetrator request, a crime report's suspect and victim are not",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("a.txt", "Partnership options paper\n"
                                      "Person causing harm: Samira Haq, 4 Tinsel Row, Ripon\n"
                                      "Person at risk: Imtiaz Haq, at his brother's for now\n"
                                      "Options considered: an alarm at his address\n"));
    g.records.push_back(note("b.txt", "Occurrence summary\n"
                                      "Suspect: Samira Haq, 4 Tinsel Row, Ripon\n"
                                      "Victim: Imtiaz Haq, 9 Beck Side, Ripon today\n"
                                      "Incident: damage to a car door on 3 May\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("a register's row: a number in an NHS column is one though it fails the check, and the "
          "requester's surname written with a listed party's given name is that party's",
          "[detect]") {
    Case c;
    c.profile = "perpetrator";
    c.subject.name = "Marta Lowther";
    Person partner;
    partner.name = "Dennis Lowther";
    partner.role = Role::Partner;
    c.parties.push_back(partner);
    const Detector detector(&c, dictionaries_dir());
    auto row = [](const std::string& patient, const std::string& nhs) {
        Record r;
        r.name = "register.csv";
        r.kind = RecordKind::Csv;
        Section s(SectionKind::Row, "row 1", patient + "\t" + nhs + "\tmetoprolol 25 mg");
        s.fields.push_back({"patient", 0, patient.size()});
        s.fields.push_back({"nhs_no", patient.size() + 1, patient.size() + 1 + nhs.size()});
        s.fields.push_back({"item", patient.size() + 2 + nhs.size(), s.text.size()});
        r.sections.push_back(s);
        return r;
    };
    GatherResult g;
    g.records.push_back(row("LOWTHER, Dennis", "999 318 5521")); // fails the modulus 11 check
    g.records.push_back(row("Marta LOWTHER", "999 318 5521"));
    const auto findings = detector.detect(g.records);
    auto find = [&](std::size_t record, const std::string& text) -> const Finding* {
        for (const Finding& f : findings)
            if (f.record == record && f.text == text) return &f;
        return nullptr;
    };
    REQUIRE(find(0, "999 318 5521"));
    CHECK(find(0, "999 318 5521")->category == Category::IdNumber);
    REQUIRE(find(0, "LOWTHER"));
    CHECK(find(0, "LOWTHER")->owner.kind == Owner::Party); // Dennis's surname
    REQUIRE(find(1, "Marta LOWTHER"));
    CHECK(find(1, "Marta LOWTHER")->owner.kind == Owner::Subject);
}

TEST_CASE("a day and a month written with a slash are a date, not a reference code", "[detect]") {
    const Detector detector(nullptr, dictionaries_dir());
    const std::string text = "Seen on 21/04 by the nurse. Ref 2104/22 logged.";
    bool date_as_code = false, code = false;
    for (const auto& f : detector.detect_text(text)) {
        const std::string found = text.substr(f.begin, f.end - f.begin);
        if (found.find("21/04") != std::string::npos) date_as_code = true;
        if (found == "2104/22" && f.category == Category::Reference) code = true;
    }
    CHECK_FALSE(date_as_code);
    CHECK(code);
}

TEST_CASE("a worker's record of her request that nobody tell the requester anything is withheld "
          "in a perpetrator request",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("a.txt", "Gym note, Tuesday\nShe has changed her training night "
                                      "and asked that nobody tells him anything.\n"));
    g.records.push_back(note("b.txt", "Gym note, Thursday\nHe asked whether anybody tells the "
                                      "members about the new timetable.\n"));
    // An instruction to staff worded as "make sure nobody ... tells".
    g.records.push_back(note("c.txt", "Hello,\nPlease make sure nobody on the desk tells him "
                                      "about her new class or anything about her.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 3);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
    CHECK(result.disclosure.records[2].fate == RecordFate::WithholdInFull);
}

TEST_CASE("a call taken down turn by turn is the caller's when its first named caller is a "
          "protected party though she names him later",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("her-call.txt", "Call 03/11 10:05\nSTAFF: Good morning.\n"
                                             "CALLER: Hi, it's Imtiaz Haq, I rang last week.\n"
                                             "STAFF: Yes, I remember.\n"
                                             "CALLER: I need to know if Samira Haq has my number.\n"
                                             "CALLER: I moved so nobody would find me.\n"));
    g.records.push_back(note("his-call.txt", "Call 04/11 09:40\nSTAFF: Good morning.\n"
                                             "CALLER: Hi, it's Samira Haq about my booking.\n"
                                             "STAFF: Yes, I have it here.\n"
                                             "CALLER: Has Imtiaz Haq been in at all?\n"
                                             "CALLER: I will come in on Friday.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("an instruction to staff to ring 999 if the requester comes in is withheld and a "
          "letter warning him is not",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("notice.txt", "Staff notice - back office\nIf Mrs Haq comes to the "
                                           "yard, staff go in the back and ring 999.\n"));
    g.records.push_back(note("letter.txt", "Dear Samira,\nIf you come to the yard again we will "
                                           "ring 999. You came in on Monday and shouted.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("a mark not to disclose what its line says leaves the record to the reviewer unless "
          "it is a letter to the requester and a notice about the record withholds it",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    const std::string letter = "Dear Ms Haq,\nThank you for your call about the boiler at 5 Kiln "
                               "Row; an engineer will come on Friday.\nYour sister now lives at "
                               "Tolvane Court in Pelham - do not disclose.\nThe rent account is up "
                               "to date.\n";
    g.records.push_back(note("letter.txt", letter));
    g.records.push_back(note("notice.txt", "CONFIDENTIAL - NOT TO BE DISCLOSED\nReferral from the "
                                           "housing team about the tenancy.\n"));
    g.records.push_back(note("police.txt", "Passed to us by the police for safeguarding only. It "
                                           "must not be disclosed to Ms Haq.\nShe was spoken to "
                                           "on Monday.\n"));
    g.records.push_back(note("account.txt", "Account of Ms Haq, 5 Kiln Row\nRent paid weekly.\n"
                                            "Her sister now lives at Tolvane Court in Pelham "
                                            "- do not disclose.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 4);
    const auto& records = result.disclosure.records;
    // The letter to her is disclosed, the marked line withheld; the rest of it is not.
    CHECK(records[0].fate == RecordFate::Disclose);
    const std::size_t marked = letter.find("Your sister");
    const std::size_t offer = letter.find("an engineer will come");
    bool line_hidden = false, offer_hidden = false;
    for (const Redaction& r : records[0].redactions) {
        line_hidden = line_hidden || (r.begin <= marked && r.end > letter.find("Pelham"));
        offer_hidden = offer_hidden || (r.begin <= offer && r.end > offer);
    }
    CHECK(line_hidden);
    CHECK_FALSE(offer_hidden);
    CHECK(records[3].fate == RecordFate::WithholdInFull);
    CHECK(records[3].withheld_kind.find("until reviewed") != std::string::npos);
    CHECK(records[1].fate == RecordFate::WithholdInFull);
    CHECK(records[1].withheld_kind.find("until reviewed") == std::string::npos);
    CHECK(records[2].fate == RecordFate::WithholdInFull);
    CHECK(records[2].withheld_kind.find("until reviewed") == std::string::npos);
}

TEST_CASE("a line marked not to be disclosed in the middle of a record is withheld and the rest "
          "is disclosed",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    std::string text = "Account notes for Ms Haq\n";
    for (int i = 1; i <= 6; ++i)
        text += "Week " + std::to_string(i) + ": Ms Haq paid her rent on time.\n";
    text += "Her sister now lives at Tolvane Court in Pelham - do not disclose.\n";
    for (int i = 7; i <= 12; ++i)
        text += "Week " + std::to_string(i) + ": Ms Haq paid her rent on time.\n";
    g.records.push_back(note("notes.txt", text));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 1);
    const RecordDisclosure& notes = result.disclosure.records[0];
    CHECK(notes.fate == RecordFate::Disclose);
    const std::size_t marked = text.find("Her sister");
    const std::size_t paid = text.find("paid her rent");
    bool line_hidden = false, paid_hidden = false;
    for (const Redaction& r : notes.redactions) {
        line_hidden = line_hidden || (r.begin <= marked && r.end > text.find("Pelham"));
        paid_hidden = paid_hidden || (r.begin <= paid && r.end > paid);
    }
    CHECK(line_hidden);
    CHECK_FALSE(paid_hidden);
}

TEST_CASE("a note of a conversation the victim was at and the requester was not is withheld "
          "until reviewed and one he attended is not",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("note.txt", "Note of conversation - 02/10\nPresent: Imtiaz Haq, "
                                         "Dana Quillfeather (manager)\nSamira is my ex. I moved "
                                         "in the summer and I am scared Samira will find me. "
                                         "Samira knows my shifts.\nAgreed: change the rota.\n"));
    g.records.push_back(note("meeting.txt", "Note of meeting - 03/10\nPresent: Samira Haq, Dana "
                                            "Quillfeather (manager)\nSamira said she wants her "
                                            "hours back. Agreed: review in a month.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[0].withheld_kind.find("until reviewed") != std::string::npos);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("a call from a protected party or a talk with her at the head of a record and a "
          "statement taken in the first person from someone else are withheld until reviewed",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("callback.txt", "Call back - 14/10\n\nDesk, 16:45\n\n- Imtiaz rang "
                                             "back from his brother's. Wants the rota kept "
                                             "quiet.\n"));
    g.records.push_back(note("conversation.txt",
                             "Note of a conversation - 22/10\nDana Quillfeather (duty manager) "
                             "with Imtiaz Haq, in the car park.\nMoved out in August. On the "
                             "waiting list for counselling.\n"));
    g.records.push_back(note("witness.txt", "Witness 4\nTaken by Dana Quillfeather by phone, "
                                            "15/10.\nI saw her at the gate. My shift had ended "
                                            "and I waited for the bus. She shouted at me.\n"));
    // A call that names him; his own statement; and a talk with the partner that a fourth line
    // mentions, not the record's head.
    g.records.push_back(note("his-call.txt", "Call back - 16/10\n\nDesk, 10:00\n\n- Samira Haq "
                                             "rang back about the invoice Imtiaz rang about.\n"));
    g.records.push_back(note("statement.txt", "Statement of Samira Haq\nTaken by Dana "
                                              "Quillfeather, 15/10.\nI was at the gate. My car "
                                              "was blocked. He shouted at me.\n"));
    g.records.push_back(note("update.txt", "Update\nThe invoice is paid.\nThe order ships "
                                           "Friday.\nThe slot was agreed with Imtiaz.\n"));
    // A week's log whose first entry is his call is no record of a call.
    g.records.push_back(note("week.txt", "Week 12 notes\nTue: Imtiaz rang the office about the "
                                         "van.\nWed: the van was serviced.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 7);
    for (std::size_t i : {0u, 1u, 2u}) {
        INFO(g.records[i].name);
        CHECK(result.disclosure.records[i].fate == RecordFate::WithholdInFull);
        CHECK(result.disclosure.records[i].withheld_kind.find("until reviewed") !=
              std::string::npos);
    }
    for (std::size_t i : {3u, 4u, 5u, 6u}) {
        INFO(g.records[i].name);
        CHECK(result.disclosure.records[i].fate == RecordFate::Disclose);
    }
}

TEST_CASE("a request not to discuss a record with the requester and a partners' meeting known by "
          "its asks or by what it agreed are withheld",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("covering.txt", "Dana,\nThe part for tonight is attached. Please do "
                                             "not forward it or discuss it with the customer if "
                                             "anyone asks.\nOla\n"));
    g.records.push_back(note("screening.txt",
                             "Partners' screening - household 3 of 9\nWho\tWhat's changed\tAsks "
                             "of partners\nImtiaz Haq\tThreatened to wait at the depot\tPatrol "
                             "on 21/10\nPresent: Dana Quillfeather (police), Ola Brant (IDVA), "
                             "Kit Moss (housing), Rae Lind (education).\n"));
    g.records.push_back(note("line-check.txt",
                             "Partners' line check - no. 4\nNew: waited at the yard gate twice.\n"
                             "Round the table: Ola Brant (advocacy), Kit Moss (housing)\nAgreed: "
                             "the yard to keep her shifts off the rota board; a harassment "
                             "warning to be served.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 3);
    for (std::size_t i : {0u, 1u, 2u}) {
        INFO(g.records[i].name);
        CHECK(result.disclosure.records[i].fate == RecordFate::WithholdInFull);
    }
}

TEST_CASE("one item of a meeting's agenda of cases, with its asks and its risk, is withheld until "
          "reviewed with the message that carries it, and a page number names no item",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(
        email("part.eml", "worker@example.org", "desk@example.org", "Your part from Thursday.\n"));
    Record extract = note("part.eml#extract.txt",
                          "Thursday partners' look - Item 4 of 10\n"
                          "Ask of the bakery: keep her off the till rota on Saturdays.\n"
                          "Police: cocoon watch on the street; bail conditions broken twice.\n");
    extract.parent = "part.eml";
    g.records.push_back(extract);
    g.records.push_back(note("invoice.txt", "Invoice - page 1 of 2\nActions: pay by Friday to "
                                            "avoid the risk of a late fee.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 3);
    CHECK(result.disclosure.records[1].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[2].fate == RecordFate::Disclose);
}

TEST_CASE("one line of a risk sheet of several, with weapons or control and actions, is withheld "
          "until reviewed, and an order's line with a colour is not",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("sheet.txt",
                             "Harbour risk sheet - line 2 of 9\n"
                             "Colour: AMBER\n"
                             "Controlling with her money; took her phone; keeps a shotgun at the "
                             "house.\n"
                             "Actions\n"
                             "Police to review his firearms certificate this week.\n"
                             "School to keep the pick-up rota clear of her on Fridays.\n"));
    g.records.push_back(note("order.txt", "Order sheet - line 2 of 9\nColour: red\nActions\n"
                                          "Dispatch to pack the red jumper this week.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("a meeting's attendees, each with role and service in one bracket, name its agencies: "
          "the record is withheld",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("og-04.txt",
                             "Harbour Vale Partners Group - note for a partner business\n"
                             "Ana Voss (IDVA, Teme Outreach); Ian Rudd (Kent Police); Olu Bade "
                             "(Hill Top School)\n"
                             "Zoe Kettering and her daughter: he has hit her and threatened her.\n"
                             "Actions for the business: never give out her new address.\n"));
    g.records.push_back(note("staff-04.txt",
                             "Harbour Vale staff rota - note for the team\n"
                             "Ana Voss (till, Teme branch); Ian Rudd (stock); Olu Bade (till)\n"
                             "Actions for the team: count the float at six.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("a record whose 'subject of concern' is a protected party is withheld until reviewed",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("note-031.txt", "Action note for a partner business\n"
                                             "Subject of concern: Zoe Kettering, her new flat "
                                             "in town.\n"
                                             "Report any call about her to the office.\n"));
    g.records.push_back(note("note-032.txt", "Action note for a partner business\n"
                                             "Subject: the new van rota.\n"
                                             "Report any call about it to the office.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("a request not to tell someone that a record exists withholds it", "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("cover.txt", "Information shared with a community group\n"
                                          "The attached extract is shared so that the group can "
                                          "act on it. Do not tell Mr Marsh that it exists.\n"));
    g.records.push_back(note("cover-b.txt", "Information shared with a community group\n"
                                            "The attached timetable is shared so that the group "
                                            "can plan. Do not tell anyone the prize yet.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("an office note at a record's foot that it is never to be copied to someone withholds "
          "it",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("invoice-b.txt", "Invoice 4471/B\nContribution to the repair, "
                                              "paid by card.\nOffice note: the customer asks "
                                              "that this invoice is never copied to the other "
                                              "payer.\n"));
    g.records.push_back(note("invoice-a.txt", "Invoice 4471/A\nRepair of the gate, paid by "
                                              "card.\nCopied to the other payer.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("a record that could not be read is named without the third party its file name names",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("note.txt", "Imtiaz Haq rang the office on Monday.\n"));
    g.skipped.push_back({"mail.eml#key - imtiaz.haq@example.org.asc", "a kind not read"});
    g.skipped.push_back({"scans/Imtiaz letter.heic", "a kind not read"});
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.skipped_records.size() == 2);
    for (const std::string& name : result.disclosure.skipped_records) {
        INFO(name);
        CHECK(name.find("imtiaz") == std::string::npos);
        CHECK(name.find("Imtiaz") == std::string::npos);
        CHECK(name.find("[redacted]") != std::string::npos);
    }
}

TEST_CASE("a notice at the foot of any printed page withholds the record, a later page's heading "
          "does not",
          "[policy]") {
    const PerpetratorScan scan;
    auto pdf = [](const std::string& name, const std::vector<std::string>& pages) {
        Record r;
        r.name = name;
        r.kind = RecordKind::Pdf;
        int n = 0;
        for (const auto& text : pages) {
            Section s(SectionKind::PageText, "page " + std::to_string(++n), text);
            s.page = n;
            r.sections.push_back(s);
        }
        return r;
    };
    GatherResult g;
    g.records.push_back(pdf("a.pdf", {"Partners' update\nFamily B\nNotes of the day.\n"
                                      "A second note.\nA third note.\nA fourth note.\n"
                                      "Not to be shared with the alleged perpetrator.\n",
                                      "Attached plan\nPlan of the garden.\nEnd.\n"}));
    g.records.push_back(pdf("b.pdf", {"Programme intake\nYour goals for the course.\n",
                                      "PARTNER CONTACT - NOT TO BE SHARED WITH HIM\nCall notes.\n"
                                      "First line.\nSecond line.\nThird line.\nFourth line.\n"}));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("a phone number redacted as someone else's is found again with the country code, by "
          "the verifier's own key",
          "[detect]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("a.txt", "Her new number is 0114 496 0123 now.\n"));
    g.records.push_back(note("b.txt", "Rang 44 114 4960 123 back today.\n"));
    const auto findings = scan.detector.detect(g.records);
    const std::string& text = g.records[1].sections[0].text;
    const std::size_t at = text.find("114 4960 123");
    bool covered = false;
    for (const Finding& f : findings)
        covered = covered || (f.record == 1 && f.begin <= at && f.end >= at + 12 &&
                              scan.policy.decide(scan.c, f).action != Action::Keep);
    CHECK(covered);
}

TEST_CASE("a code of capitals and digits that several records carry in their names is the "
          "requester's wherever the records write it",
          "[detect]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("account/history-KW-LN-30518.csv", "Account KW-LN-30518 opened.\n"));
    g.records.push_back(note("account/statement_KW-LN-30518_b204.txt",
                             "Unit B204 let. Account kw-ln-30518 billed. Unit B311 next door.\n"));
    g.records.push_back(note("units/notes-B204.txt", "Keys to B204 returned.\n"));
    // A message named by a code, and the form it carries named by it too: hers, it may be.
    Record message = note("mail/fw-QP-7741.eml", "Ref QP-7741 noted.\n");
    message.kind = RecordKind::Email;
    g.records.push_back(std::move(message));
    g.records.push_back(note("mail/fw-QP-7741.eml#form-QP-7741.pdf", "Form QP-7741.\n"));
    const std::vector<Finding> found = scan.detector.detect(g.records);
    auto owner_of = [&](std::size_t record, const std::string& text) {
        for (const Finding& f : found)
            if (f.record == record && f.text == text) return f.owner.kind;
        FAIL("no finding \"" << text << "\" in record " << record);
        return Owner::Unknown;
    };
    CHECK(owner_of(0, "KW-LN-30518") == Owner::Subject); // in two records' names
    CHECK(owner_of(1, "kw-ln-30518") == Owner::Subject); // written otherwise
    CHECK(owner_of(1, "Unit B204") == Owner::Subject);   // a unit, in two names
    CHECK(owner_of(1, "Unit B311") != Owner::Subject);   // the unit next door
    CHECK(owner_of(3, "QP-7741") != Owner::Subject);     // in one file's name and an attachment's
    CHECK(owner_of(4, "QP-7741") != Owner::Subject);
}

TEST_CASE("a code in a document's own file name is the document's own reference where it writes "
          "it, and nowhere else",
          "[detect]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("support/ticket-R-4410.html", "Ticket R-4410 closed.\n"));
    g.records.push_back(note("support/log.txt", "See R-4410.\n"));
    const std::vector<Finding> found = scan.detector.detect(g.records);
    auto owner_of = [&](std::size_t record, const std::string& text) {
        for (const Finding& f : found)
            if (f.record == record && f.text == text) return f.owner.kind;
        FAIL("no finding \"" << text << "\" in record " << record);
        return Owner::Unknown;
    };
    CHECK(owner_of(0, "R-4410") == Owner::Subject);
    CHECK(owner_of(1, "R-4410") != Owner::Subject); // one file's name: not the case's filing
}

TEST_CASE("a message forwarding a message that carries a record withheld in full with a line "
          "of its own is withheld with it, and so are its other attachments, and one that says "
          "more in its own words is not",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    auto message = [](const std::string& name, const std::string& parent, const std::string& body) {
        return email(name, "office@example.org", "yard@example.org", body, parent);
    };
    g.records.push_back(message("fwd.eml", "", "See below, read and delete.\n"));
    g.records.push_back(message("fwd.eml#below.eml", "fwd.eml", "What we can share.\n"));
    Record sheet = note("fwd.eml#below.eml#sheet.txt",
                        "DASH risk identification checklist\nQ1 Has the current incident "
                        "resulted in injury? Yes\n");
    sheet.parent = "fwd.eml#below.eml";
    g.records.push_back(sheet);
    Record menu = note("fwd.eml#menu.txt", "Lunch menu for the week.\n");
    menu.parent = "fwd.eml";
    g.records.push_back(menu);
    g.records.push_back(
        message("long.eml", "",
                "I met the member after the Sunday class and he said he only came "
                "back for his gloves and his bag, and he agreed to keep to the "
                "Wednesday session until we have met. Forwarding the papers below.\n"));
    g.records.push_back(message("long.eml#papers.eml", "long.eml", "The papers.\n"));
    Record checklist = note("long.eml#papers.eml#list.txt",
                            "DASH risk identification checklist\nQ2 Is the victim very "
                            "frightened? Yes\n");
    checklist.parent = "long.eml#papers.eml";
    g.records.push_back(checklist);
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 7);
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) {
        INFO(g.records[i].name);
        CHECK(result.disclosure.records[i].fate == RecordFate::WithholdInFull);
    }
    CHECK(result.disclosure.records[4].fate == RecordFate::Disclose);
}

TEST_CASE("a sheet set out about 'her' and 'him', with what happened and actions, is withheld",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("sheet-7.txt",
                             "Partners' sheet - Monday\n"
                             "Her\tZoe Kettering, Lark Row, Rotherham\n"
                             "Him\tGordon Marsh, Sheffield\n"
                             "What happened: he followed her to the gym twice.\n"
                             "Actions: keep her session slots off the noticeboard.\n"));
    g.records.push_back(note("order-7.txt", "Order for the shop\n"
                                            "Colour\tnavy with a white trim\n"
                                            "Size\tlarge in the long fit\n"
                                            "Actions: collect by Friday at the counter.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("two labels on one line, the person of concern and the person at risk, set a record "
          "out about both",
          "[policy]") {
    const PerpetratorScan scan;
    GatherResult g;
    g.records.push_back(note("extract-2.txt",
                             "Extract for the club\n"
                             "Subject of concern: Samira Haq. Person at "
                             "risk: Imtiaz Haq.\n"
                             "Actions: keep his session slots off the website.\n"));
    auto result = scan.apply(g);
    REQUIRE(result.disclosure.records.size() == 1);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
}
