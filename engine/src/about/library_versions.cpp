// The version of each library the engine links. Asked of the loaded library where it can say
// (a shared library may be newer than the headers it was built against); else the version the
// build found with pkg-config or in the headers.
#include "safesar/version.hpp"

#include "export/podofo.hpp" // PoDoFo allows only its whole header

#include <exiv2/version.hpp>
#include <fontconfig/fontconfig.h>
#include <gmime/gmime.h>
#include <gsf/gsf-utils.h>
#include <jconfig.h>
#include <leptonica/allheaders.h>
#include <libheif/heif.h>
#include <libxml/xmlversion.h>
#include <magic.h>
#include <openssl/crypto.h>
#include <poppler-version.h>
#include <qpdf/qpdf-c.h>
#include <sqlite3.h>
#include <tesseract/capi.h>
#include <unicode/uversion.h>
#include <zip.h>

#include <memory>

namespace safesar {

namespace {

std::string dotted(long a, long b, long c) {
    return std::to_string(a) + "." + std::to_string(b) + "." + std::to_string(c);
}

std::string icu_version() {
    UVersionInfo info;
    u_getVersion(info);
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(info, text);
    return text;
}

std::string leptonica_version() {
    // "leptonica-1.82.0", allocated by Leptonica.
    std::unique_ptr<char, void (*)(void*)> text(getLeptonicaVersion(), lept_free);
    const std::string s = text ? text.get() : "";
    const auto dash = s.find('-');
    return dash == std::string::npos ? s : s.substr(dash + 1);
}

} // namespace

std::vector<LibraryVersion> library_versions() {
    const int fc = FcGetVersion();                  // 21400 for 2.14.0
    const int magic = magic_version();              // 543 for 5.43
    const long jpeg = LIBJPEG_TURBO_VERSION_NUMBER; // 2001005 for 2.1.5
    return {
        {"Poppler", poppler::version_string(), true},
        {"PoDoFo", dotted(PODOFO_VERSION_MAJOR, PODOFO_VERSION_MINOR, PODOFO_VERSION_PATCH), false},
        {"qpdf", qpdf_get_qpdf_version(), true},
        {"ICU", icu_version(), true},
        {"RE2", SAFESAR_RE2_VERSION, false},
        {"Tesseract", TessVersion(), true},
        {"Leptonica", leptonica_version(), true},
        {"SQLite", sqlite3_libversion(), true},
        {"OpenSSL", OpenSSL_version(OPENSSL_FULL_VERSION_STRING), true},
        {"GMime", dotted(gmime_major_version, gmime_minor_version, gmime_micro_version), true},
        {"libmagic", std::to_string(magic / 100) + "." + std::to_string(magic % 100), true},
        {"libzip", zip_libzip_version(), true},
        {"libxml2", LIBXML_DOTTED_VERSION, false},
        {"libgsf", dotted(libgsf_major_version, libgsf_minor_version, libgsf_micro_version), true},
        {"gumbo", SAFESAR_GUMBO_VERSION, false},
        {"Exiv2", Exiv2::versionString(), true},
        {"libheif", heif_get_version(), true},
        {"libjpeg-turbo", dotted(jpeg / 1000000, jpeg / 1000 % 1000, jpeg % 1000), false},
        {"fontconfig", dotted(fc / 10000, fc / 100 % 100, fc % 100), true},
    };
}

} // namespace safesar
