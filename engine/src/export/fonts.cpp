#include "export/fonts.hpp"

#include "core/utf8.hpp"
#include "export/font_fallback.hpp"
#include "export/podofo.hpp"
#include "export/script_shaping.hpp"
#include "safesar/errors.hpp"

#include <cstdlib>

namespace safesar::exporting {

// One embedded font and what it can draw.
struct FontFace::Embedded {
    PoDoFo::PdfFont* font = nullptr;
    mutable std::unordered_map<char32_t, bool> glyphs;

    bool has_glyph(char32_t cp) const {
        auto it = glyphs.find(cp);
        if (it != glyphs.end()) return it->second;
        bool has = cp <= 0xFFFF && font->GetFontMetrics()->GetGlyphId(static_cast<long>(cp)) > 0;
        glyphs.emplace(cp, has);
        return has;
    }

    // em
    double advance(char32_t cp) const {
        PoDoFo::PdfFontMetrics* metrics = font->GetFontMetrics2();
        float size = metrics->GetFontSize(), scale = metrics->GetFontScale(),
              space = metrics->GetFontCharSpace();
        metrics->SetFontSize(1000);
        metrics->SetFontScale(100);
        metrics->SetFontCharSpace(0);
        double em = metrics->UnicodeCharWidth(static_cast<unsigned short>(cp)) / 1000.0;
        metrics->SetFontSize(size);
        metrics->SetFontScale(scale);
        metrics->SetFontCharSpace(space);
        return em;
    }
};

namespace {

PoDoFo::PdfFont* subset(PoDoFo::PdfDocument& document, const std::string& family, bool bold,
                        const std::filesystem::path& file) {
    PoDoFo::PdfFont* font = document.CreateFontSubset(
        family.c_str(), bold, false, false,
        PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance(), file.c_str());
    if (!font) throw ExportError(file.string(), "the font could not be embedded");
    return font;
}

bool drawn_as_nothing(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xAD || cp == 0x200B || cp == 0xFEFF;
}

} // namespace

FontFace::FontFace(PoDoFo::PdfDocument& document, bool bold)
    : document_(&document), bold_(bold), primary_(std::make_unique<Embedded>()) {
    primary_->font = subset(document, bold ? "DejaVu Sans Bold" : "DejaVu Sans", bold,
                            font_file(bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf"));
    PoDoFo::PdfFontMetrics* metrics = primary_->font->GetFontMetrics2();
    metrics->SetFontSize(1000);
    if (metrics->GetAscent() > 0) ascent_ = metrics->GetAscent() / 1000.0;
    if (metrics->GetDescent() < 0) descent_ = metrics->GetDescent() / 1000.0;
}

FontFace::FontFace(FontFace&&) noexcept = default;
FontFace::~FontFace() = default;

PoDoFo::PdfFont* FontFace::primary() const {
    return primary_->font;
}

// DejaVu first; else the font fontconfig finds for the character, embedded once per document.
const FontFace::Embedded* FontFace::font_for(char32_t cp) const {
    if (primary_->has_glyph(cp)) return primary_.get();
    auto chosen = chosen_.find(cp);
    if (chosen != chosen_.end()) return chosen->second;
    const Embedded* found = nullptr;
    if (std::optional<FallbackFont> fallback = fallback_font(cp, bold_)) {
        auto it = fallbacks_.find(fallback->file.string());
        if (it == fallbacks_.end()) {
            auto embedded = std::make_unique<Embedded>();
            embedded->font = subset(*document_, fallback->family, bold_, fallback->file);
            it = fallbacks_.emplace(fallback->file.string(), std::move(embedded)).first;
        }
        if (it->second->has_glyph(cp)) found = it->second.get();
    }
    chosen_.emplace(cp, found);
    return found;
}

double FontFace::advance(char32_t cp) const {
    auto it = advances_.find(cp);
    if (it != advances_.end()) return it->second;
    const Embedded* font = font_for(cp);
    double em = font ? font->advance(cp) : 0;
    advances_.emplace(cp, em);
    return em;
}

std::string FontFace::printable(std::string_view utf8) const {
    const std::string shaped = shape_arabic(utf8);
    std::string out;
    out.reserve(shaped.size());
    for (std::size_t pos = 0; pos < shaped.size();) {
        char32_t cp = next_code_point(shaped, pos);
        if (cp == U'\t') cp = U' ';
        if (drawn_as_nothing(cp)) continue; // controls, soft hyphens, zero-width characters
        if (cp != U' ' && !font_for(cp)) cp = primary_->has_glyph(U'\uFFFD') ? U'\uFFFD' : U'?';
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

std::vector<FontRun> FontFace::runs(std::string_view printable_utf8) const {
    const std::string drawn = visual_order(printable_utf8);
    std::vector<FontRun> out;
    for (std::size_t pos = 0; pos < drawn.size();) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(drawn, pos);
        const Embedded* font = font_for(cp);
        PoDoFo::PdfFont* pdf_font = font ? font->font : primary_->font;
        if (out.empty() || out.back().font != pdf_font) out.push_back({pdf_font, {}});
        out.back().text.append(drawn, start, pos - start);
    }
    return out;
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
    return Fonts{FontFace(document, false), FontFace(document, true)};
}

PoDoFo::PdfString pdf_text(std::string_view printable_utf8) {
    std::string copy(printable_utf8);
    return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(copy.c_str()));
}

} // namespace safesar::exporting
