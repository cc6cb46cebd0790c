#include "gather/read_record.hpp"

#include "gather/office_zip.hpp"
#include "gather/ole_file.hpp"
#include "gather/record_budget.hpp"
#include "gather/text_decode.hpp"
#include "safesar/errors.hpp"

namespace safesar::gather_detail {

namespace {

std::string bytes_of(const std::filesystem::path& file, const std::string& name,
                     const std::vector<unsigned char>* bytes, std::size_t limit,
                     const char* limit_name) {
    if (bytes) return std::string(bytes->begin(), bytes->end());
    return read_file_bounded(file, name, limit, limit_name);
}

Record read_binary(Reader reader, const std::string& name, std::string_view data,
                   const GatherOptions& options, std::vector<Record>& attachments) {
    switch (reader) {
    case Reader::OfficeZip: return read_office_zip(name, data, options, attachments);
    case Reader::Html: return read_html(name, data, options, attachments);
    case Reader::Rtf: return read_rtf(name, data, options, attachments);
    case Reader::Ole: return read_ole(name, data, options, attachments);
    case Reader::Image: return read_image(name, data, options);
    default: break;
    }
    throw RecordError(name, "not a kind SafeSAR reads");
}

} // namespace

Record read_record(const FileKind& kind, const std::filesystem::path& file,
                   const std::string& name, const std::vector<unsigned char>* bytes,
                   const GatherOptions& options, std::vector<Record>& attachments) {
    if (kind.empty) throw RecordError(name, "empty file (0 bytes)");
    const std::size_t first_new = attachments.size();
    Record record;
    switch (kind.reader) {
    case Reader::Pdf:
        record = read_pdf(file, name, bytes, options, attachments);
        break;
    case Reader::Text:
    case Reader::Csv:
        if (bytes) {
            // An attached note or table is shown as the text it is.
            record.name = name;
            record.kind = RecordKind::Text;
            record.mime_type = kind.mime;
            record.sections.push_back(
                {SectionKind::Body, "text",
                 decode_text(std::string(bytes->begin(), bytes->end()))});
        } else {
            record = kind.reader == Reader::Csv ? read_csv(file, name, options)
                                                 : read_text_note(file, name, options);
        }
        break;
    case Reader::Email:
        record = bytes ? read_email_bytes(bytes_of(file, name, bytes, limits_of(options).text_file_bytes,
                                                   "limits.text_file_bytes"), name,
                                          attachments, options)
                       : read_email(file, name, attachments, options);
        break;
    case Reader::OfficeZip:
    case Reader::Ole:
    case Reader::Rtf:
    case Reader::Html:
    case Reader::Image: {
        const std::string data = bytes_of(file, name, bytes, limits_of(options).binary_file_bytes,
                                             "limits.binary_file_bytes");
        record = read_binary(kind.reader, name, data, options, attachments);
        break;
    }
    case Reader::None: {
        if (auto ext = std::filesystem::path(name).extension().string(); ext == ".pdf" || ext == ".PDF")
            throw RecordError(name, "named .pdf but its content is not a PDF (" + kind.mime + ")");
        throw RecordError(name, "not a kind SafeSAR reads (" + kind.mime + ")");
    }
    }
    record.path = file;
    for (std::size_t i = first_new; i < attachments.size(); ++i)
        attachments[i].path = file;
    return record;
}

} // namespace safesar::gather_detail
