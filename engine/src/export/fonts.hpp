// The fonts of the bundle. DejaVu Sans (regular and bold) draws most text; a character DejaVu
// has no glyph for is drawn with a font fontconfig finds for it (Noto for most scripts, Droid
// Sans Fallback for Chinese, Japanese and Korean). Every font is embedded as an Identity-H subset
// of the glyphs used, so the text stays extractable (PoDoFo adds a ToUnicode map). Arabic is
// shaped into its joined forms and right-to-left runs are drawn in visual order (ICU).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace PoDoFo {
class PdfDocument;
class PdfFont;
class PdfString;
} // namespace PoDoFo

namespace safesar::exporting {

// A stretch of printable text drawn with one embedded font.
struct FontRun {
    PoDoFo::PdfFont* font = nullptr;
    std::string text;
};

class FontFace {
  public:
    FontFace(PoDoFo::PdfDocument& document, bool bold);
    FontFace(const FontFace&) = delete;
    FontFace& operator=(const FontFace&) = delete;
    FontFace(FontFace&&) noexcept;
    ~FontFace();

    // Text the fonts can draw: controls dropped, tabs as spaces, Arabic shaped, characters no
    // font has as U+FFFD. Everything drawn goes through this first. Logical order.
    std::string printable(std::string_view utf8) const;
    // Advance width of printable text at `size` points.
    double width(std::string_view printable_utf8, double size) const;
    // Printable text in the order it is drawn (right-to-left runs reversed), cut into runs of
    // one font each.
    std::vector<FontRun> runs(std::string_view printable_utf8) const;
    double ascent() const { return ascent_; }   // per point of size, positive
    double descent() const { return descent_; } // per point of size, negative
    PoDoFo::PdfFont* primary() const;

  private:
    struct Embedded;
    const Embedded* font_for(char32_t cp) const; // null: no font has it
    double advance(char32_t cp) const;           // em

    PoDoFo::PdfDocument* document_;
    bool bold_;
    double ascent_ = 0.93, descent_ = -0.24;
    std::unique_ptr<Embedded> primary_;
    mutable std::map<std::string, std::unique_ptr<Embedded>> fallbacks_; // by font file
    mutable std::unordered_map<char32_t, const Embedded*> chosen_;
    mutable std::unordered_map<char32_t, double> advances_;
};

struct Fonts {
    FontFace regular, bold;
};

// Where DejaVu is: $SAFESAR_FONT_DIR, else the Debian package's folder. Throws ExportError.
std::filesystem::path font_file(const std::string& name);
Fonts embed_fonts(PoDoFo::PdfDocument& document);

PoDoFo::PdfString pdf_text(std::string_view printable_utf8);

} // namespace safesar::exporting
