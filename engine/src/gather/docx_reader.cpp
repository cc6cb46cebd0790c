// read_docx: a Word document (.docx, .docm) read from its XML parts. The record holds, in the
// order a reader meets them: the headers, the body (paragraphs, headings, tables, text boxes),
// footnotes, endnotes, footers, the text of pictures (by OCR), and the comments; then what does
// not show, for detection only: hidden and deleted text (not disclosed, with a caution), alt
// text, field codes, link targets, document variables, the people who commented, document
// properties. Embedded objects become attachment records. Macros are never run.
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include "gather/block_writer.hpp"
#include "gather/document_parts.hpp"
#include "gather/docx_walker.hpp"
#include "gather/embedded_parts.hpp"
#include "gather/office_zip.hpp"
#include "gather/ooxml_package.hpp"

#include <algorithm>
#include <optional>

namespace safesar {

namespace gather_detail {

namespace {

class DocxReader {
  public:
    DocxReader(ZipArchive& zip, const std::string& name, const GatherOptions& options)
        : zip_(zip), name_(name), options_(options), embedded_(name, options) {}

    Record read(std::vector<Record>& attachments) {
        const std::string main = ooxml_main_part(zip_, name_, "word/document.xml");
        XmlDoc doc = xml_parse(zip_.read_required(main), name_, main);
        const std::vector<Relationship> rels = ooxml_relationships(zip_, name_, main);
        note_external(rels);
        for (const Relationship& r : rels)
            if (r.type == "styles" && !r.external)
                if (auto bytes = zip_.read(r.target)) styles_ = docx_read_styles(xml_parse(*bytes, name_, r.target));

        Record record;
        record.name = name_;
        record.kind = RecordKind::Document;
        record.mime_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

        // The body first: it numbers the footnotes and endnotes the way the reader sees them.
        BlockWriter body_text;
        DocxLinks body_links;
        DocxWalker walker(styles_, findings_);
        walker.blocks(xml_child(xml_root(doc), "body"), body_text, body_links);
        Section body = body_text.take(SectionKind::Body, "body");

        std::vector<Section> headers = story_parts(rels, "header", "header");
        std::vector<Section> footers = story_parts(rels, "footer", "footer");
        std::vector<Section> notes = note_parts(rels, "footnotes", "footnote", "footnotes",
                                                findings_.footnote_numbers, false);
        std::vector<Section> endnotes = note_parts(rels, "endnotes", "endnote", "endnotes",
                                                   findings_.endnote_numbers, true);
        std::vector<Section> comments = comment_sections(rels);
        pictures_and_objects(body_links, rels);

        for (Section& s : headers) record.sections.push_back(std::move(s));
        record.sections.push_back(std::move(body));
        for (Section& s : notes) record.sections.push_back(std::move(s));
        for (Section& s : endnotes) record.sections.push_back(std::move(s));
        for (Section& s : footers) record.sections.push_back(std::move(s));
        for (Section& s : comments) record.sections.push_back(std::move(s));
        add_hidden_text(record, findings_.hidden, findings_.deleted);
        embedded_.finish(record, attachments);
        metadata_sections(main, record);
        if (ooxml_has_macros(zip_) ||
            ooxml_content_type(zip_, name_, main).find("macroEnabled") != std::string::npos)
            record.cautions.push_back(macro_caution);
        return record;
    }

  private:
    // A part a relationship names, parsed, with its own relationships (their external targets
    // noted); nothing when the part is missing.
    struct Part {
        XmlDoc doc;
        std::vector<Relationship> rels;
    };
    std::optional<Part> open_part(const Relationship& r) {
        if (r.external) return std::nullopt;
        auto bytes = zip_.read(r.target);
        if (!bytes) return std::nullopt;
        Part part{xml_parse(*bytes, name_, r.target), ooxml_relationships(zip_, name_, r.target)};
        note_external(part.rels);
        return part;
    }

    void note_external(const std::vector<Relationship>& rels) {
        for (const Relationship& r : rels)
            if (r.external) external_.push_back(r.target);
    }

    // Headers or footers: each distinct one a section ("header", "header 2").
    std::vector<Section> story_parts(const std::vector<Relationship>& rels, const char* type,
                                     const char* label) {
        std::vector<Section> out;
        std::vector<std::string> texts;
        for (const Relationship& r : rels) {
            if (r.type != type) continue;
            auto part = open_part(r);
            if (!part) continue;
            BlockWriter text;
            DocxLinks links;
            DocxWalker(styles_, findings_).blocks(xml_root(part->doc), text, links);
            pictures_and_objects(links, part->rels);
            if (text.empty() ||
                std::find(texts.begin(), texts.end(), text.text()) != texts.end())
                continue;
            texts.push_back(text.text());
            out.push_back(text.take(SectionKind::Body, out.empty() ? label : std::string(label) + " " + std::to_string(out.size() + 1)));
        }
        return out;
    }

    // Footnotes or endnotes, each after its number as the body shows it.
    std::vector<Section> note_parts(const std::vector<Relationship>& rels, const char* type,
                                    const char* element, const char* label,
                                    std::map<std::string, int>& numbers, bool roman_numbers) {
        std::vector<Section> out;
        for (const Relationship& r : rels) {
            if (r.type != type) continue;
            auto part = open_part(r);
            if (!part) continue;
            BlockWriter text;
            DocxLinks links;
            for (const xmlNode* note : xml_children(xml_root(part->doc), element)) {
                const std::string kind = xml_attr(note, "type");
                if (!kind.empty() && kind != "normal") continue; // separators
                const std::string id = xml_attr(note, "id");
                auto [it, added] = numbers.emplace(id, static_cast<int>(numbers.size()) + 1);
                const std::string mark = roman_numbers ? docx_roman(it->second)
                                                       : std::to_string(it->second);
                DocxWalker(styles_, findings_).blocks(note, text, links, "[" + mark + "] ");
            }
            pictures_and_objects(links, part->rels);
            if (!text.empty()) out.push_back(text.take(SectionKind::Body, label));
        }
        return out;
    }

    // Each comment an Annotation section that is not on a page: "Author: ...", "Date: ...",
    // "Comment: ..." with a Field for each, so an author is read as a name in a people column.
    std::vector<Section> comment_sections(const std::vector<Relationship>& rels) {
        std::vector<Section> out;
        for (const Relationship& r : rels) {
            if (r.type != "comments") continue;
            auto part = open_part(r);
            if (!part) continue;
            for (const xmlNode* c : xml_children(xml_root(part->doc), "comment")) {
                BlockWriter text;
                DocxLinks links;
                DocxWalker(styles_, findings_).blocks(c, text, links);
                pictures_and_objects(links, part->rels);
                // Initials are not shown: beside a redacted author they would name her.
                initials_.push_back(xml_attr(c, "initials"));
                out.push_back(comment_section("comment " + std::to_string(out.size() + 1),
                                             {{"Author", xml_attr(c, "author")},
                                              {"Date", xml_attr(c, "date")},
                                              {"Comment", text.text()}}));
            }
        }
        return out;
    }

    void pictures_and_objects(const DocxLinks& links, const std::vector<Relationship>& rels) {
        for (const std::string& id : links.pictures) {
            const Relationship* r = ooxml_find(rels, id);
            if (!r || r->external) continue;
            if (auto bytes = zip_.read(r->target)) embedded_.picture(r->target, *bytes);
        }
        for (const std::string& id : links.objects) {
            const Relationship* r = ooxml_find(rels, id);
            if (!r || r->external) continue;
            if (auto bytes = zip_.read(r->target)) embedded_.object(r->target, *bytes);
        }
    }

    void metadata_sections(const std::string& main, Record& record) {
        add_metadata_lines(record.sections, "alt text of pictures", findings_.alt_texts);
        add_metadata_lines(record.sections, "field codes", findings_.field_codes);
        // settings.xml: document variables, and the attached template's path (which can name
        // the author's user folder).
        const std::string folder = part_folder(main);
        const std::string settings = (folder.empty() ? "" : folder + "/") + "settings.xml";
        if (auto bytes = zip_.read(settings)) {
            XmlDoc doc = xml_parse(*bytes, name_, settings);
            std::vector<std::string> variables;
            for (const xmlNode* v : xml_children(xml_child(xml_root(doc), "docVars"), "docVar"))
                variables.push_back(xml_attr(v, "name") + ": " + xml_attr(v, "val"));
            add_metadata_lines(record.sections, "document variables", variables);
            note_external(ooxml_relationships(zip_, name_, settings));
        }
        const std::string people = (folder.empty() ? "" : folder + "/") + "people.xml";
        if (auto bytes = zip_.read(people)) {
            XmlDoc doc = xml_parse(*bytes, name_, people);
            std::vector<std::string> lines;
            for (const xmlNode* p : xml_children(xml_root(doc), "person"))
                lines.push_back(xml_attr(p, "author") + " " +
                                xml_attr(xml_child(p, "presenceInfo"), "userId"));
            add_metadata_lines(record.sections, "people who commented", lines);
        }
        add_metadata_lines(record.sections, "link targets", external_);
        add_metadata_lines(record.sections, "initials of comment authors", initials_);
        office_custom_xml(zip_, name_, record.sections);
        const std::string glossary = (folder.empty() ? "" : folder + "/") + "glossary/document.xml";
        if (auto bytes = zip_.read(glossary)) {
            XmlDoc doc = xml_parse(*bytes, name_, glossary);
            BlockWriter text;
            DocxLinks links;
            for (const xmlNode* part : xml_children(xml_child(xml_root(doc), "docParts"), "docPart"))
                DocxWalker(styles_, findings_).blocks(xml_child(part, "docPartBody"), text, links);
            if (!text.empty())
                record.sections.push_back(text.take(SectionKind::Metadata, "building blocks"));
        }
        ooxml_properties(zip_, name_, record.sections);
    }

    ZipArchive& zip_;
    const std::string& name_;
    const GatherOptions& options_;
    EmbeddedParts embedded_;
    DocxStyles styles_;
    DocxFindings findings_;
    std::vector<std::string> external_, initials_;
};

} // namespace

Record docx_record(ZipArchive& zip, const std::string& name, const GatherOptions& options,
                   std::vector<Record>& attachments) {
    return DocxReader(zip, name, options).read(attachments);
}

} // namespace gather_detail

Record read_docx(const std::string& name, std::string_view bytes, const GatherOptions& options,
                 std::vector<Record>& attachments) {
    gather_detail::ZipArchive zip(bytes, name);
    return gather_detail::docx_record(zip, name, options, attachments);
}

} // namespace safesar
