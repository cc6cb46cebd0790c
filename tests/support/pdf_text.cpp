#include "pdf_text.hpp"

#include "process.hpp"

#include <stdexcept>

namespace safesar::test {

std::string pdf_text(const std::filesystem::path& pdf, const std::string& password,
                     TextLayout layout) {
    require_tool("pdftotext", "poppler-utils");
    std::string command = "pdftotext -q -enc UTF-8";
    if (layout == TextLayout::Physical) command += " -layout";
    if (!password.empty()) command += " -upw " + test::quoted(password);
    CommandResult r = run_command(command + " " + test::quoted(pdf) + " - 2>/dev/null");
    if (r.status != 0)
        throw std::runtime_error("pdftotext cannot read " + pdf.string() + " (exit " +
                                 std::to_string(r.status) + ")");
    return std::move(r.out);
}

} // namespace safesar::test
