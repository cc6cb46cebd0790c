// Private: a CSV record from bytes already in memory, shared with the e-mail reader for CSV
// attachments.
#pragma once

#include "safesar/document.hpp"

#include <string>

namespace safesar::gather_detail {

// Throws RecordError(name, ...) when the bytes are not a CSV table.
Record csv_record_from_bytes(const std::string& bytes, const std::string& name,
                             const std::string& charset_hint = {});

} // namespace safesar::gather_detail
