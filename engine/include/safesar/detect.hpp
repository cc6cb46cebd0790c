// Detection: find every piece of personal data in the gathered records and say whose it is.
// Findings are facts about the text; policy (policy.hpp) decides what to withhold.
#pragma once

#include "safesar/case_model.hpp"
#include "safesar/document.hpp"

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
    School,     // schools, nurseries, GPs: where a child can be found
    Workplace,
    Vehicle,
    Reference,  // crime, incident and MARAC reference numbers
    IdNumber,   // NHS and National Insurance numbers
    Financial,  // sort codes, account numbers, IBANs, card numbers
    Online,     // URLs and IP addresses
    SpecialCategory, // a sentence with health, sex life, or similar data about someone else
};
const char* to_string(Category);

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
    float confidence = 1;  // 0..1
    std::string rule;      // why, for a reviewer: "matches the victim's listed phone number"
    std::string text;      // the matched text: internal, never exported
};

// Patterns found in plain text with no case: the `safesar detect` command.
struct TextFinding {
    std::size_t begin = 0, end = 0; // byte offsets
    Category category = Category::Name;
    Owner owner;
    float confidence = 1;
    std::string rule;
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

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Code-point offset of a byte offset in UTF-8 text (for the command-line contract).
std::size_t code_point_offset(const std::string& text, std::size_t byte_offset);

} // namespace safesar
