#include "export/raw_pdf.hpp"

#include "export/flate.hpp"
#include "export/utf8.hpp"
#include "safesar/errors.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace safesar::exporting {

namespace {
bool is_delimiter(char c) {
    return std::isspace(static_cast<unsigned char>(c)) || c == '/' || c == '<' || c == '>' ||
           c == '[' || c == ']' || c == '(' || c == ')' || c == '{' || c == '}' || c == '%';
}

bool has_name(const std::string& dict, const std::string& name) {
    for (std::size_t pos = dict.find(name); pos != std::string::npos;
         pos = dict.find(name, pos + 1)) {
        std::size_t end = pos + name.size();
        if (end >= dict.size() || is_delimiter(dict[end])) return true;
    }
    return false;
}

// Reads a file forward in chunks, handing out the bytes before each occurrence of a token.
class ChunkReader {
  public:
    explicit ChunkReader(const std::filesystem::path& path) : in_(path, std::ios::binary) {
        if (!in_) throw ExportError(path.string(), "cannot be read back for verification");
    }

    // Reads up to and past `token`; the bytes before it go to `out` (when not null). Returns
    // false at the end of the file (everything left went to `out`).
    bool read_until(std::string_view token, std::string* out) {
        for (;;) {
            std::size_t hit = buffer_.find(token, pos_);
            if (hit != std::string::npos) {
                if (out) out->append(buffer_, pos_, hit - pos_);
                pos_ = hit + token.size();
                return true;
            }
            // Keep the last token.size() - 1 bytes: the token may straddle two chunks.
            std::size_t keep_from =
                buffer_.size() >= token.size() ? buffer_.size() - token.size() + 1 : 0;
            keep_from = std::max(keep_from, pos_);
            if (out) out->append(buffer_, pos_, keep_from - pos_);
            pos_ = keep_from;
            if (!refill()) {
                if (out) out->append(buffer_, pos_, std::string::npos);
                pos_ = buffer_.size();
                return false;
            }
        }
    }

    // The next byte without taking it; -1 at the end.
    int peek() {
        if (pos_ >= buffer_.size() && !refill()) return -1;
        return static_cast<unsigned char>(buffer_[pos_]);
    }
    void skip() { ++pos_; }

  private:
    bool refill() {
        buffer_.erase(0, pos_);
        pos_ = 0;
        char chunk[1 << 16];
        in_.read(chunk, sizeof chunk);
        std::streamsize n = in_.gcount();
        if (n <= 0) return false;
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return true;
    }
    std::ifstream in_;
    std::string buffer_;
    std::size_t pos_ = 0;
};

std::string decode_string_bytes(const std::string& bytes) {
    std::string out;
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
        static_cast<unsigned char>(bytes[1]) == 0xFF) {
        for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
            char32_t unit = (static_cast<unsigned char>(bytes[i]) << 8) |
                            static_cast<unsigned char>(bytes[i + 1]);
            if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
                char32_t low = (static_cast<unsigned char>(bytes[i + 2]) << 8) |
                               static_cast<unsigned char>(bytes[i + 3]);
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
            append_utf8(out, unit);
        }
        return out;
    }
    for (unsigned char c : bytes)
        append_utf8(out, c);
    return out;
}
} // namespace

RawPdf scan_raw_pdf(const std::filesystem::path& path, bool decode_streams,
                    const std::function<void(const std::string&)>& on_text_stream) {
    ChunkReader reader(path);
    RawPdf raw;
    reader.read_until("\n", &raw.header);
    if (!raw.header.empty() && raw.header.back() == '\r') raw.header.pop_back();
    raw.syntax = raw.header + "\n";
    for (;;) {
        if (!reader.read_until("stream", &raw.syntax)) break;
        // "stream" opens a body only right after a dictionary, and not as part of "endstream".
        std::size_t last = raw.syntax.find_last_not_of(" \t\r\n");
        bool opens =
            last != std::string::npos && raw.syntax[last] == '>' &&
            !(raw.syntax.size() >= 3 && raw.syntax.compare(raw.syntax.size() - 3, 3, "end") == 0);
        raw.syntax += "stream";
        if (!opens) continue;
        std::size_t obj = raw.syntax.rfind(" obj");
        std::string dict = raw.syntax.substr(obj == std::string::npos ? 0 : obj);
        if (reader.peek() == '\r') reader.skip();
        if (reader.peek() == '\n') reader.skip();
        bool skip = !decode_streams || has_name(dict, "/Image") || has_name(dict, "/FontFile2") ||
                    has_name(dict, "/FontFile") || has_name(dict, "/FontFile3") ||
                    has_name(dict, "/Length1") || has_name(dict, "/XRef");
        std::string body;
        reader.read_until("endstream", skip ? nullptr : &body);
        raw.syntax += "endstream";
        if (skip) continue;
        // The end-of-line before "endstream" is not part of the data.
        if (!body.empty() && body.back() == '\n') body.pop_back();
        if (!body.empty() && body.back() == '\r') body.pop_back();
        ++raw.text_streams;
        if (has_name(dict, "/FlateDecode")) {
            std::string data;
            try {
                data = flate_decompress(body);
            } catch (const ExportError&) {
                ++raw.undecodable_streams;
                continue;
            }
            on_text_stream(data);
        } else if (!has_name(dict, "/Filter")) {
            on_text_stream(body);
        } else {
            ++raw.undecodable_streams;
        }
    }
    return raw;
}

std::vector<std::string> pdf_strings(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        char c = s[i];
        if (c == '%') {
            std::size_t nl = s.find_first_of("\r\n", i);
            i = nl == std::string::npos ? s.size() : nl + 1;
        } else if (c == '(') {
            int depth = 1;
            std::string bytes;
            ++i;
            while (i < s.size() && depth > 0) {
                char d = s[i];
                if (d == '\\' && i + 1 < s.size()) {
                    char e = s[i + 1];
                    if (e >= '0' && e <= '7') {
                        int value = 0, n = 0;
                        ++i;
                        while (n < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7')
                            value = value * 8 + (s[i++] - '0'), ++n;
                        bytes += static_cast<char>(value & 0xFF);
                        continue;
                    }
                    switch (e) {
                    case 'n':
                        bytes += '\n';
                        break;
                    case 'r':
                        bytes += '\r';
                        break;
                    case 't':
                        bytes += '\t';
                        break;
                    case 'b':
                        bytes += '\b';
                        break;
                    case 'f':
                        bytes += '\f';
                        break;
                    case '\r':
                    case '\n':
                        break;
                    default:
                        bytes += e;
                        break;
                    }
                    i += 2;
                    continue;
                }
                if (d == '(') ++depth;
                if (d == ')' && --depth == 0) {
                    ++i;
                    break;
                }
                bytes += d;
                ++i;
            }
            out.push_back(decode_string_bytes(bytes));
        } else if (c == '<' && i + 1 < s.size() && s[i + 1] != '<') {
            std::size_t end = s.find('>', i);
            if (end == std::string::npos) break;
            std::string hex;
            bool valid = true;
            for (std::size_t k = i + 1; k < end; ++k) {
                if (std::isspace(static_cast<unsigned char>(s[k]))) continue;
                if (!std::isxdigit(static_cast<unsigned char>(s[k]))) valid = false;
                hex += s[k];
            }
            if (valid && !hex.empty()) {
                if (hex.size() % 2) hex += '0';
                std::string bytes;
                for (std::size_t k = 0; k < hex.size(); k += 2)
                    bytes += static_cast<char>(std::stoi(hex.substr(k, 2), nullptr, 16));
                out.push_back(decode_string_bytes(bytes));
            }
            i = end + 1;
        } else if (c == '<') {
            i += 2;
        } else {
            ++i;
        }
    }
    return out;
}

std::vector<std::string> forbidden_keys(const std::string& syntax) {
    static const char* const keys[] = {
        "/Annots", "/AcroForm", "/EmbeddedFiles", "/JavaScript", "/JS",           "/OpenAction",
        "/AA",     "/Outlines", "/Metadata",      "/Thumb",      "/OCProperties", "/URI",
        "/Launch", "/XFA",      "/PieceInfo",     "/Collection"};
    std::vector<std::string> found;
    for (const char* key : keys)
        if (has_name(syntax, key)) found.emplace_back(key);
    return found;
}

int count_keyword(const std::string& syntax, const std::string& keyword) {
    int n = 0;
    for (std::size_t pos = syntax.find(keyword); pos != std::string::npos;
         pos = syntax.find(keyword, pos + keyword.size()))
        ++n;
    return n;
}

} // namespace safesar::exporting
