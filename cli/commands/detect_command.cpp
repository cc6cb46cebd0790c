// safesar detect [FILE or -] [--case CASE]: detection on plain text, one JSON object a line
// with offsets in Unicode code points.
#include "../commands.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/detect.hpp"
#include "safesar/errors.hpp"
#include "safesar/printable.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

namespace safesar::cli {

namespace {

void run(const std::string& file, const std::string& case_folder) {
    std::string text;
    if (file.empty() || file == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), {});
    } else {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw RecordError(file, "cannot be read");
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    // Plain text only: a Word file or a PDF read as bytes would be searched as noise and show
    // nothing of what the reader sees. Documents go through gather (safesar scan).
    if (text.find('\0') != std::string::npos || valid_utf8(text) != text)
        throw RecordError(
            file.empty() ? "-" : file,
            "is not UTF-8 plain text: detect reads text only; for a document "
            "(PDF, Word, e-mail...) put it in a case's records/ and run safesar scan");
    std::unique_ptr<LoadedCase> lc;
    if (!case_folder.empty()) lc = std::make_unique<LoadedCase>(load_case(case_folder));
    Detector detector(lc ? &lc->value : nullptr, dictionaries_dir());
    const CodePointCounter offsets(text);
    for (const auto& f : detector.detect_text(text)) {
        nlohmann::json j = {{"start", offsets.at(f.begin)},
                            {"end", offsets.at(f.end)},
                            {"text", text.substr(f.begin, f.end - f.begin)},
                            {"category", to_string(f.category)},
                            {"owner", f.owner.kind == Owner::Subject ? "subject"
                                      : f.owner.kind == Owner::Party ? to_string(f.owner.role)
                                                                     : "unknown"},
                            {"confidence", f.confidence},
                            {"rule", f.rule},
                            {"recogniser", f.recogniser}};
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
}

} // namespace

void add_detect_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("detect", "Find personal data in plain text (JSON lines)");
    auto file = std::make_shared<std::string>();
    auto folder = std::make_shared<std::string>();
    cmd->add_option("FILE", *file, "a UTF-8 text file, or - for standard input");
    cmd->add_option("--case", *folder, "a case folder whose request.json lists known parties");
    cmd->callback([=] { run(*file, *folder); });
}

} // namespace safesar::cli
