// Laying out text pages (text records, cover, schedule): paragraphs and table rows broken into
// lines and pages. Pure computation, so page counts are known before anything is written.
#pragma once

#include "export/fonts.hpp"

#include <string>
#include <vector>

namespace safesar::exporting {

enum class Face { Regular, Bold };
enum class Ink { Black, Grey, White, Red };

struct TextRun {
    std::string text; // UTF-8 as it comes; made printable by the layout
    Face face = Face::Regular;
    bool token = false; // a redaction: a fixed-width black box with the code in white
    std::string code;
    std::vector<std::size_t> redactions; // what the token stands for (for the schedule)
    // Text SafeSAR wrote itself (headings, explanations, the controller's information), not a
    // record's content or a title. Verification does not mistake a redacted name that is also an
    // ordinary word ("Law", "May") for a leak inside this text; everywhere else it still looks.
    bool fixed = false;
};

struct Cell {
    double x = 0, width = 0; // from the content box's left edge
    std::vector<TextRun> spans;
};

struct Block {
    std::vector<TextRun> spans; // a paragraph; '\n' breaks the line
    std::vector<Cell> cells;    // or a table row
    double size = 10, leading = 13;
    double indent = 0, space_before = 0;
    Ink ink = Ink::Black;
    std::string right; // printed right-aligned on the first line (a page number)
    bool keep_with_next = false;
    bool rule_below = false; // a thin line under the block
};

struct DrawnText {
    double x = 0, baseline = 0; // points from the page's top-left corner
    double size = 10;
    Face face = Face::Regular;
    Ink ink = Ink::Black;
    std::string text; // printable
    bool token = false;
    double box_width = 0; // tokens: the black box's width
    std::vector<std::size_t> redactions;
};

struct DrawnRule {
    double x0 = 0, x1 = 0, y = 0;
};

struct LaidOutPage {
    std::vector<DrawnText> texts;
    std::vector<DrawnRule> rules;
};

struct PageFrame {
    double width = 595.276, height = 841.89;             // A4
    double left = 56, right = 56, top = 66, bottom = 52; // margins of the text area
};

class TextLayout {
  public:
    TextLayout(const Fonts& fonts, PageFrame frame) : fonts_(&fonts), frame_(frame) {}
    std::vector<LaidOutPage> lay_out(const std::vector<Block>& blocks) const;

    const FontFace& face(Face f) const { return f == Face::Bold ? fonts_->bold : fonts_->regular; }
    // A token's box: as wide for every name it hides, only the code changes it.
    double token_width(const std::string& code, double size) const;

  private:
    struct Line {
        std::vector<DrawnText> items; // x from the line's left edge, baseline unset
    };
    std::vector<Line> break_lines(const std::vector<TextRun>& spans, double size, double width,
                                  Ink ink) const;

    const Fonts* fonts_;
    PageFrame frame_;
};

} // namespace safesar::exporting
