// The shared store: one PostgreSQL database holding many cases, each a set of rows keyed by its
// reference (docs/review.md, "A shared database").
#pragma once

#include "review/connection.hpp"

#include <memory>
#include <string>

namespace safesar::review {

// Connects with a libpq connection string ("host=/run/postgresql dbname=safesar", or a
// postgresql:// URI). With a case reference every statement sees that case's rows only, and
// every row written belongs to it; without one (`safesar db`), none.
std::unique_ptr<Connection> open_postgres(const std::string& connection_string,
                                          const std::string& case_reference);

// `?` and `?N` (SQLite's positional parameters) as PostgreSQL's `$N`, outside quoted text.
std::string postgres_placeholders(std::string_view sql);

} // namespace safesar::review
