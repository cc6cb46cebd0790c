// Detection: find every piece of personal data in the gathered records and say whose it is.
// Findings are facts about the text; policy (policy.hpp) decides what to withhold.
#pragma once

#include "safesar/case_model.hpp"
#include "safesar/document.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace safesar {

enum class Category {
    Name,
    Address,
    Postcode,
    Phone,
    Email,
    DateOfBirth,
    School, // schools, nurseries, GPs: where a child can be found
    Workplace,
    Vehicle,
    Reference,       // crime, incident and MARAC reference numbers
    IdNumber,        // NHS and National Insurance numbers
    Financial,       // sort codes, account numbers, IBANs, card numbers
    Online,          // URLs and IP addresses
    SpecialCategory, // a sentence with health, sex life, or similar data about someone else
    Safety, // where someone stays, when they can be found, their safety arrangements, codewords
};
const char* to_string(Category);
// Every category, in declaration order.
const std::vector<Category>& all_categories();

// Facts a recogniser states about a finding, for policy to decide on (bits of Finding::facts).
// Detection never reads the request's profile; these are what a profile's rules look at.
enum FindingFact : std::uint32_t {
    kSubjectNamed = 1u << 0,   // its sentence also names the requester
    kOtherNamed = 1u << 1,     // its sentence names someone other than the requester
    kSubjectPronoun = 1u << 2, // its sentence has a pronoun that fits the requester
    kOtherPronoun = 1u << 3,   // its sentence has a pronoun of the other sex than the requester's
    kAboutAbuser = 1u << 4,    // its sentence or heading speaks of the abuser or perpetrator
    kResidue = 1u << 5,        // a fail-closed guess of the residue pass: no rule recognised it
    kRequesterFile = 1u << 6,  // a reference right after the requester's name on its line
    kAboutOther = 1u << 7,     // its sentence says it is about someone other than the requester
    kDay = 1u << 8,            // a name that stands as a day's name cut short ("Mon-Thu")
};
// The fact's name in policy files ("other-named"); nullptr past the last one.
const char* fact_name(std::uint32_t bit);

// Whose data a finding is.
struct Owner {
    enum Kind { Subject, Party, Unknown } kind = Unknown;
    int party = -1;          // index into Case::parties when kind == Party
    Role role = Role::Other; // the party's role; Other when unknown
};

struct Finding {
    std::size_t record = 0, section = 0;
    std::size_t begin = 0, end = 0; // byte offsets in the section text
    Category category = Category::Name;
    Owner owner;
    float confidence = 1;    // 0..1: how sure detection is that this is personal data
    std::string rule;        // why, for a reviewer: "matches the victim's listed phone number"
    std::string recogniser;  // the id of the recogniser that found it ("known-people", "residue")
    Owner likely_owner;      // a weaker attribution than `owner`: the person named just before it
    std::uint32_t facts = 0; // FindingFact bits
    std::string text;        // the matched text: internal, never exported
};

// Patterns found in plain text with no case: the `safesar detect` command.
struct TextFinding {
    std::size_t begin = 0, end = 0; // byte offsets
    Category category = Category::Name;
    Owner owner;
    float confidence = 1;
    std::string rule;
    std::string recogniser;
};

class Detector {
  public:
    // Loads the dictionaries; `request` may be null (no known parties).
    Detector(const Case* request, const std::filesystem::path& dictionaries);
    ~Detector();
    Detector(const Detector&) = delete;
    Detector& operator=(const Detector&) = delete;

    // Every finding in every section of every record, sorted by record, section, offset.
    std::vector<Finding> detect(const std::vector<Record>& records) const;
    // One text on its own.
    std::vector<TextFinding> detect_text(const std::string& text) const;
    // How many windows of a long section are scanned at once: by default one per core, at most
    // eight (0 restores that); 1 scans them in turn. The findings are the same either way.
    void set_threads(unsigned threads);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Code-point offsets of byte offsets in UTF-8 text (for the command-line contract). The count
// at every 256 bytes is taken once, so any offset, in any order, costs at most 256 bytes of
// scanning: a whole text's findings cost time linear in the text.
class CodePointCounter {
  public:
    explicit CodePointCounter(const std::string& text);
    std::size_t at(std::size_t byte_offset) const;

  private:
    static constexpr std::size_t kStride = 256;
    const std::string& text_;
    std::vector<std::size_t> before_; // code points before byte i * kStride
};
std::size_t code_point_offset(const std::string& text, std::size_t byte_offset);

} // namespace safesar
