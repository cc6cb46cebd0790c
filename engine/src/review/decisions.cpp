// Reviewers' acts: decisions on findings, manual redactions and their withdrawal, risk
// acknowledgements, sign-offs. Each is one write transaction holding the row and its audit
// entry; a refused act changes nothing.
#include "review/audit_log.hpp"
#include "review/clock.hpp"
#include "review/phrase_search.hpp"
#include "review/reasons.hpp"
#include "review/store_impl.hpp"

#include <map>

namespace safesar {

namespace {

using review::Statement;

const char* verdict_name(Verdict v) {
    switch (v) {
    case Verdict::Approve:
        return "approve";
    case Verdict::Reject:
        return "reject";
    case Verdict::ChangeSpan:
        return "span";
    case Verdict::Reopen:
        return "reopen";
    }
    return "approve";
}

struct Target {
    std::string id, proposal, reason, text;
    bool gone = false;
    bool decided = false; // a decision is in force: its latest is no reopen, on this proposal
};

// An id, or an unambiguous prefix of one (at least 6 characters), as a reviewer types it.
Target find_target(review::Db& db, const std::string& id) {
    Statement s(db, R"sql(
        SELECT f.id, f.proposal, f.reason, f.text, f.gone,
               (SELECT d.verdict <> 'reopen' AND d.proposal = f.proposal FROM decisions d
                WHERE d.finding = f.id ORDER BY d.seq DESC LIMIT 1)
        FROM findings f
        WHERE f.id = ?1 OR (length(?1) >= 6 AND substr(f.id, 1, length(?1)) = ?1) LIMIT 2)sql");
    s.bind(1, id);
    if (!s.step()) throw ReviewError("", "no finding " + id);
    Target t{s.text(0), s.text(1), s.text(2), s.text(3), s.integer(4) != 0, s.integer(5) != 0};
    if (t.id != id && s.step()) throw ReviewError("", "finding id " + id + " is ambiguous");
    if (t.gone) throw ReviewError("", "finding " + t.id + " was not found by the latest scan");
    return t;
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

int ReviewStore::decide(const std::vector<FindingDecision>& decisions, const Signature& who) {
    review::require_reviewer(who);
    if (decisions.empty()) return 0; // nothing changes, so sign-offs stay valid
    auto& db = impl_->db;
    review::WriteTransaction tx(db);
    std::int64_t version = 0; // bumped with the first row: reopening undecided ones changes nothing
    const std::string at = review::utc_now();
    Statement insert(db, "INSERT INTO decisions(finding, verdict, proposal, span_text, reason, "
                         "reviewer, at, comment, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::map<std::string, Verdict> done; // a finding named twice (id and prefix, id and sweep)
    int decided = 0;
    for (const FindingDecision& d : decisions) {
        const Target t = find_target(db, d.finding);
        if (auto [it, added] = done.emplace(t.id, d.verdict); !added) {
            if (it->second == d.verdict && d.verdict != Verdict::ChangeSpan) continue;
            throw ReviewError("", "finding " + t.id + " is given two different decisions");
        }
        if (d.verdict == Verdict::Reopen && !t.decided) continue; // already undecided
        std::string reason, span;
        if (d.verdict == Verdict::ChangeSpan) {
            span = trimmed(d.span_text);
            if (!review::span_fits_finding(span, t.text))
                throw ReviewError("", "the new span of finding " + t.id +
                                          " must contain its text or lie inside it");
            reason = !d.reason.empty() ? d.reason : !t.reason.empty() ? t.reason : "TP";
            review::reason_for(reason); // refuses an unknown code
        } else if (d.verdict == Verdict::Approve) {
            reason = t.reason;
        }
        if (version == 0) version = impl_->bump_version();
        insert.bind(1, t.id).bind(2, verdict_name(d.verdict)).bind(3, t.proposal).bind(4, span);
        insert.bind(5, reason).bind(6, who.reviewer).bind(7, at).bind(8, who.comment);
        insert.bind(9, version).run();
        insert.reset();
        review::append_audit(db, who.reviewer, "decide",
                             {{"finding", t.id},
                              {"verdict", verdict_name(d.verdict)},
                              {"proposal", t.proposal},
                              {"reason", reason},
                              {"version", version}},
                             "decisions", db.last_insert_id());
        ++decided;
    }
    tx.commit();
    return decided;
}

std::int64_t ReviewStore::add_manual_text(const std::string& phrase, const std::string& record,
                                          const std::string& reason, const Signature& who) {
    review::require_reviewer(who);
    const std::string text = trimmed(phrase);
    if (text.size() < 2) throw ReviewError("", "the text to redact is empty or one character");
    review::reason_for(reason);
    auto& db = impl_->db;
    review::WriteTransaction tx(db);
    if (!record.empty()) {
        Statement known(db, "SELECT 1 FROM records WHERE name = ?");
        known.bind(1, record);
        if (!known.step()) throw ReviewError("", "no record " + record + " in the latest scan");
    }
    const std::int64_t version = impl_->bump_version();
    Statement insert(db, "INSERT INTO manual(kind, record, phrase, page, x0, y0, x1, y1, reason, "
                         "reviewer, at, comment, version) "
                         "VALUES ('text', ?, ?, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?)");
    insert.bind(1, record).bind(2, text).bind(3, reason).bind(4, who.reviewer);
    insert.bind(5, review::utc_now()).bind(6, who.comment).bind(7, version).run();
    const std::int64_t id = db.last_insert_id();
    // The phrase is a third party's text: the audit holds only the row's digest.
    review::append_audit(db, who.reviewer, "manual",
                         {{"manual", id},
                          {"kind", "text"},
                          {"reason", reason},
                          {"all_records", record.empty()},
                          {"version", version}},
                         "manual", id);
    tx.commit();
    return id;
}

std::int64_t ReviewStore::add_manual_box(const std::string& record, int page, const Box& box,
                                         const std::string& reason, const Signature& who) {
    review::require_reviewer(who);
    review::reason_for(reason);
    if (box.empty() || box.x0 < 0 || box.y0 < 0)
        throw ReviewError("", "the box must have x0 < x1 and y0 < y1, in points from the top left");
    auto& db = impl_->db;
    review::WriteTransaction tx(db);
    Statement known(db, "SELECT kind, pages FROM records WHERE name = ? AND "
                        "last_scan = (SELECT max(seq) FROM scans)");
    known.bind(1, record);
    if (!known.step()) throw ReviewError("", "no record " + record + " in the latest scan");
    if (known.text(0) != "pdf") throw ReviewError("", record + " has no pages to draw a box on");
    if (page < 1 || page > known.integer(1))
        throw ReviewError("", record + " has no page " + std::to_string(page));
    const std::int64_t version = impl_->bump_version();
    Statement insert(db, "INSERT INTO manual(kind, record, phrase, page, x0, y0, x1, y1, reason, "
                         "reviewer, at, comment, version) "
                         "VALUES ('box', ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, record).bind(2, page).bind(3, box.x0).bind(4, box.y0).bind(5, box.x1);
    insert.bind(6, box.y1).bind(7, reason).bind(8, who.reviewer).bind(9, review::utc_now());
    insert.bind(10, who.comment).bind(11, version).run();
    const std::int64_t id = db.last_insert_id();
    review::append_audit(
        db, who.reviewer, "manual",
        {{"manual", id}, {"kind", "box"}, {"page", page}, {"reason", reason}, {"version", version}},
        "manual", id);
    tx.commit();
    return id;
}

void ReviewStore::withdraw_manual(std::int64_t id, const Signature& who) {
    review::require_reviewer(who);
    auto& db = impl_->db;
    review::WriteTransaction tx(db);
    Statement known(db, "SELECT (SELECT count(*) FROM withdrawals WHERE manual = m.seq) "
                        "FROM manual m WHERE m.seq = ?");
    known.bind(1, id);
    if (!known.step()) throw ReviewError("", "no manual redaction M" + std::to_string(id));
    if (known.integer(0) > 0)
        throw ReviewError("", "manual redaction M" + std::to_string(id) + " is already withdrawn");
    const std::int64_t version = impl_->bump_version();
    Statement insert(db, "INSERT INTO withdrawals(manual, reviewer, at, comment, version) "
                         "VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, id).bind(2, who.reviewer).bind(3, review::utc_now()).bind(4, who.comment);
    insert.bind(5, version).run();
    review::append_audit(db, who.reviewer, "withdraw", {{"manual", id}, {"version", version}},
                         "withdrawals", db.last_insert_id());
    tx.commit();
}

void ReviewStore::acknowledge_risk(const std::string& risk, const Signature& who) {
    review::require_reviewer(who);
    auto& db = impl_->db;
    review::WriteTransaction tx(db);
    Statement known(db, "SELECT r.gone, (SELECT count(*) FROM acknowledgements a "
                        "WHERE a.risk = r.id) FROM risks r WHERE r.id = ?");
    known.bind(1, risk);
    if (!known.step()) throw ReviewError("", "no risk " + risk);
    if (known.integer(0) != 0) throw ReviewError("", "risk " + risk + " is no longer reported");
    if (known.integer(1) > 0) throw ReviewError("", "risk " + risk + " is already acknowledged");
    const std::int64_t version = impl_->bump_version();
    Statement insert(db, "INSERT INTO acknowledgements(risk, reviewer, at, comment, version) "
                         "VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, risk).bind(2, who.reviewer).bind(3, review::utc_now()).bind(4, who.comment);
    insert.bind(5, version).run();
    review::append_audit(db, who.reviewer, "acknowledge", {{"risk", risk}, {"version", version}},
                         "acknowledgements", db.last_insert_id());
    tx.commit();
}

void ReviewStore::signoff(const Signature& who) {
    review::require_reviewer(who);
    auto& db = impl_->db;
    review::WriteTransaction tx(db);
    const ReviewStatus status = impl_->status();
    for (const SignOff& s : status.signoffs)
        if (s.current && s.reviewer == who.reviewer)
            throw ReviewError("", who.reviewer + " has already signed off this state of the "
                                                 "review; a different reviewer must sign");
    // Sign-off means the review is complete: only the sign-offs themselves may be missing.
    std::string why;
    if (status.scans == 0)
        why = "the case has not been scanned";
    else if (status.undecided > 0)
        why = std::to_string(status.undecided) + " proposed redactions have no decision";
    else if (!status.open_risks.empty())
        why = std::to_string(status.open_risks.size()) + " risks are not acknowledged";
    if (!why.empty()) throw ReviewError("", "cannot sign off: " + why);
    Statement insert(db,
                     "INSERT INTO signoffs(reviewer, at, comment, version) VALUES (?, ?, ?, ?)");
    insert.bind(1, who.reviewer).bind(2, review::utc_now()).bind(3, who.comment);
    insert.bind(4, status.version).run();
    review::append_audit(db, who.reviewer, "signoff", {{"version", status.version}}, "signoffs",
                         db.last_insert_id());
    tx.commit();
}

} // namespace safesar
