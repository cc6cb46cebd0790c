// read_rtf: a Rich Text Format document (.rtf). The tokenizer in rtf_parser reads it; this
// turns what it found into the record's sections, in the order a reader meets them: headers,
// the body, footnotes, endnotes, footers, comments; hidden and deleted text apart (not
// disclosed, with a caution); document properties and field codes as metadata; pictures read by
// OCR and embedded objects as attachment records.
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include "gather/document_parts.hpp"
#include "gather/embedded_parts.hpp"
#include "gather/office_zip.hpp"
#include "gather/rtf_parser.hpp"

namespace safesar {

Record read_rtf(const std::string& name, std::string_view bytes, const GatherOptions& options,
                std::vector<Record>& attachments) {
    using namespace gather_detail;
    RtfDocument doc;
    try {
        doc = parse_rtf(bytes);
    } catch (const RecordError& e) {
        throw RecordError(name, e.reason());
    }
    Record record;
    record.name = name;
    record.kind = RecordKind::Document;
    record.mime_type = "application/rtf";

    std::vector<std::string> seen;
    auto story = [&](const char* which) {
        int count = 0;
        for (auto& [kind, text] : doc.headers_footers) {
            if (kind != which || text.empty()) continue;
            if (std::find(seen.begin(), seen.end(), text.text()) != seen.end()) continue;
            seen.push_back(text.text());
            ++count;
            record.sections.push_back(text.take(
                SectionKind::Body, count == 1 ? which : std::string(which) + " " + std::to_string(count)));
        }
    };
    story("header");
    record.sections.push_back(doc.body.take(SectionKind::Body, "body"));
    if (!doc.footnotes.empty()) record.sections.push_back(doc.footnotes.take(SectionKind::Body, "footnotes"));
    if (!doc.endnotes.empty()) record.sections.push_back(doc.endnotes.take(SectionKind::Body, "endnotes"));
    story("footer");
    int number = 0;
    std::string initials; // not shown: beside a redacted author they would name her
    for (const RtfComment& c : doc.comments) {
        record.sections.push_back(comment_section("comment " + std::to_string(++number),
                                                 {{"Author", c.author}, {"Comment", c.text}}));
        if (!trim(c.initials).empty()) initials += trim(c.initials) + "\n";
    }
    add_hidden_text(record, doc.hidden, doc.deleted);
    EmbeddedParts embedded(name, options);
    for (std::size_t i = 0; i < doc.pictures.size(); ++i)
        embedded.picture("picture " + std::to_string(i + 1), doc.pictures[i]);
    for (std::size_t i = 0; i < doc.objects.size(); ++i)
        embedded.object("object " + std::to_string(i + 1), doc.objects[i]);
    embedded.finish(record, attachments);
    if (doc.unreadable_pictures > 0)
        record.cautions.push_back(std::to_string(doc.unreadable_pictures) +
                                  " picture(s) in a format SafeSAR cannot read (WMF, EMF or a "
                                  "bitmap) may hold text: check them in the original");
    std::string codes;
    for (const std::string& c : doc.field_codes) codes += c + "\n";
    if (!trim(codes).empty())
        record.sections.push_back({SectionKind::Metadata, "field codes", trim(codes)});
    if (!trim(initials).empty())
        record.sections.push_back(
            {SectionKind::Metadata, "initials of comment authors", trim(initials)});
    for (const auto& [field, value] : doc.properties)
        record.sections.push_back({SectionKind::Metadata, "property " + field, value});
    return record;
}

} // namespace safesar
