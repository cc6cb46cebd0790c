// verify_output: the last line of defence. Everything a reader could pull out of the outputs is
// gathered the way the evaluation gathers it and searched for every redacted string.
#include "safesar/verify.hpp"

#include "export/poppler.hpp"
#include "export/raw_pdf.hpp"
#include "export/text_match.hpp"
#include "safesar/errors.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace safesar {

namespace {
using exporting::NeedleSet;

std::string ustring_utf8(const poppler::ustring& s) {
    poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

std::string file_label(const std::filesystem::path& path, const std::string& name) {
    return name.empty() ? path.filename().string() : name;
}

// What a needle stands for, as a failure names it: reason and record, never the text.
struct NeedleOrigin {
    std::string code, citation, title;
};

struct KeptText {
    std::string title; // of the record that keeps it
    std::string text;
};

// The text policy keeps, worked out from the disclosure alone (not from what export wrote):
// each exportable section without its redacted bytes and hidden words; field labels.
std::vector<KeptText> kept_texts(const Disclosure& d) {
    std::vector<KeptText> out;
    for (const RecordDisclosure& rd : d.records) {
        if (!rd.record || rd.fate == RecordFate::WithholdInFull) continue;
        const Record& record = *rd.record;
        for (std::size_t si = 0; si < record.sections.size(); ++si) {
            const Section& s = record.sections[si];
            if (!shown_as_text(s)) continue;
            std::string text = s.text;
            auto cut = [&](std::size_t begin, std::size_t end) {
                end = std::min(end, text.size());
                for (std::size_t i = std::min(begin, end); i < end; ++i)
                    text[i] = '\x1F';
            };
            for (const Redaction& r : rd.redactions)
                if (r.section == si) cut(r.begin, r.end);
            for (const Word& w : s.words)
                if (w.hidden) cut(w.begin, w.end);
            if (s.fields.empty()) {
                out.push_back({rd.title, std::move(text)});
                continue;
            }
            for (const Field& f : s.fields) {
                out.push_back({rd.title, f.label});
                if (f.begin < f.end && f.end <= text.size())
                    out.push_back({rd.title, text.substr(f.begin, f.end - f.begin)});
            }
        }
    }
    return out;
}

class LeakReport {
  public:
    LeakReport(const Disclosure& d, const OutputFiles& files, VerifyReport& report)
        : report_(report) {
        for (const RecordDisclosure& rd : d.records) {
            if (!rd.record || rd.fate == RecordFate::WithholdInFull) continue;
            for (const Redaction& r : rd.redactions) {
                if (r.section >= rd.record->sections.size()) continue;
                const std::string& text = rd.record->sections[r.section].text;
                if (r.begin >= r.end || r.begin >= text.size()) continue;
                std::string_view span(text.data() + r.begin,
                                      std::min(r.end, text.size()) - r.begin);
                if (needles_.add(span, origins_.size()))
                    origins_.push_back({r.reason.code, r.reason.citation, rd.title});
            }
        }
        report.needles = static_cast<int>(origins_.size());
        needles_.set_fixed_text(files.fixed_text);
        std::vector<std::string> titles = d.skipped_records;
        for (const RecordDisclosure& rd : d.records) {
            titles.push_back(rd.title);
            if (rd.record) titles.push_back(rd.record->date);
        }
        needles_.set_titles(titles);
        // A string policy redacted in one place but keeps in another ("Stockport" in a third
        // party's address and in the requester's) cannot be judged by presence: the output may
        // hold it as often as the kept text does, and no more.
        expected_.assign(origins_.size(), 0);
        std::vector<std::set<std::string>> keepers(origins_.size());
        for (const KeptText& kept : kept_texts(d)) {
            std::vector<std::size_t> counts = needles_.count(kept.text, true, false);
            for (std::size_t id = 0; id < counts.size(); ++id) {
                expected_[id] += counts[id];
                if (counts[id] > 0) keepers[id].insert(kept.title);
            }
        }
        for (std::size_t id = 0; id < origins_.size(); ++id) {
            if (expected_[id] == 0) continue;
            std::string where;
            for (const std::string& title : keepers[id])
                where += (where.empty() ? "\"" : ", \"") + title + "\"";
            std::string line = "text redacted as [" + origins_[id].code + "] in record \"" +
                               origins_[id].title + "\" is kept unredacted elsewhere (" +
                               std::to_string(expected_[id]) +
                               (expected_[id] == 1 ? " time" : " times") + ", in " + where +
                               "): check it should be";
            if (std::find(report.warnings.begin(), report.warnings.end(), line) ==
                report.warnings.end())
                report.warnings.push_back(line);
        }
    }

    using Tally = std::vector<std::size_t>;
    Tally tally() const { return Tally(origins_.size(), 0); }

    // Raw bytes, strings, metadata: kept text never belongs there, so any occurrence is a leak.
    void search_strictly(const std::string& where, std::string_view text, bool digits) {
        for (std::size_t id : needles_.find(text, digits))
            fail(where, id, "");
    }

    // Extracted text: strings kept nowhere must be absent; the others are counted into `tally`.
    void search_text(const std::string& where, std::string_view text, bool digits, Tally& tally) {
        for (std::size_t id : needles_.find(text, digits))
            if (expected_[id] == 0) fail(where, id, "");
        std::vector<std::size_t> counts = needles_.count(text, digits, true);
        for (std::size_t id = 0; id < counts.size(); ++id)
            if (expected_[id] > 0) tally[id] += counts[id];
    }

    void settle(const std::string& where, const Tally& tally) {
        for (std::size_t id = 0; id < tally.size(); ++id)
            if (expected_[id] > 0 && tally[id] > expected_[id])
                fail(where, id,
                     " (" + std::to_string(tally[id]) + " times; the records keep it " +
                         std::to_string(expected_[id]) + " times)");
    }

  private:
    void fail(const std::string& where, std::size_t id, const std::string& detail) {
        const NeedleOrigin& o = origins_[id];
        std::string line = where + ": text redacted as [" + o.code + "]" +
                           (o.citation.empty() ? "" : " (" + o.citation + ")") + " in record \"" +
                           o.title + "\" is still readable" + detail;
        if (seen_.insert(line).second) report_.failures.push_back(line);
    }

    VerifyReport& report_;
    NeedleSet needles_;
    std::vector<NeedleOrigin> origins_;
    std::vector<std::size_t> expected_;
    std::set<std::string> seen_;
};

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
    LeakReport::Tally reading = leaks.tally(), physical = leaks.tally();
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) {
            report.failures.push_back(label + ": page " + std::to_string(i + 1) +
                                      " cannot be read");
            continue;
        }
        std::string where = label + " text of page " + std::to_string(i + 1);
        leaks.search_text(
            where,
            ustring_utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)),
            true, reading);
        leaks.search_text(
            where, ustring_utf8(page->text(poppler::rectf(), poppler::page::physical_layout)), true,
            physical);
    }
    leaks.settle(label + " text", reading);
    leaks.settle(label + " text (layout)", physical);

    // The Info dictionary holds the reference as its Title and SafeSAR as Producer, nothing else.
    std::string info_text;
    for (const std::string& key : doc->info_keys()) {
        info_text += key + ": " + ustring_utf8(doc->info_key(key)) + "\n";
        if (key != "Title" && key != "Producer")
            report.failures.push_back(label + ": the Info dictionary has an unexpected key " + key);
    }
    if (d.request && ustring_utf8(doc->info_key("Title")) != d.request->reference)
        report.failures.push_back(label + ": the Info Title is not the reference");
    leaks.search_strictly(label + " metadata", info_text, true);
    std::string xmp = ustring_utf8(doc->metadata());
    if (!xmp.empty()) {
        report.failures.push_back(label + ": it carries XMP metadata");
        leaks.search_strictly(label + " XMP metadata", xmp, true);
    }
    if (doc->has_embedded_files()) report.failures.push_back(label + ": it has embedded files");

    // The bytes: forbidden structures, one revision, strings and content streams. Streams are
    // searched one at a time as the file is read; an encrypted file's strings and streams are
    // ciphertext, so only its structure is checked here (its text was checked above).
    report.encrypted = doc->is_encrypted();
    exporting::RawPdf raw =
        exporting::scan_raw_pdf(files.pdf, !report.encrypted, [&](const std::string& stream) {
            std::string strings;
            for (const std::string& s : exporting::pdf_strings(stream))
                strings += s + "\n\x1F";
            leaks.search_strictly(label + " strings", strings, true);
            leaks.search_strictly(label + " raw bytes", stream, false);
        });
    if (raw.header != "%PDF-1.7") report.failures.push_back(label + ": the header is not %PDF-1.7");
    for (const std::string& key : exporting::forbidden_keys(raw.syntax))
        report.failures.push_back(label + ": it contains " + key);
    int eofs = exporting::count_keyword(raw.syntax, "%%EOF");
    int xrefs = exporting::count_keyword(raw.syntax, "startxref");
    if (eofs != 1 || xrefs != 1 || exporting::count_keyword(raw.syntax, "/Prev") != 0)
        report.failures.push_back(label + ": it has more than one revision (" +
                                  std::to_string(eofs) + " %%EOF, " + std::to_string(xrefs) +
                                  " startxref)");
    if (report.encrypted) return;
    if (raw.undecodable_streams > 0)
        report.failures.push_back(label + ": " + std::to_string(raw.undecodable_streams) +
                                  " stream(s) could not be decompressed for checking");
    std::string strings;
    for (const std::string& s : exporting::pdf_strings(raw.syntax))
        strings += s + "\n\x1F";
    leaks.search_strictly(label + " strings", strings, true);
    leaks.search_strictly(label + " raw bytes", raw.syntax, false);
}

void collect_json_strings(const nlohmann::json& j, std::vector<std::string>& out) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            out.push_back(it.key());
            collect_json_strings(it.value(), out);
        }
    } else if (j.is_array()) {
        for (const auto& v : j)
            collect_json_strings(v, out);
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
    LeakReport::Tally tally = leaks.tally();
    for (const std::string& s : strings)
        leaks.search_text(label, s, true, tally);
    leaks.settle(label, tally);
}
} // namespace

VerifyReport verify_output(const OutputFiles& files, const Disclosure& disclosure,
                           const std::string& password) {
    VerifyReport report;
    LeakReport leaks(disclosure, files, report);
    if (!files.pdf.empty()) check_pdf(files, disclosure, password, leaks, report);
    if (!files.json.empty()) check_json(files, leaks, report);
    return report;
}

} // namespace safesar
