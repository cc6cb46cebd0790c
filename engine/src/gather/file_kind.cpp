#include "file_kind.hpp"

#include "safesar/errors.hpp"

#include <algorithm>
#include <fstream>
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

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// Signatures that settle the container whatever libmagic calls it.
constexpr std::string_view ole_signature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr std::string_view zip_signature("PK\x03\x04", 4);

bool is_office_zip_mime(const std::string& mime) {
    return mime == "application/zip" || mime == "application/x-zip-compressed" ||
           starts_with(mime, "application/vnd.openxmlformats-officedocument.") ||
           starts_with(mime, "application/vnd.oasis.opendocument.") ||
           starts_with(mime, "application/vnd.ms-word.") ||
           starts_with(mime, "application/vnd.ms-excel.");
}

bool is_ole_mime(const std::string& mime) {
    return mime == "application/x-ole-storage" || mime == "application/CDFV2" ||
           mime == "application/msword" || mime == "application/vnd.ms-excel" ||
           mime == "application/vnd.ms-outlook" || mime == "application/vnd.ms-office" ||
           starts_with(mime, "application/CDFV2");
}

} // namespace

FileKind FileKindSniffer::decide(const std::string& mime, const std::string& name,
                                 std::string_view head) const {
    FileKind k;
    k.mime = mime;
    const auto ext = extension_of(name);
    if (mime == "inode/x-empty" || mime == "application/x-empty") {
        k.empty = true;
        return k;
    }
    const bool text_ext = ext == ".txt" || ext == ".md" || ext == ".csv" || ext == ".eml";
    if (mime == "application/pdf") k.reader = Reader::Pdf;
    else if (mime == "message/rfc822" || mime == "message/news") k.reader = Reader::Email;
    else if (starts_with(head, ole_signature) || is_ole_mime(mime)) k.reader = Reader::Ole;
    else if (starts_with(head, zip_signature) || is_office_zip_mime(mime)) k.reader = Reader::OfficeZip;
    else if (starts_with(head, "{\\rtf") || mime == "text/rtf" || mime == "application/rtf")
        k.reader = Reader::Rtf;
    else if (starts_with(mime, "image/")) k.reader = Reader::Image;
    else if ((mime == "text/html" || mime == "application/xhtml+xml") && !text_ext)
        k.reader = Reader::Html;
    else if (starts_with(mime, "text/") || mime == "application/csv" ||
             mime == "application/json") {
        // libmagic calls many mails and all CSVs plain text: the extension tells them apart.
        if (ext == ".eml") k.reader = Reader::Email;
        else if (ext == ".csv" || mime == "text/csv") k.reader = Reader::Csv;
        else if (ext == ".html" || ext == ".htm") k.reader = Reader::Html;
        else k.reader = Reader::Text;
    } else if (mime == "application/octet-stream" && (ext == ".txt" || ext == ".md")) {
        // Windows-1252 notes with odd bytes can look binary to libmagic; the reader decides.
        k.reader = Reader::Text;
    } else if (mime == "application/octet-stream" && ext == ".eml") {
        k.reader = Reader::Email; // the MIME parser gives the precise reason if it is not
    }
    return k;
}

FileKind FileKindSniffer::of_file(const std::filesystem::path& file) {
    const char* mime = magic_file(cookie_, file.c_str());
    if (!mime) throw RecordError(file.filename().string(), magic_error(cookie_));
    char head[16] = {};
    std::ifstream in(file, std::ios::binary);
    in.read(head, sizeof head);
    return decide(mime, file.filename().string(),
                  std::string_view(head, static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount()))));
}

FileKind FileKindSniffer::of_bytes(const std::vector<unsigned char>& bytes,
                                   const std::string& name) {
    if (bytes.empty()) return decide("inode/x-empty", name, {});
    const char* mime = magic_buffer(cookie_, bytes.data(), bytes.size());
    const std::string_view head(reinterpret_cast<const char*>(bytes.data()),
                                std::min<std::size_t>(bytes.size(), 16));
    return decide(mime ? mime : "application/octet-stream", name, head);
}

} // namespace safesar
