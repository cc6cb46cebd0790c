// GMime glue for the e-mail reader. glib's type macros expand to C-style casts, so this file
// (and only this file) silences -Wold-style-cast around them.
#include "gather/email_gmime.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>

namespace safesar::gather_detail {
namespace {

void init_gmime() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

struct GFree {
    void operator()(void* p) const { g_free(p); }
};
using GString = std::unique_ptr<char, GFree>;

std::string or_empty(const char* s) {
    return s ? std::string(s) : std::string();
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The parser's codes as one line each; the harmless ones (a repeated header, 8-bit bytes in a
// header) are not worth a line in the controller's report.
const char* describe(GMimeParserWarning code) {
    switch (code) {
    case GMIME_WARN_MALFORMED_MULTIPART:
        return "a multipart part has no child parts";
    case GMIME_WARN_TRUNCATED_MESSAGE:
        return "the message is truncated";
    case GMIME_WARN_MALFORMED_MESSAGE:
        return "the message is malformed";
    case GMIME_CRIT_INVALID_HEADER_NAME:
        return "invalid header line; some text may have been read as body";
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
        return "a multipart part has no boundary";
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
        return "a MIME part has neither headers nor content";
    default:
        return nullptr;
    }
}

void on_warning(gint64, GMimeParserWarning code, const gchar*, gpointer user_data) {
    auto* parsed = static_cast<EmailParsed*>(user_data);
    if (code == GMIME_CRIT_NESTING_OVERFLOW) parsed->nesting_overflow = true; // a part unread
    std::vector<std::string>* warnings = &parsed->warnings;
    const char* text = describe(code);
    if (!text) return;
    const std::string line = std::string("MIME: ") + text;
    if (std::find(warnings->begin(), warnings->end(), line) == warnings->end())
        warnings->push_back(line);
}

struct OptionsFree {
    void operator()(GMimeParserOptions* o) const { g_mime_parser_options_free(o); }
};

} // namespace

void EmailUnref::operator()(void* object) const {
    if (object) g_object_unref(object);
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"

EmailParsed email_parse(std::string_view bytes) {
    init_gmime();
    EmailParsed parsed;
    std::unique_ptr<GMimeParserOptions, OptionsFree> options(g_mime_parser_options_new());
    // Unencoded 8-bit headers: UTF-8 when valid, else what Outlook writes.
    const char* fallback[] = {"utf-8", "windows-1252", nullptr};
    g_mime_parser_options_set_fallback_charsets(options.get(), fallback);
    g_mime_parser_options_set_warning_callback(options.get(), on_warning, &parsed);

    EmailRef<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
    EmailRef<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    parsed.message.reset(g_mime_parser_construct_message(parser.get(), options.get()));
    return parsed;
}

GMimeMultipart* email_as_multipart(GMimeObject* object) {
    return object && GMIME_IS_MULTIPART(object) ? GMIME_MULTIPART(object) : nullptr;
}

GMimeMessagePart* email_as_message_part(GMimeObject* object) {
    return object && GMIME_IS_MESSAGE_PART(object) ? GMIME_MESSAGE_PART(object) : nullptr;
}

GMimePart* email_as_part(GMimeObject* object) {
    return object && GMIME_IS_PART(object) ? GMIME_PART(object) : nullptr;
}

namespace {

// What was written to a memory stream.
std::string stream_bytes(GMimeStream* stream) {
    GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    if (!array || array->len == 0) return {};
    return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

} // namespace

std::string email_part_content(GMimePart* part) {
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    if (!content) return {};
    EmailRef<GMimeStream> out(g_mime_stream_mem_new());
    if (g_mime_data_wrapper_write_to_stream(content, out.get()) < 0) return {};
    return stream_bytes(out.get());
}

std::string email_object_bytes(GMimeObject* object) {
    EmailRef<GMimeStream> out(g_mime_stream_mem_new());
    if (g_mime_object_write_to_stream(object, nullptr, out.get()) < 0) return {};
    return stream_bytes(out.get());
}

#pragma GCC diagnostic pop

std::string email_mime_type(GMimeObject* object) {
    GMimeContentType* type = g_mime_object_get_content_type(object);
    if (!type) return "text/plain";
    GString mime(g_mime_content_type_get_mime_type(type));
    return mime ? lower(mime.get()) : "text/plain";
}

std::string email_content_type_parameter(GMimeObject* object, const char* name) {
    return or_empty(g_mime_object_get_content_type_parameter(object, name));
}

std::string email_filename(GMimeObject* object) {
    if (GMimePart* part = email_as_part(object)) return or_empty(g_mime_part_get_filename(part));
    // Message and multipart parts are not GMimePart; read the same two places by hand.
    std::string name =
        or_empty(g_mime_object_get_content_disposition_parameter(object, "filename"));
    return name.empty() ? email_content_type_parameter(object, "name") : name;
}

bool email_disposition_is_attachment(GMimeObject* object) {
    GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
    return disposition && g_mime_content_disposition_is_attachment(disposition);
}

std::string email_addresses(GMimeMessage* message, GMimeAddressType type) {
    InternetAddressList* list = g_mime_message_get_addresses(message, type);
    if (!list || internet_address_list_length(list) == 0) return {};
    GString text(internet_address_list_to_string(list, nullptr, FALSE));
    return text ? std::string(text.get()) : std::string();
}

std::string email_header(GMimeObject* object, const char* name) {
    return or_empty(g_mime_object_get_header(object, name));
}

std::string email_subject(GMimeMessage* message) {
    return or_empty(g_mime_message_get_subject(message));
}

std::string email_date_iso(GMimeMessage* message) {
    GDateTime* date = g_mime_message_get_date(message);
    if (!date) return {};
    GString text(g_date_time_format(date, "%Y-%m-%d"));
    return text ? std::string(text.get()) : std::string();
}

std::vector<std::string> email_header_names(GMimeObject* object) {
    std::vector<std::string> names;
    GMimeHeaderList* headers = g_mime_object_get_header_list(object);
    const int count = headers ? g_mime_header_list_get_count(headers) : 0;
    for (int i = 0; i < count; ++i) {
        GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
        if (header) names.push_back(lower(or_empty(g_mime_header_get_name(header))));
    }
    return names;
}

} // namespace safesar::gather_detail
