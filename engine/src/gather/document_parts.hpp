// Private: the sections every document-like reader makes the same way: comments, what a file
// hides (with the caution the reviewer gets), lines of metadata, and the macro caution.
#pragma once

#include "gather/block_writer.hpp"
#include "safesar/document.hpp"

#include <string>
#include <utility>
#include <vector>

namespace safesar::gather_detail {

inline constexpr const char* macro_caution =
    "the file holds macros (a VBA project); they were never run and their code was not read "
    "for disclosure: check them in the original if they may hold personal data";

// A comment or note as an Annotation section not drawn on a page: one "Label: value" line per
// non-empty field, each value a Field (an "Author" field is read as a people column).
Section comment_section(std::string label,
                        const std::vector<std::pair<std::string, std::string>>& fields);

// Hidden runs and deleted revisions as hidden sections ("hidden text", "deleted text (tracked
// changes)"), each with its caution; nothing for an empty writer.
void add_hidden_text(Record& record, BlockWriter& hidden, BlockWriter& deleted);

// Non-empty lines (cleaned, trimmed) as one Metadata section; nothing when there are none.
void add_metadata_lines(std::vector<Section>& out, const std::string& label,
                        const std::vector<std::string>& lines);

} // namespace safesar::gather_detail
