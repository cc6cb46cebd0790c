// Bounded whole-file reading for the readers.
#include "gather/text_decode.hpp"

#include "safesar/errors.hpp"

#include <fstream>
#include <system_error>

namespace safesar::gather_detail {

std::string text_read_file(const std::filesystem::path& file, const std::string& name,
                           std::size_t limit) {
    return read_file_bounded(file, name, limit, "limits.text_file_bytes");
}

std::string read_file_bounded(const std::filesystem::path& file, const std::string& name,
                              std::size_t max_bytes, const char* limit_name) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw RecordError(name, "cannot read the file: " + ec.message());
    if (size == 0) throw RecordError(name, "empty file");
    if (size > max_bytes)
        throw RecordError(name, "file too large (" + std::to_string(size >> 20) +
                                    " MiB; the limit is " + std::to_string(max_bytes >> 20) +
                                    " MiB, " + limit_name + ")");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw RecordError(name, "cannot open the file");
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    // A file that shrank while being read is reported rather than half-read.
    if (static_cast<std::size_t>(in.gcount()) != bytes.size())
        throw RecordError(name, "cannot read the file: it changed while being read");
    return bytes;
}

} // namespace safesar::gather_detail
