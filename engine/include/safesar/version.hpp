// Which build of SafeSAR is running, and which libraries it uses, so that a disclosure can be
// traced to the build that made it (the bundle's JSON and the audit trail carry version_line()).
#pragma once

#include <string>
#include <vector>

namespace safesar {

// The project's version, "0.1.0".
std::string version();
// The git revision the build was made from ("15a9267", "15a9267-dirty"), or "unknown" for a
// build outside a git checkout.
std::string git_revision();
// Both in one: "0.1.0 (git 15a9267)".
std::string version_line();

struct LibraryVersion {
    std::string name;    // "Poppler"
    std::string version; // "22.12.0"
    bool at_run_time;    // asked of the loaded library; else the version built against
};

// The libraries the engine links, in a fixed order.
std::vector<LibraryVersion> library_versions();

} // namespace safesar
