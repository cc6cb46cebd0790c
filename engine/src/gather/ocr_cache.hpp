// The OCR cache: one small JSON file per OCR'd image, named by a SHA-256 of the image's pixels,
// its resolution and the OCR engine's version, so a re-scan of an unchanged page reads the file
// instead of running Tesseract again, and any change to the page, the resolution or the engine
// is a miss. The files hold record text: they belong in the case's own state folder.
#pragma once

#include "ocr.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace safesar {

class OcrCache {
  public:
    explicit OcrCache(std::filesystem::path folder) : folder_(std::move(folder)) {}

    bool enabled() const { return !folder_.empty(); }

    // 64 hex digits.
    static std::string key(const GrayImage& image, int dpi);

    // The stored result, or nothing when absent, unreadable or made for another image size.
    std::optional<OcrPage> load(const std::string& key, int width, int height) const;

    // Written whole or not at all (temporary file, then rename). A cache that cannot be written
    // costs only speed, so failures are returned, not thrown.
    bool store(const std::string& key, int width, int height, const OcrPage& page) const;

    std::filesystem::path file_of(const std::string& key) const {
        return folder_ / (key + ".json");
    }

  private:
    std::filesystem::path folder_;
};

} // namespace safesar
