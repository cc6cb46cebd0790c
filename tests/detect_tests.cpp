// Data-driven detection tests: tests/data/detect/cases.txt, each text with the spans a reviewer
// expects redacted and the words that must stay, under the request.json beside it.
#include <catch2/catch.hpp>

#include "safesar/data_dir.hpp"
#include "safesar/detect.hpp"
#include "safesar/policy.hpp"

#include <algorithm>
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

TEST_CASE("code-point offsets are right in any order across a long text", "[detect]") {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += i % 3 ? "Zoë Ōkawa rang. " : "plain text ";
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

namespace {

// A survivor's own request (standard profile) naming her ex-partner.
Case survivor_request() {
    Case c;
    c.profile = Profile::Standard;
    c.subject.name = "Samira Begum Haq";
    c.subject.role = Role::Subject;
    Person p;
    p.name = "Imtiaz Haq";
    p.role = Role::Partner;
    c.parties.push_back(p);
    return c;
}

// The texts of the findings the standard policy would redact.
std::vector<std::string> redacted_texts(const Case& c, const std::string& text) {
    Detector detector(&c, dictionaries_dir());
    Policy policy = Policy::load(dictionaries_dir(), "standard");
    std::vector<std::string> out;
    for (const auto& f : detector.detect_text(text)) {
        Finding fi;
        fi.category = f.category;
        fi.owner = f.owner;
        if (policy.decide(c, fi).action != Action::Keep)
            out.push_back(text.substr(f.begin, f.end - f.begin));
    }
    return out;
}

bool any_contains(const std::vector<std::string>& v, const std::string& s) {
    return std::any_of(v.begin(), v.end(),
                       [&](const std::string& x) { return x.find(s) != std::string::npos; });
}

} // namespace

TEST_CASE("a survivor's own health in a sentence that names her abuser is hers", "[detect]") {
    const Case c = survivor_request();
    auto r = redacted_texts(c, "Samira disclosed that Imtiaz raped her in January and that she "
                               "was diagnosed with PTSD in March.");
    CHECK(any_contains(r, "Imtiaz"));
    CHECK_FALSE(any_contains(r, "PTSD"));
    r = redacted_texts(c, "Samira said Imtiaz has been prescribed antidepressants.");
    CHECK(any_contains(r, "prescribed antidepressants"));
}

TEST_CASE("special-category data under a heading about the abuser is his", "[detect]") {
    const Case c = survivor_request();
    auto r = redacted_texts(c, "Abuser's substance use\nCocaine at weekends, drinks daily.");
    CHECK(any_contains(r, "Cocaine at weekends"));
    r = redacted_texts(c, "Health\nHistory of depression; takes sertraline.");
    CHECK_FALSE(any_contains(r, "depression"));
}

TEST_CASE("MARAC minutes are withheld by a title with a place and dashes, not by a mention",
          "[policy]") {
    Case c = survivor_request();
    c.profile = Profile::Perpetrator;
    Detector detector(&c, dictionaries_dir());
    Policy policy = Policy::load(dictionaries_dir(), "perpetrator");
    GatherResult g;
    auto note = [](const std::string& text) {
        Record r;
        r.name = "r.txt";
        r.kind = RecordKind::Text;
        r.sections.emplace_back(SectionKind::Body, "body", text);
        return r;
    };
    g.records.push_back(
        note("MARAC \u2013 Barnsley \u2013 case discussion minutes\nMeeting 27/03"));
    g.records.push_back(note("Case notes\n12/03 Discussed at MARAC; minutes awaited."));
    auto result = policy.apply(c, g, detector.detect(g.records), detector);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].fate == RecordFate::WithholdInFull);
    CHECK(result.disclosure.records[1].fate == RecordFate::Disclose);
}

TEST_CASE("a record's title never shows what the disclosure redacts in any record", "[policy]") {
    Case c = survivor_request();
    c.profile = Profile::Perpetrator;
    Detector detector(&c, dictionaries_dir());
    Policy policy = Policy::load(dictionaries_dir(), "perpetrator");
    GatherResult g;
    auto note = [](const std::string& name, const std::string& text) {
        Record r;
        r.name = name;
        r.kind = RecordKind::Text;
        r.sections.emplace_back(SectionKind::Body, "body", text);
        return r;
    };
    // "Quorvath" is no English word and nobody's known term: the residue pass withholds it in
    // the text. In lower case in a folder name, detection alone would leave it readable.
    g.records.push_back(note("quorvath/notes-2025.txt", "Imtiaz moved to Quorvath last spring.\n"));
    g.records.push_back(note("contact/plan.txt", "Samira attended on Monday.\n"));
    auto result = policy.apply(c, g, detector.detect(g.records), detector);
    REQUIRE(result.disclosure.records.size() == 2);
    CHECK(result.disclosure.records[0].title.find("quorvath") == std::string::npos);
    CHECK(result.disclosure.records[0].title.find("[redacted]") != std::string::npos);
    CHECK(result.disclosure.records[1].title == "contact/plan.txt");
}
