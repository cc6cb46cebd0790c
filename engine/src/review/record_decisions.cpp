// Whole records: a reviewer releases a record the policy withholds in full (it is then
// disclosed with its ordinary redactions) or withholds in full one the policy would disclose.
// Each decision is one write transaction holding the row and its audit entry. What the bundle
// does with a record (`records.withheld`, and `findings.withheld_record` of its findings) is the
// decision in force, else the policy's proposal; apply_record_decisions keeps them so.
#include "review/audit_log.hpp"
#include "review/clock.hpp"
#include "review/reasons.hpp"
#include "review/store_impl.hpp"

namespace safesar {

namespace {

using review::Statement;

// The policy's words for a record it withholds only because it is unsure who the record is
// about (a perpetrator request fails closed): "until reviewed, as it may be ...".
constexpr std::string_view kUntilReviewed = "until reviewed";

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

RecordReview::Decision decision_named(const std::string& verdict) {
    if (verdict == "release") return RecordReview::Decision::Release;
    if (verdict == "withhold") return RecordReview::Decision::Withhold;
    return RecordReview::Decision::None;
}

// A record with its latest decision, if in force; `digest` is the record's content now.
struct Row {
    RecordReview review;
    std::string digest;
};

// Records of the latest scan (`every`: all records ever scanned, for a scan being recorded,
// whose own row is written last).
std::vector<Row> latest_rows(review::Db& db, const std::string& only = {}, bool every = false) {
    Statement s(db, R"sql(
        SELECT r.name, r.withheld, r.policy_withheld, r.withheld_kind, r.withheld_reason,
               r.digest, d.verdict, d.policy_withheld, d.digest, d.reason, d.reviewer, d.at,
               d.comment
        FROM records r
        LEFT JOIN record_decisions d
            ON d.seq = (SELECT max(seq) FROM record_decisions WHERE record = r.name)
        WHERE (?2 OR r.last_scan = (SELECT max(seq) FROM scans)) AND (?1 = '' OR r.name = ?1)
        ORDER BY r.name)sql");
    s.bind(1, only).bind(2, static_cast<std::int64_t>(every));
    std::vector<Row> out;
    while (s.step()) {
        Row row;
        RecordReview& r = row.review;
        r.record = s.text(0);
        r.withheld = s.integer(1) != 0;
        r.policy_withheld = s.integer(2) != 0;
        r.policy_kind = s.text(3);
        r.policy_reason = s.text(4);
        r.until_reviewed = r.policy_withheld && r.policy_kind.rfind(kUntilReviewed, 0) == 0;
        row.digest = s.text(5);
        // In force only on the content and the proposal it was taken on.
        const bool holds = (s.integer(7) != 0) == r.policy_withheld && s.text(8) == row.digest &&
                           !row.digest.empty();
        if (holds) r.decision = decision_named(s.text(6));
        if (r.decision != RecordReview::Decision::None) {
            r.reason = s.text(9);
            r.decided_by = s.text(10);
            r.decided_at = s.text(11);
            r.comment = s.text(12);
        }
        out.push_back(std::move(row));
    }
    return out;
}

bool effective_withheld(const RecordReview& r) {
    switch (r.decision) {
    case RecordReview::Decision::Release:
        return false;
    case RecordReview::Decision::Withhold:
        return true;
    case RecordReview::Decision::None:
        break;
    }
    return r.policy_withheld;
}

Row the_record(review::Db& db, const std::string& record) {
    std::vector<Row> rows = latest_rows(db, record);
    if (rows.empty()) throw ReviewError("", "no record " + record + " in the latest scan");
    if (rows.front().digest.empty())
        throw ReviewError("", record + " must be scanned again before it is decided");
    return std::move(rows.front());
}

// `version`: the state's, bumped by the caller (what would be exported changes).
void insert_decision(review::Db& db, const Identity& who, std::int64_t version, const Row& row,
                     const std::string& verdict, const std::string& reason,
                     const std::string& comment) {
    Statement insert(db, "INSERT INTO record_decisions(record, verdict, policy_withheld, digest, "
                         "reason, reviewer, at, comment, version) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, row.review.record).bind(2, verdict);
    insert.bind(3, static_cast<std::int64_t>(row.review.policy_withheld)).bind(4, row.digest);
    insert.bind(5, reason).bind(6, who.login).bind(7, review::utc_now()).bind(8, comment);
    insert.bind(9, version).run();
    // The record's name may name a third party: the audit holds the row's digest, not the name.
    review::append_audit(db, who, "record",
                         {{"verdict", verdict},
                          {"policy_withheld", row.review.policy_withheld},
                          {"reason", reason},
                          {"version", version}},
                         "record_decisions", db.last_insert_id());
    review::apply_record_decisions(db);
}

} // namespace

int review::apply_record_decisions(Db& db) {
    int changed = 0;
    Statement set_record(db, "UPDATE records SET withheld = ? WHERE name = ?");
    Statement set_findings(db, "UPDATE findings SET withheld_record = ?1 "
                               "WHERE record = ?2 AND withheld_record <> ?1");
    for (const Row& row : latest_rows(db, {}, true)) {
        const bool withheld = effective_withheld(row.review);
        set_findings.bind(1, static_cast<std::int64_t>(withheld)).bind(2, row.review.record).run();
        set_findings.reset();
        if (withheld == row.review.withheld) continue;
        set_record.bind(1, static_cast<std::int64_t>(withheld)).bind(2, row.review.record).run();
        set_record.reset();
        ++changed;
    }
    return changed;
}

std::vector<RecordReview> ReviewStore::Impl::record_reviews() {
    std::vector<RecordReview> out;
    for (Row& row : latest_rows(db))
        if (row.review.policy_withheld || row.review.decision != RecordReview::Decision::None)
            out.push_back(std::move(row.review));
    return out;
}

std::vector<RecordReview> ReviewStore::record_reviews() const {
    review::ReadTransaction snapshot(impl_->db);
    return impl_->record_reviews();
}

void ReviewStore::release_record(const std::string& record, const std::string& comment) {
    review::WriteTransaction tx(impl_->db);
    const Row row = the_record(impl_->db, record);
    if (!row.review.withheld)
        throw ReviewError("", record + " is not withheld in full: it is disclosed already");
    // He would receive what the policy kept from him: someone must say why that is safe.
    if (impl_->rules.release_needs_comment && trimmed(comment).empty())
        throw ReviewError("", "releasing " + record + " in a " + impl_->profile +
                                  " request needs a comment: why it is safe to disclose it to "
                                  "the requester");
    insert_decision(impl_->db, impl_->who(), impl_->bump_version(), row, "release", "",
                    trimmed(comment));
    tx.commit();
}

void ReviewStore::withhold_record(const std::string& record, const std::string& reason,
                                  const std::string& comment) {
    review::reason_for(reason); // refuses an unknown code
    review::WriteTransaction tx(impl_->db);
    const Row row = the_record(impl_->db, record);
    if (row.review.decision == RecordReview::Decision::Withhold)
        throw ReviewError("", record + " is already withheld in full by " + row.review.decided_by);
    // The policy's certain withholding needs no confirming; its unsure one does.
    if (row.review.withheld && row.review.decision == RecordReview::Decision::None &&
        !row.review.until_reviewed)
        throw ReviewError("", record + " is withheld in full by the policy already (" +
                                  row.review.policy_kind + ")");
    insert_decision(impl_->db, impl_->who(), impl_->bump_version(), row, "withhold", reason,
                    trimmed(comment));
    tx.commit();
}

bool ReviewStore::reopen_record(const std::string& record, const std::string& comment) {
    review::WriteTransaction tx(impl_->db);
    const Row row = the_record(impl_->db, record);
    if (row.review.decision == RecordReview::Decision::None) return false;
    insert_decision(impl_->db, impl_->who(), impl_->bump_version(), row, "reopen", "",
                    trimmed(comment));
    tx.commit();
    return true;
}

} // namespace safesar
