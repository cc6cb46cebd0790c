// verify_output: the last line of defence. Everything a reader could pull out of the outputs is
// gathered the way the evaluation gathers it and searched for every redacted string.
#include "safesar/verify.hpp"

#include "export/poppler.hpp"
#include "export/raw_pdf.hpp"
#include "export/text_match.hpp"
#include "safesar/errors.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace safesar {

namespace {
using exporting::NeedleSet;

std::string ustring_utf8(const poppler::ustring& s) {
    poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// What a needle stands for, as a failure names it: reason and record, never the text.
struct NeedleOrigin {
    std::string code, citation, title;
};

class LeakReport {
  public:
    LeakReport(const NeedleSet& needles, const std::vector<NeedleOrigin>& origins)
        : needles_(needles), origins_(origins) {}

    void search(const std::string& where, std::string_view text, bool digits) {
        for (std::size_t id : needles_.find(text, digits)) {
            const NeedleOrigin& o = origins_[id];
            std::string line = where + ": text redacted as [" + o.code + "]" +
                               (o.citation.empty() ? "" : " (" + o.citation + ")") +
                               " in record \"" + o.title + "\" is still readable";
            if (seen_.insert(line).second) failures_.push_back(line);
        }
    }
    std::vector<std::string> take() { return std::move(failures_); }

  private:
    const NeedleSet& needles_;
    const std::vector<NeedleOrigin>& origins_;
    std::set<std::string> seen_;
    std::vector<std::string> failures_;
};

std::string file_label(const std::filesystem::path& path, const std::string& name) {
    return name.empty() ? path.filename().string() : name;
}

void check_pdf(const OutputFiles& files, const Disclosure& d, const std::string& password,
               LeakReport& leaks, VerifyReport& report) {
    const std::string label = file_label(files.pdf, files.pdf_name);
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_file(files.pdf.string(), password, password));
    if (!doc || doc->is_locked()) {
        report.failures.push_back(label + ": Poppler cannot open it");
        return;
    }
    report.pdf_pages = doc->pages();

    // All text of every page, invisible text included, in both reading modes pdftotext has.
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) {
            report.failures.push_back(label + ": page " + std::to_string(i + 1) + " cannot be read");
            continue;
        }
        std::string where = label + " text of page " + std::to_string(i + 1);
        leaks.search(where, ustring_utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)), true);
        leaks.search(where, ustring_utf8(page->text(poppler::rectf(), poppler::page::physical_layout)), true);
    }

    // The Info dictionary holds the reference as its Title and SafeSAR as Producer, nothing else.
    std::string info_text;
    for (const std::string& key : doc->info_keys()) {
        std::string value = ustring_utf8(doc->info_key(key));
        info_text += key + ": " + value + "\n";
        if (key != "Title" && key != "Producer")
            report.failures.push_back(label + ": the Info dictionary has an unexpected key " + key);
    }
    if (d.request && ustring_utf8(doc->info_key("Title")) != d.request->reference)
        report.failures.push_back(label + ": the Info Title is not the reference");
    leaks.search(label + " metadata", info_text, true);
    std::string xmp = ustring_utf8(doc->metadata());
    if (!xmp.empty()) {
        report.failures.push_back(label + ": it carries XMP metadata");
        leaks.search(label + " XMP metadata", xmp, true);
    }
    if (doc->has_embedded_files()) report.failures.push_back(label + ": it has embedded files");

    // The bytes: forbidden structures, one revision, strings and content streams. Streams are
    // searched one at a time as the file is read; an encrypted file's strings and streams are
    // ciphertext, so only its structure is checked here (its text was checked above).
    report.encrypted = doc->is_encrypted();
    exporting::RawPdf raw = exporting::scan_raw_pdf(files.pdf, !report.encrypted, [&](const std::string& stream) {
        std::string strings;
        for (const std::string& s : exporting::pdf_strings(stream)) strings += s + "\n\x1F";
        leaks.search(label + " strings", strings, true);
        leaks.search(label + " raw bytes", stream, false);
    });
    if (raw.header != "%PDF-1.7") report.failures.push_back(label + ": the header is not %PDF-1.7");
    for (const std::string& key : exporting::forbidden_keys(raw.syntax))
        report.failures.push_back(label + ": it contains " + key);
    int eofs = exporting::count_keyword(raw.syntax, "%%EOF");
    int xrefs = exporting::count_keyword(raw.syntax, "startxref");
    if (eofs != 1 || xrefs != 1 || exporting::count_keyword(raw.syntax, "/Prev") != 0)
        report.failures.push_back(label + ": it has more than one revision (" + std::to_string(eofs) +
                                  " %%EOF, " + std::to_string(xrefs) + " startxref)");
    if (report.encrypted) return;
    if (raw.undecodable_streams > 0)
        report.failures.push_back(label + ": " + std::to_string(raw.undecodable_streams) +
                                  " stream(s) could not be decompressed for checking");
    std::string strings;
    for (const std::string& s : exporting::pdf_strings(raw.syntax)) strings += s + "\n\x1F";
    leaks.search(label + " strings", strings, true);
    leaks.search(label + " raw bytes", raw.syntax, false);
}

void collect_json_strings(const nlohmann::json& j, std::vector<std::string>& out) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            out.push_back(it.key());
            collect_json_strings(it.value(), out);
        }
    } else if (j.is_array()) {
        for (const auto& v : j) collect_json_strings(v, out);
    } else if (j.is_string()) {
        out.push_back(j.get<std::string>());
    } else if (j.is_number()) {
        out.push_back(j.dump());
    }
}

void check_json(const OutputFiles& files, LeakReport& leaks, VerifyReport& report) {
    const std::string label = file_label(files.json, files.json_name);
    std::ifstream in(files.json, std::ios::binary);
    if (!in) throw ExportError(label, "cannot be read back for verification");
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error&) {
        report.failures.push_back(label + ": not valid JSON");
        return;
    }
    std::vector<std::string> strings;
    collect_json_strings(j, strings);
    for (const std::string& s : strings) leaks.search(label, s, true);
}
} // namespace

VerifyReport verify_output(const OutputFiles& files, const Disclosure& disclosure,
                           const std::string& password) {
    VerifyReport report;
    NeedleSet needles;
    std::vector<NeedleOrigin> origins;
    for (const RecordDisclosure& rd : disclosure.records) {
        if (!rd.record || rd.fate == RecordFate::WithholdInFull) continue;
        for (const Redaction& r : rd.redactions) {
            if (r.section >= rd.record->sections.size()) continue;
            const std::string& text = rd.record->sections[r.section].text;
            if (r.begin >= r.end || r.begin >= text.size()) continue;
            std::string_view span(text.data() + r.begin, std::min(r.end, text.size()) - r.begin);
            if (needles.add(span, origins.size())) origins.push_back({r.reason.code, r.reason.citation, rd.title});
        }
    }
    report.needles = static_cast<int>(origins.size());
    needles.set_fixed_text(files.fixed_text);
    LeakReport leaks(needles, origins);
    if (!files.pdf.empty()) check_pdf(files, disclosure, password, leaks, report);
    if (!files.json.empty()) check_json(files, leaks, report);
    for (std::string& f : leaks.take()) report.failures.push_back(std::move(f));
    return report;
}

} // namespace safesar
