// Review: the reviewers' decisions on each finding, kept in the case's own SQLite state
// (CASE/.safesar/review.db), and the disclosure a final export is built from. Every change is
// one transaction with its audit entry (audit.hpp), so a killed process leaves either both or
// neither. The model and the rules are in docs/review.md.
#pragma once

#include "safesar/audit.hpp"
#include "safesar/case_model.hpp"
#include "safesar/disclosure.hpp"
#include "safesar/document.hpp"
#include "safesar/errors.hpp"
#include "safesar/export.hpp"
#include "safesar/identity.hpp"
#include "safesar/pipeline.hpp"
#include "safesar/review_database.hpp"

#include <chrono>
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
    double confidence = 1; // how sure detection is (0..1): the reviewer sees the least sure first
    std::string
        recogniser;       // which recogniser found it ("residue-proper-noun": a fail-closed guess)
    std::string proposal; // keep / redact / review (to_string(Action))
    std::string reason;   // the proposal's reason code, empty for keep
    std::string policy_line;
    bool in_withheld_record = false; // its record is withheld in full: the decision does not matter
    FindingStatus status = FindingStatus::New;
    bool reopened = false; // decided once, but the policy's proposal has changed since
    // The decision in force, if any; decided_by is the account's login.
    std::string decided_by, decided_at, comment, span_text, decision_reason;
    // Which decision this view of the finding follows: the number of its latest decision (a
    // reopen too), 0 when never decided. A decision taken on this view names it
    // (FindingDecision::seen), so a change by someone else since is not overwritten unseen.
    std::int64_t revision = 0;

    bool proposes_redaction() const { return proposal != "keep"; }
    // Not gone, and outside a record withheld in full (nothing of which is disclosed).
    bool decidable() const { return status != FindingStatus::Gone && !in_withheld_record; }
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

    bool matches(const StoredFinding& f) const;
};

// What a sweep ("approve every finding of this category", "... of this party") approves: the
// findings among `findings` that match `filter` and await a decision. A proposed keep needs no
// decision, a decided finding is never overturned by a sweep, and nothing of a record withheld
// in full is decided. The CLI's --approve-category / --approve-party and the GUI's Shift+A /
// Ctrl+Shift+A both take this list, so the two shells cannot disagree on what a sweep does.
std::vector<std::string> bulk_approval(const std::vector<StoredFinding>& findings,
                                       const FindingFilter& filter = {});

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
    // The StoredFinding::revision the reviewer decided on, when the decision comes from a view
    // that may be stale (another reviewer on another desktop): refused if the finding has been
    // decided since. None: decide on whatever is in force now (the command line).
    std::optional<std::int64_t> seen = std::nullopt;
};

struct ManualRedaction {
    std::int64_t id = 0; // shown as M<id>
    enum class Kind { Text, Box } kind = Kind::Text;
    std::string record; // Text: empty for every record
    std::string phrase; // Text: every occurrence, matched folded and on word boundaries
    int page = 0;       // Box: 1-based page
    Box box;            // Box: points, top-left origin, the page as shown
    std::string reason;
    std::string reviewer, at, comment; // reviewer: the login of who added it
    bool withdrawn = false;
    std::string withdrawn_by, withdrawn_at;
};

struct StoredRisk {
    std::string id, record, what;
    bool gone = false; // not reported by the latest scan
    // Empty while open. The comment is the reviewer's note of what was checked.
    std::string acknowledged_by, acknowledged_at, comment;
    bool open() const { return !gone && acknowledged_by.empty(); }
};

struct SignOff {
    std::string reviewer, at, comment; // reviewer: a login
    bool current = false;              // made after the last change: it counts
};

// A page a reviewer must read before a final export of a perpetrator request: every page of a
// disclosed PDF record, and each other disclosed record (a note, an e-mail, a CSV) as one page.
struct PageToRead {
    std::string record;
    int page = 1;
    std::string read_by, read_at; // the first reviewer who marked it; empty while unread
    bool read() const { return !read_by.empty(); }
};

// A whole record: what the policy proposed for it (disclose, or withhold in full) and the
// reviewer's decision in force, if any. A decision holds while the record's content and the
// policy's proposal for it are what they were when it was taken; then the policy's stands again.
struct RecordReview {
    enum class Decision { None, Release, Withhold };
    std::string record;
    bool withheld = false;        // what the bundle does: the decision in force, else the policy
    bool policy_withheld = false; // the policy withholds it in full
    bool until_reviewed = false;  // ... because it is unsure: a reviewer decides
    std::string policy_kind;      // what the policy took it for ("MARAC minutes", "until ...")
    std::string policy_reason;    // the policy's reason code when it withholds
    Decision decision = Decision::None;
    std::string decided_by, decided_at; // a login, UTC
    std::string reason;                 // Withhold: the reason code given
    std::string comment;                // the reviewer's words
    // The reason code in force when withheld (the reviewer's, else the policy's).
    const std::string& withheld_reason() const {
        return decision == Decision::Withhold ? reason : policy_reason;
    }
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
    int acknowledged_risks = 0; // of the latest scan
    // What a sign-off covers, outside withheld records: proposed redactions that will be
    // redacted (approved, or over a changed span) and those a reviewer rejected (kept).
    int to_redact = 0, kept_by_reviewer = 0;
    std::vector<std::string> withheld_records; // withheld in full (policy or reviewer), latest scan
    int records_released = 0, records_withheld_by_reviewer = 0; // record decisions in force
    int pages_total = 0, pages_read = 0;                        // PageToRead, latest scan
    bool pages_must_be_read = false;           // the profile's: all before a final export
    std::vector<SignOff> signoffs;             // every sign-off, oldest first
    int signoffs_needed = 0;                   // different reviewers, after the last change
    bool release_needs_comment = false;        // releasing a withheld record needs a comment
    std::map<std::string, Identity> reviewers; // every account that has acted, by login
    bool exported_final = false;               // a final export of the current state exists
    std::string last_final_export;             // when, empty if never
    std::vector<std::string> blockers; // why a final export would be refused, in plain words
    bool ready_for_final() const { return blockers.empty(); }
    // "Priya Shah (priya)" for a login that has acted, else the text as stored (a state older
    // than schema 3 holds typed names).
    std::string who(const std::string& login) const;
};

// A change to the case: one entry of its audit (every act is one), as a view that reloads
// after another reviewer's act needs it.
struct CaseChange {
    std::int64_t seq = 0;
    std::string at, who, action;       // UTC; a login; "decide", "manual", "signoff"...
    std::vector<std::string> findings; // a decision's finding; empty for other acts
};

// A reviewer who has the case open, as recorded by mark_present(); a row not refreshed for
// longer than the staleness limit is stale (a desktop that crashed, or lost its network).
struct Presence {
    std::string login, full_name, opened_at, last_seen; // UTC, as the reviewer's desktop said
    bool stale = false;
    std::string display() const { return Identity{login, full_name, ""}.display(); }
};

// The disclosure a reviewed export draws, and the review state it was built from.
struct ReviewedDisclosure {
    Disclosure disclosure; // points into the CaseScan: keep it alive
    std::int64_t version = 0;
    int finding_redactions = 0, manual_redactions = 0;
    std::vector<std::string> notes; // manual redactions that matched nothing, and the like
};

// A case's review state. Every act is recorded as the identity its provider gives at that
// moment (the operating-system account for the CLI and the GUI): no call takes a name.
class ReviewStore {
  public:
    // Opens the case's state where SAFESAR_DATABASE says (review_database.hpp). Embedded:
    // CASE/.safesar/review.db, created with its tables when missing: mode 0600 in a folder of
    // mode 0700, or 0660 and 0770 when the case folder gives its group full access (a team
    // sharing the case: each reviewer's own account must open it); who acts comes from
    // `acting`. Shared: the case's rows in the PostgreSQL database (by its reference), which
    // `safesar db init` has prepared; who acts is the database login, so `acting` must be
    // left as os_account(). Throws ReviewError naming the database when it cannot be used.
    static ReviewStore open(const Case& request,
                            std::shared_ptr<const IdentityProvider> acting = os_account());
    static ReviewStore open(const Case& request, const ReviewDatabase& database,
                            std::shared_ptr<const IdentityProvider> acting = os_account());
    // Opens an existing store; nothing when the case has never been scanned into one.
    static std::optional<ReviewStore>
    open_existing(const Case& request,
                  std::shared_ptr<const IdentityProvider> acting = os_account());

    ~ReviewStore();
    ReviewStore(ReviewStore&&) noexcept;
    ReviewStore& operator=(ReviewStore&&) noexcept;

    // Upserts the scan's findings and risks: known ids keep their decisions, unseen ones are
    // new, ones no longer found are gone.
    ScanRecorded record_scan(const CaseScan& scan);

    // Who this store records as acting now.
    Identity acting() const;

    std::vector<StoredFinding> findings(const FindingFilter& filter = {}) const;

    // All decisions in one transaction, each with its audit entry; returns how many findings
    // were decided (one named twice alike counts once; reopening an undecided one is a no-op
    // and counts 0). Throws ReviewError, changing nothing, when one names an unknown or gone
    // finding, gives one finding two verdicts, or a bad span.
    // A finding in a record withheld in full is refused too: nothing of it is disclosed, so
    // there is nothing to decide (a reopen of one is allowed, and changes nothing else).
    // A decision whose `seen` revision is no longer the finding's is refused, naming who
    // changed it and when: another reviewer decided it since this one looked.
    // Comments stay in the state database, never in the audit or a bundle.
    int decide(const std::vector<FindingDecision>& decisions, const std::string& comment = {});

    std::int64_t add_manual_text(const std::string& phrase, const std::string& record,
                                 const std::string& reason, const std::string& comment = {});
    std::int64_t add_manual_box(const std::string& record, int page, const Box& box,
                                const std::string& reason, const std::string& comment = {});
    void withdraw_manual(std::int64_t id, const std::string& comment = {});
    // Withdraws manual redaction `id` and adds `with` in its place (kind, record, phrase, page,
    // box and reason taken from it), in one transaction; returns the new id.
    std::int64_t replace_manual(std::int64_t id, const ManualRedaction& with,
                                const std::string& comment = {});
    std::vector<ManualRedaction> manual_redactions() const;

    std::vector<StoredRisk> risks() const;
    // The note says what was checked: refused when empty.
    void acknowledge_risk(const std::string& risk, const std::string& note);

    // Whole records of the latest scan, by name: every one the policy withholds in full, or
    // a reviewer has decided.
    std::vector<RecordReview> record_reviews() const;
    // Discloses a record the policy withholds in full, with its ordinary redactions (its
    // findings then need decisions, its pages reading). In a perpetrator request it needs a
    // comment saying why the record is safe to send him. A change: sign-offs are needed again.
    void release_record(const std::string& record, const std::string& comment);
    // Withholds a whole record in full, with a reason code (reasons.json): one the policy
    // discloses, or one it withholds only until reviewed (confirming it).
    void withhold_record(const std::string& record, const std::string& reason,
                         const std::string& comment = {});
    // Withdraws the decision in force on a record: the policy's proposal stands again. False
    // when there was none (nothing is written).
    bool reopen_record(const std::string& record, const std::string& comment = {});

    // Every page to read, in order (records by name, pages ascending).
    std::vector<PageToRead> pages_to_read() const;
    // Marks a page of a disclosed record read by the acting reviewer; false when this reviewer
    // had already marked it (nothing is written). Throws for a record or page not to read.
    bool mark_page_read(const std::string& record, int page);

    // Refused while proposed redactions are undecided, risks open or (perpetrator requests)
    // pages unread, and when this account has already signed off the current state. With a
    // shared database, a perpetrator request's sign-off also needs the login to hold
    // safesar_approver.
    void signoff(const std::string& comment = {});
    // Why the acting account cannot sign off now, in plain words; empty when it can.
    std::string signoff_refusal() const;

    ReviewStatus status() const;

    // Draft: undecided findings follow the policy's proposal. Final: throws ReviewError listing
    // every blocker unless status().ready_for_final(). Either way rejected findings are kept,
    // approved and changed ones redacted, manual redactions added.
    ReviewedDisclosure build_disclosure(const CaseScan& scan, bool final) const;

    // The audit entry of an export: files' SHA-256, pages, redactions, the state's version.
    void record_export(const ExportResult& result, bool final, std::int64_t version);

    // The SQLite file of the embedded store; empty for a shared database.
    const std::filesystem::path& file() const;
    // Where the state is, as errors name it: the file, or the database and the case.
    std::string location() const;

    // The case's audit trail, and its verification (audit.hpp), from this store alone. The
    // verification appends a `verify` entry naming who acts.
    std::vector<AuditEntry> audit() const;
    AuditVerification verify_audit();

    // Others' changes (a view kept open while other reviewers work). The number of the case's
    // latest audit entry, 0 for none; and the entries after `seq`, oldest first.
    std::int64_t last_change() const;
    std::vector<CaseChange> changes_since(std::int64_t seq) const;
    // Cheap, for a timer: whether another connection may have changed the case since the last
    // call (PostgreSQL: a notification on the case's channel; SQLite: the file's data version).
    // True may be a false alarm, and is on the first call; false means nothing changed.
    bool may_have_changed();
    // Presence: records that the acting reviewer has the case open, or refreshes the record
    // (call it on a timer well inside the staleness limit); removes it when the case is closed.
    // Neither is a review act: nothing is audited.
    void mark_present();
    void mark_absent();
    // Everyone recorded in the case (the acting reviewer too), by login; rows not refreshed for
    // longer than `stale_after`, by the database's clock, are marked stale.
    std::vector<Presence> present(std::chrono::milliseconds stale_after = kPresenceStale) const;
    static constexpr std::chrono::milliseconds kPresenceStale{120000};

  private:
    struct Impl;
    explicit ReviewStore(std::unique_ptr<Impl> impl);
    // Null when `existing_only` and the case has no state yet.
    static std::unique_ptr<Impl> open_impl(const Case& request, const ReviewDatabase& database,
                                           std::shared_ptr<const IdentityProvider> acting,
                                           bool existing_only);
    std::unique_ptr<Impl> impl_;
};

// Findings of the same text at the same place, for a shell that lists them as one: each group
// holds indexes into `findings` (ascending) of findings in one record and section whose byte
// spans overlap (a duplicate, or an address found whole and again by its parts) and which the
// policy proposes alike (the same action and reason), so one decision fits them all. Every
// finding is in exactly one group, groups in the order of their first finding.
std::vector<std::vector<std::size_t>> same_place_groups(const std::vector<StoredFinding>& findings);

// The reason codes a reviewer may give (dictionaries/policies/reasons.json), in file order.
std::vector<Reason> reason_codes();

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
    std::vector<std::string> present; // who has the case open now (Presence::display)
};

// Reads request.json, the deadline and the review state; never throws for one bad case.
CaseSummary summarize_case(const std::filesystem::path& case_folder, const Date& today);

// Every case folder (one holding request.json) directly under `workspace`, most urgent first:
// unreadable cases, then by working days left, exported cases last.
std::vector<CaseSummary> summarize_workspace(const std::filesystem::path& workspace,
                                             const Date& today);

} // namespace safesar
