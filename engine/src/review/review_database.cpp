// SAFESAR_DATABASE, and `safesar db init|migrate|check` on the database it names.
#include "safesar/review_database.hpp"

#include "review/case_teams.hpp"
#include "review/postgres_connection.hpp"
#include "review/schema_postgres.hpp"
#include "review/shared_database.hpp"
#include "safesar/review.hpp"

#include <cstdlib>

namespace safesar {

ReviewDatabase ReviewDatabase::from_environment() {
    const char* value = std::getenv("SAFESAR_DATABASE");
    return ReviewDatabase{value ? value : ""};
}

review::Db review::connect_shared(const ReviewDatabase& database) {
    if (!database.shared())
        throw ReviewError("SAFESAR_DATABASE",
                          "not set: each case keeps its review state in its own SQLite file "
                          "(CASE/.safesar/review.db), made when it is first scanned; there is "
                          "no database to set up");
    return review::Db(review::open_postgres(database.connection, ""));
}

namespace {

DatabaseReport report(review::Db& db) {
    DatabaseReport out;
    out.database = db.name();
    out.expected = review::postgres_schema_target();
    out.schema = review::postgres_schema(db);
    out.problems = review::postgres_problems(db);
    review::Statement who(db, "SELECT current_user, coalesce((SELECT pg_has_role(current_user, "
                              "oid, 'MEMBER') FROM pg_roles WHERE rolname = 'safesar_approver'), "
                              "false)");
    if (who.step()) {
        out.login = who.text(0);
        out.approver = who.integer(1) != 0;
    }
    out.teams = review::login_teams(db);
    out.teams_in_use = review::teams_in_use(db);
    if (out.teams_in_use && out.teams.empty())
        out.problems.push_back("the login is in no team, so it can open no case: an "
                               "administrator runs `safesar db team grant TEAM " +
                               out.login + "`");
    return out;
}

} // namespace

DatabaseReport init_database(const ReviewDatabase& database) {
    review::Db db = review::connect_shared(database);
    review::postgres_init(db);
    return report(db);
}

DatabaseReport migrate_database(const ReviewDatabase& database) {
    review::Db db = review::connect_shared(database);
    review::postgres_migrate(db);
    return report(db);
}

DatabaseReport check_database(const ReviewDatabase& database) {
    review::Db db = review::connect_shared(database);
    return report(db);
}

} // namespace safesar
