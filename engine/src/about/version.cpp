#include "safesar/version.hpp"

#include "safesar_revision.hpp" // generated at every build by cmake/GitRevision.cmake

namespace safesar {

std::string version() {
    return SAFESAR_VERSION;
}

std::string git_revision() {
    return SAFESAR_GIT_REVISION;
}

std::string version_line() {
    return version() + " (git " + git_revision() + ")";
}

} // namespace safesar
