#include "gather/ole_file.hpp"

#include "core/library_leak.hpp"
#include "gather/block_writer.hpp"
#include "gather/office_zip.hpp"
#include "safesar/errors.hpp"

#include <gsf/gsf.h>

#include <algorithm>
#include <cstdint>
#include <mutex>

// glib's casting macros are C casts.
#pragma GCC diagnostic ignored "-Wold-style-cast"

namespace safesar::gather_detail {

namespace {

void quiet(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

void init_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        gsf_init();
        // A damaged file makes libgsf log warnings and failed assertions on stderr; the reader
        // reports the file in one line instead.
        const auto levels = static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
        for (const char* domain : {"libgsf", "libgsf:msole", "libgsf:zip"})
            g_log_set_handler(domain, levels, quiet, nullptr);
        g_log_set_handler(nullptr, levels, quiet, nullptr);
    });
}

std::optional<std::string> read_input(GsfInput* input, std::size_t limit) {
    const gsf_off_t size = gsf_input_size(input);
    if (size < 0) return std::nullopt;
    if (static_cast<std::size_t>(size) > limit)
        throw RecordError("", "a stream inside the file is larger than " +
                                  std::to_string(limit >> 20) + " MiB; not read");
    std::string out(static_cast<std::size_t>(size), '\0');
    std::size_t done = 0;
    while (done < out.size()) {
        const std::size_t chunk = std::min<std::size_t>(out.size() - done, 1u << 20);
        if (!gsf_input_read(input, chunk, reinterpret_cast<guint8*>(out.data() + done)))
            throw RecordError("", "a stream inside the file is damaged or truncated");
        done += chunk;
    }
    return out;
}

// The format (MS-CFB 2.6.1) gives the root entry no siblings. libgsf 1.14.50 follows the root's
// sibling links anyway, as entries with no parent: it drops them, so their memory leaks, and
// marks them seen, so a stream one of them names is lost from the tree where it really sits.
// A damaged file that sets them is read from a copy with the two links cleared, as a reader
// that keeps to the format ignores them. Nothing when the bytes need no mending or are too
// short to tell (libgsf then reports them).
std::optional<std::string> without_root_siblings(std::string_view bytes) {
    constexpr std::size_t kHeader = 512, kEntry = 128, kLeft = 0x44, kRight = 0x48;
    constexpr std::uint32_t kNoStream = 0xFFFFFFFF;
    if (bytes.size() < kHeader) return std::nullopt;
    const auto u16 = [&](std::size_t at) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at]) |
                                          static_cast<unsigned char>(bytes[at + 1]) << 8);
    };
    const auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    const std::uint32_t shift = u16(0x1E); // sector size: 512 (9) or 4096 (12) bytes
    if (shift != 9 && shift != 12) return std::nullopt;
    const std::uint64_t root = (std::uint64_t{u32(0x30)} + 1) << shift; // first directory sector
    if (root + kEntry > bytes.size()) return std::nullopt;
    const auto at = static_cast<std::size_t>(root);
    if (u32(at + kLeft) == kNoStream && u32(at + kRight) == kNoStream) return std::nullopt;
    std::string copy(bytes);
    std::fill_n(copy.begin() + static_cast<std::ptrdiff_t>(at + kLeft), 8, '\xFF');
    return copy;
}

} // namespace

OleStorage& OleStorage::operator=(OleStorage&& other) noexcept {
    if (this != &other) {
        if (infile_) g_object_unref(infile_);
        infile_ = other.infile_;
        other.infile_ = nullptr;
    }
    return *this;
}

OleStorage::~OleStorage() {
    if (infile_) g_object_unref(infile_);
}

std::vector<std::string> OleStorage::names() const {
    std::vector<std::string> out;
    if (!infile_) return out;
    const int n = gsf_infile_num_children(infile_);
    for (int i = 0; i < n; ++i)
        if (const char* name = gsf_infile_name_by_index(infile_, i)) out.emplace_back(name);
    return out;
}

bool OleStorage::has(const std::string& name) const {
    if (!infile_) return false;
    GsfInput* child = gsf_infile_child_by_name(infile_, name.c_str());
    if (!child) return false;
    g_object_unref(child);
    return true;
}

std::optional<std::string> OleStorage::stream(const std::string& name, std::size_t limit) const {
    if (!infile_) return std::nullopt;
    GsfInput* child = gsf_infile_child_by_name(infile_, name.c_str());
    if (!child) return std::nullopt;
    std::optional<std::string> out;
    try {
        if (!(GSF_IS_INFILE(child) && gsf_infile_num_children(GSF_INFILE(child)) >= 0))
            out = read_input(child, limit);
    } catch (...) {
        g_object_unref(child);
        throw;
    }
    g_object_unref(child);
    return out;
}

OleStorage OleStorage::storage(const std::string& name) const {
    if (!infile_) return {};
    GsfInput* child = gsf_infile_child_by_name(infile_, name.c_str());
    if (!child) return {};
    if (GSF_IS_INFILE(child) && gsf_infile_num_children(GSF_INFILE(child)) >= 0)
        return OleStorage(GSF_INFILE(child));
    g_object_unref(child);
    return {};
}

OleFile::OleFile(std::string_view bytes, const std::string& name) {
    init_once();
    if (auto mended = without_root_siblings(bytes)) {
        mended_ = std::move(*mended);
        bytes = mended_;
    }
    input_ = gsf_input_memory_new(reinterpret_cast<const guint8*>(bytes.data()),
                                  static_cast<gsf_off_t>(bytes.size()), FALSE);
    if (!input_) throw RecordError(name, "cannot read the file");
    GError* error = nullptr;
    GsfInfile* infile = gsf_infile_msole_new(input_, &error);
    if (!infile) {
        std::string why = error ? error->message : "unknown error";
        if (error) g_error_free(error);
        g_object_unref(input_);
        input_ = nullptr;
        throw RecordError(name, "not a readable OLE compound file (damaged or truncated): " + why);
    }
    root_ = OleStorage(infile);
}

OleFile::~OleFile() {
    root_ = OleStorage();
    if (input_) g_object_unref(input_);
}

namespace {

struct PropertyList {
    std::vector<Section>* out;
};

void add_property(gpointer key, gpointer value, gpointer user) {
    auto* list = static_cast<PropertyList*>(user);
    const char* name = static_cast<const char*>(key);
    const GValue* v = gsf_doc_prop_get_val(static_cast<GsfDocProp*>(value));
    if (!name || !v) return;
    std::string field = name;
    if (const auto colon = field.find(':'); colon != std::string::npos) field.erase(0, colon + 1);
    // Counts, dates and security flags say nothing about people.
    if (field.find("count") != std::string::npos || field == "security" ||
        field == "scale" || field == "links-dirty" || field == "generator" ||
        field == "editing-duration" || field == "thumbnail" || field == "dictionary" ||
        field == "heading-pairs" || field == "document-parts" || field == "default-locale" ||
        field == "case-sensitivity" || field == "editing-cycles" || field == "date" ||
        field == "creation-date" || field == "print-date" || field == "last-printed" ||
        field == "codepage" ||
        field.rfind("unknown", 0) == 0)
        return;
    std::string text;
    if (G_VALUE_HOLDS_STRING(v)) {
        if (const char* s = g_value_get_string(v)) text = s;
    } else {
        GValue as_string = G_VALUE_INIT;
        g_value_init(&as_string, G_TYPE_STRING);
        if (g_value_transform(v, &as_string))
            if (const char* s = g_value_get_string(&as_string)) text = s;
        g_value_unset(&as_string);
    }
    text = trim(clean_control_characters(text));
    if (!text.empty()) list->out->push_back({SectionKind::Metadata, "property " + field, text});
}

} // namespace

void ole_properties(const OleStorage& root, std::vector<Section>& out) {
    for (const char* stream : {"\005SummaryInformation", "\005DocumentSummaryInformation"}) {
        if (!root.get()) return;
        GsfInput* input = gsf_infile_child_by_name(root.get(), stream);
        if (!input) continue;
        GsfDocMetaData* meta = gsf_doc_meta_data_new();
        GError* error = nullptr;
        {
            // libgsf 1.14 loses 24 bytes when a property stream is malformed; we unref all it
            // hands back (docs/fuzzing.md).
            [[maybe_unused]] const KnownLibraryLeak libgsf_property_reader;
            error = gsf_doc_meta_data_read_from_msole(meta, input);
        }
        if (!error) {
            PropertyList list{&out};
            gsf_doc_meta_data_foreach(meta, add_property, &list);
        } else {
            g_error_free(error);
        }
        g_object_unref(meta);
        g_object_unref(input);
    }
}

void ole_macro_source(const OleStorage& vba_parent, std::vector<Section>& out) {
    if (!vba_parent.get()) return;
    GsfInput* vba = gsf_infile_child_by_name(vba_parent.get(), "VBA");
    if (!vba) return;
    if (!GSF_IS_INFILE(vba)) {
        g_object_unref(vba);
        return;
    }
    GError* error = nullptr;
    GsfInfile* project = gsf_infile_msvba_new(GSF_INFILE(vba), &error);
    g_object_unref(vba);
    if (!project) {
        if (error) g_error_free(error);
        return;
    }
    std::string text;
    GHashTable* modules = gsf_infile_msvba_get_modules(GSF_INFILE_MSVBA(project));
    if (modules) {
        GHashTableIter it;
        gpointer key = nullptr, value = nullptr;
        g_hash_table_iter_init(&it, modules);
        while (g_hash_table_iter_next(&it, &key, &value))
            if (value) text += std::string(static_cast<const char*>(value)) + "\n";
    }
    g_object_unref(project);
    text = trim(clean_control_characters(text));
    if (text.size() > (8u << 20)) text.resize(8u << 20);
    if (!text.empty()) out.push_back({SectionKind::Metadata, "macro code", text});
}

std::optional<std::pair<std::string, std::string>> ole_packaged_file(std::string_view bytes) {
    try {
        OleFile file(bytes, "");
        // OOXML files embedded by Office: the whole file in a "Package" stream.
        if (auto package = file.root().stream("Package")) return std::make_pair(std::string(), *package);
        auto native = file.root().stream("\001Ole10Native");
        if (!native || native->size() < 6) return std::nullopt;
        // Ole10Native: total size (4), flags (2), label, file path (NUL-terminated), two more
        // fields, then the data's size (4) and the data.
        const std::string& n = *native;
        std::size_t at = 6;
        auto cstring = [&](std::string& into) {
            const auto end = n.find('\0', at);
            if (end == std::string::npos) return false;
            into = n.substr(at, end - at);
            at = end + 1;
            return true;
        };
        std::string label, path;
        if (!cstring(label) || !cstring(path)) return std::nullopt;
        at += 4; // reserved
        if (at + 4 > n.size()) return std::nullopt;
        const std::uint32_t temp_size = static_cast<unsigned char>(n[at]) |
                                        static_cast<unsigned char>(n[at + 1]) << 8 |
                                        static_cast<unsigned char>(n[at + 2]) << 16 |
                                        static_cast<std::uint32_t>(static_cast<unsigned char>(n[at + 3])) << 24;
        at += 4 + temp_size;
        if (at + 4 > n.size()) return std::nullopt;
        const std::uint32_t size = static_cast<unsigned char>(n[at]) |
                                   static_cast<unsigned char>(n[at + 1]) << 8 |
                                   static_cast<unsigned char>(n[at + 2]) << 16 |
                                   static_cast<std::uint32_t>(static_cast<unsigned char>(n[at + 3])) << 24;
        at += 4;
        if (at + size > n.size()) return std::nullopt;
        return std::make_pair(label, n.substr(at, size));
    } catch (const Error&) {
        return std::nullopt;
    }
}

Record read_ole(const std::string& name, std::string_view bytes, const GatherOptions& options,
                std::vector<Record>& attachments) {
    std::string kind;
    {
        OleFile file(bytes, name);
        const OleStorage& root = file.root();
        if (root.has("EncryptedPackage") || root.has("EncryptionInfo"))
            throw RecordError(name, "password-protected Office file: it is encrypted, so it "
                                    "cannot be read");
        for (const std::string& n : root.names())
            if (n.rfind("__substg1.0_", 0) == 0 || n == "__properties_version1.0") kind = "msg";
        if (kind.empty() && root.has("WordDocument")) kind = "doc";
        if (kind.empty() && (root.has("Workbook") || root.has("Book"))) kind = "xls";
        if (kind.empty() && (root.has("PowerPoint Document")))
            throw RecordError(name, "a PowerPoint presentation: not a kind SafeSAR reads");
    }
    if (kind == "msg") return read_msg(name, bytes, options, attachments);
    if (kind == "doc") return read_doc(name, bytes, options, attachments);
    if (kind == "xls") return read_xls(name, bytes, options, attachments);
    throw RecordError(name, "an OLE compound file of a kind SafeSAR does not read");
}

} // namespace safesar::gather_detail
