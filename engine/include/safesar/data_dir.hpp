// Where the data files (dictionaries/) are: $SAFESAR_DICTIONARIES, else next to the installed
// binary (../share/safesar/dictionaries), else the source tree the binary was built from.
#pragma once

#include <filesystem>

namespace safesar {
std::filesystem::path dictionaries_dir();
}
