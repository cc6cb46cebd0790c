// Deciding what a file is from its content (libmagic), with the extension only as a tie-break
// between text formats (a CSV and a note are both text/plain).
#pragma once

#include "safesar/document.hpp"

#include <filesystem>
#include <string>
#include <vector>

struct magic_set; // libmagic's cookie

namespace safesar {

struct FileKind {
    RecordKind kind = RecordKind::Unknown;
    std::string mime; // what libmagic said
    bool empty = false;
};

class FileKindSniffer {
  public:
    FileKindSniffer();
    ~FileKindSniffer();
    FileKindSniffer(const FileKindSniffer&) = delete;
    FileKindSniffer& operator=(const FileKindSniffer&) = delete;

    FileKind of_file(const std::filesystem::path& file);
    FileKind of_bytes(const std::vector<unsigned char>& bytes, const std::string& name);

  private:
    FileKind decide(const std::string& mime, const std::string& name) const;
    ::magic_set* cookie_ = nullptr;
};

} // namespace safesar
