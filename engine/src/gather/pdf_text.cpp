// decode_pdf_text: one PDF text string (PDF 32000-2 7.9.2.2) to UTF-8, wherever the string
// comes from. qpdf does the character work (PDFDocEncoding's table, UTF-16 surrogates).
#include "safesar/printable.hpp"
#include "safesar/text_decode.hpp"

#include <qpdf/QUtil.hh>

namespace safesar {

namespace {

// Language escapes (ESC, a language code, optionally a country code, ESC) mark the language of
// what follows; they are not text. NULs (a common padding) go; CR and CRLF become LF; other
// control characters become spaces, so nothing invisible hides inside a name.
std::string tidy(const std::string& utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (c == '\x1B') {
            const auto close = utf8.find('\x1B', i + 1);
            if (close != std::string::npos && close - i <= 6) {
                i = close;
                continue;
            }
        }
        if (c == '\0') continue;
        if (c == '\r') {
            out += '\n';
            if (i + 1 < utf8.size() && utf8[i + 1] == '\n') ++i;
            continue;
        }
        const auto b = static_cast<unsigned char>(c);
        out += (b < 0x20 && c != '\n' && c != '\t') || b == 0x7F ? ' ' : c;
    }
    return out;
}

} // namespace

std::string decode_pdf_text(const std::string& raw) {
    std::string utf8;
    if (QUtil::is_utf16(raw)) // FE FF (big-endian) or FF FE (little-endian, not in the spec)
        utf8 = QUtil::utf16_to_utf8(raw);
    else if (QUtil::is_explicit_utf8(raw)) // EF BB BF, PDF 2.0
        utf8 = raw.substr(3);
    else
        utf8 = QUtil::pdf_doc_to_utf8(raw);
    return tidy(valid_utf8(utf8));
}

} // namespace safesar
