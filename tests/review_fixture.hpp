// Helpers of the review tests: a fixture case copied to a temporary folder, scanned into its
// review state; reviewers' identities.
#pragma once

#include <catch2/catch.hpp>

#include "safesar/identity.hpp"
#include "safesar/pipeline.hpp"
#include "safesar/review.hpp"
#include "safesar/review_database.hpp"

#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace safesar::testing {

// A fixture case copied to a fresh temporary folder, removed afterwards.
struct TempCase {
    std::filesystem::path root, folder;
    explicit TempCase(const std::string& fixture) {
        namespace fs = std::filesystem;
        std::string pattern = (fs::temp_directory_path() / "safesar-review-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        root = pattern;
        folder = root / "case";
        fs::copy(fs::path(SAFESAR_FIXTURES) / "cases" / fixture, folder,
                 fs::copy_options::recursive);
    }
    ~TempCase() {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    }
    TempCase(const TempCase&) = delete;
    TempCase& operator=(const TempCase&) = delete;
};

// The test-only seam: an identity the test names. It lives here, in the tests; the engine has
// no such provider and `safesar` and `safesar-gui` only ever pass os_account(), so nothing a
// user can type reaches it. The rules under test (two different accounts, who is recorded)
// depend only on the identities differing; that the binaries take the operating-system
// account is tested by running them as two real accounts (os_accounts.hpp).
class FixedIdentity final : public IdentityProvider {
  public:
    explicit FixedIdentity(Identity identity) : identity_(std::move(identity)) {}
    Identity current() const override { return identity_; }

  private:
    Identity identity_;
};

inline std::shared_ptr<const IdentityProvider> acting_as(const std::string& login,
                                                         const std::string& full_name = "") {
    return std::make_shared<const FixedIdentity>(Identity{login, full_name, "test"});
}

// Whether the tests run on the shared store: tests/postgres/run_on_postgres.sh runs them again
// with SAFESAR_DATABASE naming a database of a throwaway cluster.
inline bool on_shared_database() {
    return ReviewDatabase::from_environment().shared();
}

// Whoever runs the tests, as a store opened without naming anyone records them: the
// operating-system account, or on the shared store its login.
inline Identity tester() {
    return acting_identity();
}

// The case's store as a named reviewer. Embedded: the test-only identity above. Shared: the
// database login of that name, which the cluster script makes (with the full name as the role's
// comment), since there the reviewer is always the login.
inline ReviewStore open_as(const Case& request, const std::string& login,
                           const std::string& full_name = "") {
    const ReviewDatabase database = ReviewDatabase::from_environment();
    if (!database.shared()) return ReviewStore::open(request, acting_as(login, full_name));
    return ReviewStore::open(request, ReviewDatabase{database.connection + " user=" + login});
}

inline std::unique_ptr<CaseScan> scan_into_store(const std::filesystem::path& folder) {
    GatherOptions options;
    options.ocr = false; // the tests are about the review, not OCR
    auto scan = scan_case(folder, options);
    ReviewStore::open(scan->request.value).record_scan(*scan);
    return scan;
}

// Runs SQL on the state file directly, as someone with write access to it could.
inline int raw_sql(const std::filesystem::path& db_file, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(db_file.c_str(), &db) == SQLITE_OK);
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc;
}

inline std::map<std::string, StoredFinding> by_id(const std::vector<StoredFinding>& findings) {
    std::map<std::string, StoredFinding> out;
    for (const auto& f : findings)
        out.emplace(f.id, f);
    return out;
}

} // namespace safesar::testing
