// safesar db init|migrate|check|team|assign: the shared review database SAFESAR_DATABASE names. The
// embedded store (the default) needs none of them: each case's file is made at its first scan.
#include "../commands.hpp"
#include "../json/json_output.hpp"

#include "safesar/review_database.hpp"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace safesar::cli {

namespace {

void print(const DatabaseReport& r) {
    std::cout << "database: " << r.database << "\n"
              << "login: " << r.login << (r.approver ? " (may sign off perpetrator requests)" : "")
              << "\n"
              << "schema: " << r.schema << " (this SafeSAR: " << r.expected << ")\n";
    if (r.teams_in_use) {
        std::cout << "teams:";
        for (const std::string& t : r.teams)
            std::cout << " " << t;
        std::cout << (r.teams.empty() ? " none" : "")
                  << " (this login sees the cases assigned to these only)\n";
    }
    for (const std::string& p : r.problems)
        std::cout << "problem: " << p << "\n";
    if (r.ok()) std::cout << "ready for review\n";
}

// `db team add|grant|revoke|list` and `db assign`: which team holds which case.
void add_team_commands(CLI::App& db) {
    auto* team = db.add_subcommand("team", "Teams: a reviewer sees only the cases assigned to a "
                                           "team of theirs (an administrator)");
    team->require_subcommand(1);
    auto name = std::make_shared<std::string>();
    auto login = std::make_shared<std::string>();
    auto* add = team->add_subcommand("add", "Add a team (its role safesar_team_NAME)");
    add->add_option("name", *name, "a-z, 0-9 and _, up to 40")->required();
    add->callback([name] {
        add_team(ReviewDatabase::from_environment(), *name);
        std::cout << "team " << *name << " added (role safesar_team_" << *name << ")\n";
    });
    auto* grant = team->add_subcommand("grant", "Make a reviewer's login a member of a team");
    grant->add_option("name", *name, "the team")->required();
    grant->add_option("login", *login, "the reviewer's database login")->required();
    grant->callback([name, login] {
        grant_team(ReviewDatabase::from_environment(), *name, *login);
        std::cout << *login << " is a member of team " << *name << "\n";
    });
    auto* revoke = team->add_subcommand("revoke", "Take a reviewer's login out of a team");
    revoke->add_option("name", *name, "the team")->required();
    revoke->add_option("login", *login, "the reviewer's database login")->required();
    revoke->callback([name, login] {
        revoke_team(ReviewDatabase::from_environment(), *name, *login);
        std::cout << *login << " is no longer a member of team " << *name << "\n";
    });
    team->add_subcommand("list", "Every team, its members and its cases")->callback([] {
        const std::vector<Team> teams = list_teams(ReviewDatabase::from_environment());
        if (teams.empty())
            std::cout << "no teams: every reviewer sees every case of this database\n";
        for (const Team& t : teams) {
            std::cout << t.name << "\n  members:";
            for (const std::string& m : t.members)
                std::cout << " " << m;
            std::cout << "\n  cases:";
            for (const std::string& c : t.cases)
                std::cout << " " << c;
            std::cout << "\n";
        }
    });
    auto reference = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto* assign = db.add_subcommand("assign", "Assign a case, by its reference, to a team (an "
                                               "administrator; before its first scan is best)");
    assign->add_option("reference", *reference, "the case's reference (request.json)")->required();
    assign->add_option("team", *to, "the team")->required();
    assign->callback([reference, to] {
        assign_case(ReviewDatabase::from_environment(), *reference, *to);
        std::cout << "case " << *reference << " is assigned to team " << *to << "\n";
    });
}

} // namespace

void add_db_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "db", "Set up or check the shared review database named by SAFESAR_DATABASE");
    cmd->require_subcommand(1);
    cmd->add_subcommand("init", "Create the tables, their policies and the reviewer roles "
                                "(an administrator, once), or bring them up to date")
        ->callback([] {
            const DatabaseReport r = init_database(ReviewDatabase::from_environment());
            print(r);
            std::cout << "initialised; grant safesar_reviewer or safesar_approver to each "
                         "reviewer's login\n";
        });
    cmd->add_subcommand("migrate", "Bring the tables of an initialised database up to date")
        ->callback([] {
            const DatabaseReport r = migrate_database(ReviewDatabase::from_environment());
            print(r);
        });
    auto json = std::make_shared<bool>(false);
    auto* check =
        cmd->add_subcommand("check", "Whether this login can review: schema, roles, "
                                     "teams, guards; exit 1 when something would stop it");
    check->add_flag("--json", *json, "print the report as JSON (docs/json/db-check.schema.json)");
    check->callback([json] {
        const ReviewDatabase database = ReviewDatabase::from_environment();
        if (!database.shared()) {
            if (*json)
                print_json(db_check_json(nullptr), std::cout);
            else
                std::cout << "embedded: SAFESAR_DATABASE is not set, so each case keeps its "
                             "review state in CASE/.safesar/review.db; nothing to set up\n";
            return;
        }
        const DatabaseReport r = check_database(database);
        if (*json)
            print_json(db_check_json(&r), std::cout);
        else
            print(r);
        if (!r.ok()) exit_status() = 1;
    });
    add_team_commands(*cmd);
}

} // namespace safesar::cli
