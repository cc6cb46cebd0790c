#include "safesar/data_dir.hpp"

#include <cstdlib>
#include <system_error>

namespace safesar {

namespace {
std::filesystem::path installed_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return exe.parent_path().parent_path() / "share" / "safesar" / "dictionaries";
}
} // namespace

std::filesystem::path dictionaries_dir() {
    if (const char* env = std::getenv("SAFESAR_DICTIONARIES"); env && *env) return env;
    std::error_code ec;
    if (auto dir = installed_dir(); !dir.empty() && std::filesystem::is_directory(dir, ec))
        return dir;
    // A build-tree binary reads the dictionaries it was built with; a program linking the
    // installed engine (safesar-dev) those of the installed package.
    if (std::filesystem::is_directory(SAFESAR_SOURCE_DICTIONARIES, ec))
        return SAFESAR_SOURCE_DICTIONARIES;
    return SAFESAR_INSTALLED_DICTIONARIES;
}

} // namespace safesar
