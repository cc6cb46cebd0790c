// Reviewers' acts: decisions on findings, manual redactions and their withdrawal, risk
// acknowledgements, sign-offs. Each is one write transaction holding the row and its audit
// entry; a refused act changes nothing.
#include "review/audit_log.hpp"
#include "review/clock.hpp"
#include "review/phrase_search.hpp"
#include "review/reasons.hpp"
#include "review/store_impl.hpp"
#include "safesar/enum_names.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace safesar {

namespace {

using review::Statement;

struct Target {
    std::string id, proposal, reason, text;
    bool gone = false;
    bool decided = false;  // a decision is in force: its latest is no reopen, on this proposal
    bool withheld = false; // in a record withheld in full
    std::int64_t revision = 0;    // its latest decision's number, 0 when never decided
    std::string last_by, last_at; // who took that decision, when
};

// An id, or an unambiguous prefix of one (at least 6 characters), as a reviewer types it. The
// full id is looked up by its key first: a prefix needs a scan of every finding, too slow for
// each decision on a large case. Its latest decision is a second lookup by index, so neither
// costs more on a case with many findings or decisions.
Target find_target(review::Db& db, const std::string& id) {
    const std::string select =
        "SELECT id, proposal, reason, text, gone, withheld_record FROM findings ";
    Statement exact(db, select + "WHERE id = ?1");
    exact.bind(1, id);
    Target t;
    bool found = exact.step();
    Statement prefix(db, select + "WHERE substr(id, 1, length(?1)) = ?1 LIMIT 2");
    const Statement& row = found ? exact : prefix;
    if (!found && id.size() >= 6) {
        prefix.bind(1, id);
        found = prefix.step();
    }
    if (!found) throw ReviewError("", "no finding " + id);
    t.id = row.text(0);
    t.proposal = row.text(1);
    t.reason = row.text(2);
    t.text = row.text(3);
    t.gone = row.integer(4) != 0;
    t.withheld = row.integer(5) != 0;
    if (&row == &prefix && prefix.step())
        throw ReviewError("", "finding id " + id + " is ambiguous");
    if (t.gone) throw ReviewError("", "finding " + t.id + " was not found by the latest scan");
    Statement latest(db, "SELECT verdict, proposal, seq, reviewer, at FROM decisions "
                         "WHERE finding = ? ORDER BY seq DESC LIMIT 1");
    latest.bind(1, t.id);
    if (latest.step()) {
        t.decided = latest.text(0) != "reopen" && latest.text(1) == t.proposal;
        t.revision = latest.integer(2);
        t.last_by = latest.text(3);
        t.last_at = latest.text(4);
    }
    return t;
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

int ReviewStore::decide(const std::vector<FindingDecision>& decisions, const std::string& comment) {
    if (decisions.empty()) return 0; // nothing changes, so sign-offs stay valid
    const Identity who = impl_->who();
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
        if (d.seen && *d.seen != t.revision)
            throw ReviewError("", "finding " + t.id + " was decided by " + t.last_by + " at " +
                                      t.last_at +
                                      " after this view of it was read: nothing was recorded; "
                                      "reload the findings and decide again");
        if (d.verdict == Verdict::Reopen && !t.decided) continue; // already undecided
        if (t.withheld && d.verdict != Verdict::Reopen)
            throw ReviewError("", "finding " + t.id +
                                      " is in a record withheld in full: nothing of it is "
                                      "disclosed, so there is nothing to decide");
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
        insert.bind(1, t.id)
            .bind(2, verdict_names.name(d.verdict))
            .bind(3, t.proposal)
            .bind(4, span);
        insert.bind(5, reason).bind(6, who.login).bind(7, at).bind(8, comment);
        insert.bind(9, version).run();
        insert.reset();
        review::append_audit(db, who, "decide",
                             {{"finding", t.id},
                              {"verdict", verdict_names.name(d.verdict)},
                              {"proposal", t.proposal},
                              {"reason", reason},
                              {"version", version}},
                             "decisions", db.last_insert_id());
        ++decided;
    }
    tx.commit();
    return decided;
}

namespace {

// One manual text redaction row and its audit entry, inside the caller's transaction.
std::int64_t insert_manual_text(review::Db& db, const Identity& who, const std::string& phrase,
                                const std::string& record, const std::string& reason,
                                const std::string& comment, std::int64_t version) {
    const std::string text = trimmed(phrase);
    if (text.size() < 2) throw ReviewError("", "the text to redact is empty or one character");
    review::reason_for(reason);
    if (!record.empty()) {
        Statement known(db, "SELECT 1 FROM records WHERE name = ?");
        known.bind(1, record);
        if (!known.step()) throw ReviewError("", "no record " + record + " in the latest scan");
    }
    Statement insert(db, "INSERT INTO manual(kind, record, phrase, page, x0, y0, x1, y1, reason, "
                         "reviewer, at, comment, version) "
                         "VALUES ('text', ?, ?, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?)");
    insert.bind(1, record).bind(2, text).bind(3, reason).bind(4, who.login);
    insert.bind(5, review::utc_now()).bind(6, comment).bind(7, version).run();
    const std::int64_t id = db.last_insert_id();
    // The phrase is a third party's text: the audit holds only the row's digest.
    review::append_audit(db, who, "manual",
                         {{"manual", id},
                          {"kind", "text"},
                          {"reason", reason},
                          {"all_records", record.empty()},
                          {"version", version}},
                         "manual", id);
    return id;
}

std::int64_t insert_manual_box(review::Db& db, const Identity& who, const std::string& record,
                               int page, const Box& box, const std::string& reason,
                               const std::string& comment, std::int64_t version) {
    review::reason_for(reason);
    if (box.empty() || box.x0 < 0 || box.y0 < 0)
        throw ReviewError("", "the box must have x0 < x1 and y0 < y1, in points from the top left");
    Statement known(db, "SELECT kind, pages FROM records WHERE name = ? AND "
                        "last_scan = (SELECT max(seq) FROM scans)");
    known.bind(1, record);
    if (!known.step()) throw ReviewError("", "no record " + record + " in the latest scan");
    if (known.text(0) != "pdf") throw ReviewError("", record + " has no pages to draw a box on");
    if (page < 1 || page > known.integer(1))
        throw ReviewError("", record + " has no page " + std::to_string(page));
    Statement insert(db, "INSERT INTO manual(kind, record, phrase, page, x0, y0, x1, y1, reason, "
                         "reviewer, at, comment, version) "
                         "VALUES ('box', ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, record).bind(2, page).bind(3, box.x0).bind(4, box.y0).bind(5, box.x1);
    insert.bind(6, box.y1).bind(7, reason).bind(8, who.login).bind(9, review::utc_now());
    insert.bind(10, comment).bind(11, version).run();
    const std::int64_t id = db.last_insert_id();
    review::append_audit(
        db, who, "manual",
        {{"manual", id}, {"kind", "box"}, {"page", page}, {"reason", reason}, {"version", version}},
        "manual", id);
    return id;
}

void insert_withdrawal(review::Db& db, const Identity& who, std::int64_t id,
                       const std::string& comment, std::int64_t version) {
    Statement known(db, "SELECT (SELECT count(*) FROM withdrawals WHERE manual = m.seq) "
                        "FROM manual m WHERE m.seq = ?");
    known.bind(1, id);
    if (!known.step()) throw ReviewError("", "no manual redaction M" + std::to_string(id));
    if (known.integer(0) > 0)
        throw ReviewError("", "manual redaction M" + std::to_string(id) + " is already withdrawn");
    Statement insert(db, "INSERT INTO withdrawals(manual, reviewer, at, comment, version) "
                         "VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, id).bind(2, who.login).bind(3, review::utc_now()).bind(4, comment);
    insert.bind(5, version).run();
    review::append_audit(db, who, "withdraw", {{"manual", id}, {"version", version}}, "withdrawals",
                         db.last_insert_id());
}

} // namespace

std::int64_t ReviewStore::add_manual_text(const std::string& phrase, const std::string& record,
                                          const std::string& reason, const std::string& comment) {
    const Identity who = impl_->who();
    review::WriteTransaction tx(impl_->db);
    const std::int64_t id =
        insert_manual_text(impl_->db, who, phrase, record, reason, comment, impl_->bump_version());
    tx.commit();
    return id;
}

std::int64_t ReviewStore::add_manual_box(const std::string& record, int page, const Box& box,
                                         const std::string& reason, const std::string& comment) {
    const Identity who = impl_->who();
    review::WriteTransaction tx(impl_->db);
    const std::int64_t id = insert_manual_box(impl_->db, who, record, page, box, reason, comment,
                                              impl_->bump_version());
    tx.commit();
    return id;
}

void ReviewStore::withdraw_manual(std::int64_t id, const std::string& comment) {
    const Identity who = impl_->who();
    review::WriteTransaction tx(impl_->db);
    insert_withdrawal(impl_->db, who, id, comment, impl_->bump_version());
    tx.commit();
}

std::int64_t ReviewStore::replace_manual(std::int64_t id, const ManualRedaction& with,
                                         const std::string& comment) {
    const Identity who = impl_->who();
    auto& db = impl_->db;
    review::WriteTransaction tx(db);
    const std::int64_t version = impl_->bump_version(); // one change: the old out, the new in
    insert_withdrawal(db, who, id, comment, version);
    const std::int64_t added =
        with.kind == ManualRedaction::Kind::Text
            ? insert_manual_text(db, who, with.phrase, with.record, with.reason, comment, version)
            : insert_manual_box(db, who, with.record, with.page, with.box, with.reason, comment,
                                version);
    tx.commit();
    return added;
}

void ReviewStore::acknowledge_risk(const std::string& risk, const std::string& note) {
    if (trimmed(note).empty())
        throw ReviewError("", "acknowledging risk " + risk + " needs a note of what was checked");
    const Identity who = impl_->who();
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
    insert.bind(1, risk).bind(2, who.login).bind(3, review::utc_now()).bind(4, trimmed(note));
    insert.bind(5, version).run();
    review::append_audit(db, who, "acknowledge", {{"risk", risk}, {"version", version}},
                         "acknowledgements", db.last_insert_id());
    tx.commit();
}

bool ReviewStore::mark_page_read(const std::string& record, int page) {
    const Identity who = impl_->who();
    auto& db = impl_->db;
    review::WriteTransaction tx(db);
    Statement known(db, "SELECT kind, pages, withheld, digest FROM records WHERE name = ? AND "
                        "last_scan = (SELECT max(seq) FROM scans)");
    known.bind(1, record);
    if (!known.step()) throw ReviewError("", "no record " + record + " in the latest scan");
    if (known.integer(2) != 0)
        throw ReviewError("", record + " is withheld in full: none of it is disclosed");
    const int pages =
        known.text(0) == to_string(RecordKind::Pdf) ? std::max<int>(1, known.integer(1)) : 1;
    if (page < 1 || page > pages)
        throw ReviewError("", record + " has no page " + std::to_string(page) + " to read");
    const std::string digest = known.text(3);
    if (digest.empty()) throw ReviewError("", record + " must be scanned again before it is read");
    Statement already(db, "SELECT 1 FROM page_reads WHERE record = ? AND page = ? AND digest = ? "
                          "AND reviewer = ?");
    already.bind(1, record).bind(2, page).bind(3, digest).bind(4, who.login);
    if (already.step()) return false;
    // Reading changes nothing that is exported: the version stays, and so do sign-offs.
    Statement insert(db, "INSERT INTO page_reads(record, page, digest, reviewer, at) "
                         "VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, record).bind(2, page).bind(3, digest).bind(4, who.login);
    insert.bind(5, review::utc_now()).run();
    review::append_audit(db, who, "read", {{"page", page}}, "page_reads", db.last_insert_id());
    tx.commit();
    return true;
}

namespace {

// Sign-off means the review is complete: only the sign-offs themselves may be missing.
// `approver`: whether the login holds safesar_approver (shared database only).
std::string refusal(const ReviewStatus& status, const Identity& who, bool perpetrator,
                    std::optional<bool> approver) {
    // The two-person rule compares logins; with a shared database a login must also be allowed
    // to release to someone who may be the perpetrator.
    if (perpetrator && approver && !*approver)
        return who.login + " does not hold the safesar_approver role, which signing off a " +
               status.profile + " request needs: an approver must sign";
    for (const SignOff& s : status.signoffs)
        if (s.current && s.reviewer == who.login)
            return status.who(who.login) +
                   " has already signed off this state of the review; a different reviewer, "
                   "with an account of their own, must sign";
    if (status.scans == 0) return "the case has not been scanned";
    if (status.undecided > 0)
        return std::to_string(status.undecided) + " proposed redactions have no decision";
    if (!status.open_risks.empty())
        return std::to_string(status.open_risks.size()) + " risks are not acknowledged";
    if (status.pages_must_be_read && status.pages_read < status.pages_total)
        return std::to_string(status.pages_total - status.pages_read) + " of " +
               std::to_string(status.pages_total) + " pages have not been marked read";
    return "";
}

} // namespace

std::string ReviewStore::signoff_refusal() const {
    review::ReadTransaction snapshot(impl_->db);
    return refusal(impl_->status(), impl_->who(), impl_->perpetrator, impl_->approver);
}

void ReviewStore::signoff(const std::string& comment) {
    const Identity who = impl_->who();
    auto& db = impl_->db;
    review::WriteTransaction tx(db);
    const ReviewStatus status = impl_->status();
    if (const std::string why = refusal(status, who, impl_->perpetrator, impl_->approver);
        !why.empty())
        throw ReviewError("", "cannot sign off: " + why);
    Statement insert(db,
                     "INSERT INTO signoffs(reviewer, at, comment, version) VALUES (?, ?, ?, ?)");
    insert.bind(1, who.login).bind(2, review::utc_now()).bind(3, comment);
    insert.bind(4, status.version).run();
    review::append_audit(db, who, "signoff", {{"version", status.version}}, "signoffs",
                         db.last_insert_id());
    tx.commit();
}

} // namespace safesar
