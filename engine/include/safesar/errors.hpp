// Typed errors at the engine boundary. Every error names the file it is about and the reason,
// so a caller can print one clear line and go on with the other records.
#pragma once

#include <atomic>
#include <stdexcept>
#include <string>

namespace safesar {

class Error : public std::runtime_error {
  public:
    Error(std::string file, std::string reason)
        : std::runtime_error(file.empty() ? reason : file + ": " + reason), file_(std::move(file)),
          reason_(std::move(reason)) {}
    const std::string& file() const { return file_; }
    const std::string& reason() const { return reason_; }

  private:
    std::string file_;
    std::string reason_;
};

// request.json is missing, not JSON, or breaks the contract.
class RequestError : public Error {
    using Error::Error;
};
// A record could not be read (encrypted, truncated, not what its name says...).
class RecordError : public Error {
    using Error::Error;
};
// An output could not be written, or failed its verification.
class ExportError : public Error {
    using Error::Error;
};
// Dictionaries or policy files are missing or malformed.
class DataError : public Error {
    using Error::Error;
};
// Long work (gathering, a scan, an export) stopped because the caller asked it to.
class Cancelled : public Error {
  public:
    Cancelled() : Error("", "cancelled") {}
};

// Throws Cancelled once the caller has set *cancel; a null flag never cancels.
inline void throw_if_cancelled(const std::atomic<bool>* cancel) {
    if (cancel && cancel->load(std::memory_order_relaxed)) throw Cancelled();
}

} // namespace safesar
