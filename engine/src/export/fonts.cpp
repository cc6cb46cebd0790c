#include "export/fonts.hpp"

#include "export/podofo.hpp"
#include "export/utf8.hpp"
#include "safesar/errors.hpp"

#include <cstdlib>

namespace safesar::exporting {

FontFace::FontFace(PoDoFo::PdfFont* font) : font_(font) {
    if (!font_) throw ExportError("", "the bundle font could not be embedded");
    PoDoFo::PdfFontMetrics* metrics = font_->GetFontMetrics2();
    metrics->SetFontSize(1000);
    if (metrics->GetAscent() > 0) ascent_ = metrics->GetAscent() / 1000.0;
    if (metrics->GetDescent() < 0) descent_ = metrics->GetDescent() / 1000.0;
}

bool FontFace::has_glyph(char32_t cp) const {
    auto it = glyphs_.find(cp);
    if (it != glyphs_.end()) return it->second;
    bool has = cp <= 0xFFFF && font_->GetFontMetrics()->GetGlyphId(static_cast<long>(cp)) > 0;
    glyphs_.emplace(cp, has);
    return has;
}

double FontFace::advance(char32_t cp) const {
    auto it = advances_.find(cp);
    if (it != advances_.end()) return it->second;
    PoDoFo::PdfFontMetrics* metrics = font_->GetFontMetrics2();
    float size = metrics->GetFontSize(), scale = metrics->GetFontScale(),
          space = metrics->GetFontCharSpace();
    metrics->SetFontSize(1000);
    metrics->SetFontScale(100);
    metrics->SetFontCharSpace(0);
    double em = metrics->UnicodeCharWidth(static_cast<unsigned short>(cp)) / 1000.0;
    metrics->SetFontSize(size);
    metrics->SetFontScale(scale);
    metrics->SetFontCharSpace(space);
    advances_.emplace(cp, em);
    return em;
}

std::string FontFace::printable(std::string_view utf8) const {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) {
        char32_t cp = next_code_point(utf8, pos);
        if (cp == U'\t') cp = U' ';
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xAD || cp == 0x200B || cp == 0xFEFF)
            continue; // controls, soft hyphens, zero-width characters: nothing to draw
        if (cp != U' ' && !has_glyph(cp)) cp = has_glyph(U'\uFFFD') ? U'\uFFFD' : U'?';
        append_utf8(out, cp);
    }
    return out;
}

double FontFace::width(std::string_view printable_utf8, double size) const {
    double em = 0;
    for (std::size_t pos = 0; pos < printable_utf8.size();)
        em += advance(next_code_point(printable_utf8, pos));
    return em * size;
}

std::filesystem::path font_file(const std::string& name) {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("SAFESAR_FONT_DIR")) dirs.emplace_back(env);
    dirs.emplace_back("/usr/share/fonts/truetype/dejavu");
    dirs.emplace_back("/usr/local/share/fonts/truetype/dejavu");
    for (const auto& dir : dirs)
        if (std::filesystem::is_regular_file(dir / name)) return dir / name;
    throw ExportError(name, "font not found (install fonts-dejavu-core or set SAFESAR_FONT_DIR)");
}

Fonts embed_fonts(PoDoFo::PdfDocument& document) {
    auto subset = [&](const char* name, bool bold) {
        std::string file = font_file(name).string();
        return document.CreateFontSubset(
            bold ? "DejaVu Sans Bold" : "DejaVu Sans", bold, false, false,
            PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance(), file.c_str());
    };
    return Fonts{FontFace(subset("DejaVuSans.ttf", false)),
                 FontFace(subset("DejaVuSans-Bold.ttf", true))};
}

PoDoFo::PdfString pdf_text(std::string_view printable_utf8) {
    std::string copy(printable_utf8);
    return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(copy.c_str()));
}

} // namespace safesar::exporting
