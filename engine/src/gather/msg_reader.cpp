// read_msg: an Outlook message (.msg, an OLE compound file of MAPI properties). The Header
// section has From, To, Cc, Bcc, Subject and Date fields as for an .eml, so the rules about mail
// from a protected party work the same; the body is the plain text, else the HTML, else the RTF
// (decompressed from Outlook's LZFu and read by the RTF tokenizer). Attachments become records
// of their own ("mail.msg#plan.pdf"), attached messages are read as messages in turn, and the
// transport headers and other text properties are metadata.
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include "gather/block_writer.hpp"
#include "gather/email_html.hpp"
#include "gather/le_bytes.hpp"
#include "gather/ole_file.hpp"
#include "gather/rtf_parser.hpp"
#include "gather/text_decode.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>
#include <set>

namespace safesar {

namespace gather_detail {

namespace {

constexpr int max_message_depth = 8;
constexpr std::size_t max_rtf_bytes = 64u << 20;

// MAPI property ids.
enum : unsigned {
    pid_subject = 0x0037,
    pid_sender_name = 0x0C1A,
    pid_sender_email = 0x0C1F,
    pid_sender_smtp = 0x5D01,
    pid_sent_representing_name = 0x0042,
    pid_sent_representing_email = 0x0065,
    pid_sent_representing_smtp = 0x5D02,
    pid_display_to = 0x0E04,
    pid_display_cc = 0x0E03,
    pid_display_bcc = 0x0E02,
    pid_body = 0x1000,
    pid_body_html = 0x1013,
    pid_rtf_compressed = 0x1009,
    pid_transport_headers = 0x007D,
    pid_client_submit_time = 0x0039,
    pid_delivery_time = 0x0E06,
    pid_message_codepage = 0x3FFD,
    pid_internet_codepage = 0x3FDE,
    pid_display_name = 0x3001,
    pid_email_address = 0x3003,
    pid_smtp_address = 0x39FE,
    pid_recipient_type = 0x0C15,
    pid_attach_long_filename = 0x3707,
    pid_attach_filename = 0x3704,
    pid_attach_data = 0x3701,
    pid_attach_method = 0x3705,
    pid_attach_mime = 0x370E,
};

std::string hex4(unsigned v) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%04X", v & 0xFFFF);
    return buffer;
}

std::string utf16le_to_utf8(std::string_view bytes) {
    std::string raw(bytes);
    if (raw.size() % 2) raw.pop_back();
    // A UTF-16 BOM tells decode_text the encoding for certain.
    std::string text = decode_text("\xFF\xFE" + raw);
    while (!text.empty() && text.back() == '\0') text.pop_back();
    return text;
}

// Outlook's compressed RTF (MS-OXRTFCP): LZ77 over a 4096-byte dictionary primed with common
// RTF words. Output is bounded by the size the header declares and by max_rtf_bytes.
std::optional<std::string> decompress_rtf(std::string_view in) {
    if (in.size() < 16) return std::nullopt;
    const std::uint32_t raw_size = le32(in, 4);
    const std::uint32_t type = le32(in, 8);
    if (type == 0x414C454D) // "MELA": stored uncompressed
        return std::string(in.substr(16, std::min<std::size_t>(raw_size, in.size() - 16)));
    if (type != 0x75465A4C) return std::nullopt; // "LZFu"
    static const std::string prebuf =
        "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss "
        "\\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier"
        "{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";
    std::string dictionary(4096, '\0');
    std::copy(prebuf.begin(), prebuf.end(), dictionary.begin());
    std::size_t write = prebuf.size();
    std::string out;
    const std::size_t limit = std::min<std::size_t>(raw_size, max_rtf_bytes);
    std::size_t at = 16;
    while (at < in.size() && out.size() < limit) {
        const unsigned char control = static_cast<unsigned char>(in[at++]);
        for (int bit = 0; bit < 8 && at < in.size() && out.size() < limit; ++bit) {
            if (!(control & (1 << bit))) {
                const char c = in[at++];
                out += c;
                dictionary[write] = c;
                write = (write + 1) % 4096;
                continue;
            }
            if (at + 1 >= in.size()) return out;
            const unsigned reference = static_cast<unsigned char>(in[at]) << 8 |
                                       static_cast<unsigned char>(in[at + 1]);
            at += 2;
            const std::size_t offset = reference >> 4;
            const std::size_t length = (reference & 0xF) + 2;
            if (offset == write) return out; // the end marker
            for (std::size_t i = 0; i < length && out.size() < limit; ++i) {
                const char c = dictionary[(offset + i) % 4096];
                out += c;
                dictionary[write] = c;
                write = (write + 1) % 4096;
            }
        }
    }
    return out;
}

// The properties of one object (message, recipient, attachment): variable-length ones as
// streams, fixed-length ones (times, numbers) in its properties stream.
class Properties {
  public:
    Properties(const OleStorage& storage, std::size_t header_size, std::string charset)
        : storage_(storage), charset_(std::move(charset)) {
        if (auto fixed = storage.stream("__properties_version1.0", 16u << 20))
            for (std::size_t at = header_size; at + 16 <= fixed->size(); at += 16)
                fixed_[le32(*fixed, at) >> 16] = {le32(*fixed, at) & 0xFFFF,
                                                 fixed->substr(at + 8, 8)};
    }

    std::string text(unsigned id) const {
        if (auto unicode = storage_.stream("__substg1.0_" + hex4(id) + "001F"))
            return utf16le_to_utf8(*unicode);
        if (auto ansi = storage_.stream("__substg1.0_" + hex4(id) + "001E")) {
            std::string bytes = *ansi;
            while (!bytes.empty() && bytes.back() == '\0') bytes.pop_back();
            return decode_text(bytes, charset_);
        }
        return {};
    }

    std::optional<std::string> binary(unsigned id, std::size_t limit = 256u << 20) const {
        return storage_.stream("__substg1.0_" + hex4(id) + "0102", limit);
    }

    std::optional<long> integer(unsigned id) const {
        auto it = fixed_.find(id);
        if (it == fixed_.end() || it->second.second.size() < 4) return std::nullopt;
        return static_cast<long>(static_cast<std::int32_t>(le32(it->second.second, 0)));
    }

    // A PT_SYSTIME as "YYYY-MM-DD HH:MM UTC" and the day alone.
    std::optional<std::pair<std::string, std::string>> time(unsigned id) const {
        auto it = fixed_.find(id);
        if (it == fixed_.end() || it->second.first != 0x0040) return std::nullopt;
        const std::string& v = it->second.second;
        const unsigned long long ticks =
            le32(v, 0) | static_cast<unsigned long long>(le32(v, 4)) << 32;
        const long long unix_seconds = static_cast<long long>(ticks / 10000000ULL) - 11644473600LL;
        if (unix_seconds < 0 || unix_seconds > 32503680000LL) return std::nullopt;
        const std::time_t t = static_cast<std::time_t>(unix_seconds);
        std::tm utc{};
        gmtime_r(&t, &utc);
        char day[16], when[32];
        std::strftime(day, sizeof day, "%Y-%m-%d", &utc);
        std::strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &utc);
        return std::make_pair(std::string(when), std::string(day));
    }

    // Every text property's id, for the ones read by name nowhere else.
    std::vector<unsigned> text_ids() const {
        std::vector<unsigned> out;
        for (const std::string& n : storage_.names()) {
            if (n.size() != 20 || n.rfind("__substg1.0_", 0) != 0) continue;
            const std::string type = n.substr(16);
            if (type != "001F" && type != "001E") continue;
            out.push_back(static_cast<unsigned>(std::strtoul(n.substr(12, 4).c_str(), nullptr, 16)));
        }
        return out;
    }

  private:
    const OleStorage& storage_;
    std::string charset_;
    std::map<unsigned, std::pair<unsigned, std::string>> fixed_; // id -> (type, 8 value bytes)
};

std::string charset_of(const OleStorage& storage, std::size_t header) {
    Properties probe(storage, header, "windows-1252");
    for (unsigned id : {pid_internet_codepage, pid_message_codepage})
        if (auto cp = probe.integer(id); cp && *cp > 0) {
            if (*cp == 65001) return "utf-8";
            if (*cp == 28591) return "iso-8859-1";
            return "windows-" + std::to_string(*cp);
        }
    return "windows-1252";
}

std::string person(const std::string& display, const std::string& address) {
    if (address.empty() || address == display) return display;
    if (display.empty()) return address;
    return display + " <" + address + ">";
}

std::string clean_name(std::string name) {
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string::npos) name.erase(0, slash + 1);
    for (char& c : name) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7F || c == '#') c = '_';
    }
    if (name.size() > 200) name.resize(200);
    if (name.find_first_not_of(" ._") == std::string::npos) return {};
    return name;
}

class MsgReader {
  public:
    explicit MsgReader(std::vector<Record>& attachments) : attachments_(attachments) {}

    Record read(const OleStorage& message, const std::string& name, const std::string& parent,
                bool top, int depth) {
        const std::size_t header = top ? 32 : 24;
        const std::string charset = charset_of(message, header);
        Properties props(message, header, charset);
        Record record;
        record.name = name;
        record.parent = parent;
        record.kind = RecordKind::Email;
        record.mime_type = "application/vnd.ms-outlook";

        // Recipients
        std::map<long, std::vector<std::string>> by_type;
        int recipients = 0;
        for (const std::string& n : message.names()) {
            if (n.rfind("__recip_version1.0_", 0) != 0) continue;
            OleStorage recipient = message.storage(n);
            Properties rp(recipient, 8, charset);
            std::string address = rp.text(pid_smtp_address);
            if (address.empty()) address = rp.text(pid_email_address);
            by_type[rp.integer(pid_recipient_type).value_or(1)].push_back(
                person(rp.text(pid_display_name), address));
            ++recipients;
        }
        auto list = [&](long type, unsigned display) {
            std::string out;
            for (const std::string& p : by_type[type]) out += (out.empty() ? "" : ", ") + p;
            return out.empty() ? props.text(display) : out;
        };
        std::string from_address = props.text(pid_sender_smtp);
        if (from_address.empty()) from_address = props.text(pid_sender_email);
        std::string from = person(props.text(pid_sender_name), from_address);
        const std::string on_behalf = person(props.text(pid_sent_representing_name),
                                             props.text(pid_sent_representing_smtp).empty()
                                                 ? props.text(pid_sent_representing_email)
                                                 : props.text(pid_sent_representing_smtp));
        if (from.empty()) from = on_behalf;
        else if (!on_behalf.empty() && on_behalf != from) from = on_behalf + " (sent by " + from + ")";

        Section headers;
        headers.kind = SectionKind::Header;
        headers.label = "headers";
        auto add = [&headers](const char* label, std::string value) {
            value = trim(clean_control_characters(value));
            std::replace(value.begin(), value.end(), '\n', ' ');
            if (value.empty()) return;
            headers.text += std::string(label) + ": ";
            Field f{label, headers.text.size(), 0};
            headers.text += value;
            f.end = headers.text.size();
            headers.text += '\n';
            headers.fields.push_back(std::move(f));
        };
        add("From", from);
        add("To", list(1, pid_display_to));
        add("Cc", list(2, pid_display_cc));
        add("Bcc", list(3, pid_display_bcc));
        add("Subject", props.text(pid_subject));
        auto when = props.time(pid_client_submit_time);
        if (!when) when = props.time(pid_delivery_time);
        if (when) {
            add("Date", when->first);
            record.date = when->second;
        }
        record.sections.push_back(std::move(headers));

        record.sections.push_back({SectionKind::Body, "body", body(props, record)});

        if (std::string transport = trim(clean_control_characters(props.text(pid_transport_headers)));
            !transport.empty())
            record.sections.push_back({SectionKind::Metadata, "transport headers", transport});
        std::string others;
        for (unsigned id : props.text_ids()) {
            if (id == pid_subject || id == pid_sender_name || id == pid_sender_email ||
                id == pid_sender_smtp || id == pid_sent_representing_name ||
                id == pid_sent_representing_email || id == pid_sent_representing_smtp ||
                id == pid_display_to || id == pid_display_cc || id == pid_display_bcc ||
                id == pid_body || id == pid_body_html || id == pid_transport_headers)
                continue;
            std::string value = trim(clean_control_characters(props.text(id)));
            if (!value.empty()) others += value + "\n";
        }
        if (!trim(others).empty())
            record.sections.push_back({SectionKind::Metadata, "other message properties", trim(others)});
        if (recipients == 0 && props.text(pid_display_to).empty())
            record.warnings.push_back("the message lists no recipients");

        // Attachments: each a record after this one, an attached message read in turn.
        int number = 0;
        for (const std::string& n : message.names()) {
            if (n.rfind("__attach_version1.0_", 0) != 0) continue;
            ++number;
            attachment(message.storage(n), record, number, charset, depth);
        }
        return record;
    }

  private:
    std::string body(const Properties& props, Record& record) {
        std::string plain = props.text(pid_body);
        if (!trim(plain).empty()) return clean_control_characters(plain);
        std::string html = props.text(pid_body_html);
        if (html.empty())
            if (auto bytes = props.binary(pid_body_html)) html = decode_text(*bytes);
        if (!trim(html).empty()) {
            if (auto text = email_html_to_text(html)) return *text;
            record.warnings.push_back("the HTML body nests too deeply to be read");
        }
        if (auto compressed = props.binary(pid_rtf_compressed)) {
            auto rtf = decompress_rtf(*compressed);
            if (!rtf) {
                record.warnings.push_back("the RTF body is in a compression SafeSAR does not read");
                return {};
            }
            try {
                RtfDocument doc = parse_rtf(*rtf);
                if (doc.html && !doc.html_text.empty())
                    if (auto text = email_html_to_text(doc.html_text)) return *text;
                std::string text = doc.body.text();
                if (!doc.hidden.empty()) {
                    Section hidden = doc.hidden.take(SectionKind::Body, "hidden text");
                    hidden.hidden = true;
                    record.sections.push_back(std::move(hidden));
                    record.cautions.push_back("the message body holds hidden text; it is not "
                                              "disclosed: check it in the original");
                }
                return text;
            } catch (const RecordError& e) {
                record.warnings.push_back("the RTF body cannot be read: " + e.reason());
            }
        }
        return {};
    }

    void attachment(const OleStorage& storage, Record& record, int number,
                    const std::string& charset, int depth) {
        Properties ap(storage, 8, charset);
        std::string filename = clean_name(ap.text(pid_attach_long_filename));
        if (filename.empty()) filename = clean_name(ap.text(pid_attach_filename));
        if (filename.empty()) filename = clean_name(ap.text(pid_display_name));
        const long method = ap.integer(pid_attach_method).value_or(1);
        if (method == 5) { // an attached message
            if (filename.empty()) filename = "message-" + std::to_string(number);
            if (filename.size() < 4 || filename.compare(filename.size() - 4, 4, ".msg") != 0)
                filename += ".msg";
            const std::string name = unique(record.name + "#" + filename);
            if (depth + 1 > max_message_depth) {
                record.warnings.push_back("messages attached more than " +
                                          std::to_string(max_message_depth) +
                                          " deep were not read");
                return;
            }
            OleStorage inner = storage.storage("__substg1.0_3701000D");
            if (!inner) {
                record.warnings.push_back("an attached message (" + filename + ") is empty");
                return;
            }
            const std::size_t slot = attachments_.size();
            attachments_.emplace_back();
            attachments_[slot] = read(inner, name, record.name, false, depth + 1);
            return;
        }
        auto data = ap.binary(pid_attach_data);
        if (!data) {
            if (method == 6)
                record.warnings.push_back("an embedded OLE object (" +
                                          (filename.empty() ? std::to_string(number) : filename) +
                                          ") was not read");
            return;
        }
        if (filename.empty()) filename = "attachment-" + std::to_string(number);
        Record a;
        a.name = unique(record.name + "#" + filename);
        a.parent = record.name;
        a.mime_type = ap.text(pid_attach_mime);
        a.bytes.assign(data->begin(), data->end());
        if (a.bytes.empty()) {
            record.warnings.push_back("an attachment (" + filename + ") is empty");
            return;
        }
        attachments_.push_back(std::move(a));
    }

    std::string unique(const std::string& name) {
        std::string candidate = name;
        for (int copy = 2; used_.count(candidate); ++copy)
            candidate = name + " (" + std::to_string(copy) + ")";
        used_.insert(candidate);
        return candidate;
    }

    std::vector<Record>& attachments_;
    std::set<std::string> used_;
};

} // namespace

} // namespace gather_detail

Record read_msg(const std::string& name, std::string_view bytes, const GatherOptions& /*options*/,
                std::vector<Record>& attachments) {
    using namespace gather_detail;
    OleFile file(bytes, name);
    std::vector<Record> found;
    MsgReader reader(found);
    Record record;
    try {
        record = reader.read(file.root(), name, {}, true, 0);
    } catch (const RecordError& e) {
        throw RecordError(name, e.reason());
    }
    attachments.insert(attachments.end(), std::make_move_iterator(found.begin()),
                       std::make_move_iterator(found.end()));
    return record;
}

} // namespace safesar
