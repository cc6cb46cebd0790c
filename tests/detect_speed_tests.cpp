// Detection must be linear in the size of a section: a case-notes export of years reaches it as
// one section. Timing a 1 MB and a 4 MB section, the ratio must stay well under 16 (quadratic):
// under 8, linear with room for noise (3.8 on a quiet machine; 6.4 was once seen with both cores
// busy, where the larger run's memory suffers more from the other process in the caches).
// Measured in processor time of this process, best of three, not wall time: CI runs other tests
// beside this one on two cores, which would stretch either run.
#include <catch2/catch.hpp>

#include "safesar/data_dir.hpp"
#include "safesar/detect.hpp"
#include "safesar/gather.hpp"
#include "temp_dir.hpp"

#include <algorithm>
#include <ctime>
#include <cstdlib>
#include <fstream>
#include <iterator>

using namespace safesar;

namespace {

double best_seconds(const Detector& detector, const std::string& text) {
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
        std::vector<Record> records(1);
        records[0].kind = RecordKind::Text;
        records[0].sections.emplace_back(SectionKind::Body, "notes", text);
        const std::clock_t t = std::clock();
        const auto findings = detector.detect(records);
        const double d = double(std::clock() - t) / CLOCKS_PER_SEC;
        REQUIRE(findings.size() > 1000); // the notes are full of people: real work was done
        best = std::min(best, d);
    }
    return best;
}

// How many findings of two runs differ in anything.
std::size_t differing(const std::vector<Finding>& x, const std::vector<Finding>& y) {
    auto same_owner = [](const Owner& a, const Owner& b) {
        return a.kind == b.kind && a.party == b.party && a.role == b.role;
    };
    auto same = [&](const Finding& a, const Finding& b) {
        return a.record == b.record && a.section == b.section && a.begin == b.begin &&
               a.end == b.end && a.category == b.category && same_owner(a.owner, b.owner) &&
               a.confidence == b.confidence && a.rule == b.rule && a.recogniser == b.recogniser &&
               same_owner(a.likely_owner, b.likely_owner) && a.facts == b.facts && a.text == b.text;
    };
    std::size_t differ = 0;
    for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i)
        differ += !same(x[i], y[i]);
    return differ;
}

} // namespace

TEST_CASE("detection time grows linearly with the size of one section", "[detect][speed]") {
    test::TempDir dir("safesar-linear");
    const auto file = dir.path() / "notes.txt";
    const std::string make = "python3 '" SAFESAR_FIXTURES "/make_big_notes.py' '" + file.string() +
                             "' --megabytes 4 >/dev/null";
    REQUIRE(std::system(make.c_str()) == 0);
    std::ifstream in(file, std::ios::binary);
    const std::string four(std::istreambuf_iterator<char>(in), {});
    REQUIRE(four.size() >= 4u << 20);
    const std::string one = four.substr(0, four.size() / 4);

    LoadedCase lc = load_case(SAFESAR_FIXTURES "/cases/demo-perpetrator");
    Detector detector(&lc.value, dictionaries_dir());
    const double t1 = best_seconds(detector, one), t4 = best_seconds(detector, four);
    INFO("1 MB: " << t1 << " s, 4 MB: " << t4 << " s, ratio " << t4 / t1);
    CHECK(t4 / t1 < 8.0);
}

// The windows of a long section are scanned side by side (engine/src/detect/windows.hpp): what
// they find must be what one thread finds, finding for finding, in the same order.
TEST_CASE("a long section scanned on several threads gives the findings one thread gives",
          "[detect]") {
    test::TempDir dir("safesar-threads");
    const auto file = dir.path() / "notes.txt";
    const std::string make = "python3 '" SAFESAR_FIXTURES "/make_big_notes.py' '" + file.string() +
                             "' --megabytes 1 >/dev/null";
    REQUIRE(std::system(make.c_str()) == 0);
    std::ifstream in(file, std::ios::binary);
    std::vector<Record> records(2);
    for (auto& r : records)
        r.kind = RecordKind::Text;
    records[0].sections.emplace_back(SectionKind::Body, "notes",
                                     std::string(std::istreambuf_iterator<char>(in), {}));
    // A second long section, so recurring values cross sections as well as windows.
    records[1].sections.emplace_back(SectionKind::Body, "more notes",
                                     records[0].sections[0].text.substr(0, 300000));

    LoadedCase lc = load_case(SAFESAR_FIXTURES "/cases/demo-perpetrator");
    Detector detector(&lc.value, dictionaries_dir());
    detector.set_threads(1);
    const auto alone = detector.detect(records);
    detector.set_threads(4);
    const auto side_by_side = detector.detect(records);
    REQUIRE(alone.size() > 10000);
    REQUIRE(side_by_side.size() == alone.size());
    CHECK(differing(alone, side_by_side) == 0);
}

// Many short records are scanned side by side too; a message's header is read before the words
// after it, since who sent it says whose "my number" is whose.
TEST_CASE("many messages scanned on several threads give the findings one thread gives",
          "[detect]") {
    LoadedCase lc = load_case(SAFESAR_FIXTURES "/cases/demo-perpetrator");
    std::vector<Record> records;
    for (int m = 0; m < 60; ++m) {
        const bool his = m % 2 == 0;
        const std::string phone = "07700 900" + std::to_string(500 + m);
        const std::string eml =
            std::string("From: ") +
            (his ? "Gavin Rushworth <gav.rushworth83@example.com>"
                 : "Pat Lowe <pat.lowe@example.org>") +
            "\r\nTo: " +
            (his ? "Pat Lowe <pat.lowe@example.org>"
                 : "Gavin Rushworth <gav.rushworth83@example.com>") +
            "\r\nSubject: contact " + std::to_string(m) +
            "\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nContent-Type: text/plain\r\n\r\n"
            "Hi,\r\n\r\nMy new number is " +
            phone + ". I work at the garage on Tuesdays, ring me there.\r\n\r\nThanks\r\n";
        std::vector<Record> attachments;
        records.push_back(
            read_email_bytes(eml, "message-" + std::to_string(m) + ".eml", attachments, {}));
        for (auto& a : attachments)
            records.push_back(std::move(a));
    }
    Detector detector(&lc.value, dictionaries_dir());
    detector.set_threads(1);
    const auto alone = detector.detect(records);
    detector.set_threads(4);
    const auto side_by_side = detector.detect(records);
    // Where he works is his in his messages and someone else's in the worker's: the headers
    // mattered.
    std::size_t his = 0, others = 0;
    for (const Finding& f : alone)
        if (f.text.starts_with("I work at the garage"))
            ++(f.owner.kind == Owner::Subject ? his : others);
    CHECK(his == 30);
    CHECK(others == 30);
    REQUIRE(side_by_side.size() == alone.size());
    CHECK(differing(alone, side_by_side) == 0);
}
