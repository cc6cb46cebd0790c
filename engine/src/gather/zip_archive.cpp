#include "gather/zip_archive.hpp"

#include "safesar/errors.hpp"

#include <zip.h>

#include <algorithm>

namespace safesar::gather_detail {

namespace {

std::string error_text(zip_error_t* error) {
    return zip_error_strerror(error);
}

struct ZipFileClose {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

} // namespace

ZipArchive::ZipArchive(std::string_view bytes, const std::string& name, ZipLimits limits)
    : name_(name), limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        std::string why = error_text(&error);
        zip_error_fini(&error);
        throw RecordError(name, "cannot read the zip container: " + why);
    }
    // ZIP_CHECKCONS: a central directory that disagrees with the entries is damage, not a file.
    archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive_) {
        zip_source_free(source);
        std::string why = error_text(&error);
        zip_error_fini(&error);
        throw RecordError(name, "not a readable zip container (damaged or truncated): " + why);
    }
    zip_error_fini(&error);
    const zip_int64_t count = zip_get_num_entries(archive_, 0);
    if (count < 0 || static_cast<std::size_t>(count) > limits_.max_entries) {
        zip_discard(archive_);
        archive_ = nullptr;
        throw RecordError(name, "the zip container has too many entries (" +
                                    std::to_string(count) + "; the limit is " +
                                    std::to_string(limits_.max_entries) + ")");
    }
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* entry = zip_get_name(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
        names_.emplace_back(entry ? entry : "");
    }
}

ZipArchive::~ZipArchive() {
    if (archive_) zip_discard(archive_);
}

bool ZipArchive::has(std::string_view entry) const {
    return std::find(names_.begin(), names_.end(), entry) != names_.end();
}

std::optional<std::string> ZipArchive::read(std::string_view entry) {
    const auto it = std::find(names_.begin(), names_.end(), entry);
    if (it == names_.end()) return std::nullopt;
    const auto index = static_cast<zip_uint64_t>(it - names_.begin());
    const std::string part(entry);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_, index, 0, &stat) != 0)
        throw RecordError(name_, "the part " + part + " of the zip container cannot be read");
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
        throw RecordError(name_, "password-protected: the zip container is encrypted");
    std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(archive_, index, 0));
    if (!file) {
        const int code = zip_error_code_zip(zip_get_error(archive_));
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD)
            throw RecordError(name_, "password-protected: the zip container is encrypted");
        throw RecordError(name_, "the part " + part + " cannot be opened: " +
                                     zip_strerror(archive_));
    }
    const std::size_t compressed =
        (stat.valid & ZIP_STAT_COMP_SIZE) ? static_cast<std::size_t>(stat.comp_size) : 0;
    std::string out;
    char buffer[64 * 1024];
    for (;;) {
        const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
        if (n < 0)
            throw RecordError(name_, "the part " + part + " is damaged: " +
                                         zip_file_strerror(file.get()));
        if (n == 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
        total_read_ += static_cast<std::size_t>(n);
        if (out.size() > limits_.max_entry_bytes)
            throw RecordError(name_, "the part " + part + " unpacks to more than " +
                                         std::to_string(limits_.max_entry_bytes >> 20) +
                                         " MiB (a zip bomb?); not read");
        if (total_read_ > limits_.max_total_bytes)
            throw RecordError(name_, "the zip container unpacks to more than " +
                                         std::to_string(limits_.max_total_bytes >> 20) +
                                         " MiB (a zip bomb?); not read");
        if (out.size() > limits_.ratio_floor_bytes &&
            out.size() > limits_.max_ratio * std::max<std::size_t>(compressed, 1))
            throw RecordError(name_, "the part " + part + " unpacks more than " +
                                         std::to_string(limits_.max_ratio) +
                                         " times its packed size (a zip bomb?); not read");
    }
    return out;
}

std::string ZipArchive::read_required(std::string_view entry) {
    auto bytes = read(entry);
    if (!bytes)
        throw RecordError(name_, "the zip container has no " + std::string(entry) +
                                     " part (damaged, or not this kind of file)");
    return std::move(*bytes);
}

bool zip_has_entry(std::string_view bytes, std::string_view entry) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_error_fini(&error);
    if (!source) return false;
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, nullptr);
    if (!archive) {
        zip_source_free(source);
        return false;
    }
    const bool found = zip_name_locate(archive, std::string(entry).c_str(), 0) >= 0;
    zip_discard(archive);
    return found;
}

std::string zip_resolve(std::string_view base_folder, std::string_view target) {
    std::vector<std::string> parts;
    auto push_path = [&parts](std::string_view path) {
        std::size_t start = 0;
        while (start <= path.size()) {
            std::size_t slash = path.find('/', start);
            if (slash == std::string_view::npos) slash = path.size();
            std::string_view piece = path.substr(start, slash - start);
            if (piece == "..") {
                if (!parts.empty()) parts.pop_back();
            } else if (!piece.empty() && piece != ".") {
                parts.emplace_back(piece);
            }
            start = slash + 1;
        }
    };
    if (!target.empty() && target.front() == '/') {
        push_path(target.substr(1));
    } else {
        push_path(base_folder);
        push_path(target);
    }
    std::string out;
    for (const std::string& p : parts)
        out += (out.empty() ? "" : "/") + p;
    return out;
}

} // namespace safesar::gather_detail
