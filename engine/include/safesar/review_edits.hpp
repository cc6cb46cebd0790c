// Undo and redo of one reviewer's session, kept in the engine so that every shell undoes alike.
// The store keeps no history to rewind: an undo is a new decision that puts back what was in
// force before, audited like any other (docs/review.md).
#pragma once

#include "safesar/review.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace safesar {

// One reviewer's edits to a case's review state, undoable in order. Each undo and redo is itself
// an ordinary decision in the store (audited, as the store's acting identity); the history lives
// only as long as this object. Not thread-safe: use it from one thread.
class ReviewEdits {
  public:
    explicit ReviewEdits(ReviewStore& store); // the store must outlive this

    // As ReviewStore::decide. Only findings whose decision in force changed are recorded; a
    // decide that changes nothing adds no history.
    int decide(const std::vector<FindingDecision>& decisions);
    std::int64_t add_manual_text(const std::string& phrase, const std::string& record,
                                 const std::string& reason);
    std::int64_t add_manual_box(const std::string& record, int page, const Box& box,
                                const std::string& reason);
    // Any manual redaction in the state, whoever made it and in whichever session.
    void withdraw_manual(std::int64_t id);
    // As ReviewStore::replace_manual: one edit, undone by changing it back.
    std::int64_t replace_manual(std::int64_t id, const ManualRedaction& with);

    bool can_undo() const;
    bool can_redo() const;
    std::string undo_label() const; // "approve 3 findings", "manual redaction M4"; empty when none
    std::string redo_label() const;
    // The findings the next undo (redo) decides again: empty for a manual redaction. A shell
    // re-reads just these afterwards.
    std::vector<std::string> undo_findings() const;
    std::vector<std::string> redo_findings() const;

    // Throw ReviewError when there is nothing to undo (redo), or when the store has changed so
    // that the edit cannot be undone (a finding gone, a redaction withdrawn elsewhere, a finding
    // another reviewer has decided since this session last did); the history is then left as
    // it was.
    void undo();
    void redo();

    void clear(); // after a re-scan, say

  private:
    struct Edit {
        // Decisions on findings: `before` puts back what was in force, `after` decides again.
        std::vector<FindingDecision> before, after;
        // Manual redactions the edit withdrew and added (a change does both). Each id is that
        // of the redaction as it now stands: adding one again gives it a new id.
        std::optional<ManualRedaction> removed, added;
        bool manual() const { return removed || added; }
    };
    static std::string label(const Edit& edit);
    std::int64_t add_to_store(const ManualRedaction& m); // its new id
    std::int64_t add_manual(ManualRedaction m);          // added, and remembered
    void apply(Edit& edit, bool forward);
    void remember(Edit edit); // a new edit: the undone ones are left behind

    // Takes the decisions and notes each finding's revision after them.
    void take(std::vector<FindingDecision> decisions);

    ReviewStore& store_;
    std::vector<Edit> undo_, redo_; // most recent last
    // Each finding's revision after this session last decided it: an undo or redo of it is
    // refused once the store's differs (someone else has decided it since).
    std::map<std::string, std::int64_t> revisions_;
};

} // namespace safesar
