// One page of a disclosed PDF record as export sees it: the boxes to burn into the image and
// the words that stay in the text layer. A word is dropped when it overlaps a redacted byte
// range, when its box touches a burnt box, or when it is hidden.
#pragma once

#include "export/redaction_spans.hpp"
#include "safesar/document.hpp"

#include <string>
#include <vector>

namespace safesar::exporting {

struct BurnBox {
    Box box; // points, page as shown, top-left origin
    std::string code;
    std::vector<std::size_t> redactions;
};

struct KeptWord {
    std::string text;
    Box box;
    double font_size = 0; // the source's, 0 when unknown (OCR)
};

class PageView {
  public:
    PageView(const SectionSpans& spans, int page); // page is 1-based
    const std::vector<BurnBox>& burn_boxes() const { return burns_; }
    std::vector<KeptWord> kept_words() const;
    // The kept words in reading order with a token where redacted words were (for the JSON).
    std::vector<Piece> text_pieces() const;
    // Redactions that show on this page (each index once).
    std::vector<std::size_t> shown_redactions() const;

  private:
    struct Decision {
        std::size_t section, word;
        bool kept;
        bool hidden;
        std::vector<std::size_t> redactions; // why it was dropped
    };
    const SectionSpans* spans_;
    int page_;
    std::vector<BurnBox> burns_;
    std::vector<Decision> decisions_;
};

// Whether a word's box touches a redaction box enough to drop the word: a real overlap in both
// directions, not the sliver where lines of tight leading meet.
bool box_touches(const Box& word, const Box& redaction);

} // namespace safesar::exporting
