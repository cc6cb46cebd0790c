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
    std::vector<std::string> teams;    // the teams the login is a member of
    bool teams_in_use = false;         // cases are kept to their teams (a team exists)
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

// Teams (schema 6). A team is a PostgreSQL role, safesar_team_<name>, granted to the logins of
// its reviewers; each case is assigned to one team by its reference. Once a database has a team,
// a login sees and writes only the cases assigned to its teams (a row-level policy on every
// case-keyed table), and a case assigned to no team is open to nobody: assign a case before its
// first scan. A database without teams shows every case to every reviewer, as before. The
// embedded store has no teams: its case folder's permissions say who may work on it.
// Each needs an administrator (a login granted safesar_admin; adding a team also needs
// CREATEROLE) and throws ReviewError saying so, or naming what is missing, when refused.
struct Team {
    std::string name;
    std::vector<std::string> members; // logins granted its role
    std::vector<std::string> cases;   // references assigned to it
};
// A team name is 1 to 40 of a-z, 0-9 and _. Adding one that exists changes nothing.
void add_team(const ReviewDatabase& database, const std::string& name);
void grant_team(const ReviewDatabase& database, const std::string& team, const std::string& login);
void revoke_team(const ReviewDatabase& database, const std::string& team, const std::string& login);
// Assigns the case (by its reference, scanned or not yet) to the team, from any team before.
void assign_case(const ReviewDatabase& database, const std::string& reference,
                 const std::string& team);
std::vector<Team> list_teams(const ReviewDatabase& database);

} // namespace safesar
