// `safesar list`: every case of a workspace with its stage and deadline. One broken case is
// listed with its error; it never stops the list.
#include "safesar/data_dir.hpp"
#include "safesar/deadline.hpp"
#include "safesar/review.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace safesar {

namespace {

CaseStage stage_of(const ReviewStatus& s) {
    if (s.scans == 0) return CaseStage::New;
    if (s.exported_final) return CaseStage::Exported;
    std::set<std::string> current;
    for (const SignOff& o : s.signoffs)
        if (o.current) current.insert(o.reviewer);
    if (s.ready_for_final() && !current.empty()) return CaseStage::SignedOff;
    if (s.decisions > 0 || !s.signoffs.empty()) return CaseStage::InReview;
    return CaseStage::Scanned;
}

} // namespace

CaseSummary summarize_case(const std::filesystem::path& folder, const Date& today) {
    CaseSummary out;
    out.folder = folder;
    try {
        const LoadedCase loaded = load_case(folder);
        const Case& c = loaded.value;
        out.reference = c.reference;
        out.requester = c.subject.name;
        out.profile = c.profile;
        const HolidayCalendar calendar = HolidayCalendar::load(dictionaries_dir(), c.holidays);
        const Deadline deadline = compute_deadline(c, calendar);
        out.due = deadline.due;
        out.working_days_left = working_days_between(today, deadline.due, calendar);
        out.overdue = today > deadline.due;
        if (auto store = ReviewStore::open_existing(c)) {
            const ReviewStatus status = store->status();
            out.stage = stage_of(status);
            out.to_review = status.undecided;
            for (const Presence& p : store->present())
                if (!p.stale) out.present.push_back(p.display());
        }
    } catch (const std::exception& e) {
        out.error = e.what();
    }
    return out;
}

std::vector<CaseSummary> summarize_workspace(const std::filesystem::path& workspace,
                                             const Date& today) {
    std::error_code ec;
    std::filesystem::directory_iterator it(workspace, ec);
    if (ec) throw ReviewError(workspace.string(), "cannot be listed: " + ec.message());
    std::vector<CaseSummary> out;
    for (const auto& entry : it) {
        std::error_code entry_ec;
        if (!entry.is_directory(entry_ec) ||
            !std::filesystem::exists(entry.path() / "request.json", entry_ec))
            continue;
        out.push_back(summarize_case(entry.path(), today));
    }
    // Most urgent first: a case nobody can read, then the fewest working days left; cases
    // already answered last.
    auto rank = [](const CaseSummary& c) {
        const int group = !c.error.empty() ? 0 : c.stage == CaseStage::Exported ? 2 : 1;
        return std::make_tuple(group, c.error.empty() ? c.working_days_left : 0,
                               c.folder.filename().string());
    };
    std::sort(out.begin(), out.end(),
              [&](const CaseSummary& a, const CaseSummary& b) { return rank(a) < rank(b); });
    return out;
}

} // namespace safesar
