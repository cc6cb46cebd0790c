// decode_text: bytes of unknown or declared encoding to UTF-8, through ICU converters.
//
// Order of evidence: a byte-order mark beats a declared charset (a BOM cannot be there by
// accident, a Content-Type charset often is wrong); a declared charset beats guessing; the guess
// is UTF-8 when the bytes are valid UTF-8, else Windows-1252, which is what Word, Outlook and
// older case-management exports write and which also covers ISO-8859-1.
#include "gather/text_decode.hpp"

#include "core/utf8.hpp"
#include "safesar/gather.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string_view>

namespace safesar {
namespace {

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// An ICU converter for `charset`, or null when ICU does not know the name.
Converter open_converter(const std::string& charset) {
    UErrorCode status = U_ZERO_ERROR;
    Converter c(ucnv_open(charset.c_str(), &status));
    if (U_FAILURE(status)) return nullptr;
    return c;
}

// ICU's canonical name of `charset`, empty when unknown: "utf8", "UTF8" and "unicode-1-1-utf-8"
// all become "UTF-8".
std::string canonical_name(const std::string& charset) {
    Converter c = open_converter(charset);
    if (!c) return {};
    UErrorCode status = U_ZERO_ERROR;
    const char* name = ucnv_getName(c.get(), &status);
    return U_SUCCESS(status) && name ? name : "";
}

// Converts `bytes` from `charset` to UTF-8. strict: nullopt at the first byte sequence that is
// invalid in `charset`; otherwise such sequences become U+FFFD. ucnv_convertEx streams through a
// pivot buffer, so no UTF-16 copy of a large file is held.
std::optional<std::string> convert(std::string_view bytes, const std::string& charset,
                                   bool strict) {
    Converter source = open_converter(charset);
    Converter target = open_converter("UTF-8");
    if (!source || !target) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    if (strict) {
        ucnv_setToUCallBack(source.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                            &status);
    } else {
        // Substitute U+FFFD rather than the charset's own substitution byte (often '?' or 0x1A).
        ucnv_setToUCallBack(source.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr,
                            &status);
    }
    if (U_FAILURE(status)) return std::nullopt;

    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4 + 16);
    std::array<char, 16384> chunk{};
    std::array<UChar, 4096> pivot{};
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    const char* in = bytes.data();
    const char* in_end = bytes.data() + bytes.size();
    bool reset = true;
    for (;;) {
        char* chunk_out = chunk.data();
        status = U_ZERO_ERROR;
        ucnv_convertEx(target.get(), source.get(), &chunk_out, chunk.data() + chunk.size(), &in,
                       in_end, pivot.data(), &pivot_source, &pivot_target,
                       pivot.data() + pivot.size(), reset, true, &status);
        reset = false;
        out.append(chunk.data(), static_cast<std::size_t>(chunk_out - chunk.data()));
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(status)) return std::nullopt;
        return out;
    }
}

bool is_valid_utf8(std::string_view bytes) {
    return convert(bytes, "UTF-8", true).has_value();
}

std::string windows_1252(std::string_view bytes) {
    // Every byte but five is defined in Windows-1252 and ICU maps those five to C1 controls, so
    // this never fails; value_or only guards against a broken ICU data file.
    return convert(bytes, "windows-1252", false).value_or(std::string{});
}

std::string utf8_or_windows_1252(std::string_view bytes) {
    if (is_valid_utf8(bytes)) return std::string(bytes);
    return windows_1252(bytes);
}

// What the declared charset leads to. Mail and HTML label Windows-1252 text "iso-8859-1" or
// "us-ascii" so often that the WHATWG encoding standard reads those labels as Windows-1252; the
// same is done here, and a "utf-8" label on bytes that are not UTF-8 falls back the same way.
std::optional<std::string> decode_declared(std::string_view bytes, const std::string& hint) {
    const std::string canonical = canonical_name(hint);
    if (canonical.empty()) return std::nullopt; // unknown label: guess instead
    if (canonical == "UTF-8" || canonical == "US-ASCII" || canonical == "ISO-8859-1")
        return canonical == "ISO-8859-1" ? windows_1252(bytes) : utf8_or_windows_1252(bytes);
    if (auto strict = convert(bytes, hint, true)) return strict;
    return std::nullopt; // not valid in the declared charset: the label is wrong, guess instead
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// CRLF and lone CR to LF, NUL removed: done on UTF-8, where neither byte can occur inside a
// multi-byte sequence. A U+FEFF left at the start (a BOM inside a declared-charset part) goes too.
std::string normalise(std::string text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\0') continue;
        if (c == '\r') {
            out.push_back('\n');
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            continue;
        }
        out.push_back(c);
    }
    if (starts_with(out, "\xEF\xBB\xBF")) out.erase(0, 3);
    return out;
}

} // namespace

std::string decode_text(const std::string& bytes, const std::string& charset_hint) {
    const std::string_view view(bytes);
    std::string text;
    if (starts_with(view, "\xEF\xBB\xBF")) {
        // A UTF-8 BOM is deliberate: keep UTF-8 even if a few bytes are broken (U+FFFD).
        text = convert(view.substr(3), "UTF-8", false).value_or(std::string{});
    } else if (starts_with(view, "\xFF\xFE")) {
        text = convert(view.substr(2), "UTF-16LE", false).value_or(std::string{});
    } else if (starts_with(view, "\xFE\xFF")) {
        text = convert(view.substr(2), "UTF-16BE", false).value_or(std::string{});
    } else if (auto declared =
                   charset_hint.empty() ? std::nullopt : decode_declared(view, charset_hint)) {
        text = std::move(*declared);
    } else {
        text = utf8_or_windows_1252(view);
    }
    return normalise(std::move(text));
}

namespace gather_detail {
namespace {

// Code points that do not occur in text: C0 controls other than tab, line feed, vertical tab,
// form feed and the DOS end-of-file mark, DEL, C1 controls, and U+FFFD (undecodable bytes).
// Returns {suspicious, total} over the UTF-8 string.
std::pair<std::size_t, std::size_t> count_suspicious(std::string_view utf8) {
    std::size_t suspicious = 0, total = 0;
    for (std::size_t i = 0; i < utf8.size(); ++total) {
        const char32_t c = next_code_point(utf8, i);
        if (c < 0x20) {
            if (c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != 0x1A) ++suspicious;
        } else if ((c >= 0x7F && c <= 0x9F) || c == U'\uFFFD') {
            ++suspicious;
        }
    }
    return {suspicious, total};
}

} // namespace

DecodedText text_decode_checked(const std::string& bytes, const std::string& charset_hint) {
    DecodedText result;
    const bool utf16 = starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF");
    if (!utf16) {
        // Trailing NUL padding (block-sized exports) and a stray NUL or two are harmless; NULs in
        // more than 1% of the text mean binary data or BOM-less UTF-16.
        std::string_view view(bytes);
        while (!view.empty() && view.back() == '\0')
            view.remove_suffix(1);
        const auto nuls = static_cast<std::size_t>(std::count(view.begin(), view.end(), '\0'));
        if (nuls > 2 && nuls * 100 > view.size()) {
            result.problem = "not UTF-8, UTF-16 or Windows-1252 text (binary data)";
            return result;
        }
    }
    result.text = decode_text(bytes, charset_hint);
    const auto [suspicious, total] = count_suspicious(result.text);
    // Binary data decoded as Windows-1252 is about 10% control characters; text has almost none.
    if (suspicious * 20 > total)
        result.problem = "not UTF-8, UTF-16 or Windows-1252 text (binary data)";
    return result;
}

} // namespace gather_detail
} // namespace safesar
