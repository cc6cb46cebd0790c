// A reviewer's undo and redo: each edit remembers what was in force before it, so undoing it is
// deciding that again (a reopen for a finding that had no decision).
#include "safesar/review_edits.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace safesar {

namespace {

using Findings = std::map<std::string, StoredFinding>;

Findings by_id(std::vector<StoredFinding> findings) {
    Findings out;
    for (StoredFinding& f : findings)
        out.emplace(f.id, std::move(f));
    return out;
}

// The decision that, taken now, puts back what is in force on `f`.
FindingDecision in_force(const StoredFinding& f) {
    switch (f.status) {
    case FindingStatus::Approved:
        return {f.id, Verdict::Approve, "", ""};
    case FindingStatus::Rejected:
        return {f.id, Verdict::Reject, "", ""};
    case FindingStatus::Changed:
        return {f.id, Verdict::ChangeSpan, f.span_text, f.decision_reason};
    default:
        return {f.id, Verdict::Reopen, "", ""};
    }
}

bool same(const FindingDecision& a, const FindingDecision& b) {
    return a.verdict == b.verdict && a.span_text == b.span_text && a.reason == b.reason;
}

// The full id a decision names: the id itself or, as the store accepts, a prefix of 6 or more.
std::string resolve(const Findings& findings, const std::string& name) {
    if (findings.count(name)) return name;
    if (name.size() < 6) return "";
    auto it = findings.lower_bound(name);
    if (it == findings.end() || it->first.compare(0, name.size(), name) != 0) return "";
    return it->first; // unique, or the store would have refused the decision
}

const char* verb(Verdict v) {
    switch (v) {
    case Verdict::Approve:
        return "approve";
    case Verdict::Reject:
        return "reject";
    case Verdict::ChangeSpan:
        return "change the span of";
    case Verdict::Reopen:
        return "reopen";
    }
    return "decide";
}

} // namespace

ReviewEdits::ReviewEdits(ReviewStore& store) : store_(store) {}

int ReviewEdits::decide(const std::vector<FindingDecision>& decisions) {
    // Full ids (as a GUI names them): read just those; a prefix typed by hand needs them all.
    FindingFilter named;
    for (const FindingDecision& d : decisions)
        named.ids.push_back(d.finding);
    const bool full_ids =
        std::all_of(decisions.begin(), decisions.end(),
                    [](const FindingDecision& d) { return d.finding.size() >= 16; });
    if (!full_ids) named.ids.clear();
    const Findings before = by_id(store_.findings(named));
    const int decided = store_.decide(decisions);
    const Findings after = by_id(store_.findings(named));
    Edit edit;
    std::set<std::string> seen;
    for (const FindingDecision& d : decisions) {
        const std::string id = resolve(before, d.finding);
        auto now = after.find(id);
        if (id.empty() || now == after.end() || !seen.insert(id).second) continue;
        const FindingDecision was = in_force(before.at(id));
        if (same(was, in_force(now->second))) continue; // decided as it already was
        edit.before.push_back(was);
        revisions_[id] = now->second.revision;
        edit.after.push_back(d);
        edit.after.back().finding = id;
    }
    if (!edit.before.empty()) remember(std::move(edit));
    return decided;
}

std::int64_t ReviewEdits::add_manual_text(const std::string& phrase, const std::string& record,
                                          const std::string& reason) {
    ManualRedaction m;
    m.kind = ManualRedaction::Kind::Text;
    m.phrase = phrase;
    m.record = record;
    m.reason = reason;
    return add_manual(std::move(m));
}

std::int64_t ReviewEdits::add_manual_box(const std::string& record, int page, const Box& box,
                                         const std::string& reason) {
    ManualRedaction m;
    m.kind = ManualRedaction::Kind::Box;
    m.record = record;
    m.page = page;
    m.box = box;
    m.reason = reason;
    return add_manual(std::move(m));
}

std::int64_t ReviewEdits::add_to_store(const ManualRedaction& m) {
    return m.kind == ManualRedaction::Kind::Text
               ? store_.add_manual_text(m.phrase, m.record, m.reason)
               : store_.add_manual_box(m.record, m.page, m.box, m.reason);
}

std::int64_t ReviewEdits::add_manual(ManualRedaction m) {
    m.id = add_to_store(m);
    Edit edit;
    edit.added = m;
    remember(std::move(edit));
    return m.id;
}

namespace {

ManualRedaction stored_manual(const ReviewStore& store, std::int64_t id) {
    for (const ManualRedaction& m : store.manual_redactions())
        if (m.id == id) return m;
    throw ReviewError("", "no manual redaction M" + std::to_string(id));
}

} // namespace

void ReviewEdits::withdraw_manual(std::int64_t id) {
    const ManualRedaction was = stored_manual(store_, id); // to add it again on undo
    store_.withdraw_manual(id);                            // refuses a withdrawn one
    Edit edit;
    edit.removed = was;
    remember(std::move(edit));
}

std::int64_t ReviewEdits::replace_manual(std::int64_t id, const ManualRedaction& with) {
    const ManualRedaction was = stored_manual(store_, id);
    ManualRedaction now = with;
    now.id = store_.replace_manual(id, with);
    Edit edit;
    edit.removed = was;
    edit.added = now;
    remember(std::move(edit));
    return now.id;
}

std::vector<std::string> ReviewEdits::undo_findings() const {
    std::vector<std::string> out;
    if (!undo_.empty())
        for (const FindingDecision& d : undo_.back().before)
            out.push_back(d.finding);
    return out;
}

std::vector<std::string> ReviewEdits::redo_findings() const {
    std::vector<std::string> out;
    if (!redo_.empty())
        for (const FindingDecision& d : redo_.back().after)
            out.push_back(d.finding);
    return out;
}

bool ReviewEdits::can_undo() const {
    return !undo_.empty();
}

bool ReviewEdits::can_redo() const {
    return !redo_.empty();
}

std::string ReviewEdits::undo_label() const {
    return undo_.empty() ? "" : label(undo_.back());
}

std::string ReviewEdits::redo_label() const {
    return redo_.empty() ? "" : label(redo_.back());
}

void ReviewEdits::undo() {
    if (undo_.empty()) throw ReviewError("", "nothing to undo");
    apply(undo_.back(), false); // throws before the history moves
    redo_.push_back(std::move(undo_.back()));
    undo_.pop_back();
}

void ReviewEdits::redo() {
    if (redo_.empty()) throw ReviewError("", "nothing to redo");
    apply(redo_.back(), true);
    undo_.push_back(std::move(redo_.back()));
    redo_.pop_back();
}

void ReviewEdits::clear() {
    undo_.clear();
    redo_.clear();
    revisions_.clear();
}

std::string ReviewEdits::label(const Edit& edit) {
    if (edit.removed && edit.added)
        return "change manual redaction M" + std::to_string(edit.added->id);
    if (edit.removed) return "withdraw manual redaction M" + std::to_string(edit.removed->id);
    if (edit.added) return "manual redaction M" + std::to_string(edit.added->id);
    const Verdict first = edit.after.front().verdict;
    bool alike = true;
    for (const FindingDecision& d : edit.after)
        alike = alike && d.verdict == first;
    const std::size_t n = edit.after.size();
    return std::string(alike ? verb(first) : "decide") + " " + std::to_string(n) +
           (n == 1 ? " finding" : " findings");
}

// Forward makes the edit again, backward undoes it. Nothing in the edit changes unless the
// store took the change.
void ReviewEdits::apply(Edit& edit, bool forward) {
    if (!edit.manual()) {
        take(forward ? edit.after : edit.before);
        return;
    }
    std::optional<ManualRedaction>& out = forward ? edit.removed : edit.added;
    std::optional<ManualRedaction>& in = forward ? edit.added : edit.removed;
    if (out && in) {
        in->id = store_.replace_manual(out->id, *in);
    } else if (out) {
        store_.withdraw_manual(out->id);
    } else {
        in->id = add_to_store(*in);
    }
}

void ReviewEdits::take(std::vector<FindingDecision> decisions) {
    FindingFilter named;
    for (FindingDecision& d : decisions) {
        auto it = revisions_.find(d.finding);
        d.seen = it == revisions_.end() ? std::nullopt : std::optional(it->second);
        named.ids.push_back(d.finding);
    }
    store_.decide(decisions);
    for (const StoredFinding& f : store_.findings(named))
        revisions_[f.id] = f.revision;
}

void ReviewEdits::remember(Edit edit) {
    undo_.push_back(std::move(edit));
    redo_.clear();
}

} // namespace safesar
