// Data-driven detection tests: tests/data/detect/cases.txt, each text with the spans a reviewer
// expects redacted and the words that must stay, under the request.json beside it.
#include <catch2/catch.hpp>

#include "safesar/data_dir.hpp"
#include "safesar/detect.hpp"
#include "safesar/policy.hpp"

#include <fstream>
#include <sstream>

using namespace safesar;

namespace {

struct DetectCase {
    std::string name, text;
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

std::vector<DetectCase> read_cases(const std::string& file) {
    std::vector<DetectCase> cases;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("case: ", 0) == 0) cases.push_back({line.substr(6), "", {}, {}});
        else if (cases.empty() || line.empty() || line[0] == '#') continue;
        else if (line.rfind("text: ", 0) == 0)
            cases.back().text += (cases.back().text.empty() ? "" : "\n") + line.substr(6);
        else if (line.rfind("redact: ", 0) == 0) cases.back().redact = split_items(line.substr(8));
        else if (line.rfind("keep: ", 0) == 0) cases.back().keep = split_items(line.substr(6));
    }
    return cases;
}

} // namespace

TEST_CASE("detection and policy on the data-driven cases", "[detect]") {
    const std::string dir = SAFESAR_TEST_DATA "/detect";
    LoadedCase lc = load_case(dir);
    Detector detector(&lc.value, dictionaries_dir());
    Policy policy = Policy::load(dictionaries_dir(), to_string(lc.value.profile));
    const auto cases = read_cases(dir + "/cases.txt");
    REQUIRE(cases.size() >= 10);
    for (const auto& c : cases) {
        SECTION(c.name) {
            std::vector<std::pair<std::size_t, std::size_t>> redacted;
            std::string found;
            for (const auto& f : detector.detect_text(c.text)) {
                Finding fi;
                fi.category = f.category;
                fi.owner = f.owner;
                if (policy.decide(lc.value, fi).action == Action::Keep) continue;
                redacted.emplace_back(f.begin, f.end);
                found += "[" + c.text.substr(f.begin, f.end - f.begin) + "] ";
            }
            INFO("redacted: " << found);
            for (const auto& item : c.redact) {
                const auto at = c.text.find(item);
                REQUIRE(at != std::string::npos);
                // Every byte of the item lies inside some redaction.
                bool covered = true;
                for (std::size_t i = at; i < at + item.size() && covered; ++i) {
                    if (c.text[i] == ' ' || c.text[i] == '\n') continue;
                    bool in = false;
                    for (auto [b, e] : redacted) in = in || (i >= b && i < e);
                    covered = in;
                }
                INFO("must be redacted: " << item);
                CHECK(covered);
            }
            for (const auto& item : c.keep) {
                const auto at = c.text.find(item);
                REQUIRE(at != std::string::npos);
                bool touched = false;
                for (auto [b, e] : redacted) touched = touched || (b < at + item.size() && at < e);
                INFO("must be kept: " << item);
                CHECK_FALSE(touched);
            }
        }
    }
}

TEST_CASE("detect reports code-point offsets", "[detect]") {
    const std::string text = "Zoë rang";
    CHECK(code_point_offset(text, 4) == 3); // "Zoë" is 4 bytes, 3 code points
}
