// read_doc: a Word 97-2003 document (.doc). Debian's only library for the format, wvWare, has
// not been maintained since 2013 and has open security issues, and the input is untrusted; so
// the text is taken from the piece table here (MS-DOC), with libgsf opening the OLE container.
// Each story is read: the body (paragraphs, and table rows from the paragraph properties),
// footnotes, headers and footers, comments with their authors, endnotes and text boxes. The
// character properties say which runs are hidden (fVanish) or deleted revisions (fRMarkDel):
// those are kept apart, not disclosed, and cautioned. Field instructions, the summary
// information (author, last saved by, company) and the source of any macros are metadata.
// Hidden text is recognised where the run itself is hidden or white; text hidden only by its
// style's properties (the stylesheet is not read) is shown, and redacted like any text.
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include "core/utf8.hpp"
#include "gather/block_writer.hpp"
#include "gather/document_parts.hpp"
#include "gather/le_bytes.hpp"
#include "gather/office_zip.hpp"
#include "gather/ole_file.hpp"
#include "gather/text_decode.hpp"

#include <algorithm>
#include <map>

namespace safesar {

namespace gather_detail {

namespace {

constexpr std::size_t max_characters = 64u << 20;

// The size of a property modifier's operand (MS-DOC 2.2.5.1), given its opcode and the bytes
// that follow it.
std::size_t operand_size(std::uint16_t sprm, std::string_view grpprl, std::size_t at) {
    switch ((sprm >> 13) & 7) {
    case 0: case 1: return 1;
    case 2: case 4: case 5: return 2;
    case 3: return 4;
    case 7: return 3;
    default: // variable
        if (sprm == 0xD608 || sprm == 0xD606) return at + 2 <= grpprl.size() ? le16(grpprl, at) + 2u : grpprl.size();
        return at < grpprl.size() ? static_cast<unsigned char>(grpprl[at]) + 1u : grpprl.size();
    }
}

// A toggle operand: 0 off, 1 on, 0x80 as the style has it (taken as off), 0x81 the opposite
// of the style (taken as on).
bool toggle_on(unsigned char v) {
    return v == 1 || v == 0x81;
}

struct CharacterFlags {
    bool hidden = false, deleted = false;
};
struct ParagraphFlags {
    bool in_table = false, row_end = false;
};

template <class Flags>
struct Run {
    std::uint32_t begin, end; // file offsets
    Flags flags;
};

// The runs of formatting of a PlcBte (characters or paragraphs), read from its FKP pages.
class FormattingRuns {
  public:
    void read_characters(std::string_view word, std::string_view table, std::uint32_t fc,
                         std::uint32_t lcb) {
        for_each_page(word, table, fc, lcb, [&](std::string_view page) {
            const unsigned count = static_cast<unsigned char>(page[511]);
            for (unsigned i = 0; i < count && 4 * (count + 1) + i < 511; ++i) {
                CharacterFlags f;
                const unsigned offset = static_cast<unsigned char>(page[4 * (count + 1) + i]) * 2u;
                if (offset > 0 && offset < 511) {
                    const unsigned cb = static_cast<unsigned char>(page[offset]);
                    apply(page.substr(offset + 1, std::min<std::size_t>(cb, 511 - offset - 1)), f);
                }
                characters_.push_back({le32(page, 4 * i), le32(page, 4 * (i + 1)), f});
            }
        });
        std::sort(characters_.begin(), characters_.end(),
                  [](const auto& a, const auto& b) { return a.begin < b.begin; });
    }

    void read_paragraphs(std::string_view word, std::string_view table, std::uint32_t fc,
                         std::uint32_t lcb) {
        for_each_page(word, table, fc, lcb, [&](std::string_view page) {
            const unsigned count = static_cast<unsigned char>(page[511]);
            for (unsigned i = 0; i < count && 4 * (count + 1) + 13 * i < 511; ++i) {
                ParagraphFlags f;
                const unsigned offset = static_cast<unsigned char>(page[4 * (count + 1) + 13 * i]) * 2u;
                if (offset > 0 && offset < 510) {
                    std::size_t cb = static_cast<unsigned char>(page[offset]);
                    std::size_t start = offset + 1;
                    std::size_t size = cb != 0 ? 2 * cb - 1 : 2u * static_cast<unsigned char>(page[offset + 1]);
                    if (cb == 0) ++start;
                    size = std::min(size, 511 - start);
                    if (size > 2) apply(page.substr(start + 2, size - 2), f); // after the istd
                }
                paragraphs_.push_back({le32(page, 4 * i), le32(page, 4 * (i + 1)), f});
            }
        });
        std::sort(paragraphs_.begin(), paragraphs_.end(),
                  [](const auto& a, const auto& b) { return a.begin < b.begin; });
    }

    CharacterFlags character_at(std::uint32_t fc) const { return find(characters_, fc); }
    ParagraphFlags paragraph_at(std::uint32_t fc) const { return find(paragraphs_, fc); }

  private:
    template <class F>
    void for_each_page(std::string_view word, std::string_view table, std::uint32_t fc,
                       std::uint32_t lcb, F&& each) {
        if (lcb < 8 || fc + static_cast<std::size_t>(lcb) > table.size()) return;
        const std::size_t n = (lcb - 4) / 8;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t pn = le32(table, fc + 4 * (n + 1) + 4 * i) & 0x3FFFFF;
            const std::size_t at = static_cast<std::size_t>(pn) * 512;
            if (at + 512 > word.size()) continue;
            each(word.substr(at, 512));
        }
    }

    // Calls `each(sprm, operand)` for every property modifier of `grpprl`.
    template <class F>
    static void for_each_sprm(std::string_view grpprl, F&& each) {
        for (std::size_t at = 0; at + 2 <= grpprl.size();) {
            const std::uint16_t sprm = le16(grpprl, at);
            at += 2;
            const std::size_t size = operand_size(sprm, grpprl, at);
            if (at < grpprl.size()) each(sprm, grpprl.substr(at, size));
            at += size;
        }
    }

    static void apply(std::string_view grpprl, CharacterFlags& f) {
        for_each_sprm(grpprl, [&f](std::uint16_t sprm, std::string_view operand) {
            const auto v = static_cast<unsigned char>(operand[0]);
            if (sprm == 0x083C || sprm == 0x0818) f.hidden = toggle_on(v);
            else if (sprm == 0x0800) f.deleted = toggle_on(v);
            // White text (colour index 8, or the RGB colour white) does not show.
            else if (sprm == 0x2A42) f.hidden = f.hidden || v == 8;
            else if (sprm == 0x6870 && operand.size() >= 4) f.hidden = f.hidden || le32(operand, 0) == 0x00FFFFFF;
        });
    }
    static void apply(std::string_view grpprl, ParagraphFlags& f) {
        for_each_sprm(grpprl, [&f](std::uint16_t sprm, std::string_view operand) {
            const auto v = static_cast<unsigned char>(operand[0]);
            if (sprm == 0x2416) f.in_table = v != 0;
            else if (sprm == 0x2417) f.row_end = v != 0;
        });
    }

    template <class Flags>
    static Flags find(const std::vector<Run<Flags>>& runs, std::uint32_t fc) {
        auto it = std::upper_bound(runs.begin(), runs.end(), fc,
                                   [](std::uint32_t v, const Run<Flags>& r) { return v < r.begin; });
        if (it == runs.begin()) return {};
        --it;
        return fc < it->end ? it->flags : Flags{};
    }

    std::vector<Run<CharacterFlags>> characters_;
    std::vector<Run<ParagraphFlags>> paragraphs_;
};

struct Piece {
    std::uint32_t cp_begin, cp_end;
    std::uint32_t fc; // of the first character
    bool compressed;  // 8-bit Windows-1252 text, else UTF-16
};

// Where the text of each character lives: the piece table of the CLX.
std::vector<Piece> read_pieces(std::string_view table, std::uint32_t fc, std::uint32_t lcb) {
    if (fc + static_cast<std::size_t>(lcb) > table.size())
        throw RecordError("", "the document's piece table lies outside its table stream (damaged)");
    std::string_view clx = table.substr(fc, lcb);
    std::size_t at = 0;
    while (at < clx.size() && clx[at] == 0x01) // Prc: property modifiers, skipped
        at += 3 + le16(clx, at + 1);
    if (at >= clx.size() || clx[at] != 0x02)
        throw RecordError("", "the document has no piece table (damaged)");
    const std::uint32_t size = le32(clx, at + 1);
    std::string_view plc = clx.substr(at + 5, std::min<std::size_t>(size, clx.size() - at - 5));
    if (plc.size() < 4) throw RecordError("", "the document's piece table is empty (damaged)");
    const std::size_t n = (plc.size() - 4) / 12;
    std::vector<Piece> pieces;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t raw = le32(plc, 4 * (n + 1) + 8 * i + 2);
        const bool compressed = raw & 0x40000000u;
        pieces.push_back({le32(plc, 4 * i), le32(plc, 4 * (i + 1)),
                          compressed ? (raw & 0x3FFFFFFFu) / 2 : raw & 0x3FFFFFFFu, compressed});
    }
    return pieces;
}

class DocText {
  public:
    DocText(std::string_view word, std::vector<Piece> pieces, const FormattingRuns& runs)
        : word_(word), pieces_(std::move(pieces)), runs_(runs) {}

    struct Character {
        unsigned code = 0;
        std::uint32_t fc = 0;
        bool valid = false;
    };

    Character at(std::uint32_t cp) const {
        auto it = std::upper_bound(pieces_.begin(), pieces_.end(), cp,
                                   [](std::uint32_t v, const Piece& p) { return v < p.cp_begin; });
        if (it == pieces_.begin()) return {};
        --it;
        if (cp >= it->cp_end) return {};
        const std::uint32_t offset = cp - it->cp_begin;
        Character c;
        if (it->compressed) {
            c.fc = it->fc + offset;
            if (c.fc >= word_.size()) return {};
            c.code = static_cast<unsigned char>(word_[c.fc]);
            c.code = windows_1252(c.code);
        } else {
            c.fc = it->fc + 2 * offset;
            if (c.fc + 2 > word_.size()) return {};
            c.code = le16(word_, c.fc);
        }
        c.valid = true;
        return c;
    }

    const FormattingRuns& runs() const { return runs_; }

  private:
    static unsigned windows_1252(unsigned b) {
        static const unsigned high[32] = {
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
            0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
            0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
        return b >= 0x80 && b < 0xA0 ? high[b - 0x80] : b;
    }

    std::string_view word_;
    std::vector<Piece> pieces_;
    const FormattingRuns& runs_;
};

// One story (the body, the footnotes...) read character by character into paragraphs, table
// rows, hidden and deleted text, and field codes.
class StoryReader {
  public:
    StoryReader(const DocText& text, BlockWriter& hidden, BlockWriter& deleted,
                std::vector<std::string>& field_codes, int& notes)
        : text_(text), hidden_(hidden), deleted_(deleted), field_codes_(field_codes),
          notes_(notes) {}

    // Characters [begin, end) into `out`. `mark_notes`: the note marks (0x02) are numbered.
    void read(std::uint32_t begin, std::uint32_t end, BlockWriter& out) {
        std::string line, hidden_line, deleted_line;
        std::vector<std::string> cells;
        std::vector<int> fields; // 0: instruction part, 1: result part
        std::string code;
        for (std::uint32_t cp = begin; cp < end; ++cp) {
            const DocText::Character c = text_.at(cp);
            if (!c.valid) continue;
            const CharacterFlags flags = text_.runs().character_at(c.fc);
            std::string& target = flags.deleted ? deleted_line : flags.hidden ? hidden_line : line;
            switch (c.code) {
            case 0x13:
                fields.push_back(0);
                code.clear();
                continue;
            case 0x14:
                if (!fields.empty()) {
                    if (fields.back() == 0 && !trim(code).empty()) field_codes_.push_back(trim(code));
                    fields.back() = 1;
                }
                continue;
            case 0x15:
                if (!fields.empty()) {
                    if (fields.back() == 0 && !trim(code).empty()) field_codes_.push_back(trim(code));
                    fields.pop_back();
                }
                continue;
            default:
                break;
            }
            if (!fields.empty() && fields.back() == 0) {
                append_utf8(code, c.code);
                continue;
            }
            if (c.code == 0x0D || c.code == 0x07) {
                const ParagraphFlags para = text_.runs().paragraph_at(c.fc);
                if (c.code == 0x07 && para.row_end) {
                    out.table_row(std::move(cells));
                    cells.clear();
                    line.clear();
                } else if (c.code == 0x07) {
                    cells.push_back(std::move(line));
                    line.clear();
                } else if (para.in_table) {
                    line += ' ';
                } else {
                    out.paragraph(std::move(line));
                    line.clear();
                }
                hidden_.paragraph(std::move(hidden_line));
                deleted_.paragraph(std::move(deleted_line));
                hidden_line.clear();
                deleted_line.clear();
                continue;
            }
            switch (c.code) {
            case 0x0B: target += '\n'; break;
            case 0x0C: case 0x0E: target += '\n'; break;
            case 0x09: target += '\t'; break;
            case 0x1E: target += '-'; break;
            case 0x1F: break;
            case 0x02: target += "[" + std::to_string(++notes_) + "]"; break;
            case 0x01: case 0x08: case 0x05: case 0x03: case 0x04: break;
            default:
                if (c.code >= 0x20) append_utf8(target, c.code);
            }
        }
        if (!cells.empty()) {
            cells.push_back(std::move(line));
            out.table_row(std::move(cells));
        } else {
            out.paragraph(std::move(line));
        }
        hidden_.paragraph(std::move(hidden_line));
        deleted_.paragraph(std::move(deleted_line));
    }

  private:
    const DocText& text_;
    BlockWriter& hidden_;
    BlockWriter& deleted_;
    std::vector<std::string>& field_codes_;
    int& notes_;
};

// The comments' authors: GrpXstAtnOwners (names) and PlcfandRef (which name each comment has).
std::vector<std::string> comment_authors(std::string_view table, std::uint32_t owners_fc,
                                         std::uint32_t owners_lcb, std::uint32_t ref_fc,
                                         std::uint32_t ref_lcb) {
    std::vector<std::string> names;
    if (owners_fc + static_cast<std::size_t>(owners_lcb) <= table.size()) {
        for (std::size_t at = owners_fc; at + 2 <= owners_fc + owners_lcb;) {
            const std::uint16_t length = le16(table, at);
            at += 2;
            std::string name;
            for (std::uint16_t i = 0; i < length && at + 2 <= owners_fc + owners_lcb; ++i, at += 2)
                append_utf8(name, le16(table, at));
            names.push_back(name);
        }
    }
    std::vector<std::string> authors;
    if (ref_lcb >= 4 && ref_fc + static_cast<std::size_t>(ref_lcb) <= table.size()) {
        const std::size_t n = (ref_lcb - 4) / 34;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint16_t ibst = le16(table, ref_fc + 4 * (n + 1) + 30 * i + 20);
            authors.push_back(ibst < names.size() ? names[ibst] : std::string());
        }
    }
    return authors;
}

// The CP boundaries of a PlcfandTxt / PlcffndTxt: where each note's text starts.
std::vector<std::uint32_t> text_boundaries(std::string_view table, std::uint32_t fc,
                                           std::uint32_t lcb) {
    std::vector<std::uint32_t> out;
    if (lcb < 4 || fc + static_cast<std::size_t>(lcb) > table.size()) return out;
    for (std::size_t at = fc; at + 4 <= fc + lcb; at += 4) out.push_back(le32(table, at));
    return out;
}

} // namespace

} // namespace gather_detail

Record read_doc(const std::string& name, std::string_view bytes, const GatherOptions& /*options*/,
                std::vector<Record>& /*attachments*/) {
    using namespace gather_detail;
    OleFile file(bytes, name);
    const OleStorage& root = file.root();
    try {
        auto word = root.stream("WordDocument");
        if (!word || word->size() < 0x200) throw RecordError("", "no WordDocument stream (damaged)");
        const std::string_view w = *word;
        if (le16(w, 0) != 0xA5EC) throw RecordError("", "not a Word document (bad signature)");
        const std::uint16_t nfib = le16(w, 2);
        const std::uint16_t flags = le16(w, 0x0A);
        if (flags & 0x0100)
            throw RecordError("", "password-protected Word document: it is encrypted, so it "
                                  "cannot be read");
        if (nfib < 0x00C1)
            throw RecordError("", "a Word 6 or Word 95 document (older than Word 97): not read");
        auto table_stream = root.stream(flags & 0x0200 ? "1Table" : "0Table");
        if (!table_stream) throw RecordError("", "the document's table stream is missing (damaged)");
        const std::string_view t = *table_stream;

        // FIB: FibBase (32 bytes), fibRgW, fibRgLw, fibRgFcLcb.
        std::size_t at = 32;
        const std::uint16_t csw = le16(w, at);
        at += 2 + 2u * csw;
        const std::uint16_t cslw = le16(w, at);
        const std::size_t lw = at + 2;
        at = lw + 4u * cslw;
        const std::uint16_t fc_count = le16(w, at);
        const std::size_t fclcb = at + 2;
        auto long_word = [&](unsigned i) { return i < cslw ? le32(w, lw + 4 * i) : 0u; };
        auto fc_of = [&](unsigned i) { return i < fc_count ? le32(w, fclcb + 8 * i) : 0u; };
        auto lcb_of = [&](unsigned i) { return i < fc_count ? le32(w, fclcb + 8 * i + 4) : 0u; };

        const std::uint32_t ccp_text = long_word(3), ccp_ftn = long_word(4), ccp_hdd = long_word(5),
                            ccp_atn = long_word(7), ccp_edn = long_word(8),
                            ccp_txbx = long_word(9), ccp_hdr_txbx = long_word(10);
        const std::uint64_t total = static_cast<std::uint64_t>(ccp_text) + ccp_ftn + ccp_hdd +
                                    ccp_atn + ccp_edn + ccp_txbx + ccp_hdr_txbx;
        if (total > max_characters) throw RecordError("", "the document claims too much text (damaged?)");

        FormattingRuns runs;
        runs.read_characters(w, t, fc_of(12), lcb_of(12));
        runs.read_paragraphs(w, t, fc_of(13), lcb_of(13));
        DocText text(w, read_pieces(t, fc_of(33), lcb_of(33)), runs);

        BlockWriter hidden, deleted;
        std::vector<std::string> field_codes;
        int footnote_marks = 0, body_marks = 0, endnote_marks = 0;
        StoryReader body_reader(text, hidden, deleted, field_codes, body_marks);
        Record record;
        record.name = name;
        record.kind = RecordKind::Document;
        record.mime_type = "application/msword";

        std::uint32_t cp = 0;
        BlockWriter body, footnotes, headers, endnotes, boxes, header_boxes;
        body_reader.read(cp, cp + ccp_text, body);
        cp += ccp_text;
        StoryReader(text, hidden, deleted, field_codes, footnote_marks).read(cp, cp + ccp_ftn, footnotes);
        cp += ccp_ftn;
        StoryReader(text, hidden, deleted, field_codes, body_marks).read(cp, cp + ccp_hdd, headers);
        cp += ccp_hdd;
        const std::uint32_t atn_begin = cp;
        std::vector<Section> comments;
        {
            const auto bounds = text_boundaries(t, fc_of(5), lcb_of(5));
            const auto authors = comment_authors(t, fc_of(36), lcb_of(36), fc_of(4), lcb_of(4));
            for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
                BlockWriter note;
                int marks = 0;
                StoryReader(text, hidden, deleted, field_codes, marks)
                    .read(atn_begin + bounds[i], std::min(atn_begin + bounds[i + 1], atn_begin + ccp_atn), note);
                if (note.empty()) continue;
                comments.push_back(comment_section("comment " + std::to_string(comments.size() + 1),
                                                  {{"Author", i < authors.size() ? authors[i] : ""},
                                                   {"Comment", note.text()}}));
            }
            if (bounds.size() < 2 && ccp_atn > 0) {
                BlockWriter note;
                int marks = 0;
                StoryReader(text, hidden, deleted, field_codes, marks).read(atn_begin, atn_begin + ccp_atn, note);
                if (!note.empty())
                    comments.push_back(comment_section("comments", {{"Comment", note.text()}}));
            }
        }
        cp += ccp_atn;
        StoryReader(text, hidden, deleted, field_codes, endnote_marks).read(cp, cp + ccp_edn, endnotes);
        cp += ccp_edn;
        StoryReader(text, hidden, deleted, field_codes, body_marks).read(cp, cp + ccp_txbx, boxes);
        cp += ccp_txbx;
        StoryReader(text, hidden, deleted, field_codes, body_marks).read(cp, cp + ccp_hdr_txbx, header_boxes);

        if (!headers.empty()) record.sections.push_back(headers.take(SectionKind::Body, "headers and footers"));
        record.sections.push_back(body.take(SectionKind::Body, "body"));
        if (!boxes.empty()) record.sections.push_back(boxes.take(SectionKind::Body, "text boxes"));
        if (!header_boxes.empty())
            record.sections.push_back(header_boxes.take(SectionKind::Body, "text boxes in headers"));
        if (!footnotes.empty()) record.sections.push_back(footnotes.take(SectionKind::Body, "footnotes"));
        if (!endnotes.empty()) record.sections.push_back(endnotes.take(SectionKind::Body, "endnotes"));
        for (Section& s : comments) record.sections.push_back(std::move(s));
        add_hidden_text(record, hidden, deleted);
        std::string codes;
        for (const std::string& c : field_codes) codes += c + "\n";
        if (!trim(codes).empty())
            record.sections.push_back({SectionKind::Metadata, "field codes", trim(codes)});
        ole_properties(root, record.sections);
        if (root.has("Macros")) {
            ole_macro_source(root.storage("Macros"), record.sections);
            record.cautions.push_back(macro_caution);
        }
        if (!root.storage("ObjectPool").names().empty())
            record.cautions.push_back("the document embeds objects (another file inside it) that "
                                      "were not read: check them in the original");
        if (flags & 0x0008)
            record.cautions.push_back("the document holds pictures, which were not read (they may "
                                      "show text): check them in the original");
        return record;
    } catch (const RecordError& e) {
        throw RecordError(name, e.reason());
    }
}

} // namespace safesar
