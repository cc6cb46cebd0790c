// Teams on a shared database (schema 6): which team a case is assigned to, and whether this
// login may work on it. The row-level policy `team_only` (schema_postgres.cpp) is what keeps a
// case from other teams; this only says so in words before a store is opened on it.
#pragma once

#include "review/db.hpp"

#include <string>
#include <vector>

namespace safesar::review {

// Refuses, naming the team and the command that would let the login in, a case this login may
// not see: one assigned to a team it is not a member of, or, once the database has teams, one
// assigned to none.
void require_case_team(Db& db, const std::string& reference, const std::string& login);
// The teams the connection's login is a member of, by name; empty when the database has none
// (or is older than schema 6).
std::vector<std::string> login_teams(Db& db);
// Whether the database keeps cases to teams (a team exists).
bool teams_in_use(Db& db);

} // namespace safesar::review
