// An output file created under a temporary name in its final folder (mode 0600) and renamed
// into place only when complete; removed on destruction unless committed. The temporary file is
// locked (flock) while its writer lives, so a later run can tell a killed run's leftovers from a
// file another run is still writing.
#pragma once

#include <filesystem>

namespace safesar::exporting {

class AtomicFile {
  public:
    // Creates `.NAME.tmp-XXXXXX` beside `final_path`; throws ExportError.
    explicit AtomicFile(std::filesystem::path final_path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& temp_path() const { return temp_; }
    const std::filesystem::path& final_path() const { return final_; }

    // Flushes the temporary file to disk (it may have been written through its path by another
    // writer) and checks its mode is still 0600. Call before commit().
    void sync();
    // Renames the temporary file to the final name. Afterwards the destructor leaves it alone.
    void commit();
    // Removes the file, wherever it is (before or after commit).
    void discard() noexcept;

  private:
    std::filesystem::path final_, temp_;
    int lock_fd_ = -1; // holds the flock until the object dies
    bool committed_ = false, discarded_ = false;
};

// Removes the `.NAME.tmp-XXXXXX` files in `dir` that no live writer holds: what a killed run
// left behind. Returns how many were removed. Never throws.
int remove_stale_temporaries(const std::filesystem::path& dir) noexcept;

// Writes all of `data` to `path`, which must exist (an AtomicFile's temporary file).
void write_whole_file(const std::filesystem::path& path, const std::string& data);

// fsync() a directory so that renames inside it survive a crash.
void sync_directory(const std::filesystem::path& dir);

} // namespace safesar::exporting
