// Step 3 for numbers: a number found as someone else's is found again wherever its digits recur,
// however they are spaced or grouped ("40017733" in "4001 7733 2210", "0114 496 0123" as
// "+44 114 4960123"). The export's verifier reads digits so, by the same key and joiners
// (core/phone_digits.hpp; a redacted number must not be readable anywhere in the bundle):
// detection redacts each such place, so one value gets one decision instead of the verifier
// refusing the whole bundle.
#pragma once

#include "safesar/detect.hpp"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace safesar {

class SameDigits {
  public:
    // A reference, identity, account or phone number of seven digits or more that is not the
    // requester's.
    void add(const Finding& f);
    bool empty() const { return values_.empty(); }

    // Occurrences in a section's text that no stretch of `covered` (sorted, merged, in the
    // section's offsets) overlaps: only the digits that match, with what joins them.
    void find(const std::string& text, std::size_t record, std::size_t section,
              const std::vector<std::pair<std::size_t, std::size_t>>& covered,
              std::vector<Finding>& out) const;

  private:
    std::unordered_map<std::string, Finding> values_; // by key, the first finding of each
    std::vector<std::size_t> lengths_;                // of the keys, each once
};

} // namespace safesar
