// What `safesar --version` prints: the first line as help2man reads it (name, version), then
// the libraries in use, so a bug report or an audit names the exact build.
#include "version_text.hpp"

#include "safesar/version.hpp"

namespace safesar::cli {

std::string version_text() {
    std::string text = "safesar " + version_line() + "\nlibraries:\n";
    for (const LibraryVersion& library : library_versions())
        text += "  " + library.name + " " + library.version +
                (library.at_run_time ? "" : " (built against)") + "\n";
    text.pop_back(); // CLI11 ends the text with its own newline
    return text;
}

} // namespace safesar::cli
