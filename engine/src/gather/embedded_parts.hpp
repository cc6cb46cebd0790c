// Private: pictures and objects inside a document or spreadsheet. A picture is read like a
// photograph (its text by OCR, its metadata) and its text shown with the record's own; an
// embedded object (a workbook in a letter, a packaged file) becomes an attachment record, read
// by its own reader as "letter.docx#embeddings/Book1.xlsx".
#pragma once

#include "safesar/gather.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace safesar::gather_detail {

class EmbeddedParts {
  public:
    EmbeddedParts(const std::string& record_name, const GatherOptions& options)
        : record_name_(record_name), options_(options) {}

    // `part` names the picture or object inside the container ("word/media/image1.png"); a
    // part met again is read once.
    void picture(const std::string& part, std::string_view bytes);
    void object(const std::string& part, std::string_view bytes);

    // The pictures' text and metadata into `record`, with a warning or caution for what could
    // not be read; the objects into `attachments`.
    void finish(Record& record, std::vector<Record>& attachments);

  private:
    std::string record_name_;
    const GatherOptions& options_;
    std::set<std::string> seen_;
    std::vector<Section> sections_, metadata_;
    std::vector<std::string> warnings_;
    std::vector<Record> objects_;
    int pictures_ = 0, unreadable_ = 0, not_ocred_ = 0;
};

// An embedded file's name made safe for a record name: the part path without the package's top
// folder, no '#', no control characters.
std::string embedded_name(const std::string& part);

} // namespace safesar::gather_detail
