// Review: the reviewers' decisions on each finding, kept in the case's own SQLite state
// (CASE/.safesar/review.db), and the disclosure a final export is built from. Every change is
// one transaction with its audit entry (audit.hpp), so a killed process leaves either both or
// neither. The model and the rules are in docs/review.md.
#pragma once

#include "safesar/case_model.hpp"
#include "safesar/disclosure.hpp"
#include "safesar/document.hpp"
#include "safesar/errors.hpp"
#include "safesar/export.hpp"
#include "safesar/pipeline.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesar {

// A decision refused (same reviewer signing twice, a final export not ready...) or a state
// database that cannot be used.
class ReviewError : public Error {
    using Error::Error;
};

// CASE/.safesar/review.db
std::filesystem::path review_db_path(const std::filesystem::path& case_folder);

// The stable identity of every finding of a scan, in the order of scan.findings: the first 16
// hex digits of SHA-256 over record name, section label, category, folded matched text and the
// occurrence of that text in that section. The same text at the same place keeps its id when
// other records are added or the detector finds more elsewhere.
std::vector<std::string> finding_ids(const CaseScan& scan);

// The ids of safety risks (PolicyResult::risks): record, what is wrong and its occurrence,
// hashed the same way, so an acknowledgement survives a re-scan.
std::vector<std::string> risk_ids(const std::vector<Risk>& risks);

enum class FindingStatus {
    New,      // first seen by the latest scan, no decision yet
    Open,     // seen before, no decision yet (its decision reopened, or made on another proposal)
    Approved, // the policy's proposal stands
    Rejected, // not redacted
    Changed,  // redacted over a span the reviewer chose
    Gone,     // not found by the latest scan (its decisions are kept in case it returns)
};
const char* to_string(FindingStatus);
std::optional<FindingStatus> parse_finding_status(std::string_view text);

struct StoredFinding {
    std::string id;
    std::string record, section; // record name, section label ("page 2", "row 4")
    int page = 0;                // 0 when the section is not on a PDF page
    std::string category;        // to_string(Category)
    std::string owner;           // "subject", "unknown", or the party's role
    std::string owner_name;      // the party's name; empty for the subject and unknown owners
    std::string text;            // the matched text: internal, never exported
    std::size_t begin = 0, end = 0;
    std::string rule;
    std::string proposal; // keep / redact / review (to_string(Action))
    std::string reason;   // the proposal's reason code, empty for keep
    std::string policy_line;
    bool in_withheld_record = false; // its record is withheld in full: the decision does not matter
    FindingStatus status = FindingStatus::New;
    bool reopened = false; // decided once, but the policy's proposal has changed since
    // The decision in force, if any.
    std::string decided_by, decided_at, comment, span_text, decision_reason;

    bool proposes_redaction() const { return proposal != "keep"; }
    // No decision in force (new, or reopened).
    bool open() const { return status == FindingStatus::New || status == FindingStatus::Open; }
    // A proposed redaction that still needs a reviewer: what ReviewStatus::undecided counts.
    bool awaits_decision() const { return open() && proposes_redaction() && !in_withheld_record; }
};

struct FindingFilter {
    std::string party;                   // a party's name (any case), or "subject" / "unknown"
    std::string category;                // to_string(Category)
    std::string record;                  // a record's name
    std::optional<FindingStatus> status; // Gone findings are listed only when asked for
    std::vector<std::string> ids;        // when given: only these findings (full ids), Gone too
};

enum class Verdict {
    Approve,    // the proposal stands: a proposed redaction is redacted, a proposed keep is kept
    Reject,     // not redacted
    ChangeSpan, // redact this text instead: it must overlap the finding in its section
    Reopen,     // withdraw the decision in force: the finding is open (undecided) again
};

struct FindingDecision {
    std::string finding;
    Verdict verdict = Verdict::Approve;
    std::string span_text; // ChangeSpan: the text to redact, as it appears in the section
    std::string reason;    // ChangeSpan: reason code; empty: the proposal's (TP for a kept one)
};

// Who acts, and why. The comment stays in the state database, never in the audit or bundle.
struct Signature {
    std::string reviewer;
    std::string comment;
};

struct ManualRedaction {
    std::int64_t id = 0; // shown as M<id>
    enum class Kind { Text, Box } kind = Kind::Text;
    std::string record; // Text: empty for every record
    std::string phrase; // Text: every occurrence, matched folded and on word boundaries
    int page = 0;       // Box: 1-based page
    Box box;            // Box: points, top-left origin, the page as shown
    std::string reason;
    std::string reviewer, at, comment;
    bool withdrawn = false;
};

struct StoredRisk {
    std::string id, record, what;
    bool gone = false;                                     // not reported by the latest scan
    std::string acknowledged_by, acknowledged_at, comment; // empty when open
    bool open() const { return !gone && acknowledged_by.empty(); }
};

struct SignOff {
    std::string reviewer, at, comment;
    bool current = false; // made after the last change: it counts
};

struct ScanRecorded {
    std::int64_t scan = 0;
    int findings = 0, new_findings = 0, gone = 0, reopened = 0;
    int risks = 0, new_risks = 0;
};

struct ReviewStatus {
    std::string reference, profile;
    std::int64_t scans = 0;
    std::int64_t version = 0; // bumped by every change that alters what would be exported
    std::map<FindingStatus, int> counts;
    int undecided = 0; // proposed redactions with no decision, outside withheld records
    int manual = 0;    // manual redactions in force
    int decisions = 0; // decisions ever taken, on findings and manual
    std::vector<StoredRisk> open_risks;
    std::vector<SignOff> signoffs;     // every sign-off, oldest first
    int signoffs_needed = 0;           // different reviewers, after the last change
    bool exported_final = false;       // a final export of the current state exists
    std::string last_final_export;     // when, empty if never
    std::vector<std::string> blockers; // why a final export would be refused
    bool ready_for_final() const { return blockers.empty(); }
};

// The disclosure a reviewed export draws, and the review state it was built from.
struct ReviewedDisclosure {
    Disclosure disclosure; // points into the CaseScan: keep it alive
    std::int64_t version = 0;
    int finding_redactions = 0, manual_redactions = 0;
    std::vector<std::string> notes; // manual redactions that matched nothing, and the like
};

class ReviewStore {
  public:
    // Opens CASE/.safesar/review.db, creating it (mode 0600) and its tables when missing.
    static ReviewStore open(const Case& request);
    // Opens an existing store; nothing when the case has never been scanned into one.
    static std::optional<ReviewStore> open_existing(const Case& request);

    ~ReviewStore();
    ReviewStore(ReviewStore&&) noexcept;
    ReviewStore& operator=(ReviewStore&&) noexcept;

    // Upserts the scan's findings and risks: known ids keep their decisions, unseen ones are
    // new, ones no longer found are gone.
    ScanRecorded record_scan(const CaseScan& scan, const std::string& actor);

    std::vector<StoredFinding> findings(const FindingFilter& filter = {}) const;

    // All decisions in one transaction, each with its audit entry; returns how many findings
    // were decided (one named twice alike counts once; reopening an undecided one is a no-op
    // and counts 0). Throws ReviewError, changing nothing, when one names an unknown or gone
    // finding, gives one finding two verdicts, or a bad span.
    int decide(const std::vector<FindingDecision>& decisions, const Signature& who);

    std::int64_t add_manual_text(const std::string& phrase, const std::string& record,
                                 const std::string& reason, const Signature& who);
    std::int64_t add_manual_box(const std::string& record, int page, const Box& box,
                                const std::string& reason, const Signature& who);
    void withdraw_manual(std::int64_t id, const Signature& who);
    std::vector<ManualRedaction> manual_redactions() const;

    std::vector<StoredRisk> risks() const;
    void acknowledge_risk(const std::string& risk, const Signature& who);

    // Refused while proposed redactions are undecided or risks open, and when this reviewer has
    // already signed off the current state.
    void signoff(const Signature& who);

    ReviewStatus status() const;

    // Draft: undecided findings follow the policy's proposal. Final: throws ReviewError listing
    // every blocker unless status().ready_for_final(). Either way rejected findings are kept,
    // approved and changed ones redacted, manual redactions added.
    ReviewedDisclosure build_disclosure(const CaseScan& scan, bool final) const;

    // The audit entry of an export: files' SHA-256, pages, redactions, the state's version.
    void record_export(const ExportResult& result, bool final, std::int64_t version,
                       const std::string& actor);

    const std::filesystem::path& file() const;

  private:
    struct Impl;
    explicit ReviewStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// The reason codes a reviewer may give (dictionaries/policies/reasons.json), in file order.
std::vector<Reason> reason_codes();

// The name to record when nobody was named: $SAFESAR_REVIEWER, else the login name.
std::string default_actor();

// For `safesar scan`: records the scan in the case's store and says what changed, one line.
std::string record_scan_for_review(const CaseScan& scan);

// One case of a workspace, for `safesar list`.
enum class CaseStage { New, Scanned, InReview, SignedOff, Exported };
const char* to_string(CaseStage);

struct CaseSummary {
    std::filesystem::path folder;
    std::string error; // request.json or the state could not be read; the rest may be empty
    std::string reference, requester, profile;
    CaseStage stage = CaseStage::New;
    std::optional<Date> due;
    int working_days_left = 0;
    bool overdue = false;
    int to_review = 0; // proposed redactions with no decision yet (ReviewStatus::undecided)
};

// Reads request.json, the deadline and the review state; never throws for one bad case.
CaseSummary summarize_case(const std::filesystem::path& case_folder, const Date& today);

// Every case folder (one holding request.json) directly under `workspace`, most urgent first:
// unreadable cases, then by working days left, exported cases last.
std::vector<CaseSummary> summarize_workspace(const std::filesystem::path& workspace,
                                             const Date& today);

} // namespace safesar
