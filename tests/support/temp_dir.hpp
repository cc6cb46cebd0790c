// A scratch folder of one test, removed when the test ends (kept when SAFESAR_TEST_KEEP is set,
// to look at after a failure), and reading a file whole.
#pragma once

#include <filesystem>
#include <string>

namespace safesar::test {

class TempDir {
  public:
    explicit TempDir(const std::string& prefix = "safesar-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // A copy of a folder (a fixture case) inside this one.
    std::filesystem::path add(const std::filesystem::path& folder, const std::string& name) const;

  private:
    std::filesystem::path path_;
};

// Throws std::runtime_error when the file cannot be read.
std::string read_file(const std::filesystem::path& file);

} // namespace safesar::test
