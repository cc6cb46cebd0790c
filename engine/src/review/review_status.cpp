// Where a review stands, and why a final export would be refused.
#include "review/store_impl.hpp"

#include <set>

namespace safesar {

namespace {

std::string names(const std::set<std::string>& logins, const ReviewStatus& s) {
    std::string out;
    for (const std::string& login : logins)
        out += (out.empty() ? "" : ", ") + s.who(login);
    return out;
}

} // namespace

ReviewStatus ReviewStore::Impl::status() {
    ReviewStatus s;
    s.reference = reference;
    s.profile = profile;
    s.scans = db.scalar("SELECT count(*) FROM scans");
    s.version = version();
    // Only what the counts need, not each finding's texts: a status after every decision
    // must stay quick on a case of tens of thousands of findings.
    review::Statement rows(db, std::string(R"sql(
        SELECT f.proposal, f.withheld_record, f.gone, f.first_scan = (SELECT max(seq) FROM scans),
               d.verdict, d.proposal
        FROM findings f)sql") + review::kLatestDecisionJoin);
    StoredFinding f;
    while (rows.step()) {
        f.proposal = rows.text(0);
        f.in_withheld_record = rows.integer(1) != 0;
        f.status = review::status_of(f, rows.integer(2) != 0, rows.integer(3) != 0, rows.text(4),
                                     rows.text(5), f.reopened);
        ++s.counts[f.status];
        if (f.awaits_decision()) ++s.undecided;
        if (!f.decidable() || !f.proposes_redaction()) continue;
        s.to_redact += f.status == FindingStatus::Approved || f.status == FindingStatus::Changed;
        s.kept_by_reviewer += f.status == FindingStatus::Rejected;
    }
    for (const ManualRedaction& m : manual())
        s.manual += !m.withdrawn;
    s.decisions = static_cast<int>(
        db.scalar("SELECT (SELECT count(*) FROM decisions) + (SELECT count(*) FROM manual) + "
                  "(SELECT count(*) FROM withdrawals) + (SELECT count(*) FROM acknowledgements) + "
                  "(SELECT count(*) FROM record_decisions)"));
    for (StoredRisk& r : risks()) {
        s.acknowledged_risks += !r.gone && !r.open();
        if (r.open()) s.open_risks.push_back(std::move(r));
    }
    {
        review::Statement withheld(db, "SELECT name FROM records WHERE withheld = 1 AND "
                                       "last_scan = (SELECT max(seq) FROM scans) ORDER BY name");
        while (withheld.step())
            s.withheld_records.push_back(withheld.text(0));
    }
    for (const RecordReview& r : record_reviews()) {
        s.records_released += r.decision == RecordReview::Decision::Release;
        s.records_withheld_by_reviewer += r.decision == RecordReview::Decision::Withhold;
    }
    for (const PageToRead& p : pages_to_read()) {
        ++s.pages_total;
        s.pages_read += p.read();
    }
    s.reviewers = reviewers();
    s.signoffs = signoffs(s.version);
    // The profile's file says (e.g. a perpetrator's request needs two different people and every
    // page he would be sent read, not only the findings: docs/review.md, docs/policy.md).
    s.signoffs_needed = rules.signoffs_needed;
    s.pages_must_be_read = rules.every_page_read;
    s.release_needs_comment = rules.release_needs_comment;
    {
        review::Statement last(db,
                               "SELECT at FROM exports WHERE final = 1 ORDER BY seq DESC LIMIT 1");
        if (last.step()) s.last_final_export = last.text(0);
        review::Statement current(db,
                                  "SELECT count(*) FROM exports WHERE final = 1 AND version = ?");
        current.bind(1, s.version);
        s.exported_final = current.step() && current.integer(0) > 0;
    }

    // Plain words: each shell says how to act on them in its own terms.
    if (s.scans == 0) s.blockers.push_back("the case has not been scanned");
    if (s.undecided > 0)
        s.blockers.push_back(std::to_string(s.undecided) + " proposed redactions have no decision");
    if (!s.open_risks.empty())
        s.blockers.push_back(std::to_string(s.open_risks.size()) +
                             " risks are open: each needs acknowledging with a note");
    if (s.pages_must_be_read && s.pages_read < s.pages_total)
        s.blockers.push_back(std::to_string(s.pages_total - s.pages_read) + " of " +
                             std::to_string(s.pages_total) +
                             " pages of the disclosed records have not been marked read");
    std::set<std::string> current;
    for (const SignOff& o : s.signoffs)
        if (o.current) current.insert(o.reviewer);
    if (static_cast<int>(current.size()) < s.signoffs_needed)
        s.blockers.push_back("a " + s.profile + " request needs sign-off by " +
                             std::to_string(s.signoffs_needed) +
                             " different reviewers after the last change; " +
                             (current.empty() ? std::string("none has signed")
                                              : "signed so far: " + names(current, s)));
    return s;
}

ReviewStatus ReviewStore::status() const {
    review::ReadTransaction snapshot(impl_->db);
    return impl_->status();
}

} // namespace safesar
