// Which installed font draws a character DejaVu lacks: asked of fontconfig, limited to TrueType
// outlines (the only kind PoDoFo 0.9 can subset: Noto CJK's CFF outlines cannot be).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace safesar::exporting {

struct FallbackFont {
    std::filesystem::path file;
    std::string family;
};

// A sans-serif TrueType font with a glyph for `cp` (bold when asked, if one exists); nothing
// when no installed font has one. Thread-safe.
std::optional<FallbackFont> fallback_font(char32_t cp, bool bold);

} // namespace safesar::exporting
