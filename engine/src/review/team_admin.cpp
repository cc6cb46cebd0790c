// `safesar db team add|grant|revoke|list` and `safesar db assign`: an administrator's changes to
// which team holds which case (review_database.hpp). The policy that enforces them is
// schema_postgres.cpp's.
#include "review/schema_postgres.hpp"
#include "review/shared_database.hpp"
#include "safesar/review.hpp"
#include "safesar/review_database.hpp"

#include <algorithm>

namespace safesar {

namespace {

bool valid_team_name(const std::string& name) {
    return !name.empty() && name.size() <= 40 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::string team_role(const std::string& name) {
    return "safesar_team_" + name;
}

// Runs an administrator's change in one transaction; a refusal for want of privileges says who
// may make it.
enum class Needs { Admin, AdminWithCreaterole };

template <typename Change>
void as_administrator(const ReviewDatabase& database, const std::string& what, Needs needs,
                      Change change) {
    review::Db db = review::connect_shared(database);
    review::require_postgres_schema(db);
    try {
        review::WriteTransaction tx(db);
        change(db);
        tx.commit();
    } catch (const ReviewError& e) {
        const std::string text = e.what();
        if (text.find("permission denied") != std::string::npos ||
            text.find("must have admin option") != std::string::npos ||
            text.find("must have CREATEROLE") != std::string::npos)
            throw ReviewError(db.name(),
                              "only an administrator " + what + " (a login granted safesar_admin" +
                                  (needs == Needs::AdminWithCreaterole ? ", with CREATEROLE" : "") +
                                  "): " + text);
        throw;
    }
}

// The team's role, refusing a team never added.
std::string role_of(review::Db& db, const std::string& team) {
    review::Statement s(db, "SELECT role FROM teams WHERE name = ?");
    s.bind(1, team);
    if (!s.step())
        db.fail("no team " + team + ": an administrator runs `safesar db team add " + team + "`");
    return s.text(0);
}

// The login's name quoted for SQL, refusing one the server does not know.
std::string quoted_login(review::Db& db, const std::string& login) {
    review::Statement s(db, "SELECT quote_ident(rolname) FROM pg_roles WHERE rolname = ?");
    s.bind(1, login);
    if (!s.step()) db.fail("no login " + login + " in this database's server");
    return s.text(0);
}

} // namespace

void add_team(const ReviewDatabase& database, const std::string& name) {
    if (!valid_team_name(name))
        throw ReviewError("team " + name, "a team name is 1 to 40 of a-z, 0-9 and _");
    as_administrator(database, "adds teams", Needs::AdminWithCreaterole, [&](review::Db& db) {
        const std::string role = team_role(name);
        review::Statement exists(db, "SELECT count(*) FROM pg_roles WHERE rolname = ?");
        exists.bind(1, role);
        if (!exists.step() || exists.integer(0) == 0) db.exec("CREATE ROLE " + role + " NOLOGIN");
        review::Statement insert(db, "INSERT INTO teams(name, role) VALUES (?, ?) "
                                     "ON CONFLICT (name) DO NOTHING");
        insert.bind(1, name).bind(2, role).run();
    });
}

void grant_team(const ReviewDatabase& database, const std::string& team, const std::string& login) {
    as_administrator(database, "grants teams", Needs::Admin, [&](review::Db& db) {
        db.exec("GRANT " + role_of(db, team) + " TO " + quoted_login(db, login));
    });
}

void revoke_team(const ReviewDatabase& database, const std::string& team,
                 const std::string& login) {
    as_administrator(database, "revokes teams", Needs::Admin, [&](review::Db& db) {
        db.exec("REVOKE " + role_of(db, team) + " FROM " + quoted_login(db, login));
    });
}

void assign_case(const ReviewDatabase& database, const std::string& reference,
                 const std::string& team) {
    if (reference.empty()) throw ReviewError("db assign", "no case reference given");
    as_administrator(database, "assigns cases", Needs::Admin, [&](review::Db& db) {
        role_of(db, team);
        review::Statement s(db, "INSERT INTO case_teams(case_ref, team) VALUES (?, ?) "
                                "ON CONFLICT (case_ref) DO UPDATE SET team = excluded.team, "
                                "assigned_by = current_user, assigned_at = now()");
        s.bind(1, reference).bind(2, team).run();
    });
}

std::vector<Team> list_teams(const ReviewDatabase& database) {
    review::Db db = review::connect_shared(database);
    review::require_postgres_schema(db);
    review::ReadTransaction snapshot(db);
    std::vector<Team> out;
    review::Statement teams(db, "SELECT name, role FROM teams ORDER BY name");
    review::Statement members(db, "SELECT m.rolname FROM pg_auth_members a "
                                  "JOIN pg_roles r ON r.oid = a.roleid "
                                  "JOIN pg_roles m ON m.oid = a.member "
                                  "WHERE r.rolname = ? ORDER BY m.rolname");
    review::Statement cases(db, "SELECT case_ref FROM case_teams WHERE team = ? ORDER BY case_ref");
    while (teams.step()) {
        Team t{teams.text(0), {}, {}};
        members.bind(1, teams.text(1));
        while (members.step())
            t.members.push_back(members.text(0));
        members.reset();
        cases.bind(1, t.name);
        while (cases.step())
            t.cases.push_back(cases.text(0));
        cases.reset();
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace safesar
