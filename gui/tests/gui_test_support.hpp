// Shared by the GUI tests: a private copy of a fixture case, a bundle's text (tests/support).
#pragma once

#include "pdf_text.hpp"
#include "process.hpp"
#include "safesar/review.hpp"
#include "temp_dir.hpp"

#include <QString>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace safesar::gui::test {

namespace fs = std::filesystem;

inline const fs::path fixtures = SAFESAR_FIXTURES;

// A workspace of its own for one test, removed when the test ends.
struct Workspace {
    safesar::test::TempDir dir;
    fs::path root;
    explicit Workspace(const std::string& name) : dir("safesar-gui-" + name), root(dir.path()) {}
    fs::path add(const fs::path& fixture, const std::string& name) const {
        return dir.add(fixture, name);
    }
};

// A copy of the source tree's dictionaries inside the workspace, to add profiles to.
inline fs::path copy_of_dictionaries(const Workspace& ws) {
    const fs::path copy = ws.root / "dictionaries";
    fs::copy(fixtures.parent_path() / "dictionaries", copy, fs::copy_options::recursive);
    return copy;
}

// While it lives, the engine reads the dictionaries of `folder` (SAFESAR_DICTIONARIES), as an
// installed program reads a controller's own; the setting before is put back.
class DictionariesInUse {
  public:
    explicit DictionariesInUse(const fs::path& folder) {
        if (const char* v = std::getenv("SAFESAR_DICTIONARIES")) before_ = v;
        ::setenv("SAFESAR_DICTIONARIES", folder.c_str(), 1);
    }
    ~DictionariesInUse() {
        if (before_)
            ::setenv("SAFESAR_DICTIONARIES", before_->c_str(), 1);
        else
            ::unsetenv("SAFESAR_DICTIONARIES");
    }
    DictionariesInUse(const DictionariesInUse&) = delete;
    DictionariesInUse& operator=(const DictionariesInUse&) = delete;

  private:
    std::optional<std::string> before_;
};

using safesar::test::pdf_text;
using safesar::test::run_capture;

inline std::string file_text(const fs::path& file) {
    return safesar::test::read_file(file);
}

// The review state as the CLI would see it: a store opened afresh, not the GUI's.
inline StoredFinding stored(const fs::path& case_folder, const std::string& id) {
    const ReviewStore store = ReviewStore::open(load_case(case_folder).value);
    for (const StoredFinding& f : store.findings())
        if (f.id == id) return f;
    return {};
}

} // namespace safesar::gui::test
