#include "batch/case_process.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>

extern char** environ;

namespace safesar::batching {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxOutput = 1 << 20; // a result is a few hundred bytes
constexpr std::size_t kKeptErrors = 2048;   // the end of stderr, for the reason of a failure
constexpr auto kGraceAfterTerm = std::chrono::seconds(10);

struct Pipe {
    int read = -1, write = -1;
    Pipe() {
        int fds[2];
        // Close-on-exec: another case's process must not hold this pipe open.
        if (::pipe2(fds, O_CLOEXEC) != 0)
            throw std::system_error(errno, std::generic_category(), "pipe");
        read = fds[0];
        write = fds[1];
    }
    ~Pipe() {
        close_read();
        close_write();
    }
    void close_read() {
        if (read >= 0) ::close(read);
        read = -1;
    }
    void close_write() {
        if (write >= 0) ::close(write);
        write = -1;
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
};

pid_t spawn(const std::vector<std::string>& args, Pipe& out, Pipe& err) {
    std::vector<char*> argv;
    for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write, 1);
    posix_spawn_file_actions_adddup2(&actions, err.write, 2);
    // The batch's threads may block signals; a case's process starts with none blocked.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);

    pid_t pid = -1;
    const int error = ::posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (error != 0)
        throw std::system_error(error, std::generic_category(), "cannot run " + args[0]);
    return pid;
}

// Reads what is there; false at end of file.
bool drain(int fd, std::string& into, std::size_t keep, bool keep_end) {
    char buffer[4096];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) return errno == EINTR || errno == EAGAIN;
    if (n == 0) return false;
    into.append(buffer, static_cast<std::size_t>(n));
    if (into.size() > keep) {
        if (keep_end)
            into.erase(0, into.size() - keep);
        else
            into.resize(keep);
    }
    return true;
}

std::string last_line(const std::string& text) {
    const auto end = text.find_last_not_of(" \n\r\t");
    if (end == std::string::npos) return {};
    const auto newline = text.rfind('\n', end);
    const auto begin = newline == std::string::npos ? 0 : newline + 1;
    return text.substr(begin, end + 1 - begin);
}

CaseResult failed(const std::filesystem::path& folder, CaseStatus status, std::string reason,
                  double seconds) {
    CaseResult r;
    r.name = folder.lexically_normal().filename().string();
    r.status = status;
    r.reason = std::move(reason);
    r.seconds = seconds;
    return r;
}

} // namespace

CaseResult run_case_process(const std::vector<std::string>& command,
                            const std::filesystem::path& folder,
                            const std::filesystem::path& out_dir, const CaseSettings& settings,
                            double timeout_seconds, const std::atomic<bool>* stop) {
    std::vector<std::string> args = command;
    args.insert(args.end(),
                {folder.string(), out_dir.string(), "--dpi", std::to_string(settings.dpi),
                 "--threads", std::to_string(settings.threads)});
    Pipe out, err;
    const auto start = Clock::now();
    const pid_t pid = spawn(args, out, err);
    out.close_write();
    err.close_write();

    std::string output, errors;
    enum class Ended { Itself, Stopped, TimedOut } ended = Ended::Itself;
    Clock::time_point terminated_at;
    for (bool out_open = true, err_open = true; out_open || err_open;) {
        pollfd fds[2] = {{out_open ? out.read : -1, POLLIN, 0},
                         {err_open ? err.read : -1, POLLIN, 0}};
        if (::poll(fds, 2, 100) > 0) {
            if (fds[0].revents) out_open = drain(out.read, output, kMaxOutput, false);
            if (fds[1].revents) err_open = drain(err.read, errors, kKeptErrors, true);
        }
        const auto now = Clock::now();
        if (ended == Ended::Itself) {
            if (stop && stop->load())
                ended = Ended::Stopped;
            else if (timeout_seconds > 0 &&
                     std::chrono::duration<double>(now - start).count() > timeout_seconds)
                ended = Ended::TimedOut;
            if (ended != Ended::Itself) {
                ::kill(pid, SIGTERM);
                terminated_at = now;
            }
        } else if (now - terminated_at > kGraceAfterTerm) {
            ::kill(pid, SIGKILL);
        }
    }
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

    if (ended == Ended::Stopped)
        return failed(folder, CaseStatus::NotRun, "interrupted: the batch was stopped", seconds);
    if (ended == Ended::TimedOut)
        return failed(folder, CaseStatus::Failed,
                      "stopped after " + std::to_string(static_cast<long>(timeout_seconds)) +
                          " s (--timeout)",
                      seconds);
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        // Ctrl-C reaches the whole process group, a case's process included: that is the
        // operator stopping the batch, not a bad case.
        if (sig == SIGINT || sig == SIGTERM)
            return failed(folder, CaseStatus::NotRun, "interrupted: the case's process was stopped",
                          seconds);
        return failed(folder, CaseStatus::Failed,
                      "the case's process crashed (signal " + std::to_string(sig) + ", " +
                          ::strsignal(sig) + ")",
                      seconds);
    }
    if (WEXITSTATUS(status) != 0) {
        const std::string line = last_line(errors);
        return failed(folder, CaseStatus::Failed,
                      one_line_reason(line.empty() ? "the case's process exited with status " +
                                                         std::to_string(WEXITSTATUS(status))
                                                   : line),
                      seconds);
    }
    try {
        CaseResult r = case_result_from_json(last_line(output));
        r.peak_memory_kib = usage.ru_maxrss;
        return r;
    } catch (const std::exception&) {
        return failed(folder, CaseStatus::Failed, "the case's process printed no result", seconds);
    }
}

} // namespace safesar::batching
