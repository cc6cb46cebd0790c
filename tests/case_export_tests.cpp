// Exporting a whole case through the real binary, as each shell does it (safesar export, run and
// batch; the GUI's dialog has its own test in gui/tests): the records are read as they are on
// disk at export time, a perpetrator bundle names no withheld record (the controller's schedule
// does), a verifier finding can be resolved, and a note with ten zeros exports.
#include "pdf_text.hpp"
#include "process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

const fs::path demo = fs::path(SAFESAR_FIXTURES) / "cases" / "demo-perpetrator";

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// `safesar ARGS`, with its standard output and error together.
test::CommandResult run_safesar(const std::string& args) {
    return test::run_command(std::string(SAFESAR_BINARY) + " " + args + " 2>&1");
}

// A small case: the demo case's request (the requester Gavin Rushworth, a perpetrator request)
// and the given text notes as its only records.
fs::path small_case(const test::TempDir& dir,
                    const std::vector<std::pair<std::string, std::string>>& notes) {
    const fs::path folder = dir.path() / "case";
    fs::create_directories(folder / "records");
    fs::copy_file(demo / "request.json", folder / "request.json");
    for (const auto& [name, text] : notes)
        std::ofstream(folder / "records" / name) << text;
    return folder;
}

// Everything a requester can read: the PDF's text in both layouts and the JSON.
std::string bundle_text(const fs::path& out, const std::string& reference) {
    return test::pdf_text(out / (reference + ".pdf")) + "\n" +
           test::pdf_text(out / (reference + ".pdf"), {}, test::TextLayout::Physical) + "\n" +
           test::read_file(out / (reference + ".json"));
}

std::size_t files_in(const fs::path& dir) {
    if (!fs::exists(dir)) return 0;
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {}));
}

const std::string demo_reference = "SAR-2026-0452"; // demo-perpetrator's

} // namespace

TEST_CASE("a record changed on disk after the last scan is re-read by export, run and batch",
          "[case-export]") {
    test::TempDir dir("safesar-case-export");
    const fs::path folder =
        small_case(dir, {{"note.txt", "Gavin attended the group session on time.\n"}});
    const std::string c = test::quoted(folder);
    REQUIRE(run_safesar("scan " + c).status == 0);

    // After the scan the note changes: a new sentence of his, and the victim's phone number.
    std::ofstream(folder / "records" / "note.txt", std::ios::app)
        << "He asked about his course certificate.\n"
           "Rebecca's new mobile is 07700 900835.\n";

    SECTION("safesar export re-scans, records the new findings and draws them as proposed") {
        const fs::path out = dir.path() / "export";
        const test::CommandResult r = run_safesar("export " + c + " --out " + test::quoted(out));
        INFO(r.out);
        REQUIRE(r.status == 0);
        CHECK(r.out.find("new and") != std::string::npos); // "N new and M reopened findings"
        const std::string text = bundle_text(out, demo_reference);
        CHECK(text.find("course certificate") != std::string::npos);
        CHECK(text.find("900835") == std::string::npos);

        // A final export is refused: what the re-scan found has not been reviewed.
        const fs::path final_out = dir.path() / "final";
        const test::CommandResult f = run_safesar(
            "export " + c + " --final --out " + test::quoted(final_out));
        INFO(f.out);
        CHECK(f.status != 0);
        CHECK(f.out.find("final export refused") != std::string::npos);
        CHECK(files_in(final_out) == 0);
    }
    SECTION("safesar run reads the records as they are now") {
        const fs::path out = dir.path() / "run";
        const test::CommandResult r = run_safesar("run " + c + " --out " + test::quoted(out));
        INFO(r.out);
        REQUIRE(r.status == 0);
        const std::string text = bundle_text(out, demo_reference);
        CHECK(text.find("course certificate") != std::string::npos);
        CHECK(text.find("900835") == std::string::npos);
    }
    SECTION("safesar batch reads the records as they are now") {
        const fs::path out = dir.path() / "batch";
        const test::CommandResult r =
            run_safesar("batch " + test::quoted(dir.path()) + " --out " + test::quoted(out));
        INFO(r.out);
        REQUIRE(r.status == 0);
        const std::string text = bundle_text(out / "case", demo_reference);
        CHECK(text.find("course certificate") != std::string::npos);
        CHECK(text.find("900835") == std::string::npos);
    }
}

TEST_CASE("a two-line note holding 0000000000 exports with the requester's sentence kept",
          "[case-export]") {
    test::TempDir dir("safesar-zeros");
    const std::string sentence = "I would like a copy of everything you hold about me.";
    const fs::path folder =
        small_case(dir, {{"note.txt", "Reference 0000000000\n" + sentence + "\n"}});
    const fs::path out = dir.path() / "out";
    // The digits are in every PDF's cross-reference table; the verifier reads what a reader sees.
    const test::CommandResult r =
        run_safesar("run " + test::quoted(folder) + " --out " + test::quoted(out));
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(test::pdf_text(out / (demo_reference + ".pdf")).find(sentence) != std::string::npos);
    CHECK(test::read_file(out / (demo_reference + ".json")).find(sentence) != std::string::npos);
}

TEST_CASE("a perpetrator bundle names no withheld record, the controller's schedule does",
          "[case-export]") {
    test::TempDir dir("safesar-withheld");
    const fs::path folder = dir.add(demo, "case");
    const fs::path out = dir.path() / "out";
    const test::CommandResult r =
        run_safesar("run " + test::quoted(folder) + " --out " + test::quoted(out));
    INFO(r.out);
    REQUIRE(r.status == 0);
    // Only the bundle's two files are in the output folder; the schedule is in the case's state.
    CHECK(files_in(out) == 2);
    const fs::path schedule =
        folder / ".safesar" / (demo_reference + ".controller-schedule.NOT-FOR-DISCLOSURE.txt");
    REQUIRE(fs::exists(schedule));
    CHECK((fs::status(schedule).permissions() & fs::perms::others_read) == fs::perms::none);
    const std::string kept = test::read_file(schedule);
    CHECK(kept.find("NEVER TO BE DISCLOSED") != std::string::npos);

    // What would tell him what was withheld: file names, the sender, the subject, the kinds.
    const std::string text = lower(bundle_text(out, demo_reference));
    for (const std::string fact :
         {"marac/marac-minutes-2026-02-12.pdf", "marac-minutes", "partner-email-2026-04-09",
          "safety-plan.pdf", "personal safety plan", "marac minutes",
          "becky.fairclough@example.org", "your plan + thursday call"}) {
        INFO("withheld fact: " << fact);
        CHECK(text.find(fact) == std::string::npos);
        CHECK(lower(kept).find(fact) != std::string::npos);
    }
    // It is told that information was withheld, and under which exemptions.
    CHECK(text.find("some information has been withheld") != std::string::npos);
    const nlohmann::json j =
        nlohmann::json::parse(test::read_file(out / (demo_reference + ".json")));
    CHECK(j.at("withheld_in_full").at("records_named") == false);
    CHECK(j.at("withheld_in_full").at("some_information_withheld") == true);
    // The exemptions cited must not name the kind of record either: a "MARAC" code would tell
    // him a MARAC was held about her.
    for (const auto& code : j.at("withheld_in_full").at("exemptions"))
        CHECK(code.get<std::string>().find("MARAC") == std::string::npos);
    CHECK(text.find("marac information-sharing protocol") == std::string::npos);
    for (const auto& record : j.at("records"))
        CHECK(record.at("withheld") == false);
}

TEST_CASE("a withheld record whose redacted title reads as a disclosed one's does not stop the "
          "bundle",
          "[case-export]") {
    test::TempDir dir("safesar-same-title");
    // Both names lose the third party in them and read "notes-[redacted].txt"; the first is
    // withheld in full, the second disclosed under that title.
    const fs::path folder = small_case(
        dir, {{"notes-Rebecca.txt", "MARAC minutes\nAgencies present: police, IDVA, housing, "
                                    "children's social care.\nRisk level: high.\nActions: "
                                    "refuge space, school alerted.\n"},
              {"notes-Selwood.txt", "Gavin rang to move his group session to Thursday.\n"}});
    const fs::path out = dir.path() / "out";
    const test::CommandResult r =
        run_safesar("run " + test::quoted(folder) + " --out " + test::quoted(out));
    INFO(r.out);
    REQUIRE(r.status == 0);
    const std::string text = lower(bundle_text(out, demo_reference));
    CHECK(text.find("notes-[redacted].txt") != std::string::npos);
    CHECK(text.find("move his group session") != std::string::npos);
    for (const char* fact : {"rebecca", "selwood", "agencies present", "refuge space"}) {
        INFO(fact);
        CHECK(text.find(fact) == std::string::npos);
    }
}

TEST_CASE("a verifier finding is shown with its places and resolved by redacting the rest",
          "[case-export]") {
    test::TempDir dir("safesar-leak");
    // A reviewer redacts "Thursdays" in one note; another record's file name holds the word, and
    // the bundle prints file names as titles.
    const fs::path folder =
        small_case(dir, {{"note.txt", "Gavin said he can only come on Thursdays.\n"},
                         {"thursdays-diary.txt", "Gavin kept a diary for the programme.\n"}});
    const std::string c = test::quoted(folder);
    REQUIRE(run_safesar("scan " + c).status == 0);
    REQUIRE(run_safesar("review " + c +
                        " --redact-text Thursdays --record note.txt --reason TP")
                .status == 0);

    const fs::path out = dir.path() / "out";
    const test::CommandResult refused = run_safesar("export " + c + " --out " + test::quoted(out));
    INFO(refused.out);
    CHECK(refused.status != 0);
    CHECK(refused.out.find("is still readable in:") != std::string::npos);
    CHECK(refused.out.find("text of page") != std::string::npos);
    CHECK(refused.out.find("--redact-remaining") != std::string::npos);
    CHECK(files_in(out) == 0);

    const test::CommandResult resolved = run_safesar("export " + c + " --out " + test::quoted(out) +
                                                     " --redact-remaining");
    INFO(resolved.out);
    REQUIRE(resolved.status == 0);
    const std::string text = lower(bundle_text(out, demo_reference));
    CHECK(text.find("thursdays") == std::string::npos);
    CHECK(text.find("kept a diary for the programme") != std::string::npos);
    // The resolution is a manual redaction in the review state, like any other.
    CHECK(run_safesar("review " + c).out.find("manual TP") != std::string::npos);
}
