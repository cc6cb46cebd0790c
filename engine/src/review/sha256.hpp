// SHA-256 as lower-case hex: the audit chain, row digests and finding identities.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace safesar::review {

std::string sha256_hex(std::string_view data);
// The digest of a file's bytes; throws ReviewError when it cannot be read.
std::string sha256_file(const std::filesystem::path& file);

} // namespace safesar::review
