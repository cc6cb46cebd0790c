// A connection to the shared database SAFESAR_DATABASE names, scoped to no case: what the
// `safesar db` commands work on.
#pragma once

#include "review/db.hpp"
#include "safesar/review_database.hpp"

namespace safesar::review {

// Throws ReviewError when no shared database is configured (the embedded store has nothing to
// set up) or it cannot be reached.
Db connect_shared(const ReviewDatabase& database);

} // namespace safesar::review
