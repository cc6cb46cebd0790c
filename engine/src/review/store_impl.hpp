// What a ReviewStore holds, shared by the files that implement its parts (one job each:
// opening and queries, recording a scan, decisions, status, the reviewed disclosure).
#pragma once

#include "review/sqlite_db.hpp"
#include "safesar/review.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace safesar {

struct ReviewStore::Impl {
    Impl(const std::filesystem::path& file, const Case& request)
        : db(file, review::Db::Mode::Create), reference(request.reference),
          profile(request.profile) {}

    review::Db db;
    std::string reference;
    Profile profile;

    // These read inside the caller's transaction, so one snapshot serves a whole answer.
    std::vector<StoredFinding> findings(const FindingFilter& filter);
    std::vector<StoredRisk> risks();
    std::vector<ManualRedaction> manual();
    std::vector<SignOff> signoffs(std::int64_t version);
    ReviewStatus status();
    std::int64_t version();
    std::int64_t bump_version(); // inside a write transaction
};

namespace review {
// Joins each finding `f` to its latest decision `d` (none when never decided): the decision in
// force, or a reopen that withdrew it.
inline constexpr const char* kLatestDecisionJoin =
    " LEFT JOIN decisions d ON d.seq = (SELECT max(seq) FROM decisions WHERE finding = f.id) ";
// Throws ReviewError when nobody is named: every decision must say who took it.
void require_reviewer(const Signature& who);
// A finding's status from its stored row and its latest decision (reads f.proposal only).
FindingStatus status_of(const StoredFinding& f, bool gone, bool first_seen_now,
                        const std::string& verdict, const std::string& decided_on, bool& reopened);
} // namespace review

} // namespace safesar
