// Private: the text-note record shape, shared with the e-mail reader for text attachments.
#pragma once

#include "safesar/document.hpp"

#include <string>

namespace safesar::gather_detail {

// A Text record named `name` whose one Body section (label "text") holds `text` (UTF-8).
Record text_note_record(const std::string& name, std::string text,
                        std::string mime_type = "text/plain");

} // namespace safesar::gather_detail
