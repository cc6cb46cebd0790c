// Each subcommand of `safesar` lives in cli/commands/<name>_command.cpp and adds itself to the
// app here. A command parses its options, calls the engine, prints, and returns an exit status.
#pragma once

#include "safesar/identity.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace safesar::cli {

// Set by a command's callback; main() returns it.
int& exit_status();

// Who acts is the account running safesar (with a shared database: its login), never a name
// given on the command line. The optional `--reviewer LOGIN` is a check: the command refuses to
// run unless LOGIN is that account's login (a script meant for one reviewer, run by another,
// stops).
void add_reviewer_check(CLI::App* command, std::string& asserted);
// The acting account; throws when `asserted` is given and is not its login.
Identity acting_reviewer(const std::string& asserted);

void add_gather_command(CLI::App& app);
void add_detect_command(CLI::App& app);
void add_scan_command(CLI::App& app);
void add_run_command(CLI::App& app);
void add_deadline_command(CLI::App& app);
void add_review_command(CLI::App& app);
void add_signoff_command(CLI::App& app);
void add_status_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_audit_command(CLI::App& app);
void add_list_command(CLI::App& app);
void add_profiles_command(CLI::App& app);
void add_batch_command(CLI::App& app);
void add_db_command(CLI::App& app);

} // namespace safesar::cli
