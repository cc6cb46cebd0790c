// safesar detect [FILE or -] [--case CASE]: detection on plain text, one JSON object a line
// with offsets in Unicode code points.
#include "../commands.hpp"

#include "safesar/data_dir.hpp"
#include "safesar/detect.hpp"
#include "safesar/errors.hpp"
#include "safesar/printable.hpp"

#include <nlohmann/json.hpp>

#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

namespace safesar::cli {

namespace {

// One JSON line a finding, written directly: a case-notes export has a finding every 25 bytes,
// and building an nlohmann object (a map and a string for each value) for each cost more than
// detecting it. The line is byte for byte what nlohmann::json dumps (keys in its sorted order,
// its number format, its escaping): plain ASCII strings and whole numbers are copied as they
// are; any other string, and each distinct confidence, is formatted by nlohmann itself.
class JsonLines {
  public:
    void add(std::string_view key, std::string_view value) {
        open(key);
        if (plain(value)) {
            line_ += '"';
            line_ += value;
            line_ += '"';
        } else {
            line_ += dump(nlohmann::json(std::string(value)));
        }
    }
    void add(std::string_view key, std::size_t value) {
        open(key);
        line_ += std::to_string(value);
    }
    void add(std::string_view key, float value) {
        open(key);
        line_ += number(value);
    }
    // Ends the line and appends it to `out`.
    void end(std::string& out) {
        line_ += "}\n";
        out += line_;
        line_.clear();
    }

  private:
    static std::string dump(const nlohmann::json& j) {
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    // Printable ASCII without a quote or backslash: written as it is by nlohmann.
    static bool plain(std::string_view s) {
        for (const char c : s) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x20 || u >= 0x7F || c == '"' || c == '\\') return false;
        }
        return true;
    }
    // Findings carry a handful of distinct confidences: each formatted once.
    const std::string& number(float value) {
        for (const auto& [v, text] : numbers_)
            if (std::memcmp(&v, &value, sizeof v) == 0) return text;
        numbers_.emplace_back(value, dump(nlohmann::json(value)));
        return numbers_.back().second;
    }
    void open(std::string_view key) {
        line_ += line_.empty() ? "{\"" : ",\"";
        line_ += key;
        line_ += "\":";
    }
    std::string line_;
    std::vector<std::pair<float, std::string>> numbers_;
};

// The whole stream, a block at a time (a character at a time costs a tenth of a second for a
// 5 MB export).
std::string read_all(std::istream& in) {
    std::string text;
    constexpr std::size_t kBlock = 1u << 20;
    for (std::size_t got = kBlock; got == kBlock;) {
        const std::size_t at = text.size();
        text.resize(at + kBlock);
        in.read(text.data() + at, static_cast<std::streamsize>(kBlock));
        got = static_cast<std::size_t>(in.gcount());
        text.resize(at + got);
    }
    return text;
}

void run(const std::string& file, const std::string& case_folder) {
    std::string text;
    if (file.empty() || file == "-") {
        text = read_all(std::cin);
    } else {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw RecordError(file, "cannot be read");
        text = read_all(in);
        if (in.bad()) throw RecordError(file, "cannot be read");
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
    JsonLines line;
    std::string out;
    for (const auto& f : detector.detect_text(text)) {
        // In nlohmann's order of keys (sorted).
        line.add("category", to_string(f.category));
        line.add("confidence", f.confidence);
        line.add("end", offsets.at(f.end));
        line.add("owner", f.owner.kind == Owner::Subject ? "subject"
                          : f.owner.kind == Owner::Party ? to_string(f.owner.role)
                                                         : "unknown");
        line.add("recogniser", f.recogniser);
        line.add("rule", f.rule);
        line.add("start", offsets.at(f.begin));
        line.add("text", std::string_view(text).substr(f.begin, f.end - f.begin));
        line.end(out);
        if (out.size() >= (1u << 16)) {
            std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
            out.clear();
        }
    }
    std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
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
