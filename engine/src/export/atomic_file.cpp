#include "export/atomic_file.hpp"

#include "safesar/errors.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace safesar::exporting {
namespace fs = std::filesystem;

namespace {
std::string errno_text() {
    return std::strerror(errno);
}

// A descriptor closed on every path out of a scope.
struct Fd {
    int value = -1;
    ~Fd() {
        if (value >= 0) ::close(value);
    }
};
} // namespace

AtomicFile::AtomicFile(fs::path final_path) : final_(std::move(final_path)) {
    std::string pattern =
        (final_.parent_path() / ("." + final_.filename().string() + ".tmp-XXXXXX")).string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    // mkstemp creates the file with mode 0600, whatever the umask.
    Fd fd{::mkstemp(buffer.data())};
    if (fd.value < 0)
        throw ExportError(final_.string(), "cannot create a temporary file: " + errno_text());
    temp_ = fs::path(buffer.data());
    // Nobody else knows the name yet, so the lock cannot be refused.
    if (::flock(fd.value, LOCK_EX | LOCK_NB) != 0) {
        std::string reason = errno_text();
        ::unlink(temp_.c_str());
        throw ExportError(final_.string(), "cannot lock the temporary file: " + reason);
    }
    if (::fchmod(fd.value, S_IRUSR | S_IWUSR) != 0) {
        std::string reason = errno_text();
        ::unlink(temp_.c_str());
        throw ExportError(final_.string(), "cannot set mode 0600: " + reason);
    }
    std::swap(lock_fd_, fd.value);
}

AtomicFile::~AtomicFile() {
    if (!committed_) discard();
    if (lock_fd_ >= 0) ::close(lock_fd_); // releases the lock, after the unlink
}

void AtomicFile::sync() {
    Fd fd{::open(temp_.c_str(), O_RDONLY | O_CLOEXEC)};
    if (fd.value < 0) throw ExportError(final_.string(), "cannot reopen: " + errno_text());
    struct stat st {};
    if (::fstat(fd.value, &st) != 0 || (st.st_mode & 0777) != 0600)
        throw ExportError(final_.string(), "temporary file lost its mode 0600");
    if (::fsync(fd.value) != 0) throw ExportError(final_.string(), "fsync: " + errno_text());
}

void AtomicFile::commit() {
    if (::rename(temp_.c_str(), final_.c_str()) != 0)
        throw ExportError(final_.string(), "cannot rename into place: " + errno_text());
    committed_ = true;
}

void AtomicFile::discard() noexcept {
    if (discarded_) return;
    discarded_ = true;
    ::unlink(committed_ ? final_.c_str() : temp_.c_str());
}

void write_whole_file(const fs::path& path, const std::string& data) {
    Fd fd{::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC)};
    if (fd.value < 0) throw ExportError(path.string(), "cannot open for writing: " + errno_text());
    std::size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd.value, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw ExportError(path.string(), "write failed: " + errno_text());
        done += static_cast<std::size_t>(n);
    }
}

namespace {
// ".REFERENCE.pdf.tmp-AbC123": the names AtomicFile makes.
bool temporary_name(const std::string& name) {
    const auto at = name.rfind(".tmp-");
    if (name.size() < 2 || name[0] != '.' || at == std::string::npos || at == 0) return false;
    const std::string suffix = name.substr(at + 5);
    return suffix.size() == 6 && std::all_of(suffix.begin(), suffix.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) != 0;
           });
}
} // namespace

int remove_stale_temporaries(const fs::path& dir) noexcept {
    int removed = 0;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        const fs::path path = it->path();
        if (!temporary_name(path.filename().string()) || !it->is_regular_file(ec)) continue;
        Fd fd{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)};
        // A live writer holds the lock: its file is not stale.
        if (fd.value < 0 || ::flock(fd.value, LOCK_EX | LOCK_NB) != 0) continue;
        if (::unlink(path.c_str()) == 0) ++removed;
    }
    return removed;
}

void sync_directory(const fs::path& dir) {
    Fd fd{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (fd.value >= 0) ::fsync(fd.value); // best effort: some file systems refuse
}

} // namespace safesar::exporting
