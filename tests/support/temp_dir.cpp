#include "temp_dir.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace safesar::test {

namespace fs = std::filesystem;

TempDir::TempDir(const std::string& prefix) {
    std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!::mkdtemp(buffer.data())) throw std::runtime_error("cannot create " + pattern);
    path_ = buffer.data();
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!std::getenv("SAFESAR_TEST_KEEP")) fs::remove_all(path_, ec);
}

fs::path TempDir::add(const fs::path& folder, const std::string& name) const {
    fs::copy(folder, path_ / name, fs::copy_options::recursive);
    return path_ / name;
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace safesar::test
