// Appending to the audit chain, inside the caller's write transaction, so the change and its
// entry are committed together or not at all.
#pragma once

#include "review/sqlite_db.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace safesar::review {

// SHA-256 of an audited row's columns (schema.hpp's list), as SQLite's json_array writes them.
std::string row_digest(Db& db, std::string_view table, std::int64_t seq);

// Appends an entry; when `table` is given, the detail also records that row and its digest.
void append_audit(Db& db, const std::string& who, const std::string& action, nlohmann::json detail,
                  std::string_view table = {}, std::int64_t row = 0);

} // namespace safesar::review
