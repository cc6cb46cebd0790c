// The disclosure an export draws after review: the policy's draft with each finding's
// redaction replaced by what the reviewers decided, and the manual redactions added.
#include "review/phrase_search.hpp"
#include "review/reasons.hpp"
#include "review/store_impl.hpp"
#include "safesar/policy.hpp"

#include <map>
#include <tuple>

namespace safesar {

namespace {

// What one finding becomes in the bundle.
struct Outcome {
    bool redact = false;
    bool undecided = false;
    std::size_t begin = 0, end = 0;
    Reason reason;
    std::string problem; // a changed span that cannot be placed any more
};

Outcome outcome(const CaseScan& scan, std::size_t index, const StoredFinding* stored) {
    const Finding& f = scan.findings[index];
    const Decision& proposal = scan.policy.decisions[index];
    Outcome o{false, false, f.begin, f.end, proposal.reason, {}};
    // A finding the store has not seen with this proposal is undecided, whatever it says.
    const bool decided =
        stored && stored->proposal == to_string(proposal.action) &&
        (stored->status == FindingStatus::Approved || stored->status == FindingStatus::Rejected ||
         stored->status == FindingStatus::Changed);
    if (!decided) {
        o.undecided = proposal.action != Action::Keep;
        o.redact = o.undecided; // a draft shows what the policy proposes
        return o;
    }
    if (stored->status == FindingStatus::Approved) o.redact = proposal.action != Action::Keep;
    if (stored->status == FindingStatus::Changed) {
        const std::string& text = scan.gathered.records[f.record].sections[f.section].text;
        auto span = review::find_span_over(text, stored->span_text, f.begin, f.end);
        if (!span) {
            o.problem =
                "the changed span of finding " + stored->id + " is no longer in its section";
            o.redact = true; // a draft errs on the side of withholding
            return o;
        }
        o.redact = true;
        std::tie(o.begin, o.end) = *span;
        o.reason = review::reason_for(stored->decision_reason);
    }
    return o;
}

RecordDisclosure* disclosure_of(Disclosure& d, const Record* record) {
    for (RecordDisclosure& rd : d.records)
        if (rd.record == record) return &rd;
    return nullptr;
}

// A box covers what is drawn there and every word it touches (export leaves those out of the
// text layer); it is attached to the page's text section so export burns it on that page.
bool add_box_redaction(const ManualRedaction& m, RecordDisclosure& rd) {
    for (std::size_t si = 0; si < rd.record->sections.size(); ++si) {
        const Section& s = rd.record->sections[si];
        if (s.kind != SectionKind::PageText || s.page != m.page) continue;
        rd.redactions.push_back({si, 0, 0, review::reason_for(m.reason), {m.box}, ""});
        return true;
    }
    return false;
}

// A reviewer's decision on the whole record, when it was taken on what the policy proposes in
// this scan (else the policy's proposal stands, as the state will say after recording it).
void apply_record_decision(const RecordReview& review, RecordDisclosure& rd) {
    if (review.policy_withheld != (rd.fate == RecordFate::WithholdInFull)) return;
    if (review.decision == RecordReview::Decision::Release) {
        rd.fate = RecordFate::Disclose;
        rd.withheld_because.reset();
        rd.withheld_kind.clear();
        // The policy covers an unreadable scanned page only on records it discloses.
        for (Redaction& cover : unread_scan_covers(*rd.record, review::reason_for("SCAN")))
            rd.redactions.push_back(std::move(cover));
    } else if (review.decision == RecordReview::Decision::Withhold) {
        const bool policy_sure = review.policy_withheld && !review.until_reviewed;
        rd.fate = RecordFate::WithholdInFull;
        rd.withheld_because = review::reason_for(review.reason);
        if (!policy_sure) rd.withheld_kind = "a record withheld in full on review";
        rd.redactions.clear();
    }
}

} // namespace

ReviewedDisclosure ReviewStore::build_disclosure(const CaseScan& scan, bool final) const {
    review::ReadTransaction snapshot(impl_->db); // decisions, status and version agree
    const ReviewStatus status = impl_->status();
    std::map<std::string, StoredFinding> stored;
    FindingFilter all;
    for (StoredFinding& f : impl_->findings(all))
        stored.emplace(f.id, std::move(f));
    const std::vector<ManualRedaction> manual = impl_->manual();
    std::map<std::string, RecordReview> records; // decided by a reviewer
    for (RecordReview& r : impl_->record_reviews())
        if (r.decision != RecordReview::Decision::None) records.emplace(r.record, std::move(r));

    ReviewedDisclosure out;
    out.version = status.version;
    Disclosure& d = out.disclosure;
    const Disclosure& draft = scan.policy.disclosure;
    d.request = draft.request;
    d.skipped_records = draft.skipped_records;
    d.draft = !final;
    for (const RecordDisclosure& rd : draft.records) {
        RecordDisclosure copy = rd;
        copy.redactions.clear();
        // Covers that come from no finding (an unreadable scanned page) stay until re-scanned.
        for (const Redaction& r : rd.redactions)
            if (r.finding_id.empty()) copy.redactions.push_back(r);
        if (rd.record)
            if (auto it = records.find(rd.record->name); it != records.end())
                apply_record_decision(it->second, copy);
        d.records.push_back(std::move(copy));
    }

    std::vector<std::string> blockers = status.blockers;
    int undecided = 0;
    const std::vector<std::string> ids = finding_ids(scan);
    for (std::size_t i = 0; i < scan.findings.size(); ++i) {
        const Finding& f = scan.findings[i];
        const Record* record = &scan.gathered.records[f.record];
        RecordDisclosure* rd = disclosure_of(d, record);
        if (!rd || rd->fate == RecordFate::WithholdInFull) continue;
        auto it = stored.find(ids[i]);
        const Outcome o = outcome(scan, i, it == stored.end() ? nullptr : &it->second);
        undecided += o.undecided;
        if (!o.problem.empty()) blockers.push_back(o.problem);
        if (!o.redact) continue;
        rd->redactions.push_back({f.section, o.begin, o.end, o.reason,
                                  review::boxes_for(record->sections[f.section], o.begin, o.end),
                                  ids[i]});
        ++out.finding_redactions;
    }
    // Checked on the scan itself too: the records may have changed since the store was told.
    if (undecided > status.undecided)
        blockers.push_back(std::to_string(undecided - status.undecided) +
                           " proposed redactions are not in the review state: scan the case again");

    for (const ManualRedaction& m : manual) {
        if (m.withdrawn) continue;
        const std::string label = "manual redaction M" + std::to_string(m.id);
        int applied = 0;
        bool withheld = false; // its record is withheld in full: nothing of it is shown anyway
        for (RecordDisclosure& rd : d.records) {
            if (!m.record.empty() && rd.record->name != m.record) continue;
            // A record's title is printed on every page of it: a phrase goes from there too,
            // withheld or not.
            if (m.kind == ManualRedaction::Kind::Text) review::redact_phrase_in_title(m.phrase, rd);
            if (rd.fate == RecordFate::WithholdInFull) {
                withheld = withheld || !m.record.empty();
                continue;
            }
            if (m.kind == ManualRedaction::Kind::Text)
                applied +=
                    review::redact_phrase_in_sections(m.phrase, review::reason_for(m.reason), rd);
            else
                applied += add_box_redaction(m, rd);
        }
        out.manual_redactions += applied;
        if (applied == 0 && !withheld)
            out.notes.push_back(label + " applies to nothing in the records now");
    }

    if (final && !blockers.empty()) {
        std::string why;
        for (const std::string& b : blockers)
            why += (why.empty() ? "" : "; ") + b;
        throw ReviewError("", "final export refused: " + why);
    }
    return out;
}

} // namespace safesar
