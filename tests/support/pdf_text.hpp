// A PDF's text as a reader gets it: pdftotext (poppler-utils), the tool the evaluation uses.
#pragma once

#include <filesystem>
#include <string>

namespace safesar::test {

enum class TextLayout { Reading, Physical };

// Throws std::runtime_error when pdftotext is missing or cannot read the file.
std::string pdf_text(const std::filesystem::path& pdf, const std::string& password = {},
                     TextLayout layout = TextLayout::Reading);

} // namespace safesar::test
