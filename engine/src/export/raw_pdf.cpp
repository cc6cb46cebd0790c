#include "export/raw_pdf.hpp"

#include "export/flate.hpp"
#include "export/utf8.hpp"
#include "safesar/errors.hpp"

#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>

namespace safesar::exporting {

namespace {
bool is_delimiter(char c) {
    return std::isspace(static_cast<unsigned char>(c)) || c == '/' || c == '<' || c == '>' ||
           c == '[' || c == ']' || c == '(' || c == ')' || c == '{' || c == '}' || c == '%';
}

bool has_name(const std::string& dict, const std::string& name) {
    for (std::size_t pos = dict.find(name); pos != std::string::npos; pos = dict.find(name, pos + 1)) {
        std::size_t end = pos + name.size();
        if (end >= dict.size() || is_delimiter(dict[end])) return true;
    }
    return false;
}

// The value of /Length in a stream's dictionary: direct, or "N 0 R" looked up in the file.
long stream_length(const std::string& dict, const std::string& file) {
    static const std::regex direct(R"(/Length\s+(\d+)(\s+(\d+)\s+R)?)");
    std::smatch m;
    if (!std::regex_search(dict, m, direct)) return -1;
    if (!m[2].matched) return std::stol(m[1].str());
    std::string head = m[1].str() + " " + m[3].str() + " obj";
    for (std::size_t pos = file.find(head); pos != std::string::npos; pos = file.find(head, pos + 1)) {
        if (pos > 0 && !std::isspace(static_cast<unsigned char>(file[pos - 1]))) continue;
        std::size_t p = pos + head.size();
        while (p < file.size() && std::isspace(static_cast<unsigned char>(file[p]))) ++p;
        std::size_t q = p;
        while (q < file.size() && std::isdigit(static_cast<unsigned char>(file[q]))) ++q;
        if (q > p) return std::stol(file.substr(p, q - p));
    }
    return -1;
}

std::string decode_string_bytes(const std::string& bytes) {
    std::string out;
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF) {
        for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
            char32_t unit = (static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]);
            if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
                char32_t low = (static_cast<unsigned char>(bytes[i + 2]) << 8) | static_cast<unsigned char>(bytes[i + 3]);
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
            append_utf8(out, unit);
        }
        return out;
    }
    for (unsigned char c : bytes) append_utf8(out, c);
    return out;
}
} // namespace

RawPdf read_raw_pdf(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ExportError(path.string(), "cannot be read back for verification");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string file = buffer.str();

    RawPdf raw;
    raw.header = file.substr(0, file.find_first_of("\r\n"));
    std::size_t pos = 0;
    for (;;) {
        std::size_t kw = file.find("stream", pos);
        if (kw == std::string::npos) break;
        // "stream" opens a body only right after a dictionary (and not as part of "endstream").
        std::size_t before = file.find_last_not_of(" \t\r\n", kw == 0 ? 0 : kw - 1);
        if (kw == 0 || before == std::string::npos || file[before] != '>' ||
            (kw >= 3 && file.compare(kw - 3, 3, "end") == 0)) {
            raw.syntax.append(file, pos, kw + 6 - pos);
            pos = kw + 6;
            continue;
        }
        std::size_t body = kw + 6;
        if (body < file.size() && file[body] == '\r') ++body;
        if (body < file.size() && file[body] == '\n') ++body;
        raw.syntax.append(file, pos, body - pos);
        std::size_t obj = file.rfind(" obj", kw);
        std::string dict = file.substr(obj == std::string::npos ? 0 : obj, kw - (obj == std::string::npos ? 0 : obj));
        long length = stream_length(dict, file);
        std::size_t end = length >= 0 && body + static_cast<std::size_t>(length) <= file.size()
                              ? body + static_cast<std::size_t>(length)
                              : file.find("endstream", body);
        if (end == std::string::npos) end = file.size();
        bool skip = has_name(dict, "/Image") || has_name(dict, "/FontFile2") ||
                    has_name(dict, "/FontFile") || has_name(dict, "/FontFile3") ||
                    has_name(dict, "/Length1") || has_name(dict, "/XRef");
        if (has_name(dict, "/Encrypt")) raw.encrypted = true;
        if (!skip) {
            std::string data = file.substr(body, end - body);
            if (has_name(dict, "/FlateDecode")) {
                try {
                    raw.text_streams.push_back(flate_decompress(data));
                } catch (const ExportError&) {
                    ++raw.undecodable_streams;
                }
            } else if (!has_name(dict, "/Filter")) {
                raw.text_streams.push_back(std::move(data));
            } else {
                ++raw.undecodable_streams;
            }
        }
        pos = end;
    }
    raw.syntax.append(file, pos, std::string::npos);
    if (has_name(raw.syntax, "/Encrypt")) raw.encrypted = true;
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
                        while (n < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7') value = value * 8 + (s[i++] - '0'), ++n;
                        bytes += static_cast<char>(value & 0xFF);
                        continue;
                    }
                    switch (e) {
                    case 'n': bytes += '\n'; break;
                    case 'r': bytes += '\r'; break;
                    case 't': bytes += '\t'; break;
                    case 'b': bytes += '\b'; break;
                    case 'f': bytes += '\f'; break;
                    case '\r': case '\n': break;
                    default: bytes += e; break;
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
                for (std::size_t k = 0; k < hex.size(); k += 2) bytes += static_cast<char>(std::stoi(hex.substr(k, 2), nullptr, 16));
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
    static const char* const keys[] = {"/Annots", "/AcroForm", "/EmbeddedFiles", "/JavaScript",
                                       "/JS", "/OpenAction", "/AA", "/Outlines", "/Metadata",
                                       "/Thumb", "/OCProperties", "/URI", "/Launch", "/XFA",
                                       "/PieceInfo", "/Collection"};
    std::vector<std::string> found;
    for (const char* key : keys)
        if (has_name(syntax, key)) found.emplace_back(key);
    return found;
}

int count_keyword(const std::string& syntax, const std::string& keyword) {
    int n = 0;
    for (std::size_t pos = syntax.find(keyword); pos != std::string::npos; pos = syntax.find(keyword, pos + keyword.size())) ++n;
    return n;
}

} // namespace safesar::exporting
