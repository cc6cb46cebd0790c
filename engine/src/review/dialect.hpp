// Where the SQL of the two stores differs, in one place. Everything else the review code says
// is read alike by SQLite and PostgreSQL.
#pragma once

#include "review/db.hpp"

#include <string>
#include <string_view>

namespace safesar::review {

// An expression giving the columns of a row as one JSON array, the text an audited row's digest
// covers. Each store writes its own (SQLite's json_array, PostgreSQL's json_build_array); a
// state is only ever verified by the store that wrote it.
std::string row_json(const Db& db, std::string_view columns);
// The conflict target of an upsert on a table keyed by `key`: in PostgreSQL the case's
// reference comes first, since one database holds many cases.
std::string conflict_target(const Db& db, std::string_view key);
// An expression giving the database's clock as milliseconds since 1970: one clock for every
// desktop of a shared database, whatever theirs say.
std::string epoch_ms_now(const Db& db);
// Whether the table, or the trigger on it, exists (a state of an older schema lacks some).
bool table_exists(Db& db, const std::string& table);
bool trigger_exists(Db& db, const std::string& table, const std::string& trigger);
// After a scan has written many rows: PostgreSQL plans each prepared statement from its
// statistics, and until they are refreshed a large case's lookups by key can be planned as
// scans. SQLite keeps none: nothing to do.
void refresh_statistics(Db& db);

} // namespace safesar::review
