// Who is acting: the identity a review state records for every decision, sign-off and audit
// entry. It is never a name someone types. With the embedded (SQLite) store it is the
// operating-system account running the program; a shared database would make it the database
// role instead, behind the same interface (docs/review.md, "Who is acting").
#pragma once

#include <memory>
#include <string>

namespace safesar {

struct Identity {
    std::string login;     // the account: unique, what the state stores and compares
    std::string full_name; // as the account describes itself (GECOS); may be empty
    std::string source;    // where it comes from: "os-account"

    // "Priya Shah (priya)", or the login alone when there is no other name.
    std::string display() const;
};

class IdentityProvider {
  public:
    virtual ~IdentityProvider() = default;
    // Asked at every act, so it must be cheap. Throws ReviewError when nobody can be named.
    virtual Identity current() const = 0;
};

// The operating-system account of this process: the login of getpwuid(geteuid()) and the
// full name from its GECOS field (the part before the first comma). The only provider the
// command line and the GUI use: neither takes a name from an argument or the environment.
std::shared_ptr<const IdentityProvider> os_account();

} // namespace safesar
