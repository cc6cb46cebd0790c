#include "gather/embedded_parts.hpp"

#include "gather/ole_file.hpp"
#include "media/image_decode.hpp"
#include "safesar/errors.hpp"

namespace safesar::gather_detail {

std::string embedded_name(const std::string& part) {
    std::string name = part;
    // "word/embeddings/x.xlsx" -> "embeddings/x.xlsx": the top folder says nothing to a reader.
    if (const auto slash = name.find('/'); slash != std::string::npos && slash + 1 < name.size())
        name.erase(0, slash + 1);
    for (char& c : name) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7F || c == '#') c = '_';
    }
    if (name.size() > 200) name.resize(200);
    return name;
}

void EmbeddedParts::picture(const std::string& part, std::string_view bytes) {
    if (!seen_.insert(part).second) return;
    ++pictures_;
    const std::string number = "picture " + std::to_string(pictures_);
    if (media::image_format(bytes) == media::ImageFormat::Unknown) {
        // Vector drawings (EMF, WMF, SVG) can hold text that only a renderer would show.
        ++unreadable_;
        return;
    }
    Record image;
    try {
        image = read_image(record_name_ + "#" + embedded_name(part), bytes, options_);
    } catch (const Cancelled&) {
        throw;
    } catch (const Error& e) {
        warnings_.push_back(number + " (" + embedded_name(part) + ") cannot be read: " + e.reason());
        return;
    }
    std::string text;
    for (const Section& s : image.sections) {
        if (s.kind == SectionKind::Metadata) {
            metadata_.push_back({SectionKind::Metadata, number + " " + s.label, s.text});
        } else if (s.kind == SectionKind::PageText && !s.text.empty()) {
            if (!text.empty()) text += '\n';
            text += s.text;
        }
    }
    if (!text.empty())
        sections_.push_back({SectionKind::Body, number + " (text read by OCR)", std::move(text)});
    for (const PageInfo& page : image.pages)
        if (!page.ocr_done) ++not_ocred_;
    for (const std::string& w : image.warnings)
        warnings_.push_back(number + ": " + w);
}

void EmbeddedParts::object(const std::string& part, std::string_view bytes) {
    if (!seen_.insert(part).second) return;
    std::string name = embedded_name(part);
    // Office wraps an embedded file in an OLE "package": the file inside is the record.
    std::optional<std::pair<std::string, std::string>> packaged;
    if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        packaged = ole_packaged_file(bytes);
    if (packaged) {
        bytes = packaged->second;
        if (!packaged->first.empty()) name += "/" + embedded_name("x/" + packaged->first);
    }
    Record a;
    a.name = record_name_ + "#" + name;
    a.parent = record_name_;
    a.bytes.assign(bytes.begin(), bytes.end());
    if (a.bytes.empty()) return;
    objects_.push_back(std::move(a));
}

void EmbeddedParts::finish(Record& record, std::vector<Record>& attachments) {
    for (Section& s : sections_)
        record.sections.push_back(std::move(s));
    for (Section& s : metadata_)
        record.sections.push_back(std::move(s));
    record.warnings.insert(record.warnings.end(), warnings_.begin(), warnings_.end());
    if (unreadable_ > 0)
        record.cautions.push_back(std::to_string(unreadable_) +
                                  " picture(s) in a format SafeSAR cannot read (a vector drawing "
                                  "such as EMF or WMF) may hold text: check them in the original");
    if (not_ocred_ > 0)
        record.cautions.push_back(std::to_string(not_ocred_) +
                                  " picture(s) were not read by OCR and may hold text: check them "
                                  "in the original");
    for (Record& a : objects_) {
        a.path = record.path;
        attachments.push_back(std::move(a));
    }
    sections_.clear();
    metadata_.clear();
    objects_.clear();
}

} // namespace safesar::gather_detail
