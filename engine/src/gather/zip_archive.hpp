// Private: a zip archive held in memory (the container of .docx, .xlsx, .odt and .ods files),
// read with libzip under limits that a zip bomb cannot get past: a bounded number of entries,
// a bounded size for each entry and for the whole archive, and a bounded compression ratio.
// Declared sizes are never trusted: reading stops as soon as a limit is passed.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct zip;

namespace safesar::gather_detail {

struct ZipLimits {
    std::size_t max_entries = 20000;
    std::size_t max_entry_bytes = 512u << 20; // one part, uncompressed
    std::size_t max_total_bytes = 1u << 30;   // every part read from one archive, uncompressed
    // Uncompressed over compressed size; XML compresses about 10 to 1, a bomb thousands to 1.
    // Checked once a part has grown past ratio_floor_bytes.
    std::size_t max_ratio = 200;
    std::size_t ratio_floor_bytes = 1u << 20;
};

class ZipArchive {
  public:
    // Throws RecordError(name, ...) when the bytes are not a readable zip archive. `bytes` must
    // outlive the archive.
    ZipArchive(std::string_view bytes, const std::string& name, ZipLimits limits = {});
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // Entry names, as stored ("word/document.xml").
    const std::vector<std::string>& names() const { return names_; }
    bool has(std::string_view entry) const;
    // The entry's bytes, or nothing when there is no such entry. Throws RecordError when the
    // entry is encrypted, damaged, or passes a limit.
    std::optional<std::string> read(std::string_view entry);
    // The same, for an entry that must be there.
    std::string read_required(std::string_view entry);

  private:
    std::string name_;
    ZipLimits limits_;
    ::zip* archive_ = nullptr;
    std::vector<std::string> names_;
    std::size_t total_read_ = 0;
};

// Whether `bytes` open as a zip archive with an entry named `entry` (for sniffing kinds).
bool zip_has_entry(std::string_view bytes, std::string_view entry);

// "a/b/../c.xml" -> "a/c.xml"; a leading '/' is dropped. Relationship targets are relative to
// the folder of the part that names them.
std::string zip_resolve(std::string_view base_folder, std::string_view target);

} // namespace safesar::gather_detail
