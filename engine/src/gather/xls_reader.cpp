// read_xls: an Excel 97-2003 workbook (.xls, BIFF8). Debian's FreeXL reads cell values only (no
// hidden state, no comments, and only from a file path), so the Workbook stream's records are
// read here (MS-XLS), with libgsf opening the OLE container. Every sheet, hidden and very
// hidden ones too; rows under their column headings as for .xlsx; hidden rows and columns;
// cell notes with their authors; formulas' cached values; printed headers and footers; defined
// names, the user who last saved it and the summary information as metadata. Macros are never
// run; their source is read for detection.
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include "core/utf8.hpp"
#include "gather/block_writer.hpp"
#include "gather/document_parts.hpp"
#include "gather/excel_values.hpp"
#include "gather/le_bytes.hpp"
#include "gather/office_zip.hpp"
#include "gather/ole_file.hpp"
#include "gather/sheet_builder.hpp"

#include <cstring>
#include <map>
#include <optional>

namespace safesar {

namespace gather_detail {

namespace {

struct Record_ {
    std::uint16_t type;
    std::string_view data;
    std::size_t offset; // in the stream
};

double f64(std::string_view s, std::size_t at) {
    if (at + 8 > s.size()) throw RecordError("", "the workbook is damaged (a record is too short)");
    double d;
    std::memcpy(&d, s.data() + at, 8);
    return d;
}

// The records of a stream, in order.
std::vector<Record_> records_of(std::string_view stream) {
    std::vector<Record_> out;
    for (std::size_t at = 0; at + 4 <= stream.size();) {
        const std::uint16_t type = le16(stream, at), length = le16(stream, at + 2);
        if (at + 4 + length > stream.size()) break; // a truncated last record
        out.push_back({type, stream.substr(at + 4, length), at});
        at += 4 + length;
    }
    return out;
}

// Reads strings that may run from a record into the CONTINUE records after it: at each
// boundary inside a string's characters, a new flags byte says whether the rest is 8 or 16 bits.
class ContinuedReader {
  public:
    ContinuedReader(const std::vector<Record_>& records, std::size_t first) {
        segments_.push_back(records[first].data);
        for (std::size_t i = first + 1; i < records.size() && records[i].type == 0x003C; ++i)
            segments_.push_back(records[i].data);
    }

    bool done() const { return segment_ >= segments_.size(); }

    unsigned char byte() {
        skip_empty();
        if (done()) throw RecordError("", "the workbook is damaged (a string runs past its records)");
        return static_cast<unsigned char>(segments_[segment_][at_++]);
    }
    std::uint16_t word() {
        const unsigned char lo = byte();
        return static_cast<std::uint16_t>(lo | byte() << 8);
    }
    std::uint32_t dword() {
        const std::uint32_t lo = word();
        return lo | static_cast<std::uint32_t>(word()) << 16;
    }
    void skip(std::size_t n) {
        while (n > 0) {
            skip_empty();
            if (done()) return;
            const std::size_t take = std::min(n, segments_[segment_].size() - at_);
            at_ += take;
            n -= take;
        }
    }

    // An XLUnicodeRichExtendedString (SST) or XLUnicodeString (cch given).
    std::string unicode_string(std::size_t cch, bool rich_ext) {
        unsigned char flags = byte();
        std::size_t runs = 0, ext = 0;
        if (rich_ext && (flags & 0x08)) runs = word();
        if (rich_ext && (flags & 0x04)) ext = dword();
        std::string out;
        for (std::size_t i = 0; i < cch; ++i) {
            skip_empty();
            if (done()) break;
            if (at_ == 0 && i > 0) flags = byte(); // continued: the flags again
            append_utf8(out, (flags & 0x01) ? word() : byte());
        }
        skip(4 * runs + ext);
        return out;
    }

  private:
    void skip_empty() {
        while (segment_ < segments_.size() && at_ >= segments_[segment_].size()) {
            ++segment_;
            at_ = 0;
        }
    }
    std::vector<std::string_view> segments_;
    std::size_t segment_ = 0, at_ = 0;
};

// An XLUnicodeString inside one record: cch (16 bits), flags, characters.
std::string record_string(std::string_view data, std::size_t at, bool short_count = false) {
    std::size_t cch = short_count ? static_cast<unsigned char>(data.at(at)) : le16(data, at);
    at += short_count ? 1 : 2;
    if (at >= data.size()) return {};
    const bool wide = data[at] & 0x01;
    ++at;
    std::string out;
    for (std::size_t i = 0; i < cch && at + (wide ? 2 : 1) <= data.size(); ++i) {
        append_utf8(out, wide ? le16(data, at) : static_cast<unsigned char>(data[at]));
        at += wide ? 2 : 1;
    }
    return out;
}

std::string error_text(unsigned char code) {
    switch (code) {
    case 0x00: return "#NULL!";
    case 0x07: return "#DIV/0!";
    case 0x0F: return "#VALUE!";
    case 0x17: return "#REF!";
    case 0x1D: return "#NAME?";
    case 0x24: return "#NUM!";
    case 0x2A: return "#N/A";
    default: return "#ERROR";
    }
}

double rk_value(std::uint32_t rk) {
    double v;
    if (rk & 0x02) {
        v = static_cast<double>(static_cast<std::int32_t>(rk) >> 2);
    } else {
        const std::uint64_t bits = static_cast<std::uint64_t>(rk & 0xFFFFFFFCu) << 32;
        std::memcpy(&v, &bits, 8);
    }
    return (rk & 0x01) ? v / 100 : v;
}

class XlsReader {
  public:
    XlsReader(std::string_view stream, const std::string& name) : stream_(stream), name_(name) {}

    Record read() {
        const auto records = records_of(stream_);
        Record record;
        record.name = name_;
        record.kind = RecordKind::Spreadsheet;
        record.mime_type = "application/vnd.ms-excel";
        if (records.empty() || records.front().type != 0x0809)
            throw RecordError("", "not a BIFF8 workbook (an Excel file older than Excel 97?)");
        struct Sheet {
            std::uint32_t offset;
            int state;
            std::string name;
        };
        std::vector<Sheet> sheets;
        std::string names;
        for (std::size_t i = 0; i < records.size(); ++i) {
            const Record_& r = records[i];
            if (r.type == 0x000A) break; // EOF of the globals
            switch (r.type) {
            case 0x002F:
                throw RecordError("", "password-protected Excel workbook: it is encrypted, so it "
                                      "cannot be read");
            case 0x0085:
                if (r.data.size() >= 8 && static_cast<unsigned char>(r.data[5]) == 0)
                    sheets.push_back({le32(r.data, 0), r.data[4] & 0x03,
                                      record_string(r.data, 6, true)});
                break;
            case 0x00FC:
                shared_strings(records, i);
                break;
            case 0x0022:
                date1904_ = r.data.size() >= 2 && le16(r.data, 0) != 0;
                break;
            case 0x041E:
                if (r.data.size() >= 5)
                    formats_[le16(r.data, 0)] = excel_custom_date_format(record_string(r.data, 2));
                break;
            case 0x00E0:
                if (r.data.size() >= 4) xf_formats_.push_back(le16(r.data, 2));
                break;
            case 0x0018: // NAME
                if (r.data.size() >= 15 && !(le16(r.data, 0) & 0x0020)) {
                    const std::size_t cch = static_cast<unsigned char>(r.data[3]);
                    std::string defined;
                    const bool wide = r.data[14] & 0x01;
                    for (std::size_t k = 0; k < cch && 15 + (k + 1) * (wide ? 2 : 1) <= r.data.size(); ++k)
                        append_utf8(defined, wide ? le16(r.data, 15 + 2 * k)
                                                  : static_cast<unsigned char>(r.data[15 + k]));
                    if (!defined.empty()) names += defined + "\n";
                }
                break;
            case 0x005C: // WRITEACCESS: who last saved the file
                if (r.data.size() >= 3) {
                    std::string user = trim(record_string(r.data, 0));
                    if (!user.empty())
                        record.sections.push_back({SectionKind::Metadata, "property last saved by (write access)", user});
                }
                break;
            default:
                break;
            }
        }
        HiddenCounts hidden;
        int number = 0;
        for (const Sheet& s : sheets) {
            SheetBuilder builder(++number, s.name, s.state != 0);
            sheet(records, s.offset, builder);
            builder.finish(record.sections, hidden);
        }
        if (sheets.empty()) throw RecordError("", "the workbook lists no worksheets");
        if (std::string caution = sheet_hidden_caution(hidden); !caution.empty())
            record.cautions.push_back(std::move(caution));
        if (!trim(names).empty())
            record.sections.push_back({SectionKind::Metadata, "defined names", trim(names)});
        return record;
    }

  private:
    void shared_strings(const std::vector<Record_>& records, std::size_t index) {
        ContinuedReader in(records, index);
        in.skip(4);
        const std::uint32_t unique = in.dword();
        for (std::uint32_t k = 0; k < unique && !in.done(); ++k) {
            const std::uint16_t cch = in.word();
            strings_.push_back(in.unicode_string(cch, true));
        }
    }

    bool is_date(std::uint16_t xf) const {
        if (xf >= xf_formats_.size()) return false;
        const std::uint16_t format = xf_formats_[xf];
        auto it = formats_.find(format);
        return it != formats_.end() ? it->second : excel_builtin_date_format(format);
    }

    std::string number(std::uint16_t xf, double value) const {
        if (is_date(xf)) {
            std::string date = excel_date(value, date1904_);
            if (!date.empty()) return date;
        }
        return excel_number(value);
    }

    void sheet(const std::vector<Record_>& records, std::uint32_t offset, SheetBuilder& builder) {
        std::size_t i = 0;
        while (i < records.size() && records[i].offset < offset) ++i;
        if (i >= records.size() || records[i].offset != offset || records[i].type != 0x0809) return;
        std::map<int, std::map<int, std::string>> cells; // row -> column -> text
        std::map<int, bool> hidden_rows;
        std::map<std::uint16_t, std::string> note_texts; // object id -> text
        struct Note {
            int row, column;
            std::uint16_t object;
            std::string author;
        };
        std::vector<Note> notes;
        std::optional<std::uint16_t> object, pending_text;
        std::optional<std::pair<int, int>> string_for; // a FORMULA whose string follows
        for (++i; i < records.size(); ++i) {
            const Record_& r = records[i];
            const std::string_view d = r.data;
            if (r.type == 0x000A) break;
            try {
                switch (r.type) {
                case 0x0208: // ROW
                    if (d.size() >= 16 && (le16(d, 12) & 0x0020)) hidden_rows[le16(d, 0)] = true;
                    break;
                case 0x007D: // COLINFO
                    if (d.size() >= 10 && (le16(d, 8) & 0x0001))
                        for (int c = le16(d, 0); c <= std::min<int>(le16(d, 2), 255); ++c)
                            builder.hide_column(c);
                    break;
                case 0x00FD: { // LABELSST
                    const std::uint32_t k = le32(d, 6);
                    if (k < strings_.size()) cells[le16(d, 0)][le16(d, 2)] = strings_[k];
                    break;
                }
                case 0x0204: case 0x00D6: // LABEL, RSTRING
                    cells[le16(d, 0)][le16(d, 2)] = record_string(d, 6);
                    break;
                case 0x0203: // NUMBER
                    cells[le16(d, 0)][le16(d, 2)] = number(le16(d, 4), f64(d, 6));
                    break;
                case 0x027E: // RK
                    cells[le16(d, 0)][le16(d, 2)] = number(le16(d, 4), rk_value(le32(d, 6)));
                    break;
                case 0x00BD: { // MULRK
                    const int row = le16(d, 0);
                    int column = le16(d, 2);
                    for (std::size_t at = 4; at + 6 <= d.size() - 2; at += 6, ++column)
                        cells[row][column] = number(le16(d, at), rk_value(le32(d, at + 2)));
                    break;
                }
                case 0x0205: // BOOLERR
                    if (d.size() >= 8)
                        cells[le16(d, 0)][le16(d, 2)] =
                            d[7] ? error_text(static_cast<unsigned char>(d[6])) : (d[6] ? "TRUE" : "FALSE");
                    break;
                case 0x0006: { // FORMULA: its cached value
                    if (d.size() < 14) break;
                    const int row = le16(d, 0), column = le16(d, 2);
                    if (le16(d, 12) == 0xFFFF) {
                        const auto kind = static_cast<unsigned char>(d[6]);
                        if (kind == 0) string_for = std::make_pair(row, column);
                        else if (kind == 1) cells[row][column] = d[8] ? "TRUE" : "FALSE";
                        else if (kind == 2) cells[row][column] = error_text(static_cast<unsigned char>(d[8]));
                    } else {
                        cells[row][column] = number(le16(d, 4), f64(d, 6));
                    }
                    break;
                }
                case 0x0207: // STRING: a string formula's value
                    if (string_for) {
                        cells[string_for->first][string_for->second] = record_string(d, 0);
                        string_for.reset();
                    }
                    break;
                case 0x005D: // OBJ: a comment's object id
                    if (d.size() >= 8 && le16(d, 0) == 0x15 && le16(d, 4) == 0x19) object = le16(d, 6);
                    else object.reset();
                    break;
                case 0x01B6: // TXO: the comment's text follows in CONTINUE records
                    pending_text = object;
                    if (pending_text && i + 1 < records.size() && records[i + 1].type == 0x003C) {
                        const std::uint16_t cch = d.size() >= 12 ? le16(d, 10) : 0;
                        ContinuedReader text(records, i + 1);
                        note_texts[*pending_text] = text.unicode_string(cch, false);
                    }
                    break;
                case 0x001C: // NOTE
                    if (d.size() >= 8)
                        notes.push_back({le16(d, 0), le16(d, 2), le16(d, 6),
                                         d.size() > 8 ? record_string(d, 8) : std::string()});
                    break;
                case 0x0014: case 0x0015: // HEADER, FOOTER
                    if (d.size() >= 3) builder.page_text(excel_header_footer_text(record_string(d, 0)));
                    break;
                default:
                    break;
                }
            } catch (const RecordError&) {
                continue; // one damaged record does not lose the sheet
            }
        }
        for (auto& [row, columns] : cells) {
            std::vector<std::pair<int, std::string>> list(columns.begin(), columns.end());
            builder.row(row + 1, hidden_rows.count(row) > 0, std::move(list));
        }
        for (const Note& n : notes)
            builder.comment(column_letters(n.column) + std::to_string(n.row + 1), n.author,
                            note_texts[n.object]);
    }

    std::string_view stream_;
    const std::string& name_;
    std::vector<std::string> strings_;
    std::map<std::uint16_t, bool> formats_;
    std::vector<std::uint16_t> xf_formats_;
    bool date1904_ = false;
};

} // namespace

} // namespace gather_detail

Record read_xls(const std::string& name, std::string_view bytes, const GatherOptions& /*options*/,
                std::vector<Record>& /*attachments*/) {
    using namespace gather_detail;
    OleFile file(bytes, name);
    const OleStorage& root = file.root();
    auto stream = root.stream("Workbook");
    if (!stream) stream = root.stream("Book");
    if (!stream) throw RecordError(name, "no Workbook stream (damaged)");
    Record record;
    try {
        record = XlsReader(*stream, name).read();
    } catch (const RecordError& e) {
        throw RecordError(name, e.reason());
    }
    ole_properties(root, record.sections);
    if (root.has("_VBA_PROJECT_CUR")) {
        ole_macro_source(root.storage("_VBA_PROJECT_CUR"), record.sections);
        record.cautions.push_back(macro_caution);
    }
    return record;
}

} // namespace safesar
