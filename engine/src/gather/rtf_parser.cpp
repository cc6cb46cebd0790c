#include "gather/rtf_parser.hpp"

#include "core/utf8.hpp"
#include "gather/text_decode.hpp"
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

namespace safesar::gather_detail {

namespace {

constexpr int max_group_depth = 1000;
constexpr std::size_t max_picture_bytes = 64u << 20;

enum class Dest {
    Body, HeaderFooter, Footnote, Annotation, AnnotationAuthor, AnnotationId, Info, UserPropName,
    UserPropValue, FieldInstruction, Picture, ObjectData, HtmlTag, Skip
};

struct State {
    Dest dest = Dest::Body;
    bool hidden = false, deleted = false;
    int uc = 1;              // characters to skip after \uN
    bool in_table = false;   // \intbl
    std::string info_field;  // the \info field this group is
    bool starts_dest = false; // this group opened its destination
};

// Where text of one destination is being written: the paragraph under way, a table row's cells.
struct Flow {
    BlockWriter* out = nullptr;
    std::string line;
    std::vector<std::string> cells;
};

// The native data of an OLE 1.0 object (\objdata): version, format, three names, then the
// data itself (for an embedded object, an OLE compound file).
std::optional<std::string> ole1_native_data(const std::string& bytes) {
    std::size_t at = 8;
    auto u32 = [&](std::size_t pos) -> std::optional<std::uint32_t> {
        if (pos + 4 > bytes.size()) return std::nullopt;
        return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[pos])) |
               static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[pos + 1])) << 8 |
               static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[pos + 2])) << 16 |
               static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[pos + 3])) << 24;
    };
    for (int name = 0; name < 3; ++name) {
        auto length = u32(at);
        if (!length || *length > bytes.size()) return std::nullopt;
        at += 4 + *length;
    }
    auto size = u32(at);
    if (!size || at + 4 + *size > bytes.size()) return std::nullopt;
    return bytes.substr(at + 4, *size);
}

class RtfParser {
  public:
    explicit RtfParser(std::string_view bytes) : in_(bytes) {}

    RtfDocument parse() {
        if (in_.substr(0, 5) != "{\\rtf") throw RecordError("", "not RTF (no {\\rtf header)");
        flows_[&doc_.body].out = &doc_.body;
        stack_.push_back(State{});
        while (pos_ < in_.size()) {
            const char c = in_[pos_];
            if (c == '{') {
                flush_bytes();
                if (stack_.size() > max_group_depth)
                    throw RecordError("", "the RTF nests groups more than " +
                                              std::to_string(max_group_depth) + " deep");
                State s = stack_.back();
                s.starts_dest = false;
                stack_.push_back(s);
                ++pos_;
            } else if (c == '}') {
                flush_bytes();
                end_group();
                ++pos_;
                if (stack_.empty()) break;
            } else if (c == '\\') {
                control();
            } else if (c == '\r' || c == '\n') {
                ++pos_;
            } else {
                byte(static_cast<unsigned char>(c));
                ++pos_;
            }
        }
        flush_bytes();
        while (stack_.size() > 1) end_group(); // a truncated file: what was read counts
        for (auto& [out, flow] : flows_) end_paragraph(flow);
        return std::move(doc_);
    }

  private:
    State& state() { return stack_.back(); }

    // ---- text -----------------------------------------------------------------------------

    void byte(unsigned char b) {
        if (skip_ > 0) {
            --skip_;
            return;
        }
        const Dest d = state().dest;
        if (d == Dest::Picture || d == Dest::ObjectData) {
            hex_digit(b);
            return;
        }
        if (d == Dest::Skip) return;
        pending_ += static_cast<char>(b);
    }

    void hex_digit(unsigned char b) {
        if (!std::isxdigit(b)) return;
        const int v = std::isdigit(b) ? b - '0' : std::tolower(b) - 'a' + 10;
        if (half_ < 0) {
            half_ = v;
        } else {
            if (blob_.size() < max_picture_bytes) blob_ += static_cast<char>(half_ * 16 + v);
            half_ = -1;
        }
    }

    void flush_bytes() {
        if (pending_.empty()) return;
        std::string text = decode_text(pending_, codepage_);
        pending_.clear();
        emit(text);
    }

    void emit(const std::string& text) {
        State& s = state();
        switch (s.dest) {
        case Dest::Skip:
        case Dest::Picture:
        case Dest::ObjectData:
            return;
        case Dest::Info:
            if (!s.info_field.empty()) info_[s.info_field] += text;
            return;
        case Dest::UserPropName:
            prop_name_ += text;
            return;
        case Dest::UserPropValue:
            prop_value_ += text;
            return;
        case Dest::FieldInstruction:
            field_code_ += text;
            return;
        case Dest::AnnotationAuthor:
            comment_.author += text;
            return;
        case Dest::AnnotationId:
            comment_.initials += text;
            return;
        case Dest::HtmlTag:
            doc_.html_text += text;
            return;
        default:
            break;
        }
        Flow& into = flow();
        if (note_start_ && &into == &flows_[current_]) {
            // A note's own text after its number "[1] ": one space between them.
            std::string rest = text;
            rest.erase(0, rest.find_first_not_of(' ') == std::string::npos ? rest.size()
                                                                           : rest.find_first_not_of(' '));
            if (rest.empty()) return;
            note_start_ = false;
            into.line += rest;
            return;
        }
        if (doc_.html && s.dest == Dest::Body && !s.hidden) {
            // \fromhtml: the text outside \htmltag groups is part of the wrapped page too,
            // except what \htmlrtf marks as RTF-only.
            if (!htmlrtf_) doc_.html_text += text;
        }
        flow().line += text;
    }

    BlockWriter* target() {
        State& s = state();
        if (s.deleted) return &doc_.deleted;
        if (s.hidden) return &doc_.hidden;
        return current_;
    }

    Flow& flow() {
        BlockWriter* out = target();
        Flow& f = flows_[out];
        f.out = out;
        return f;
    }

    void end_paragraph(Flow& f) {
        if (!f.cells.empty()) {
            if (!f.line.empty()) f.cells.push_back(std::move(f.line));
            f.out->table_row(std::move(f.cells));
            f.cells.clear();
            f.line.clear();
            return;
        }
        f.out->paragraph(std::move(f.line));
        f.line.clear();
    }

    void paragraph_break() {
        flush_bytes();
        // Hidden and deleted runs of this paragraph end with it as well.
        for (BlockWriter* out : {current_, &doc_.hidden, &doc_.deleted}) {
            Flow& f = flows_[out];
            f.out = out;
            if (state().in_table && out == current_) {
                f.line += ' ';
                continue;
            }
            if (!f.line.empty() || out == current_) end_paragraph(f);
        }
    }

    // ---- control words --------------------------------------------------------------------

    void control() {
        ++pos_; // the backslash
        if (pos_ >= in_.size()) return;
        const char c = in_[pos_];
        if (!std::isalpha(static_cast<unsigned char>(c))) {
            ++pos_;
            symbol(c);
            return;
        }
        std::size_t start = pos_;
        while (pos_ < in_.size() && std::isalpha(static_cast<unsigned char>(in_[pos_])) &&
               pos_ - start < 32)
            ++pos_;
        const std::string word(in_.substr(start, pos_ - start));
        std::optional<long> param;
        if (pos_ < in_.size() && (in_[pos_] == '-' || std::isdigit(static_cast<unsigned char>(in_[pos_])))) {
            const std::size_t digits = pos_;
            if (in_[pos_] == '-') ++pos_;
            while (pos_ < in_.size() && std::isdigit(static_cast<unsigned char>(in_[pos_])) &&
                   pos_ - digits < 11)
                ++pos_;
            param = std::strtol(std::string(in_.substr(digits, pos_ - digits)).c_str(), nullptr, 10);
        }
        if (pos_ < in_.size() && in_[pos_] == ' ') ++pos_; // the delimiter
        word_(word, param);
    }

    void symbol(char c) {
        switch (c) {
        case '\'': {
            if (pos_ + 2 > in_.size()) return;
            const std::string hex(in_.substr(pos_, 2));
            pos_ += 2;
            char* end = nullptr;
            const long v = std::strtol(hex.c_str(), &end, 16);
            if (end != hex.c_str() + 2) return;
            if (state().dest == Dest::Picture || state().dest == Dest::ObjectData) return;
            byte(static_cast<unsigned char>(v));
            return;
        }
        case '\\': case '{': case '}':
            byte(static_cast<unsigned char>(c));
            return;
        case '~': text_of("\xC2\xA0"); return;
        case '_': text_of("-"); return;
        case '-': return; // optional hyphen
        case '*':
            star_ = true;
            return;
        case '\n': case '\r':
            paragraph_break();
            return;
        case '\t':
            text_of("\t");
            return;
        default:
            return;
        }
    }

    void text_of(const std::string& s) {
        if (skip_ > 0) {
            --skip_;
            return;
        }
        flush_bytes();
        emit(s);
    }

    void start_dest(Dest d) {
        flush_bytes();
        state().dest = d;
        state().starts_dest = true;
        star_ = false;
    }

    void word_(const std::string& w, std::optional<long> param) {
        const bool ignorable = star_;
        star_ = false;
        const long p = param.value_or(1);
        State& s = state();
        // Destinations
        if (w == "fonttbl" || w == "colortbl" || w == "stylesheet" || w == "listtable" ||
            w == "listoverridetable" || w == "rsidtbl" || w == "generator" || w == "xmlnstbl" ||
            w == "themedata" || w == "colorschememapping" || w == "datastore" ||
            w == "latentstyles" || w == "pgdsctbl" || w == "mmathPr" ||
            w == "revtbl" || w == "bkmkstart" || w == "bkmkend" || w == "shpinst" ||
            w == "nonshppict" || w == "blipuid" || w == "objclass" || w == "objname" ||
            w == "filetbl" || w == "protusertbl" || w == "wgrffmtfilter" || w == "xmlopen" ||
            w == "mhtmltag" || w == "falt" || w == "panose" || w == "passwordhash") {
            start_dest(Dest::Skip);
            return;
        }
        if (w == "info") { start_dest(Dest::Info); return; }
        if (s.dest == Dest::Info &&
            (w == "title" || w == "subject" || w == "author" || w == "manager" ||
             w == "company" || w == "operator" || w == "category" || w == "keywords" ||
             w == "comment" || w == "doccomm" || w == "hlinkbase")) {
            start_dest(Dest::Info);
            state().info_field = w;
            return;
        }
        if (s.dest == Dest::Info && (w == "creatim" || w == "revtim" || w == "printim" ||
                                     w == "buptim" || w == "version" || w == "vern" ||
                                     w == "edmins" || w == "nofpages" || w == "nofwords" ||
                                     w == "nofchars" || w == "id")) {
            start_dest(Dest::Skip);
            return;
        }
        if (w == "userprops") { start_dest(Dest::Skip); in_userprops_ = true; return; }
        if (w == "propname") { start_dest(Dest::UserPropName); prop_name_.clear(); return; }
        if (w == "staticval") { start_dest(Dest::UserPropValue); prop_value_.clear(); return; }
        if (w == "header" || w == "headerl" || w == "headerr" || w == "headerf" ||
            w == "footer" || w == "footerl" || w == "footerr" || w == "footerf") {
            start_dest(Dest::HeaderFooter);
            doc_.headers_footers.emplace_back(w.rfind("header", 0) == 0 ? "header" : "footer",
                                              BlockWriter{});
            saved_current_.push_back(current_);
            current_ = &doc_.headers_footers.back().second;
            flows_.erase(current_);
            return;
        }
        if (w == "footnote") {
            flush_bytes();
            const int n = ++footnotes_;
            flow().line += "[" + std::to_string(n) + "]";
            start_dest(Dest::Footnote);
            saved_current_.push_back(current_);
            current_ = &doc_.footnotes;
            flows_[current_].out = current_;
            flows_[current_].line = "[" + std::to_string(n) + "] ";
            note_start_ = true;
            return;
        }
        if (w == "ftnalt" && s.dest == Dest::Footnote) {
            // This note is an endnote: move what was started to the endnotes.
            Flow& from = flows_[&doc_.footnotes];
            std::string line = std::move(from.line);
            from.line.clear();
            current_ = &doc_.endnotes;
            flows_[current_].out = current_;
            flows_[current_].line = line;
            return;
        }
        if (w == "annotation") {
            start_dest(Dest::Annotation);
            saved_current_.push_back(current_);
            annotation_.emplace_back();
            current_ = &annotation_.back();
            flows_.erase(current_);
            return;
        }
        if (w == "atnauthor") { start_dest(Dest::AnnotationAuthor); comment_.author.clear(); return; }
        if (w == "atnid") { start_dest(Dest::AnnotationId); comment_.initials.clear(); return; }
        if (w == "atnref" || w == "atndate" || w == "atnparent" || w == "atrfstart" ||
            w == "atrfend" || w == "atntime" || w == "atnicn") {
            start_dest(Dest::Skip);
            return;
        }
        if (w == "fldinst") { start_dest(Dest::FieldInstruction); field_code_.clear(); return; }
        if (w == "shppict") return; // the picture inside is the one to read
        if (w == "pict" && s.dest != Dest::Skip) {
            start_dest(Dest::Picture);
            blob_.clear();
            half_ = -1;
            picture_kind_.clear();
            return;
        }
        if (s.dest == Dest::Picture) {
            if (w == "pngblip" || w == "jpegblip" || w == "emfblip" || w == "wmetafile" ||
                w == "macpict" || w == "dibitmap" || w == "wbitmap")
                picture_kind_ = w;
            else if (w == "bin") binary(p);
            return;
        }
        if (w == "objdata") { start_dest(Dest::ObjectData); blob_.clear(); half_ = -1; return; }
        if (s.dest == Dest::ObjectData && w == "bin") { binary(p); return; }
        if (w == "htmltag") { start_dest(Dest::HtmlTag); return; }
        if (w == "fromhtml") { doc_.html = true; return; }
        if (w == "htmlrtf") { flush_bytes(); htmlrtf_ = !param || p != 0; return; }
        if (w == "bin") { binary(p); return; }
        if (ignorable) {
            // An unknown \* destination: its content is not text of the document.
            start_dest(Dest::Skip);
            return;
        }
        // Character and paragraph state
        if (w == "v") { flush_bytes(); s.hidden = !param || p != 0; return; }
        if (w == "deleted") { flush_bytes(); s.deleted = !param || p != 0; return; }
        if (w == "plain") { flush_bytes(); s.hidden = false; s.deleted = false; return; }
        if (w == "uc") { s.uc = static_cast<int>(std::clamp(p, 0L, 10L)); return; }
        if (w == "u") {
            long code = param.value_or(0);
            if (code < 0) code += 65536;
            std::string character;
            append_utf8(character, static_cast<char32_t>(code));
            text_of(character);
            skip_ = s.uc;
            return;
        }
        if (w == "ansicpg" && param) { codepage_ = "windows-" + std::to_string(p); return; }
        if (w == "intbl") { s.in_table = true; return; }
        if (w == "pard") { s.in_table = false; return; }
        if (w == "par" || w == "sect" || w == "page") { paragraph_break(); return; }
        if (w == "line") { text_of("\n"); return; }
        if (w == "tab") { text_of("\t"); return; }
        if (w == "cell" || w == "nestcell") {
            flush_bytes();
            Flow& f = flows_[current_];
            f.out = current_;
            f.cells.push_back(std::move(f.line));
            f.line.clear();
            return;
        }
        if (w == "row" || w == "nestrow") {
            flush_bytes();
            Flow& f = flows_[current_];
            f.out = current_;
            if (!f.line.empty() && f.line.find_first_not_of(' ') != std::string::npos)
                f.cells.push_back(std::move(f.line));
            f.line.clear();
            current_->table_row(std::move(f.cells));
            f.cells.clear();
            return;
        }
        if (w == "emdash") { text_of("\xE2\x80\x94"); return; }
        if (w == "endash") { text_of("\xE2\x80\x93"); return; }
        if (w == "bullet") { text_of("\xE2\x80\xA2"); return; }
        if (w == "lquote") { text_of("\xE2\x80\x98"); return; }
        if (w == "rquote") { text_of("\xE2\x80\x99"); return; }
        if (w == "ldblquote") { text_of("\xE2\x80\x9C"); return; }
        if (w == "rdblquote") { text_of("\xE2\x80\x9D"); return; }
        if (w == "emspace" || w == "enspace" || w == "qmspace") { text_of(" "); return; }
        // every other control word only formats
    }

    void binary(long n) {
        if (n <= 0) return;
        const std::size_t count = std::min(static_cast<std::size_t>(n), in_.size() - pos_);
        if (state().dest == Dest::Picture || state().dest == Dest::ObjectData)
            if (blob_.size() + count <= max_picture_bytes) blob_.append(in_.substr(pos_, count));
        pos_ += count;
    }

    void end_group() {
        State closing = stack_.back();
        stack_.pop_back();
        if (!closing.starts_dest) return;
        switch (closing.dest) {
        case Dest::HeaderFooter:
        case Dest::Footnote: {
            Flow& f = flows_[current_];
            f.out = current_;
            if (!f.line.empty() || !f.cells.empty()) end_paragraph(f);
            current_ = saved_current_.empty() ? &doc_.body : saved_current_.back();
            if (!saved_current_.empty()) saved_current_.pop_back();
            break;
        }
        case Dest::Annotation: {
            Flow& f = flows_[current_];
            f.out = current_;
            if (!f.line.empty() || !f.cells.empty()) end_paragraph(f);
            RtfComment c = comment_;
            c.text = current_->text();
            doc_.comments.push_back(std::move(c));
            comment_ = RtfComment{};
            flows_.erase(current_);
            current_ = saved_current_.empty() ? &doc_.body : saved_current_.back();
            if (!saved_current_.empty()) saved_current_.pop_back();
            break;
        }
        case Dest::FieldInstruction:
            if (!trim(field_code_).empty()) doc_.field_codes.push_back(trim(field_code_));
            field_code_.clear();
            break;
        case Dest::Info:
            if (!closing.info_field.empty()) {
                const std::string value = trim(info_[closing.info_field]);
                if (!value.empty()) doc_.properties.push_back({closing.info_field, value});
                info_.erase(closing.info_field);
            }
            break;
        case Dest::UserPropValue:
            if (!trim(prop_name_).empty() || !trim(prop_value_).empty())
                doc_.properties.push_back({"user property", trim(prop_name_) + ": " + trim(prop_value_)});
            break;
        case Dest::Picture:
            if (picture_kind_ == "pngblip" || picture_kind_ == "jpegblip")
                doc_.pictures.push_back(std::move(blob_));
            else if (!blob_.empty())
                ++doc_.unreadable_pictures;
            blob_.clear();
            break;
        case Dest::ObjectData:
            if (auto data = ole1_native_data(blob_)) doc_.objects.push_back(std::move(*data));
            blob_.clear();
            break;
        default:
            break;
        }
    }

    std::string_view in_;
    std::size_t pos_ = 0;
    RtfDocument doc_;
    std::vector<State> stack_;
    std::map<BlockWriter*, Flow> flows_;
    BlockWriter* current_ = &doc_.body;
    std::vector<BlockWriter*> saved_current_;
    std::deque<BlockWriter> annotation_;
    std::string pending_, codepage_ = "windows-1252";
    int skip_ = 0;
    bool star_ = false, htmlrtf_ = false, in_userprops_ = false, note_start_ = false;
    std::map<std::string, std::string> info_;
    std::string prop_name_, prop_value_, field_code_, picture_kind_;
    RtfComment comment_;
    std::string blob_;
    int half_ = -1;
    int footnotes_ = 0;
};

} // namespace

RtfDocument parse_rtf(std::string_view bytes) {
    return RtfParser(bytes).parse();
}

} // namespace safesar::gather_detail
