// The embedded store: the SQLite file inside the case folder (CASE/.safesar/review.db).
#pragma once

#include "review/connection.hpp"

#include <filesystem>
#include <memory>

namespace safesar::review {

// `create`: make the file when missing (the caller has made it with the right mode first).
std::unique_ptr<Connection> open_sqlite(const std::filesystem::path& file, bool create);

} // namespace safesar::review
