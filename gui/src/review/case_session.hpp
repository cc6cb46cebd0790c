// One open case in the GUI: its request, its latest scan and its review state. The scan runs off
// the UI thread; every decision goes through the engine's ReviewStore (via ReviewEdits, which
// keeps the undo history in the core), so the CLI sees exactly what the GUI did. Who acts is
// the store's identity provider: the operating-system account, never a name typed here.
#pragma once

#include "safesar/identity.hpp"
#include "safesar/pipeline.hpp"
#include "safesar/profiles.hpp"
#include "safesar/review.hpp"
#include "safesar/review_edits.hpp"
#include "viewer/document_source.hpp"
#include "viewer/overlay.hpp"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace safesar::gui {

// A record as the record list shows it: before the first scan, the files under records/; after
// it, the gathered records (attachments included) and the ones that could not be read.
struct RecordEntry {
    QString name;
    bool pdf = false;
    DocumentSource source;  // PDFs: what to render
    int scan_index = -1;    // index into scan()->gathered.records, -1 before a scan
    QString skipped_reason; // set when the record could not be read
    bool withheld = false;  // withheld in full: the reviewer's decision, else the policy's
};

class CaseSession : public QObject {
    Q_OBJECT
  public:
    explicit CaseSession(std::shared_ptr<const IdentityProvider> acting = os_account(),
                         QObject* parent = nullptr);
    ~CaseSession() override; // stops a running scan and waits for it

    // Reads request.json and opens the review state. Throws safesar::Error.
    void open(const std::filesystem::path& folder);
    bool isOpen() const { return request_.has_value(); }
    const Case& request() const { return request_->value; }
    const std::vector<std::string>& requestWarnings() const { return request_->warnings; }
    // What the request's profile file says of itself: its label, whether the requester may be
    // the person who caused harm, what its review needs. Never the profile's name.
    const ProfileInfo& profile() const { return profile_; }

    // Gathering, detection and policy, on a worker thread; scanned() or scanFailed() follows.
    void startScan();
    void cancelScan();
    bool scanning() const { return watcher_.isRunning(); }
    const CaseScan* scan() const { return scan_.get(); }
    std::shared_ptr<const CaseScan> sharedScan() const { return scan_; } // for an export

    const std::vector<RecordEntry>& records() const { return records_; }
    const RecordEntry* record(const QString& name) const;

    // The review state, re-read after every change.
    const std::vector<StoredFinding>& findings() const { return findings_; }
    const StoredFinding* finding(const QString& id) const;
    const std::vector<ManualRedaction>& manualRedactions() const { return manual_; }
    const ReviewStatus& status() const { return status_; }
    ReviewStore& store() { return *store_; }
    // Every page to read (all of them before a final export where the profile says so).
    const std::vector<PageToRead>& pagesToRead() const { return pages_; }
    bool pageRead(const QString& record, int page) const;
    // Redactions drawn on a page (rejected ones, which will be kept, are not counted).
    int redactionsOn(const QString& record, int page) const;
    // Where a manual redaction shows first: its record and page (1 for a text record).
    std::pair<QString, int> placeOf(const ManualRedaction& m) const;

    // What is drawn over a PDF page (page >= 1) or highlighted in a text record (page 0).
    std::vector<Overlay> overlays(const QString& record, int page) const;
    // The words of a PDF page inside `area`, from the first to the last as the page reads, as
    // the record's text has them ("Flat 2, 41 Cotton Lane"), and their boxes; empty when none
    // or before the scan.
    struct Words {
        QString text;
        std::vector<Box> boxes;
    };
    Words wordsIn(const QString& record, int page, const Box& area) const;
    // The state a finding is drawn in; nothing for a kept finding nobody asked to redact.
    static std::optional<OverlayState> stateOf(const StoredFinding& f);

    // Edits. Each throws ReviewError when the engine refuses it; changed() follows success.
    void decide(const QStringList& ids, Verdict verdict);
    void addManualBox(const QString& record, int page, const Box& box, const QString& reason);
    void addManualText(const QString& phrase, const QString& record, const QString& reason);
    void withdrawManual(std::int64_t id);
    void changeManual(std::int64_t id, const QString& phrase, const QString& reason);
    void acknowledgeRisk(const QString& risk, const QString& note);
    // Whole records: what the policy proposes and the reviewer's decision in force; nothing
    // for a record the policy discloses and nobody decided.
    const RecordReview* recordReview(const QString& record) const;
    void releaseRecord(const QString& record, const QString& comment);
    void withholdRecord(const QString& record, const QString& reason, const QString& comment);
    void reopenRecord(const QString& record);
    void signOff(const QString& comment);
    QString signOffRefusal() const; // why this account cannot sign now; empty when it can
    // False when this account had already marked it.
    bool markPageRead(const QString& record, int page);
    bool canUndo() const { return edits_ && edits_->can_undo(); }
    bool canRedo() const { return edits_ && edits_->can_redo(); }
    QString undoLabel() const;
    QString redoLabel() const;
    void undo();
    void redo();

    // Who the open store records (with a shared database: the login), else the provider's.
    Identity identity() const { return store_ ? store_->acting() : acting_->current(); }
    const std::shared_ptr<const IdentityProvider>& identityProvider() const { return acting_; }
    QString reviewer() const { return QString::fromStdString(identity().display()); }

    // Re-reads the review state (after an export, say) and says so.
    void refresh();

    // Others at work on the case. A timer (started by open()) asks the store whether another
    // connection changed the case (store notifications on PostgreSQL, the file's data version
    // on SQLite); when one did, the changed findings are re-read (everything, for acts other
    // than decisions) and othersChanged() follows. The timer also keeps this reviewer's presence
    // fresh and reads who else is in the case.
    void setWatchInterval(int milliseconds); // 2000 by default
    void checkForOthers();                   // one tick of the timer
    // The other reviewers with the case open, not gone stale.
    const std::vector<Presence>& othersPresent() const { return others_present_; }

  signals:
    void scanProgress(int files_done, int files_total);
    void scanned(const QString& summary);
    void scanFailed(const QString& reason);
    void changed(); // everything may have changed: rebuild
    // Decisions on these findings (empty: manual redactions, risks, pages read or sign-offs)
    // changed; the rest is as it was.
    void stateChanged(const QStringList& findings);
    // Before and after a reload for others' changes: a view keeps its scroll across it.
    void othersChanging();
    void othersChanged(int changes, const QString& who, const QString& at_utc);
    void presenceChanged();
    void watchFailed(const QString& reason); // the check could not reach the store

  private:
    void reread(const std::vector<std::string>& ids); // after decisions on these
    void rereadManual();
    void rereadStatus(); // risks, pages read, sign-offs
    void rereadRecords(); // whole-record decisions, and each record's withheld flag
    void listFiles();
    void listScannedRecords();
    void rebuildDisclosureOverlays();

    std::optional<LoadedCase> request_;
    ProfileInfo profile_;
    std::unique_ptr<ReviewStore> store_;
    std::unique_ptr<ReviewEdits> edits_;
    std::shared_ptr<CaseScan> scan_;
    QFutureWatcher<std::shared_ptr<CaseScan>> watcher_;
    std::atomic<bool> cancel_{false};
    QString scan_error_;

    std::vector<RecordEntry> records_;
    std::vector<StoredFinding> findings_;
    std::map<std::string, std::size_t> finding_at_;      // id -> index in findings_
    std::map<std::string, std::size_t> scan_finding_at_; // id -> index in scan_->findings
    // (record, page) -> indexes into findings_ of what is drawn there (page 0: text sections),
    // so turning a page looks at that page's findings only.
    std::map<std::pair<std::string, int>, std::vector<std::size_t>> on_view_;
    std::vector<ManualRedaction> manual_;
    ReviewStatus status_;
    std::vector<PageToRead> pages_;
    std::map<std::pair<std::string, int>, bool> page_read_; // (record, page) -> read
    // Manual redactions as the engine resolves them (phrases found, boxes placed), per record.
    std::map<std::string, std::vector<Redaction>> manual_spans_;
    std::shared_ptr<const IdentityProvider> acting_;
    std::map<QString, RecordReview> record_reviews_;

    void readPresence();
    void leaveCase() noexcept; // removes this reviewer's presence, if a case is open
    QTimer* watch_;
    int watch_ticks_ = 0;
    std::int64_t seen_change_ = 0; // the latest audit entry this view has taken in
    std::vector<Presence> others_present_;
};

} // namespace safesar::gui
