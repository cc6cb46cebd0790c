#include "review/case_teams.hpp"

#include "review/dialect.hpp"

namespace safesar::review {

bool teams_in_use(Db& db) {
    return table_exists(db, "teams") && db.scalar("SELECT count(*) FROM teams") > 0;
}

std::vector<std::string> login_teams(Db& db) {
    std::vector<std::string> out;
    if (!table_exists(db, "teams")) return out;
    Statement s(db, "SELECT t.name FROM teams t JOIN pg_roles r ON r.rolname = t.role "
                    "WHERE pg_has_role(current_user, r.oid, 'MEMBER') ORDER BY t.name");
    while (s.step())
        out.push_back(s.text(0));
    return out;
}

void require_case_team(Db& db, const std::string& reference, const std::string& login) {
    Statement s(db, "SELECT safesar_case_open_to_me(), "
                    "coalesce((SELECT team FROM case_teams WHERE case_ref = ?), '')");
    s.bind(1, reference);
    if (!s.step() || s.integer(0) != 0) return;
    const std::string team = s.text(1);
    if (team.empty())
        db.fail("the case " + reference +
                " is assigned to no team, and this database keeps each case to its team: an "
                "administrator runs `safesar db assign " +
                reference + " TEAM`");
    db.fail("the case " + reference + " is assigned to the team " + team + ", and the login " +
            login + " is not a member of it: an administrator runs `safesar db team grant " + team +
            " " + login + "`");
}

} // namespace safesar::review
