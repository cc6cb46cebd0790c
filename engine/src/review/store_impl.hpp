// What a ReviewStore holds, shared by the files that implement its parts (one job each:
// opening and queries, recording a scan, decisions, status, the reviewed disclosure).
#pragma once

#include "review/db.hpp"
#include "safesar/data_dir.hpp"
#include "safesar/profiles.hpp"
#include "safesar/review.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace safesar {

struct ReviewStore::Impl {
    Impl(std::unique_ptr<review::Connection> connection, const std::filesystem::path& file,
         const Case& request, const ProfileInfo& profile_info,
         std::shared_ptr<const IdentityProvider> who)
        : db(std::move(connection), file), reference(request.reference), profile(request.profile),
          rules(profile_info.review), perpetrator(profile_info.requester_may_be_perpetrator),
          acting(std::move(who)) {}

    review::Db db;
    std::string reference;
    std::string profile;
    ReviewRules rules;        // what the profile asks of the review (its file's "review")
    bool perpetrator = false; // the requester may be the perpetrator (the profile says)
    std::shared_ptr<const IdentityProvider> acting;
    // Shared database only: whether the login holds safesar_approver, which a sign-off of a
    // perpetrator request needs. The embedded store has no roles: any account may sign.
    std::optional<bool> approver;
    std::string present_since; // when mark_present() first recorded this store's reviewer

    // Who acts now, from the provider: every act records it.
    Identity who() const { return acting->current(); }

    // These read inside the caller's transaction, so one snapshot serves a whole answer.
    std::vector<StoredFinding> findings(const FindingFilter& filter);
    std::vector<StoredRisk> risks();
    std::vector<ManualRedaction> manual();
    std::vector<SignOff> signoffs(std::int64_t version);
    std::vector<PageToRead> pages_to_read();
    std::vector<RecordReview> record_reviews();
    std::map<std::string, Identity> reviewers();
    ReviewStatus status();
    std::int64_t version();
    std::int64_t bump_version(); // inside a write transaction
};

namespace review {
// Joins each finding `f` to its latest decision `d` (none when never decided): the decision in
// force, or a reopen that withdrew it.
inline constexpr const char* kLatestDecisionJoin =
    " LEFT JOIN decisions d ON d.seq = (SELECT max(seq) FROM decisions WHERE finding = f.id) ";
// Sets what the bundle does with each record of the latest scan (records.withheld, and
// findings.withheld_record of its findings): the reviewer's decision in force, else the
// policy's proposal. Inside the caller's write transaction; returns how many records changed.
int apply_record_decisions(Db& db);
// A finding's status from its stored row and its latest decision (reads f.proposal only).
FindingStatus status_of(const StoredFinding& f, bool gone, bool first_seen_now,
                        const std::string& verdict, const std::string& decided_on, bool& reopened);
} // namespace review

} // namespace safesar
