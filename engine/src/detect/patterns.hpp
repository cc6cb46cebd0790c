// Recognisers by shape (RE2, linear time, one RE2::Set pass to see which can match): UK
// postcodes and phone numbers, e-mail addresses, dates, street addresses, NHS and National
// Insurance numbers, crime and MARAC references, vehicle registrations, bank details, card
// numbers, URLs and IP addresses. Each match is checked (checksums, valid prefixes) and given an
// owner when it equals a listed person's phone, e-mail, postcode or date of birth.
#pragma once

#include "lexicon.hpp"
#include "span.hpp"

#include "safesar/case_model.hpp"

#include <memory>
#include <string>
#include <vector>

namespace safesar {

class PatternRecognisers {
  public:
    PatternRecognisers(const Case* request, const Lexicon& lexicon);
    ~PatternRecognisers();
    PatternRecognisers(const PatternRecognisers&) = delete;
    PatternRecognisers& operator=(const PatternRecognisers&) = delete;

    std::vector<Span> find(const std::string& text) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Digits of a phone number compared as the scorer does: country code and leading zeros dropped.
std::string phone_key(const std::string& text);

} // namespace safesar
