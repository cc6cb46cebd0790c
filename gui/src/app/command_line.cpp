#include "app/command_line.hpp"

#include "safesar/version.hpp"

#include <QtGlobal>
#include <poppler-version.h>

#include <iostream>
#include <string_view>

namespace safesar::gui {

namespace {

void print_help() {
    std::cout << "safesar-gui: the SafeSAR reviewer desktop\n"
                 "Usage: safesar-gui [WORKSPACE | CASE]\n\n"
                 "Opens CASE (a folder holding request.json) or WORKSPACE (a folder of case\n"
                 "folders); with neither, the workspace opened last.\n\n"
                 "Options:\n"
                 "  -h, --help  Print this help and exit\n"
                 "  --version   Print the version, the git revision and the libraries in use\n";
}

void print_version() {
    std::cout << "safesar-gui " << version_line() << "\nlibraries:\n";
    std::cout << "  Qt " << qVersion() << "\n";
    std::cout << "  Poppler-Qt6 " << Poppler::Version::string().toStdString() << "\n";
    for (const LibraryVersion& library : library_versions())
        std::cout << "  " << library.name << " " << library.version
                  << (library.at_run_time ? "" : " (built against)") << "\n";
}

} // namespace

std::optional<int> answer_without_window(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            print_help();
            return 0;
        }
        if (arg == "--version") {
            print_version();
            return 0;
        }
    }
    return std::nullopt;
}

} // namespace safesar::gui
