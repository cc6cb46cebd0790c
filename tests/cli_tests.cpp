// Integration: the real `safesar` binary on the bundled fictional cases. The bundle's text (as
// pdftotext reads it) and its JSON must hold none of the key's must_redact entries and every
// must_keep entry.
#include "pdf_text.hpp"
#include "process.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace {

using safesar::test::run_capture;

std::string lower_collapsed(const std::string& s) {
    std::string out;
    bool space = false;
    for (unsigned char c : s) {
        if (std::isspace(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(c));
    }
    return out;
}

std::string digits(const std::string& s) {
    std::string d;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c))) d += c;
    return d;
}

bool contains_entry(const std::string& text, const nlohmann::json& e) {
    const std::string t = e.at("text");
    if (e.value("match", "word") == "digits") {
        std::string d = digits(t);
        d.erase(0, d.find_first_not_of('0'));
        return digits(text).find(d) != std::string::npos;
    }
    const std::string hay = lower_collapsed(text), needle = lower_collapsed(t);
    for (std::size_t at = hay.find(needle); at != std::string::npos;
         at = hay.find(needle, at + 1)) {
        auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)); };
        bool left = at == 0 || !word(hay[at - 1]);
        bool right = at + needle.size() >= hay.size() || !word(hay[at + needle.size()]);
        if (left && right) return true;
    }
    return false;
}

struct Bundle {
    int status = -1;
    std::string text, json;
    fs::path out;
};

Bundle run_case(const fs::path& case_dir, const std::string& reference) {
    fs::path work = fs::temp_directory_path() / ("safesar-cli-" + case_dir.filename().string());
    fs::remove_all(work);
    fs::create_directories(work);
    fs::copy(case_dir, work / "case", fs::copy_options::recursive);
    Bundle b;
    b.out = work / "out";
    run_capture(std::string(SAFESAR_BINARY) + " run '" + (work / "case").string() + "' --out '" +
                    b.out.string() + "' 2>&1",
                &b.status);
    const fs::path pdf = b.out / (reference + ".pdf");
    b.text = run_capture("pdftotext '" + pdf.string() + "' - 2>/dev/null") +
             run_capture("pdftotext -layout '" + pdf.string() + "' - 2>/dev/null");
    std::ifstream j(b.out / (reference + ".json"));
    b.json.assign(std::istreambuf_iterator<char>(j), {});
    return b;
}

void check_against_key(const Bundle& b, const nlohmann::json& key) {
    REQUIRE(b.status == 0);
    REQUIRE_FALSE(b.text.empty());
    for (const auto& e : key.at("must_redact")) {
        INFO("must not appear: " << e.at("kind") << " from " << e.at("record"));
        CHECK_FALSE(contains_entry(b.text, e));
        CHECK_FALSE(contains_entry(b.json, e));
    }
    for (const auto& e : key.at("must_keep")) {
        INFO("must stay readable: " << e.at("text"));
        CHECK(contains_entry(b.text, e));
    }
}

} // namespace

TEST_CASE("safesar run on the demo perpetrator case leaks nothing and keeps his data", "[cli]") {
    const fs::path dir = SAFESAR_FIXTURES "/cases/demo-perpetrator";
    nlohmann::json key = nlohmann::json::parse(std::ifstream(dir / "expected.json"));
    nlohmann::json request = nlohmann::json::parse(std::ifstream(dir / "request.json"));
    Bundle b = run_case(dir, request.at("reference"));
    check_against_key(b, key);
    struct stat st{};
    REQUIRE(stat((b.out / (request.at("reference").get<std::string>() + ".pdf")).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("a reference with slashes names the bundle with dashes and the run succeeds", "[cli]") {
    // Services write "JSW/SAR/2025/118"; a whole request was once refused for it.
    const fs::path fixture = SAFESAR_FIXTURES "/cases/demo-perpetrator";
    const fs::path dir = fs::temp_directory_path() / "safesar-cli-slashed-reference";
    fs::remove_all(dir);
    fs::copy(fixture, dir, fs::copy_options::recursive);
    nlohmann::json request = nlohmann::json::parse(std::ifstream(dir / "request.json"));
    request["reference"] = "JSW/SAR/2025/118";
    std::ofstream(dir / "request.json", std::ios::trunc) << request.dump(2);
    nlohmann::json key = nlohmann::json::parse(std::ifstream(dir / "expected.json"));
    const Bundle b = run_case(dir, "JSW-SAR-2025-118");
    check_against_key(b, key);
    CHECK(b.json.find("\"JSW/SAR/2025/118\"") != std::string::npos); // the reference itself
    CHECK_FALSE(fs::exists(b.out / "JSW"));
    fs::remove_all(dir);
}

TEST_CASE("a reference holding a word the records redact does not stop the export", "[cli]") {
    // The reference is the controller's text, shown on the cover, in the footers, the PDF's
    // title and the JSON; a redacted word in it ("TVCP", a worker's surname) is no leak from a
    // record, and the verifier must not refuse the whole bundle for it.
    const fs::path fixture = SAFESAR_FIXTURES "/cases/demo-perpetrator";
    const fs::path dir = fs::temp_directory_path() / "safesar-cli-reference-word";
    fs::remove_all(dir);
    fs::copy(fixture, dir, fs::copy_options::recursive);
    nlohmann::json request = nlohmann::json::parse(std::ifstream(dir / "request.json"));
    request["reference"] = "HCT/Penhallow/0452"; // a listed worker's surname, redacted as staff
    std::ofstream(dir / "request.json", std::ios::trunc) << request.dump(2);
    const Bundle b = run_case(dir, "HCT-Penhallow-0452");
    CHECK(b.status == 0);
    CHECK(fs::exists(b.out / "HCT-Penhallow-0452.pdf"));
    CHECK(b.json.find("\"HCT/Penhallow/0452\"") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("the same records come out differently under each profile", "[cli][policy]") {
    for (const char* profile : {"standard", "perpetrator", "family-contact"}) {
        SECTION(profile) {
            const fs::path dir = fs::path(SAFESAR_FIXTURES "/cases/profiles") / profile;
            nlohmann::json key = nlohmann::json::parse(std::ifstream(dir / "expected.json"));
            nlohmann::json request = nlohmann::json::parse(std::ifstream(dir / "request.json"));
            check_against_key(run_case(dir, request.at("reference")), key);
        }
    }
}

TEST_CASE("Word, ODF, RTF, sheets, web pages, Outlook messages and photos leak nothing",
          "[cli][formats]") {
    // fixtures/make_formats.py: every place each format hides text holds a third party's data.
    const fs::path dir = SAFESAR_FIXTURES "/formats/case";
    nlohmann::json key =
        nlohmann::json::parse(std::ifstream(fs::path(SAFESAR_FIXTURES) / "formats/expected.json"));
    nlohmann::json request = nlohmann::json::parse(std::ifstream(dir / "request.json"));
    Bundle b = run_case(dir, request.at("reference"));
    check_against_key(b, key);
    // The photo's pixels are shown; its metadata never leaves.
    CHECK(b.json.find("GPS") == std::string::npos);
    CHECK(b.json.find("53.38") == std::string::npos);
    const fs::path pdf = b.out / (request.at("reference").get<std::string>() + ".pdf");
    std::ifstream raw(pdf, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(raw)), {});
    CHECK(bytes.find("Exif") == std::string::npos); // page images are encoded afresh
    // The photo's page: the requester's line is there, the victim's number is burnt out of the
    // pixels (read back by OCR, as the scorer does).
    int page = 0;
    const nlohmann::json bundle = nlohmann::json::parse(b.json);
    for (const auto& r : bundle.at("records"))
        if (r.at("title") == "photos/arm-photo.jpg") page = r.at("first_page");
    REQUIRE(page > 0);
    const std::string png = (b.out / "photo-page").string();
    run_capture("pdftoppm -r 150 -gray -f " + std::to_string(page) + " -l " + std::to_string(page) +
                " -singlefile '" + pdf.string() + "' '" + png + "'");
    const std::string ocr = run_capture("OMP_THREAD_LIMIT=1 tesseract '" + png + ".pgm' - 2>/dev/null");
    CHECK(ocr.find("Nathan attended on time") != std::string::npos);
    CHECK(digits(ocr).find("7700900264") == std::string::npos);
}

TEST_CASE("a broken request.json fails with one line naming the field", "[cli]") {
    int status = 0;
    std::string out = run_capture(std::string(SAFESAR_BINARY) + " run '" SAFESAR_FIXTURES
                                  "/bad-request/bad-role' --out /tmp/safesar-never 2>&1",
                                  &status);
    CHECK(status != 0);
    CHECK(out == "safesar: request.json: parties[1].role: \"victm\" is not one of victim, child, "
                 "partner, family, staff, professional, other\n");
    CHECK_FALSE(fs::exists("/tmp/safesar-never/SAR-2026-0991.pdf"));
}

TEST_CASE("safesar detect prints JSON lines with code-point offsets", "[cli]") {
    int status = 0;
    std::string out = run_capture("printf 'Zoë rang 07700 900 456.' | " +
                                      std::string(SAFESAR_BINARY) + " detect -",
                                  &status);
    REQUIRE(status == 0);
    nlohmann::json line;
    std::istringstream lines(out);
    for (std::string l; std::getline(lines, l);)
        if (auto j = nlohmann::json::parse(l); j.at("category") == "phone") line = j;
    REQUIRE(line.is_object());
    CHECK(line.at("start") == 9);
    CHECK(line.at("end") == 22);
    CHECK(line.at("text") == "07700 900 456");
    // A document read as bytes is refused, naming the file, not searched as noise.
    const std::string docx = std::string(SAFESAR_FIXTURES) + "/formats/case/records";
    out = run_capture("f=$(find '" + docx + "' -name '*.docx' | head -1); " +
                          std::string(SAFESAR_BINARY) + " detect \"$f\" 2>&1",
                      &status);
    CHECK(status != 0);
    CHECK_THAT(out, Catch::Contains(".docx") && Catch::Contains("is not UTF-8 plain text"));
}
