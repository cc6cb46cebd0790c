// The tables of CASE/.safesar/review.db and what they hold; docs/review.md draws the model.
#pragma once

#include "review/db.hpp"

#include <string_view>
#include <vector>

namespace safesar::review {

// The schema both stores are at: the embedded file's (schema.cpp, whose comment lists what each
// version added) and the shared database's (schema_postgres.cpp), one schema in two dialects.
inline constexpr int schema_version = 7;

// WAL (a reader never blocks the writer, and a killed writer leaves the last commit intact),
// foreign keys on. Called on every connection.
void configure(Db& db);
// Creates the tables and triggers when missing, brings an older schema up to date; refuses a
// database of a newer schema.
void create_schema(Db& db);

// An append-only table: rows are never changed, every row has one audit entry holding the
// digest of its columns, and `safesar audit --verify` checks each row against it.
struct AuditedTable {
    std::string_view name;
    std::string_view columns; // in the order the digest covers them
};
const std::vector<AuditedTable>& audited_tables();
const AuditedTable& audited_table(std::string_view name);

} // namespace safesar::review
