// Where a review stands, and why a final export would be refused.
#include "review/store_impl.hpp"

#include <set>

namespace safesar {

namespace {

std::string names(const std::set<std::string>& reviewers) {
    std::string out;
    for (const std::string& r : reviewers)
        out += (out.empty() ? "" : ", ") + r;
    return out;
}

} // namespace

ReviewStatus ReviewStore::Impl::status() {
    ReviewStatus s;
    s.reference = reference;
    s.profile = to_string(profile);
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
    }
    for (const ManualRedaction& m : manual())
        s.manual += !m.withdrawn;
    s.decisions = static_cast<int>(
        db.scalar("SELECT (SELECT count(*) FROM decisions) + (SELECT count(*) FROM manual) + "
                  "(SELECT count(*) FROM withdrawals) + (SELECT count(*) FROM acknowledgements)"));
    for (StoredRisk& r : risks())
        if (r.open()) s.open_risks.push_back(std::move(r));
    s.signoffs = signoffs(s.version);
    // Two different people must have looked at a perpetrator's request (docs/review.md).
    s.signoffs_needed = profile == Profile::Perpetrator ? 2 : 0;
    {
        review::Statement last(db,
                               "SELECT at FROM exports WHERE final = 1 ORDER BY seq DESC LIMIT 1");
        if (last.step()) s.last_final_export = last.text(0);
        review::Statement current(db,
                                  "SELECT count(*) FROM exports WHERE final = 1 AND version = ?");
        current.bind(1, s.version);
        s.exported_final = current.step() && current.integer(0) > 0;
    }

    if (s.scans == 0) s.blockers.push_back("the case has not been scanned (safesar scan CASE)");
    if (s.undecided > 0)
        s.blockers.push_back(std::to_string(s.undecided) +
                             " proposed redactions have no decision (safesar review CASE "
                             "--status new, --status open)");
    if (!s.open_risks.empty())
        s.blockers.push_back(
            std::to_string(s.open_risks.size()) +
            " risks are open (acknowledge each: safesar review CASE --ack-risk ID)");
    std::set<std::string> current;
    for (const SignOff& o : s.signoffs)
        if (o.current) current.insert(o.reviewer);
    if (static_cast<int>(current.size()) < s.signoffs_needed)
        s.blockers.push_back("a " + s.profile + " request needs sign-off by " +
                             std::to_string(s.signoffs_needed) +
                             " different reviewers after the last change; " +
                             (current.empty() ? std::string("none has signed")
                                              : "signed so far: " + names(current)));
    return s;
}

ReviewStatus ReviewStore::status() const {
    review::ReadTransaction snapshot(impl_->db);
    return impl_->status();
}

} // namespace safesar
