#include "export/font_fallback.hpp"

#include <fontconfig/fontconfig.h>

#include <map>
#include <memory>
#include <mutex>
#include <string_view>

namespace safesar::exporting {

namespace {

struct PatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct FontSetDeleter {
    void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};
struct CharSetDeleter {
    void operator()(FcCharSet* c) const { FcCharSetDestroy(c); }
};

std::optional<FallbackFont> ask_fontconfig(char32_t cp, bool bold) {
    std::unique_ptr<FcPattern, PatternDeleter> pattern(FcPatternCreate());
    std::unique_ptr<FcCharSet, CharSetDeleter> chars(FcCharSetCreate());
    FcCharSetAddChar(chars.get(), cp);
    FcPatternAddCharSet(pattern.get(), FC_CHARSET, chars.get());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    std::unique_ptr<FcFontSet, FontSetDeleter> fonts(
        FcFontSort(nullptr, pattern.get(), FcFalse, nullptr, &result));
    if (!fonts) return std::nullopt;
    for (int i = 0; i < fonts->nfont; ++i) {
        FcPattern* font = fonts->fonts[i];
        FcCharSet* has = nullptr;
        FcChar8 *file = nullptr, *format = nullptr, *family = nullptr;
        int index = 0, slant = FC_SLANT_ROMAN;
        if (FcPatternGetCharSet(font, FC_CHARSET, 0, &has) != FcResultMatch ||
            !FcCharSetHasChar(has, cp))
            continue;
        if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch ||
            FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultMatch ||
            std::string_view(reinterpret_cast<const char*>(format)) != "TrueType")
            continue;
        FcPatternGetInteger(font, FC_INDEX, 0, &index);
        FcPatternGetInteger(font, FC_SLANT, 0, &slant);
        if (index != 0 || slant != FC_SLANT_ROMAN) continue; // PoDoFo reads a file's first face
        FcPatternGetString(font, FC_FAMILY, 0, &family);
        return FallbackFont{reinterpret_cast<const char*>(file),
                            family ? reinterpret_cast<const char*>(family) : "Fallback"};
    }
    return std::nullopt;
}

} // namespace

std::optional<FallbackFont> fallback_font(char32_t cp, bool bold) {
    static std::mutex mutex; // fontconfig's default configuration is shared by every thread
    static std::map<std::pair<char32_t, bool>, std::optional<FallbackFont>> cache;
    std::lock_guard<std::mutex> lock(mutex);
    auto key = std::make_pair(cp, bold);
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(key, ask_fontconfig(cp, bold)).first;
    return it->second;
}

} // namespace safesar::exporting
