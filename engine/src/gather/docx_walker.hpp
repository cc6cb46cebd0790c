// Private: the text of WordprocessingML (a .docx body, header, footer, footnote, comment or text
// box) walked element by element. What shows becomes paragraphs, headings and table rows; what
// does not show is kept apart so that detection still reads it: hidden runs (w:vanish, white or
// microscopic text), deleted runs of tracked changes (w:del, w:moveFrom), field codes, the alt
// text of pictures. Pictures and embedded objects are listed by relationship id.
#pragma once

#include "gather/block_writer.hpp"
#include "gather/xml.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace safesar::gather_detail {

// What styles.xml says about each style id.
struct DocxStyles {
    std::map<std::string, int> heading_level; // paragraph style -> 1..6
    std::set<std::string> hidden;             // styles whose text does not show
};
DocxStyles docx_read_styles(const XmlDoc& styles);

// "i", "ii", "iv": endnotes are numbered in lower-case Roman numerals, as Word shows them.
std::string docx_roman(int n);

// Collected from every part walked, for the record as a whole.
struct DocxFindings {
    BlockWriter hidden;        // hidden runs, one paragraph's worth a line
    BlockWriter deleted;       // deleted runs of tracked changes
    std::vector<std::string> field_codes, alt_texts;
    std::map<std::string, int> footnote_numbers, endnote_numbers; // note id -> number shown
};

// One part's pictures and objects, by relationship id, in the order they appear.
struct DocxLinks {
    std::vector<std::string> pictures, objects;
};

class DocxWalker {
  public:
    DocxWalker(const DocxStyles& styles, DocxFindings& findings)
        : styles_(styles), findings_(findings) {}

    // The block-level content of `container` (w:body, w:hdr, w:footnote, w:comment...) into
    // `out`. `prefix` goes before the first paragraph (a footnote's "[1] ").
    void blocks(const xmlNode* container, BlockWriter& out, DocxLinks& links,
                const std::string& prefix = {});

  private:
    struct Paragraph {
        std::string visible, hidden, deleted;
        std::vector<BlockWriter> boxes; // text boxes anchored in the paragraph
    };
    struct RunState {
        bool deleted = false;
        bool hidden = false; // from the paragraph's style
    };

    void block(const xmlNode* node, BlockWriter& out, DocxLinks& links, int depth);
    void paragraph(const xmlNode* p, BlockWriter& out, DocxLinks& links, int depth);
    void table(const xmlNode* tbl, BlockWriter& out, DocxLinks& links, int depth);
    // A cell's paragraphs on one line; text boxes and nested tables' cells join it.
    std::string cell_text(const xmlNode* tc, DocxLinks& links, std::vector<BlockWriter>& boxes,
                          bool deleted_row, int depth);
    void inline_content(const xmlNode* node, RunState state, Paragraph& into, DocxLinks& links,
                        int depth);
    void run(const xmlNode* r, RunState state, Paragraph& into, DocxLinks& links, int depth);
    void drawing(const xmlNode* node, Paragraph& into, DocxLinks& links, int depth);
    bool run_hidden(const xmlNode* rpr) const;
    void flush_apart(Paragraph& p);

    const DocxStyles& styles_;
    DocxFindings& findings_;
    std::string prefix_;
};

} // namespace safesar::gather_detail
