#include "file_kind.hpp"

#include "safesar/errors.hpp"

#include <algorithm>
#include <magic.h>

namespace safesar {

FileKindSniffer::FileKindSniffer() : cookie_(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR)) {
    if (!cookie_ || magic_load(cookie_, nullptr) != 0)
        throw DataError("libmagic", "cannot load the magic database");
}

FileKindSniffer::~FileKindSniffer() {
    if (cookie_) magic_close(cookie_);
}

namespace {
std::string extension_of(const std::string& name) {
    auto ext = std::filesystem::path(name).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return ext;
}
} // namespace

FileKind FileKindSniffer::decide(const std::string& mime, const std::string& name) const {
    FileKind k;
    k.mime = mime;
    const auto ext = extension_of(name);
    if (mime == "inode/x-empty" || mime == "application/x-empty") {
        k.empty = true;
        return k;
    }
    if (mime == "application/pdf") k.kind = RecordKind::Pdf;
    else if (mime == "message/rfc822" || mime == "message/news") k.kind = RecordKind::Email;
    else if (mime.rfind("image/", 0) == 0) k.kind = RecordKind::Image;
    else if (mime.rfind("text/", 0) == 0 || mime == "application/csv" ||
             mime == "application/json") {
        // libmagic calls many mails and all CSVs plain text: the extension tells them apart.
        if (ext == ".eml") k.kind = RecordKind::Email;
        else if (ext == ".csv" || mime == "text/csv") k.kind = RecordKind::Csv;
        else k.kind = RecordKind::Text;
    } else if (mime == "application/octet-stream" && (ext == ".txt" || ext == ".md")) {
        // Windows-1252 notes with odd bytes can look binary to libmagic; the reader decides.
        k.kind = RecordKind::Text;
    } else if (mime == "application/octet-stream" && ext == ".eml") {
        k.kind = RecordKind::Email; // the MIME parser gives the precise reason if it is not
    }
    return k;
}

FileKind FileKindSniffer::of_file(const std::filesystem::path& file) {
    const char* mime = magic_file(cookie_, file.c_str());
    if (!mime) throw RecordError(file.filename().string(), magic_error(cookie_));
    return decide(mime, file.filename().string());
}

FileKind FileKindSniffer::of_bytes(const std::vector<unsigned char>& bytes,
                                   const std::string& name) {
    if (bytes.empty()) return decide("inode/x-empty", name);
    const char* mime = magic_buffer(cookie_, bytes.data(), bytes.size());
    return decide(mime ? mime : "application/octet-stream", name);
}

} // namespace safesar
