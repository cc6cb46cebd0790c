// Helpers of the review tests: a fixture case copied to a temporary folder, scanned into its
// review state.
#pragma once

#include <catch2/catch.hpp>

#include "safesar/pipeline.hpp"
#include "safesar/review.hpp"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace safesar::testing {

// A fixture case copied to a fresh temporary folder, removed afterwards.
struct TempCase {
    std::filesystem::path root, folder;
    explicit TempCase(const std::string& fixture) {
        namespace fs = std::filesystem;
        std::string pattern = (fs::temp_directory_path() / "safesar-review-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        root = pattern;
        folder = root / "case";
        fs::copy(fs::path(SAFESAR_FIXTURES) / "cases" / fixture, folder,
                 fs::copy_options::recursive);
    }
    ~TempCase() {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    }
    TempCase(const TempCase&) = delete;
    TempCase& operator=(const TempCase&) = delete;
};

inline std::unique_ptr<CaseScan> scan_into_store(const std::filesystem::path& folder) {
    GatherOptions options;
    options.ocr = false; // the tests are about the review, not OCR
    auto scan = scan_case(folder, options);
    ReviewStore::open(scan->request.value).record_scan(*scan, "test");
    return scan;
}

inline std::map<std::string, StoredFinding> by_id(const std::vector<StoredFinding>& findings) {
    std::map<std::string, StoredFinding> out;
    for (const auto& f : findings)
        out.emplace(f.id, f);
    return out;
}

} // namespace safesar::testing
