// The fonts of the bundle: DejaVu Sans (regular and bold), embedded as Identity-H subsets so any
// text Unicode DejaVu covers is written and stays extractable (PoDoFo adds a ToUnicode map).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace PoDoFo {
class PdfDocument;
class PdfFont;
class PdfString;
} // namespace PoDoFo

namespace safesar::exporting {

class FontFace {
  public:
    explicit FontFace(PoDoFo::PdfFont* font);
    PoDoFo::PdfFont* pdf_font() const { return font_; }

    // Text the font can draw: controls dropped, tabs as spaces, characters without a glyph as
    // U+FFFD. Everything drawn goes through this first.
    std::string printable(std::string_view utf8) const;
    // Advance width of printable text at `size` points.
    double width(std::string_view printable_utf8, double size) const;
    double ascent() const { return ascent_; }   // per point of size, positive
    double descent() const { return descent_; } // per point of size, negative

  private:
    double advance(char32_t cp) const; // em
    bool has_glyph(char32_t cp) const;
    PoDoFo::PdfFont* font_;
    double ascent_ = 0.93, descent_ = -0.24;
    mutable std::unordered_map<char32_t, double> advances_;
    mutable std::unordered_map<char32_t, bool> glyphs_;
};

struct Fonts {
    FontFace regular, bold;
};

// Where DejaVu is: $SAFESAR_FONT_DIR, else the Debian package's folder. Throws ExportError.
std::filesystem::path font_file(const std::string& name);
Fonts embed_fonts(PoDoFo::PdfDocument& document);

PoDoFo::PdfString pdf_text(std::string_view printable_utf8);

} // namespace safesar::exporting
