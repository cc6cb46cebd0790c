// Private: the slice of GMime the e-mail reader uses, with ownership and the glib type-cast
// macros (C-style casts) kept inside email_gmime.cpp.
#pragma once

#include <gmime/gmime.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace safesar::gather_detail {

struct EmailUnref {
    void operator()(void* object) const;
};
template <class T> using EmailRef = std::unique_ptr<T, EmailUnref>;

struct EmailParsed {
    EmailRef<GMimeMessage> message;    // null when GMime found no message at all
    std::vector<std::string> warnings; // the parser's complaints, one line each, no repeats
    bool nesting_overflow = false;     // the parser left the deepest parts unread
};

// Parses `bytes` as one RFC 5322 message. Thread-safe: GMime is initialised once, and every
// call has its own stream, parser and options.
EmailParsed email_parse(std::string_view bytes);

// Down-casts: null when `object` is not of that type.
GMimeMultipart* email_as_multipart(GMimeObject* object);
GMimeMessagePart* email_as_message_part(GMimeObject* object);
GMimePart* email_as_part(GMimeObject* object);

// "type/subtype" in lower case; "text/plain" when the part has no Content-Type (RFC 2045 5.2).
std::string email_mime_type(GMimeObject* object);
// A Content-Type parameter, or empty.
std::string email_content_type_parameter(GMimeObject* object, const char* name);
// The file name from Content-Disposition or the Content-Type name parameter, RFC 2231/2047
// decoded; empty when there is none.
std::string email_filename(GMimeObject* object);
// Content-Disposition says "attachment".
bool email_disposition_is_attachment(GMimeObject* object);

// The part's content with its transfer encoding (base64, quoted-printable, uuencode) undone.
std::string email_part_content(GMimePart* part);

// The object written back out as MIME (an attached message as an .eml file would hold it).
std::string email_object_bytes(GMimeObject* object);

// An address header as "Name <addr>, Name <addr>", display names decoded; empty when absent.
std::string email_addresses(GMimeMessage* message, GMimeAddressType type);
// A header's value, unfolded and RFC 2047 decoded; empty when absent.
std::string email_header(GMimeObject* object, const char* name);
// The Subject, RFC 2047 decoded; empty when absent.
std::string email_subject(GMimeMessage* message);
// The Date header as YYYY-MM-DD in the sender's own time zone; empty when missing or unreadable.
std::string email_date_iso(GMimeMessage* message);
// The top-level headers' names, for deciding whether this is a message at all.
std::vector<std::string> email_header_names(GMimeObject* object);

inline GMimeObject* email_object(GMimeMessage* message) {
    return &message->parent_object;
}

} // namespace safesar::gather_detail
