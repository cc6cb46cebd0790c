// Whole records on the command line, through the real binary: `safesar status` lists the
// records withheld in full and why; `safesar review --release-record` (with --comment in a
// perpetrator request) discloses one, redacted as usual, and `--withhold-record NAME --reason
// CODE` withholds one; the bundle follows.
#include "pdf_text.hpp"
#include "process.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace safesar;

namespace {

const fs::path demo = fs::path(SAFESAR_FIXTURES) / "cases" / "demo-perpetrator";

test::CommandResult run_safesar(const std::string& args) {
    return test::run_command(std::string(SAFESAR_BINARY) + " " + args + " 2>&1");
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Everything the requester can read of a draft exported to `out`.
std::string bundle_text(const fs::path& out) {
    const fs::path pdf = out / "SAR-2026-0452.pdf";
    return test::pdf_text(pdf) + "\n" + test::read_file(out / "SAR-2026-0452.json");
}

} // namespace

TEST_CASE("safesar review releases a record withheld until reviewed and withholds another",
          "[review][records][cli]") {
    test::TempDir dir("safesar-record-cli");
    const fs::path folder = dir.path() / "case";
    fs::create_directories(folder / "records");
    fs::copy_file(demo / "request.json", folder / "request.json");
    // Gavin and Becky named once each under a "Case summary" title: the policy cannot tell
    // whom it is about and withholds it until a reviewer decides.
    std::ofstream(folder / "records" / "case-summary.txt")
        << "Case summary\n\nGavin attended the group session on time and spoke about his "
           "week.\nBecky asked the service to confirm the date of the next review.\n";
    std::ofstream(folder / "records" / "note.txt")
        << "Gavin collected his workbook for module four.\n";
    const std::string c = test::quoted(folder);
    REQUIRE(run_safesar("scan " + c).status == 0);

    test::CommandResult status = run_safesar("status " + c);
    INFO(status.out);
    CHECK(has(status.out, "records withheld in full: 1"));
    CHECK(has(status.out, "case-summary.txt"));
    CHECK(has(status.out, "a reviewer decides"));
    CHECK(has(status.out, "--release-record"));
    CHECK(has(status.out, "open risks: 1"));

    // Refused without a comment, and with an unknown reason; nothing changes.
    test::CommandResult refused = run_safesar("review " + c + " --release-record case-summary.txt");
    INFO(refused.out);
    CHECK(refused.status != 0);
    CHECK(has(refused.out, "needs a comment"));
    refused = run_safesar("review " + c + " --withhold-record note.txt");
    CHECK(refused.status != 0);
    CHECK(has(refused.out, "--reason"));
    refused = run_safesar("review " + c + " --withhold-record note.txt --reason NOPE");
    CHECK(refused.status != 0);

    const test::CommandResult released = run_safesar(
        "review " + c + " --release-record case-summary.txt --comment \"about his attendance\"");
    INFO(released.out);
    REQUIRE(released.status == 0);
    CHECK(has(released.out, "released case-summary.txt"));
    REQUIRE(run_safesar("review " + c + " --withhold-record note.txt --reason TP").status == 0);

    status = run_safesar("status " + c);
    INFO(status.out);
    CHECK(has(status.out, "open risks: 0")); // the decision answers the policy's risk
    CHECK(has(status.out, "records withheld in full: 1\n  note.txt  TP  by "));
    CHECK(has(status.out, "records released for disclosure: 1\n  case-summary.txt  by "));
    CHECK(has(status.out, "about his attendance"));

    // The draft bundle: the summary disclosed with her name redacted, the note withheld.
    const fs::path out = dir.path() / "out";
    const test::CommandResult exported = run_safesar("export " + c + " --out " + test::quoted(out));
    INFO(exported.out);
    REQUIRE(exported.status == 0);
    const std::string text = bundle_text(out);
    CHECK(has(text, "spoke about his"));
    CHECK_FALSE(has(text, "Becky"));
    CHECK_FALSE(has(text, "workbook"));

    // Reopened: the policy's withholding stands again, and so does its risk.
    REQUIRE(run_safesar("review " + c + " --reopen-record case-summary.txt").status == 0);
    status = run_safesar("status " + c);
    CHECK(has(status.out, "open risks: 1"));
    CHECK(has(status.out, "records withheld in full: 2"));
}
