// The review tables in a shared PostgreSQL database: the same tables and columns as the
// embedded store's (schema.cpp), each row keyed by its case's reference, with row-level
// policies that show a connection its own case only, and the reviewer roles.
#pragma once

#include "review/db.hpp"

#include <string>
#include <vector>

namespace safesar::review {

// The schema this SafeSAR writes; the same number as the embedded store's.
int postgres_schema_target();
// The schema a database holds; 0 when `safesar db init` has not been run on it.
int postgres_schema(Db& db);
// Creates the tables, policies, guards and roles when missing (`safesar db init`), or brings
// them up to date (`safesar db migrate`, refused on a database never initialised). Returns the
// schema before.
int postgres_init(Db& db);
int postgres_migrate(Db& db);
// What is wrong with the database for a reviewer, in plain words: empty when nothing is.
std::vector<std::string> postgres_problems(Db& db);
// Refuses a database not initialised or of another schema, naming the command that fixes it.
void require_postgres_schema(Db& db);

} // namespace safesar::review
