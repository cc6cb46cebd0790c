// Private: one file or embedded file, whatever its kind, read by the reader its kind names.
#pragma once

#include "gather/file_kind.hpp"
#include "safesar/gather.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace safesar::gather_detail {

// `bytes` null: read `file`; otherwise the bytes are the record (an attachment) and `file` the
// file that holds them. Sets the record's path, and the path of every attachment it appends.
// Throws RecordError naming `name`.
Record read_record(const FileKind& kind, const std::filesystem::path& file,
                   const std::string& name, const std::vector<unsigned char>* bytes,
                   const GatherOptions& options, std::vector<Record>& attachments);

} // namespace safesar::gather_detail
