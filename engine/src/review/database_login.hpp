// Who acts on a shared database: the role logged in.
#pragma once

#include "review/db.hpp"
#include "safesar/identity.hpp"

namespace safesar::review {

// The login (current_user), its description (COMMENT ON ROLE: the reviewer's full name), and
// whether it may sign off a perpetrator request (it holds safesar_approver). Refuses a login
// that bypasses row-level security (it would see every case's rows as this one's) and one not
// granted safesar_reviewer.
Identity database_login(Db& db, bool& approver);

} // namespace safesar::review
