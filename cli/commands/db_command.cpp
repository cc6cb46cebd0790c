// safesar db init|migrate|check: the shared review database SAFESAR_DATABASE names. The
// embedded store (the default) needs none of them: each case's file is made at its first scan.
#include "../commands.hpp"

#include "safesar/review_database.hpp"

#include <iostream>
#include <memory>

namespace safesar::cli {

namespace {

void print(const DatabaseReport& r) {
    std::cout << "database: " << r.database << "\n"
              << "login: " << r.login << (r.approver ? " (may sign off perpetrator requests)" : "")
              << "\n"
              << "schema: " << r.schema << " (this SafeSAR: " << r.expected << ")\n";
    for (const std::string& p : r.problems)
        std::cout << "problem: " << p << "\n";
    if (r.ok()) std::cout << "ready for review\n";
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
    cmd->add_subcommand("check", "Whether this login can review: schema, roles, guards; exit 1 "
                                 "when something would stop it")
        ->callback([] {
            const ReviewDatabase database = ReviewDatabase::from_environment();
            if (!database.shared()) {
                std::cout << "embedded: SAFESAR_DATABASE is not set, so each case keeps its "
                             "review state in CASE/.safesar/review.db; nothing to set up\n";
                return;
            }
            const DatabaseReport r = check_database(database);
            print(r);
            if (!r.ok()) exit_status() = 1;
        });
}

} // namespace safesar::cli
