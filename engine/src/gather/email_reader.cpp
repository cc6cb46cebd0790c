// read_email: an RFC 5322 message becomes a Header section (From/To/Cc/Subject/Date, decoded),
// a Body section (the text the sender wrote, quoted replies included: they name people too) and
// one attachment record per attached file or message, flattened into `attachments`.
//
// GMime does the MIME work (structure, transfer encodings, RFC 2047/2231 words); charsets go
// through decode_text so a wrong or missing charset label falls back the same way everywhere.
#include "gather/attachment_names.hpp"
#include "gather/csv_reader.hpp"
#include "gather/email_gmime.hpp"
#include "gather/email_html.hpp"
#include "gather/record_budget.hpp"
#include "gather/text_decode.hpp"
#include "gather/text_reader.hpp"
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <string_view>

namespace safesar {
namespace gather_detail {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<long>(suffix.size()),
                      [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                      });
}

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\n") == text.npos;
}

// GMime accepts anything as a message (junk becomes a body with no headers), so the file is
// checked first: after optional blank lines and an mbox "From " line, it must open with a
// header field ("Name: value"), and the header block must hold no binary bytes.
void check_looks_like_mail(std::string_view bytes, const std::string& name) {
    while (!bytes.empty() && (bytes.front() == '\n' || bytes.front() == '\r'))
        bytes.remove_prefix(1);
    if (starts_with(bytes, "From ")) {
        const auto eol = bytes.find('\n');
        bytes.remove_prefix(eol == bytes.npos ? bytes.size() : eol + 1);
    }
    auto header_end = bytes.find("\n\n");
    header_end = std::min(header_end, bytes.find("\r\n\r\n"));
    const std::string_view headers = bytes.substr(0, header_end);
    for (const char c : headers) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && c != '\t' && c != '\r' && c != '\n') || b == 0x7F)
            throw RecordError(name, "not valid MIME: binary data in the header block");
    }
    // RFC 5322 field name: printable ASCII except ':'; obsolete syntax allows space before ':'.
    std::size_t i = 0;
    while (i < headers.size() && headers[i] > ' ' && headers[i] <= '~' && headers[i] != ':')
        ++i;
    const std::size_t name_end = i;
    while (i < headers.size() && (headers[i] == ' ' || headers[i] == '\t'))
        ++i;
    if (name_end == 0 || i >= headers.size() || headers[i] != ':')
        throw RecordError(name, "not valid MIME: the file does not begin with header fields");
}

// Header fields that only e-mail has: a file with none of them is not a message even if its
// first line looks like "Word: text".
bool has_mail_header(const std::vector<std::string>& names) {
    static constexpr std::array<std::string_view, 14> mail_headers{
        "from",   "to",         "cc",           "bcc",          "subject",
        "date",   "message-id", "mime-version", "content-type", "received",
        "sender", "reply-to",   "return-path",  "in-reply-to"};
    return std::any_of(names.begin(), names.end(), [](const std::string& n) {
        return std::find(mail_headers.begin(), mail_headers.end(), n) != mail_headers.end();
    });
}

// One header line's value: folded lines and tabs flattened so "Label: value\n" stays one line,
// and guaranteed UTF-8 (GMime passes raw 8-bit header bytes through when it cannot decode them).
std::string header_value(std::string value) {
    std::replace_if(
        value.begin(), value.end(), [](char c) { return c == '\r' || c == '\n' || c == '\t'; },
        ' ');
    const auto first = value.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    value = value.substr(first, value.find_last_not_of(' ') - first + 1);
    return decode_text(value, "utf-8");
}

Section header_section(GMimeMessage* message) {
    Section section;
    section.kind = SectionKind::Header;
    section.label = "headers";
    auto add = [&section](const char* label, std::string value) {
        value = header_value(std::move(value));
        if (value.empty()) return;
        section.text += label;
        section.text += ": ";
        Field field{label, section.text.size(), 0};
        section.text += value;
        field.end = section.text.size();
        section.text += '\n';
        section.fields.push_back(std::move(field));
    };
    GMimeObject* object = email_object(message);
    // GMime drops addresses it cannot parse ("Bad <<x@@y>>") from the list; then the header
    // is shown as written (RFC 2047 decoded) so no name or address in it goes unseen.
    auto addresses = [&](GMimeAddressType type, const char* header) {
        std::string list = email_addresses(message, type);
        std::string raw = email_header(object, header);
        const auto ats = [](const std::string& s) { return std::count(s.begin(), s.end(), '@'); };
        return list.empty() || ats(raw) > ats(list) ? raw : list;
    };
    add("From", addresses(GMIME_ADDRESS_TYPE_FROM, "From"));
    add("To", addresses(GMIME_ADDRESS_TYPE_TO, "To"));
    add("Cc", addresses(GMIME_ADDRESS_TYPE_CC, "Cc"));
    add("Bcc", addresses(GMIME_ADDRESS_TYPE_BCC, "Bcc"));
    add("Reply-To", addresses(GMIME_ADDRESS_TYPE_REPLY_TO, "Reply-To"));
    add("Subject", email_subject(message));
    add("Date", email_header(object, "Date"));
    return section;
}

std::string default_extension(const std::string& mime_type) {
    if (mime_type == "application/pdf") return ".pdf";
    if (mime_type == "image/png") return ".png";
    if (mime_type == "image/jpeg") return ".jpg";
    if (mime_type == "image/gif") return ".gif";
    if (mime_type == "text/plain") return ".txt";
    if (mime_type == "text/html") return ".html";
    if (mime_type == "text/csv") return ".csv";
    if (mime_type == "message/rfc822") return ".eml";
    return ".bin";
}

bool is_pdf(const std::string& mime_type, const std::string& filename, std::string_view bytes) {
    // Mailers often send PDFs as application/octet-stream; the file's own signature decides.
    return mime_type == "application/pdf" || mime_type == "application/x-pdf" ||
           starts_with(bytes, "%PDF-") || ends_with_ci(filename, ".pdf");
}

bool is_signature(const std::string& mime_type) {
    return mime_type == "application/pgp-signature" || mime_type == "application/pkcs7-signature" ||
           mime_type == "application/x-pkcs7-signature";
}

// Parts in the MIME tree under `object` (itself included), counted without reading them; a
// hostile tree is counted only so far.
std::size_t count_parts(GMimeObject* object) {
    constexpr std::size_t enough = 1000000;
    std::size_t count = 0;
    std::vector<GMimeObject*> stack{object};
    while (!stack.empty() && count < enough) {
        GMimeObject* o = stack.back();
        stack.pop_back();
        if (!o) continue;
        if (GMimeMultipart* multipart = email_as_multipart(o)) {
            for (int i = 0, n = g_mime_multipart_get_count(multipart); i < n; ++i)
                stack.push_back(g_mime_multipart_get_part(multipart, i));
        } else if (GMimeMessagePart* attached = email_as_message_part(o)) {
            ++count;
            if (GMimeMessage* inner = g_mime_message_part_get_message(attached))
                stack.push_back(g_mime_message_get_mime_part(inner));
        } else {
            ++count;
        }
    }
    return count;
}

// Shared across one file's whole tree, nested messages included.
struct Context {
    int max_depth = 10;           // multiparts and attached messages; real mail stays under 5
    std::size_t max_parts = 1000; // leaf parts read per file
    std::function<void()> check_budget;
    std::vector<Record> attachments; // flattened, each record before its own attachments
    std::size_t parts = 0;
    // Parts not read: reported on the file's own record, where the controller looks first.
    std::size_t too_deep = 0, past_limit = 0;
    // Bytes of attached messages kept as well as parsed: each copy holds every message nested
    // inside it, so a chain of attached messages is capped at one file's worth.
    std::size_t message_bytes = 0, max_message_bytes = 0;

    std::vector<std::string> unread() const {
        std::vector<std::string> out;
        if (too_deep)
            out.push_back(std::to_string(too_deep) + " MIME part" + (too_deep == 1 ? "" : "s") +
                          " nested more than " + std::to_string(max_depth) +
                          " levels deep (limits.mime_depth)");
        if (past_limit)
            out.push_back(std::to_string(past_limit) + " MIME part" + (past_limit == 1 ? "" : "s") +
                          " past the first " + std::to_string(max_parts) + " (limits.mime_parts)");
        return out;
    }
};

// `parts_found`, when given, receives how many parts the message's MIME tree yielded.
Record read_message(Context& context, GMimeMessage* message, const std::string& name,
                    const std::string& parent, int depth, std::size_t* parts_found = nullptr);

// Walks one message's MIME tree: body text into `body`, everything else into attachments.
class MessageWalk {
  public:
    MessageWalk(Context& context, Record& record) : context_(context), record_(record) {}

    void walk(GMimeObject* object, int depth) {
        if (depth > context_.max_depth) {
            ++parts_found_; // there is a part, it is just not read
            context_.too_deep += count_parts(object);
            return;
        }
        if (GMimeMultipart* multipart = email_as_multipart(object)) {
            walk_multipart(object, multipart, depth);
        } else if (GMimeMessagePart* attached = email_as_message_part(object)) {
            attach_message(object, attached, depth);
        } else if (GMimePart* part = email_as_part(object)) {
            leaf(object, part);
        }
    }

    std::string body() const {
        std::string text;
        for (const std::string& part : body_) {
            if (!text.empty() && text.back() != '\n') text += '\n';
            if (!text.empty()) text += '\n';
            text += part;
        }
        return text;
    }

    // Leaf parts and attached messages met: zero means a multipart whose parts never appeared.
    std::size_t parts_found() const { return parts_found_; }

  private:
    void walk_multipart(GMimeObject* object, GMimeMultipart* multipart, int depth) {
        const int count = g_mime_multipart_get_count(multipart);
        if (count <= 0) {
            record_.warnings.push_back("a multipart part holds no parts (boundary never found)");
            return;
        }
        const std::string type = email_mime_type(object);
        if (type == "multipart/alternative") {
            walk(pick_alternative(multipart, count), depth + 1);
            return;
        }
        // The encrypted parts still become (unreadable) attachments, so gather lists them.
        if (type == "multipart/encrypted")
            record_.unread.push_back("the message's content (it is encrypted)");
        for (int i = 0; i < count; ++i)
            walk(g_mime_multipart_get_part(multipart, i), depth + 1);
    }

    // The versions of multipart/alternative say the same thing: read the plain-text one, as the
    // sender wrote it, unless it is empty (some mailers send an empty text/plain beside HTML).
    static GMimeObject* pick_alternative(GMimeMultipart* multipart, int count) {
        GMimeObject* plain = nullptr;
        GMimeObject* html = nullptr;
        GMimeObject* nested = nullptr;
        for (int i = 0; i < count; ++i) {
            GMimeObject* child = g_mime_multipart_get_part(multipart, i);
            const std::string type = email_mime_type(child);
            if (!plain && type == "text/plain") plain = child;
            if (!html && type == "text/html") html = child;
            if (!nested && email_as_multipart(child)) nested = child;
        }
        if (plain && (!html || !blank(plain_text(plain)))) return plain;
        if (html) return html;
        return nested ? nested : g_mime_multipart_get_part(multipart, 0);
    }

    static std::string plain_text(GMimeObject* object) {
        GMimePart* part = email_as_part(object);
        if (!part) return {};
        return decode_text(email_part_content(part),
                           email_content_type_parameter(object, "charset"));
    }

    bool count_part() {
        ++parts_found_;
        if (context_.check_budget) context_.check_budget();
        if (++context_.parts <= context_.max_parts) return true;
        ++context_.past_limit;
        return false;
    }

    void leaf(GMimeObject* object, GMimePart* part) {
        if (!count_part()) return;
        const std::string type = email_mime_type(object);
        const std::string filename = email_filename(object);
        // A detached signature holds no one's words; it is neither body nor a record.
        if (is_signature(type)) return;
        const bool attached = !filename.empty() || email_disposition_is_attachment(object);
        const std::string charset = email_content_type_parameter(object, "charset");
        std::string bytes = email_part_content(part);
        if (!attached && type == "text/plain") {
            auto decoded = text_decode_checked(bytes, charset);
            if (decoded.problem.empty()) {
                body_.push_back(std::move(decoded.text));
                return;
            }
            // Binary bytes labelled text/plain: passed on as an unreadable attachment, so the
            // gather step reports it instead of the bundle showing garbage.
        } else if (!attached && type == "text/html") {
            if (auto text = email_html_to_text(decode_text(bytes, charset))) {
                body_.push_back(std::move(*text));
                return;
            }
            record_.warnings.push_back("an HTML body part nests too deeply to be read; it is "
                                       "passed on as an attachment");
        }
        context_.attachments.push_back(
            attachment(unique_name(filename, type), type, charset, std::move(bytes)));
    }

    Record attachment(const std::string& filename, const std::string& type,
                      const std::string& charset, std::string bytes) const {
        const std::string name = record_.name + "#" + filename;
        Record record;
        if (is_pdf(type, filename, bytes)) {
            // Left for read_pdf, which the gather step calls with these bytes.
            record.kind = RecordKind::Pdf;
            record.name = name;
            record.mime_type = "application/pdf";
        } else if (type == "text/csv" || ends_with_ci(filename, ".csv")) {
            try {
                record = csv_record_from_bytes(bytes, name, charset);
            } catch (const RecordError& e) {
                record = unreadable(name, type, e.reason());
            }
        } else if (type == "text/html" || ends_with_ci(filename, ".html") ||
                   ends_with_ci(filename, ".htm")) {
            // Left for read_html, which the gather step calls with these bytes: an attached page
            // is a web page, its hidden elements read apart.
            record.kind = RecordKind::WebPage;
            record.name = name;
            record.mime_type = "text/html";
        } else if (starts_with(type, "text/") || ends_with_ci(filename, ".txt") ||
                   ends_with_ci(filename, ".md")) {
            auto decoded = text_decode_checked(bytes, charset);
            record = decoded.problem.empty() ? text_note_record(name, std::move(decoded.text), type)
                                             : unreadable(name, type, decoded.problem);
        } else if (starts_with(type, "image/")) {
            record.kind = RecordKind::Image;
            record.name = name;
            record.mime_type = type;
        } else {
            record = unreadable(name, type, {});
        }
        if (bytes.empty()) record.warnings.push_back("empty attachment");
        record.parent = record_.name;
        record.bytes.assign(bytes.begin(), bytes.end());
        return record;
    }

    static Record unreadable(const std::string& name, const std::string& type,
                             const std::string& reason) {
        Record record;
        record.kind = RecordKind::Unknown;
        record.name = name;
        record.mime_type = type;
        if (!reason.empty()) record.warnings.push_back(reason);
        return record;
    }

    void attach_message(GMimeObject* object, GMimeMessagePart* attached, int depth) {
        if (depth + 1 > context_.max_depth) { // the attached message would sit below the limit
            walk(object, depth + 1);          // reports it
            return;
        }
        if (!count_part()) return;
        GMimeMessage* inner = g_mime_message_part_get_message(attached);
        if (!inner) {
            record_.warnings.push_back("an attached message part is empty");
            return;
        }
        const std::string name =
            record_.name + "#" + unique_name(email_filename(object), "message/rfc822");
        // The nested message goes before its own attachments: reserve its place first.
        const std::size_t slot = context_.attachments.size();
        context_.attachments.emplace_back();
        Record nested = read_message(context_, inner, name, record_.name, depth + 1);
        const std::string bytes = email_object_bytes(email_object(inner));
        context_.message_bytes += bytes.size();
        if (context_.message_bytes <= context_.max_message_bytes)
            nested.bytes.assign(bytes.begin(), bytes.end());
        else
            nested.warnings.push_back("the attached message's bytes were not kept (too large)");
        context_.attachments[slot] = std::move(nested);
    }

    // "safety-plan.pdf", or "attachment-3.pdf" when the part has no name; a second
    // "safety-plan.pdf" in the same message becomes "safety-plan (2).pdf".
    std::string unique_name(const std::string& raw, const std::string& type) {
        return names_.unique(decode_text(raw, "utf-8"),
                             type == "message/rfc822" ? "message-" : "attachment-",
                             default_extension(type));
    }

    Context& context_;
    Record& record_;
    std::vector<std::string> body_;
    AttachmentNames names_;
    std::size_t parts_found_ = 0;
};

Record read_message(Context& context, GMimeMessage* message, const std::string& name,
                    const std::string& parent, int depth, std::size_t* parts_found) {
    Record record;
    record.name = name;
    record.parent = parent;
    record.kind = RecordKind::Email;
    record.mime_type = "message/rfc822";
    record.sections.push_back(header_section(message));
    record.date = email_date_iso(message);
    if (record.date.empty() && !email_header(email_object(message), "Date").empty())
        record.warnings.push_back("the Date header is not a date");

    MessageWalk walk(context, record);
    if (GMimeObject* top = g_mime_message_get_mime_part(message)) walk.walk(top, depth);
    if (walk.parts_found() == 0) record.warnings.push_back("no body part found");
    if (parts_found) *parts_found = walk.parts_found();

    Section body;
    body.kind = SectionKind::Body;
    body.label = "body";
    body.text = walk.body();
    record.sections.push_back(std::move(body));
    return record;
}

} // namespace
} // namespace gather_detail

Record read_email(const std::filesystem::path& file, const std::string& name,
                  std::vector<Record>& attachments, const GatherOptions& options) {
    const std::size_t first_new = attachments.size();
    Record record = read_email_bytes(
        gather_detail::text_read_file(file, name, gather_detail::limits_of(options).text_file_bytes),
        name, attachments, options);
    record.path = file;
    for (std::size_t i = first_new; i < attachments.size(); ++i)
        attachments[i].path = file;
    return record;
}

Record read_email_bytes(const std::string& bytes, const std::string& name,
                        std::vector<Record>& attachments, const GatherOptions& options) {
    using namespace gather_detail;
    const Limits& limits = limits_of(options);
    check_looks_like_mail(bytes, name);

    EmailParsed parsed = email_parse(bytes);
    if (!parsed.message) throw RecordError(name, "not valid MIME: no message found");
    GMimeMessage* message = parsed.message.get();
    if (!has_mail_header(email_header_names(email_object(message))))
        throw RecordError(name, "not valid MIME: no e-mail header fields (From, To, Subject, "
                                "Date...) found");

    Context context;
    context.max_depth = limits.mime_depth;
    context.max_parts = limits.mime_parts;
    context.max_message_bytes = limits.text_file_bytes;
    context.check_budget = budget_check(options, name);
    std::size_t parts_found = 0;
    Record record = read_message(context, message, name, {}, 0, &parts_found);
    // A multipart whose boundary never appears: GMime finds no part at all, and the text it
    // holds is an unparsed preamble, so the file is reported rather than half-read.
    if (parts_found == 0) throw RecordError(name, "not valid MIME: no body part found");

    record.warnings.insert(record.warnings.begin(), parsed.warnings.begin(), parsed.warnings.end());
    if (parsed.nesting_overflow)
        record.unread.push_back("MIME parts nested too deeply for the MIME parser");
    for (std::string& line : context.unread())
        record.unread.push_back(std::move(line));
    // Appended only now, so a file that fails leaves the caller's list untouched.
    attachments.insert(attachments.end(), std::make_move_iterator(context.attachments.begin()),
                       std::make_move_iterator(context.attachments.end()));
    return record;
}

} // namespace safesar
