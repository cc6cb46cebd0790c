// What poppler-cpp does not expose: annotation contents and form-field values, read with
// poppler-glib. Each becomes a section with the area it occupies on its page, so that export can
// cover it if it holds a third party's data (a filled form field is drawn on the page).
#pragma once

#include "safesar/document.hpp"

#include <vector>

namespace safesar {

// `data` is the whole PDF file. Throws nothing: a PDF whose annotations cannot be read simply
// yields none (the page text was already read with poppler-cpp), with a warning in `warnings`.
std::vector<Section> read_annotations_and_fields(const std::vector<char>& data,
                                                 std::vector<std::string>& warnings);

} // namespace safesar
