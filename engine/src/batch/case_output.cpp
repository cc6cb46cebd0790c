#include "batch/case_output.hpp"

#include "batch/case_result_json.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace safesar::batching {

namespace {

const char* const kStateFile = ".safesar-batch.json";
const char* const kSchema = "safesar-batch-case/1";

[[noreturn]] void fail(const std::string& what) {
    throw std::system_error(errno, std::generic_category(), what);
}

// fsync a folder so that the renames inside it survive a power cut.
void sync_folder(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail("cannot open " + dir.string());
    ::fsync(fd);
    ::close(fd);
}

void write_synced(const fs::path& file, const std::string& text) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) fail("cannot create " + file.string());
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::close(fd);
            fail("cannot write " + file.string());
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) fail("cannot write " + file.string());
}

// A leftover of an interrupted run: `.NAME.partial-PID` or `.NAME.old-PID`; NAME when it is.
std::optional<std::string> leftover_of(const std::string& entry) {
    if (entry.size() < 2 || entry.front() != '.') return std::nullopt;
    for (const std::string kind : {".partial-", ".old-"}) {
        const auto at = entry.rfind(kind);
        if (at == std::string::npos || at < 2) continue;
        const std::string pid = entry.substr(at + kind.size());
        if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
        return entry.substr(1, at - 1);
    }
    return std::nullopt;
}

} // namespace

CaseOutput::CaseOutput(fs::path out_dir, std::string name)
    : out_dir_(std::move(out_dir)), name_(std::move(name)) {}

CaseOutput::~CaseOutput() {
    discard();
    if (lock_fd_ >= 0) ::close(lock_fd_); // closing releases the lock
}

bool CaseOutput::lock() {
    // O_CLOEXEC: a case's process must not inherit, and so hold, other cases' locks.
    const fs::path file = out_dir_ / ("." + name_ + ".lock");
    lock_fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock_fd_ < 0) fail("cannot create " + file.string());
    return ::flock(lock_fd_, LOCK_EX | LOCK_NB) == 0;
}

void CaseOutput::remove_leftovers() {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(out_dir_, ec))
        if (leftover_of(entry.path().filename().string()) == name_) fs::remove_all(entry, ec);
}

std::optional<StoredRun> CaseOutput::stored() const {
    std::ifstream in(final_dir() / kStateFile);
    if (!in) return std::nullopt;
    try {
        const auto j = nlohmann::json::parse(in);
        if (j.value("schema", "") != kSchema) return std::nullopt;
        StoredRun run{j.at("fingerprint").get<std::string>(), from_json(j.at("result"))};
        std::error_code ec;
        for (const std::string& file : run.result.outputs)
            if (!fs::is_regular_file(final_dir() / file, ec)) return std::nullopt;
        return run;
    } catch (const std::exception&) {
        return std::nullopt; // unreadable: run the case again
    }
}

const fs::path& CaseOutput::start() {
    partial_ = out_dir_ / ("." + name_ + ".partial-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(partial_, ec);
    // 0700: the bundles are confidential until a reviewer has approved them.
    if (::mkdir(partial_.c_str(), 0700) != 0) fail("cannot create " + partial_.string());
    return partial_;
}

void CaseOutput::commit(const StoredRun& run) {
    const nlohmann::json state = {
        {"schema", kSchema}, {"fingerprint", run.fingerprint}, {"result", to_json(run.result)}};
    // Written last, and through a temporary name: its presence says the folder is complete.
    const fs::path temp = partial_ / (std::string(kStateFile) + ".tmp");
    write_synced(temp, state.dump(1, ' ', false, nlohmann::json::error_handler_t::replace));
    fs::rename(temp, partial_ / kStateFile);
    sync_folder(partial_);

    const fs::path final_path = final_dir();
    if (::rename(partial_.c_str(), final_path.c_str()) != 0) {
        if (errno != EEXIST && errno != ENOTEMPTY)
            fail("cannot rename into " + final_path.string());
        // The old folder is swapped out in one step where the file system can, else set aside
        // first: at no moment is a half-written folder at OUT/<name>.
        if (::renameat2(AT_FDCWD, partial_.c_str(), AT_FDCWD, final_path.c_str(),
                        RENAME_EXCHANGE) != 0) {
            const fs::path old = out_dir_ / ("." + name_ + ".old-" + std::to_string(::getpid()));
            std::error_code ec;
            fs::remove_all(old, ec);
            fs::rename(final_path, old);
            fs::rename(partial_, final_path);
            partial_ = old; // removed below, like the exchanged folder
        }
    }
    sync_folder(out_dir_);
    std::error_code ec;
    fs::remove_all(partial_, ec); // the old outputs, when there were any
    partial_.clear();
}

void CaseOutput::discard() noexcept {
    if (partial_.empty()) return;
    std::error_code ec;
    fs::remove_all(partial_, ec);
    partial_.clear();
}

void remove_stale_leftovers(const fs::path& out_dir) {
    std::error_code ec;
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(out_dir, ec))
        if (auto name = leftover_of(entry.path().filename().string())) names.push_back(*name);
    for (const std::string& name : names) {
        CaseOutput output(out_dir, name);
        if (output.lock()) output.remove_leftovers();
    }
}

} // namespace safesar::batching
