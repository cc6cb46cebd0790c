// read_text_note: a plain-text case note becomes one Body section.
#include "gather/text_reader.hpp"

#include "gather/record_budget.hpp"
#include "gather/text_decode.hpp"
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

namespace safesar {

namespace gather_detail {

Record text_note_record(const std::string& name, std::string text, std::string mime_type) {
    Record record;
    record.name = name;
    record.kind = RecordKind::Text;
    record.mime_type = std::move(mime_type);
    Section body;
    body.kind = SectionKind::Body;
    body.label = "text";
    body.text = std::move(text);
    record.sections.push_back(std::move(body));
    return record;
}

} // namespace gather_detail

Record read_text_note(const std::filesystem::path& file, const std::string& name,
                      const GatherOptions& options) {
    // A zero-byte file is an error, not an empty record: an export that came out empty is
    // something the controller must see in the skipped list, not a blank page in the bundle.
    const std::string bytes = gather_detail::text_read_file(
        file, name, gather_detail::limits_of(options).text_file_bytes);
    auto decoded = gather_detail::text_decode_checked(bytes);
    if (!decoded.problem.empty()) throw RecordError(name, decoded.problem);
    Record record = gather_detail::text_note_record(name, std::move(decoded.text));
    record.path = file;
    return record;
}

} // namespace safesar
