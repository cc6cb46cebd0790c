// Where review state lives. By default each case keeps its own SQLite file
// (CASE/.safesar/review.db): nothing to set up, one desktop at a time. A team on several
// desktops points every SafeSAR at one PostgreSQL database instead, with the environment
// variable SAFESAR_DATABASE holding a libpq connection string; each case is then a set of rows
// in it keyed by the case's reference, and the reviewer is the database login
// (docs/review.md, "A shared database").
#pragma once

#include "safesar/identity.hpp"

#include <string>
#include <vector>

namespace safesar {

struct ReviewDatabase {
    std::string connection; // libpq connection string or URI; empty: the embedded SQLite store

    bool shared() const { return !connection.empty(); }
    // SAFESAR_DATABASE, when set and not empty.
    static ReviewDatabase from_environment();
};

// Who a review act would record: the operating-system account (embedded store), or the
// database login (shared database; throws ReviewError when it cannot connect or the login may
// not review).
Identity acting_identity(const ReviewDatabase& database = ReviewDatabase::from_environment());

// What `safesar db check` reports of a shared database.
struct DatabaseReport {
    std::string database;              // as errors name it, never with a password
    std::string login;                 // the role logged in: who a review act would record
    int schema = 0;                    // 0: never initialised
    int expected = 0;                  // the schema this SafeSAR needs
    bool approver = false;             // may sign off a perpetrator request
    std::vector<std::string> problems; // plain words; empty when a reviewer can work
    bool ok() const { return problems.empty(); }
};

// `safesar db init`: creates the tables, their row-level policies, the append-only guards and
// the roles safesar_reviewer, safesar_approver, safesar_admin, or brings an initialised
// database up to date. Needs a login that may create roles and tables (the database's owner or
// a superuser). `migrate` does the same but refuses a database never initialised. Both throw
// ReviewError (no shared database configured, cannot connect, newer schema). Return the
// report afterwards.
DatabaseReport init_database(const ReviewDatabase& database);
DatabaseReport migrate_database(const ReviewDatabase& database);
// `safesar db check`: the schema, the login and its roles, and what would stop a reviewer.
DatabaseReport check_database(const ReviewDatabase& database);

} // namespace safesar
