// Shared by the GUI tests: a private copy of a fixture case, and reading a bundle's text.
#pragma once

#include "safesar/review.hpp"

#include <QString>

#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace safesar::gui::test {

namespace fs = std::filesystem;

inline const fs::path fixtures = SAFESAR_FIXTURES;

// A workspace of its own for one test, removed when the test ends.
struct Workspace {
    fs::path root;
    explicit Workspace(const std::string& name)
        : root(fs::temp_directory_path() /
               ("safesar-gui-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~Workspace() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    fs::path add(const fs::path& fixture, const std::string& name) const {
        fs::copy(fixture, root / name, fs::copy_options::recursive);
        return root / name;
    }
};

inline std::string run_capture(const std::string& command) {
    std::string out;
    if (FILE* p = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, p)) > 0)
            out.append(buffer, n);
        ::pclose(p);
    }
    return out;
}

inline std::string pdf_text(const fs::path& pdf) {
    return run_capture("pdftotext '" + pdf.string() + "' - 2>/dev/null");
}

inline std::string file_text(const fs::path& file) {
    return run_capture("cat '" + file.string() + "'");
}

// The review state as the CLI would see it: a store opened afresh, not the GUI's.
inline StoredFinding stored(const fs::path& case_folder, const std::string& id) {
    const ReviewStore store = ReviewStore::open(load_case(case_folder).value);
    for (const StoredFinding& f : store.findings())
        if (f.id == id) return f;
    return {};
}

} // namespace safesar::gui::test
