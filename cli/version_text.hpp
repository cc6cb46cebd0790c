// The text of `safesar --version`.
#pragma once

#include <string>

namespace safesar::cli {

std::string version_text();

} // namespace safesar::cli
