// Policy: what must be withheld from this requester, and why. Profiles are data files in
// dictionaries/policies/ (a controller can add one without touching code): an ordered list of
// rules over the finding's owner, role and category, the first that fits deciding keep, redact
// or review, with a reason code and its legal citation; and rules for withholding whole records.
#pragma once

#include "safesar/detect.hpp"
#include "safesar/disclosure.hpp"
#include "safesar/gather.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace safesar {

enum class Action { Keep, Redact, Review };
const char* to_string(Action);

struct Decision {
    Action action = Action::Keep;
    Reason reason;           // empty code when kept
    std::string policy_line; // the rule that decided, e.g. "perpetrator: victim * -> redact TP"
};

// A risk that must be closed before a final export of a perpetrator request.
struct Risk {
    std::string record;
    std::string what;
};

struct PolicyResult {
    std::vector<Decision> decisions; // one per finding, same order
    Disclosure disclosure;           // redact and review decisions applied (a draft)
    std::vector<Risk> risks;
};

class Policy {
  public:
    static Policy load(const std::filesystem::path& dictionaries, const std::string& profile);
    ~Policy();
    Policy(Policy&&) noexcept;
    Policy& operator=(Policy&&) noexcept;

    Decision decide(const Case& c, const Finding& f) const;

    // Decides every finding and builds the draft disclosure. `gathered` must outlive the result.
    PolicyResult apply(const Case& c, const GatherResult& gathered,
                       const std::vector<Finding>& findings, const Detector& detector) const;

    const std::string& name() const;

  private:
    Policy();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The reason codes a redaction may cite, from dictionaries/policies/reasons.json, in the file's
// order: the one reader of that file, for the profiles and the review. Throws DataError naming
// the file when it is missing or a reason lacks its citation or explanation.
std::vector<Reason> read_reasons(const std::filesystem::path& dictionaries);

// Covers over a record's scanned pages that no OCR could read, with `reason` (the profile's
// "SCAN"): what a disclosed record carries until a reviewer checks those pages. The policy
// adds them to the records it discloses; the review stage to a record a reviewer releases.
std::vector<Redaction> unread_scan_covers(const Record& record, const Reason& reason);

} // namespace safesar
