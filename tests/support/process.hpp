// Running a program from a test: its standard output and exit status.
#pragma once

#include <filesystem>
#include <string>

namespace safesar::test {

struct CommandResult {
    int status = -1; // the exit status; -1 when it did not exit normally
    std::string out; // standard output (add 2>&1 to the command for standard error too)
};

// Runs `command` through /bin/sh.
CommandResult run_command(const std::string& command);
// The same, for callers that want the output first.
std::string run_capture(const std::string& command, int* status = nullptr);

// A path quoted for the shell.
std::string quoted(const std::filesystem::path& path);

// Throws std::runtime_error naming the tool (and its Debian package) when it is not on PATH:
// a missing test dependency fails the test, it is not a warning.
void require_tool(const std::string& tool, const std::string& package);

} // namespace safesar::test
