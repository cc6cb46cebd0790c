// Real operating-system accounts for the tests in which two people act. SafeSAR records the
// account that runs it, never a typed name, so a second reviewer is a second account: these
// tests run the real `safesar` binary as that account (runuser), on a case folder its group may
// work in. The account and its group are made with groupadd and useradd when missing (root
// only; CI runs as root) and kept for later runs: no password, no home, no login shell.
#pragma once

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <grp.h>
#include <pwd.h>
#include <string>
#include <thread>
#include <unistd.h>

namespace safesar::testing {

struct TestAccount {
    const char* login;
    const char* full_name; // its GECOS field: what SafeSAR shows beside the login
};

inline constexpr const char* kTestGroup = "safesar-test";
inline constexpr TestAccount kSecondReviewer{"safesar-test-b", "Tom Okafor"};

// The account exists afterwards, or the test fails saying why. Tests run in parallel: another
// may be adding it at the same moment (useradd then refuses the locked files), so this waits.
inline void ensure_test_account(const TestAccount& account) {
    if (::getpwnam(account.login) && ::getgrnam(kTestGroup)) return;
    INFO("making the test account " << account.login << " needs root (useradd)");
    REQUIRE(::geteuid() == 0);
    const std::string make_group = std::string("groupadd -f ") + kTestGroup + " 2>/dev/null";
    const std::string make_user = std::string("useradd --no-create-home --shell /usr/sbin/nologin"
                                              " --gid ") +
                                  kTestGroup + " --comment '" + account.full_name + "' " +
                                  account.login + " 2>/dev/null";
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (!::getgrnam(kTestGroup)) (void)std::system(make_group.c_str());
        if (::getgrnam(kTestGroup) && !::getpwnam(account.login))
            (void)std::system(make_user.c_str());
        if (::getpwnam(account.login) && ::getgrnam(kTestGroup)) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL("could not make the test account " << account.login);
}

// Gives the test group full access to `folder` and everything under it (new folders inherit
// the group), as a team's shared case folder has.
inline void share_with_test_group(const std::filesystem::path& folder) {
    const std::string f = "'" + folder.string() + "'";
    REQUIRE(std::system(("chgrp -R " + std::string(kTestGroup) + " " + f + " && chmod -R g+rwX " +
                         f + " && find " + f + " -type d -exec chmod g+s {} +")
                            .c_str()) == 0);
}

// A shell command line that runs `program_and_arguments` as `account`.
inline std::string as_account(const TestAccount& account,
                              const std::string& program_and_arguments) {
    return std::string("runuser -u ") + account.login + " -- " + program_and_arguments;
}

} // namespace safesar::testing
