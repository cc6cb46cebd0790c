// Private: OLE compound files (Outlook .msg, Word 97 .doc, Excel 97 .xls, password-protected
// Office files, embedded objects) read with libgsf: storages, streams, the summary-information
// property sets, VBA module source. Every read is bounded.
#pragma once

#include "safesar/gather.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

typedef struct _GsfInfile GsfInfile;
typedef struct _GsfInput GsfInput;

namespace safesar::gather_detail {

// A storage (a folder) inside an OLE file; owns its reference.
class OleStorage {
  public:
    OleStorage() = default;
    explicit OleStorage(GsfInfile* infile) : infile_(infile) {}
    OleStorage(OleStorage&& other) noexcept : infile_(other.infile_) { other.infile_ = nullptr; }
    OleStorage& operator=(OleStorage&& other) noexcept;
    ~OleStorage();
    OleStorage(const OleStorage&) = delete;
    OleStorage& operator=(const OleStorage&) = delete;

    explicit operator bool() const { return infile_ != nullptr; }
    std::vector<std::string> names() const;
    bool has(const std::string& name) const;
    // A stream's bytes; nothing when absent or a storage. Throws RecordError (no file name) when
    // it is larger than `limit`.
    std::optional<std::string> stream(const std::string& name, std::size_t limit = 256u << 20) const;
    // A child storage, or an empty one.
    OleStorage storage(const std::string& name) const;
    GsfInfile* get() const { return infile_; }

  private:
    GsfInfile* infile_ = nullptr;
};

class OleFile {
  public:
    // Throws RecordError(name, ...) when the bytes are not an OLE compound file. `bytes` must
    // outlive the file.
    OleFile(std::string_view bytes, const std::string& name);
    ~OleFile();
    OleFile(const OleFile&) = delete;
    OleFile& operator=(const OleFile&) = delete;

    const OleStorage& root() const { return root_; }

  private:
    std::string mended_; // a copy of the bytes when they needed mending, else empty
    GsfInput* input_ = nullptr;
    OleStorage root_;
};

// The summary and document-summary property sets as Metadata sections ("property creator",
// "property last-saved-by", "property company"...).
void ole_properties(const OleStorage& root, std::vector<Section>& out);

// The source of every VBA module under `vba_parent` (the storage holding "VBA"), as one
// Metadata section; nothing when there is none or it cannot be read.
void ole_macro_source(const OleStorage& vba_parent, std::vector<Section>& out);

// The file an OLE "Package" or "Ole10Native" object wraps: its name (when stored) and bytes.
std::optional<std::pair<std::string, std::string>> ole_packaged_file(std::string_view bytes);

// Decides from the storages and streams: an Outlook message, a Word or Excel 97 file, or a
// password-protected Office file (refused); anything else is not read.
Record read_ole(const std::string& name, std::string_view bytes, const GatherOptions& options,
                std::vector<Record>& attachments);

} // namespace safesar::gather_detail
