// The verifier searches every string of a bundle for every redacted string. A large case has
// both in proportion to its size, so a search that costs anything per redacted string per
// haystack is quadratic (issue 14: a 954-page bundle spent minutes in verification). Timing the
// verification of n and 4n entries, the ratio must stay well under 16 (quadratic) and under 8
// (linear, with room for noise). Processor time, as in detect_speed_tests.cpp.
#include <catch2/catch.hpp>

#include "safesar/verify.hpp"
#include "temp_dir.hpp"

#include <nlohmann/json.hpp>

#include <ctime>
#include <fstream>
#include <string>

using namespace safesar;

namespace {

// Distinct made-up words: "Bac", "Bad", ... (fictional, and never an English word by chance
// that matters: each is searched on word boundaries).
std::string made_up(std::size_t i, const char* start) {
    std::string w = start;
    do {
        w += static_cast<char>('a' + i % 26);
        i /= 26;
    } while (i > 0);
    return w;
}

struct Entries {
    Record record;
    std::vector<Redaction> redactions;
    nlohmann::json kept = nlohmann::json::array(); // what the bundle's JSON holds
};

// n case-note entries, each naming a third party and a phone number, both redacted.
Entries entries(std::size_t n) {
    Entries e;
    e.record.name = "notes.txt";
    e.record.kind = RecordKind::Text;
    Section s;
    s.kind = SectionKind::Body;
    auto redact = [&](const std::string& text) {
        Redaction r;
        r.begin = s.text.size();
        s.text += text;
        r.end = s.text.size();
        r.reason = Reason{"TP", "DPA 2018 Sch 2 Pt 3 para 16", "Another person."};
        e.redactions.push_back(r);
    };
    for (std::size_t i = 0; i < n; ++i) {
        s.text += "Spoke to ";
        redact(made_up(i, "Qu") + " " + made_up(i * 7 + 3, "Vex"));
        s.text += " on ";
        char phone[16];
        std::snprintf(phone, sizeof phone, "07700 9%05zu", i % 100000);
        redact(phone);
        s.text += " about contact.\n";
        e.kept.push_back("Spoke to [TP] on [TP] about contact.");
    }
    e.record.sections.push_back(s);
    return e;
}

double verify_seconds(std::size_t n, const test::TempDir& dir) {
    Entries e = entries(n);
    Disclosure d;
    RecordDisclosure rd;
    rd.record = &e.record;
    rd.title = "Case notes";
    rd.redactions = e.redactions;
    d.records.push_back(rd);
    OutputFiles files;
    files.json = dir.path() / ("bundle-" + std::to_string(n) + ".json");
    std::ofstream(files.json) << nlohmann::json{{"entries", e.kept}}.dump();
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
        const std::clock_t t = std::clock();
        const VerifyReport report = verify_output(files, d);
        best = std::min(best, double(std::clock() - t) / CLOCKS_PER_SEC);
        REQUIRE(report.needles == static_cast<int>(2 * n)); // every name and phone searched for
        REQUIRE(report.ok());
    }
    return best;
}

} // namespace

TEST_CASE("verification time grows linearly with the size of the bundle", "[export][speed]") {
    test::TempDir dir("safesar-verify-linear");
    const double t1 = verify_seconds(4000, dir), t4 = verify_seconds(16000, dir);
    INFO("4,000 entries: " << t1 << " s, 16,000: " << t4 << " s, ratio " << t4 / t1);
    CHECK(t4 / t1 < 8.0);
}

TEST_CASE("the verifier still finds a redacted name and phone among thousands", "[export]") {
    test::TempDir dir("safesar-verify-many");
    Entries e = entries(3000);
    // Entry 1234's third party and phone, written as a reader would see them.
    e.kept.push_back("Later note: " + made_up(1234, "Qu") + " " + made_up(1234 * 7 + 3, "Vex") +
                     " rang from 07700-901 234.");
    Disclosure d;
    RecordDisclosure rd;
    rd.record = &e.record;
    rd.title = "Case notes";
    rd.redactions = e.redactions;
    d.records.push_back(rd);
    OutputFiles files;
    files.json = dir.path() / "bundle.json";
    std::ofstream(files.json) << nlohmann::json{{"entries", e.kept}}.dump();
    const VerifyReport report = verify_output(files, d);
    REQUIRE(report.leaks.size() == 2);
}
