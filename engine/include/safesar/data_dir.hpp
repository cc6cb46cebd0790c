// Where the data files (dictionaries/) are: $SAFESAR_DICTIONARIES, else next to the installed
// binary (../share/safesar/dictionaries), else the source tree the binary was built from, else
// the install prefix's (a program of its own linking the engine of safesar-dev).
#pragma once

#include <filesystem>

namespace safesar {
std::filesystem::path dictionaries_dir();
}
