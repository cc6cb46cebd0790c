#include "review/database_login.hpp"

#include "safesar/review.hpp"
#include "safesar/review_database.hpp"

#include "review/postgres_connection.hpp"

namespace safesar::review {

Identity database_login(Db& db, bool& approver) {
    Statement s(db, R"sql(
        SELECT current_user, coalesce(shobj_description(r.oid, 'pg_authid'), ''),
               r.rolsuper OR r.rolbypassrls,
               coalesce((SELECT pg_has_role(current_user, a.oid, 'MEMBER') FROM pg_roles a
                         WHERE a.rolname = 'safesar_approver'), false),
               coalesce((SELECT pg_has_role(current_user, a.oid, 'MEMBER') FROM pg_roles a
                         WHERE a.rolname = 'safesar_reviewer'), false)
        FROM pg_roles r WHERE r.rolname = current_user)sql");
    if (!s.step()) db.fail("the login has no role");
    if (s.integer(2) != 0)
        db.fail("the login " + s.text(0) +
                " is a superuser or bypasses row-level security, so one case's rows could not "
                "be kept apart from another's: reviewers log in as roles of their own "
                "(docs/review.md)");
    if (s.integer(4) == 0)
        db.fail("the login " + s.text(0) +
                " is not granted safesar_reviewer: an administrator grants it (or "
                "safesar_approver) to each reviewer's login");
    approver = s.integer(3) != 0;
    return Identity{s.text(0), s.text(1), "database-role"};
}

} // namespace safesar::review

namespace safesar {

Identity acting_identity(const ReviewDatabase& database) {
    if (!database.shared()) return os_account()->current();
    review::Db db(review::open_postgres(database.connection, ""));
    bool approver = false;
    return review::database_login(db, approver);
}

} // namespace safesar
