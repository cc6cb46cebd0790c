// Deciding what a file is from its content (libmagic and the file's first bytes), with the
// extension only as a tie-break between text formats (a CSV and a note are both text/plain).
#pragma once

#include "safesar/document.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

struct magic_set; // libmagic's cookie

namespace safesar {

// Which reader a file goes to. A zip-based office file or an OLE compound file is told apart
// by its reader, from what the container holds (a .docx from an .xlsx, a .msg from a .doc).
enum class Reader { Pdf, Text, Csv, Email, OfficeZip, Ole, Rtf, Html, Image, None };

struct FileKind {
    Reader reader = Reader::None;
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
    FileKind decide(const std::string& mime, const std::string& name, std::string_view head) const;
    ::magic_set* cookie_ = nullptr;
};

} // namespace safesar
