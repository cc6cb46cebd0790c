// Appending to the audit chain, inside the caller's write transaction, so the change and its
// entry are committed together or not at all.
#pragma once

#include "review/db.hpp"
#include "safesar/identity.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace safesar::review {

// SHA-256 of an audited row's columns (schema.hpp's list), as the store writes them as a JSON
// array (dialect.hpp).
std::string row_digest(Db& db, std::string_view table, std::int64_t seq);

// Appends an entry naming `who` by login; when `table` is given, the detail also records that row
// and its digest. The first act of an account (or its first since its full name changed) is
// preceded by an `identity` entry recording the account's full name and source.
void append_audit(Db& db, const Identity& who, const std::string& action, nlohmann::json detail,
                  std::string_view table = {}, std::int64_t row = 0);
// The same without the identity entry, for a state older than schema 3 (no identities table),
// which `audit --verify` appends to without bringing it up to date.
void append_audit_login_only(Db& db, const std::string& login, const std::string& action,
                             nlohmann::json detail);

} // namespace safesar::review
