#include "safesar/limits.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/errors.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <string>
#include <type_traits>

namespace safesar {

namespace {
using nlohmann::json;

// One limit: absent keeps the default; present must be a positive number.
class LimitReader {
  public:
    LimitReader(const json& block, std::string file) : block_(block), file_(std::move(file)) {}

    template <typename T> void read(const char* key, T& value) {
        known_.insert(key);
        auto it = block_.find(key);
        if (it == block_.end() || it->is_null()) return;
        if (!it->is_number() || it->template get<double>() <= 0)
            throw DataError(file_, std::string("limits.") + key + ": expected a positive number");
        const double v = it->template get<double>();
        if constexpr (std::is_floating_point_v<T>) {
            value = v;
        } else {
            if (v > 9e15) throw DataError(file_, std::string("limits.") + key + ": too large");
            value = static_cast<T>(v);
        }
    }

    // Call after every read(): a misspelt key must not silently keep a default.
    void reject_unknown() const {
        for (const auto& item : block_.items())
            if (item.key().rfind('_', 0) != 0 && !known_.count(item.key()))
                throw DataError(file_, "limits." + item.key() + ": unknown limit");
    }

  private:
    const json& block_;
    std::string file_;
    std::set<std::string> known_;
};
} // namespace

Limits load_limits(const std::filesystem::path& settings_file) {
    Limits limits;
    std::ifstream in(settings_file, std::ios::binary);
    if (!in) throw DataError(settings_file.string(), "cannot be read");
    json doc;
    try {
        doc = json::parse(in);
    } catch (const json::exception& e) {
        throw DataError(settings_file.string(), std::string("not valid JSON: ") + e.what());
    }
    if (!doc.is_object() || !doc.contains("limits")) return limits;
    const json& block = doc["limits"];
    if (!block.is_object()) throw DataError(settings_file.string(), "limits: expected an object");
    LimitReader r(block, settings_file.string());
    r.read("record_seconds", limits.record_seconds);
    r.read("ocr_page_seconds", limits.ocr_page_seconds);
    r.read("page_seconds", limits.page_seconds);
    r.read("file_bytes", limits.file_bytes);
    r.read("text_file_bytes", limits.text_file_bytes);
    r.read("binary_file_bytes", limits.binary_file_bytes);
    r.read("record_text_bytes", limits.record_text_bytes);
    r.read("pdf_pages", limits.pdf_pages);
    r.read("pdf_objects", limits.pdf_objects);
    r.read("pdf_stream_bytes", limits.pdf_stream_bytes);
    r.read("pdf_decompressed_bytes", limits.pdf_decompressed_bytes);
    r.read("pdf_image_pixels", limits.pdf_image_pixels);
    r.read("pdf_attachment_bytes", limits.pdf_attachment_bytes);
    r.read("render_pixels", limits.render_pixels);
    r.read("mime_depth", limits.mime_depth);
    r.read("mime_parts", limits.mime_parts);
    r.reject_unknown();
    return limits;
}

Limits default_limits() {
    return load_limits(dictionaries_dir() / "controller-settings.json");
}

} // namespace safesar
