// verify_output: the last line of defence. Everything a reader could pull out of the outputs is
// gathered the way the evaluation gathers it and searched for every redacted string.
#include "safesar/verify.hpp"

#include "export/pdf_objects.hpp"
#include "export/poppler.hpp"
#include "export/redaction_spans.hpp"
#include "export/text_match.hpp"
#include "safesar/errors.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
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

// A letter of any script: an ASCII letter or a byte of a multi-byte UTF-8 character.
bool has_letter(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char ch) {
        const auto u = static_cast<unsigned char>(ch);
        return u >= 0x80 || std::isalpha(u) != 0;
    });
}

std::string file_label(const std::filesystem::path& path, const std::string& name) {
    return name.empty() ? path.filename().string() : name;
}

// What a needle stands for, as a failure names it: reason and record, never the text (the text
// goes only into the LeakFinding the reviewer sees).
// What safe_title puts where a record's name says something it must not.
constexpr std::string_view kRedactedTitle = "[redacted]";

struct NeedleOrigin {
    std::string code, citation, title;
    std::string text;
    std::string fact; // set for a fact about a withheld record: "the name of a record withheld..."
};

// What would tell the requester which records were withheld in full or could not be read: their
// names, titles, kinds, dates, senders and subjects. Searched for only where the profile names
// no withheld record.
std::vector<std::pair<std::string, std::string>> withheld_facts(const Disclosure& d) {
    std::vector<std::pair<std::string, std::string>> out;
    if (d.name_withheld_records) return out;
    const std::string withheld = " of a record withheld in full";
    for (const RecordDisclosure& rd : d.records) {
        if (!rd.record || rd.fate != RecordFate::WithholdInFull) continue;
        const Record& r = *rd.record;
        out.emplace_back("the name" + withheld, r.name);
        // Two records' titles can read the same once redacted ("jobs/job-[redacted].pdf"): the
        // title a disclosed record shows tells nothing of this one.
        if (std::none_of(d.records.begin(), d.records.end(), [&](const RecordDisclosure& other) {
                return other.record && other.fate != RecordFate::WithholdInFull &&
                       other.title == rd.title;
            }))
            out.emplace_back("the title" + withheld, rd.title);
        if (std::size_t hash = r.name.rfind('#'); hash != std::string::npos)
            out.emplace_back("the name" + withheld, r.name.substr(hash + 1));
        out.emplace_back("the kind" + withheld, rd.withheld_kind);
        // A date a disclosed record also carries tells nothing of this one.
        if (std::none_of(d.records.begin(), d.records.end(), [&](const RecordDisclosure& other) {
                return other.record && other.fate != RecordFate::WithholdInFull &&
                       other.record->date == r.date;
            }))
            out.emplace_back("the date" + withheld, r.date);
        for (const Section& s : r.sections) {
            if (s.kind != SectionKind::Header) continue;
            for (const Field& f : s.fields)
                if ((f.label == "From" || f.label == "Sender" || f.label == "Subject") &&
                    f.begin < f.end && f.end <= s.text.size())
                    out.emplace_back("the sender or subject" + withheld,
                                     s.text.substr(f.begin, f.end - f.begin));
        }
    }
    for (const std::string& name : d.skipped_records)
        out.emplace_back("the name of a record that could not be read", name);
    return out;
}

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
        // The redactions of each section, found in one pass over the record's redactions.
        std::vector<std::vector<const Redaction*>> by_section(record.sections.size());
        for (const Redaction& r : rd.redactions)
            if (r.section < by_section.size()) by_section[r.section].push_back(&r);
        for (std::size_t si = 0; si < record.sections.size(); ++si) {
            const Section& s = record.sections[si];
            if (!shown_as_text(s)) continue;
            std::string text = s.text;
            auto cut = [&](std::size_t begin, std::size_t end) {
                end = std::min(end, text.size());
                for (std::size_t i = std::min(begin, end); i < end; ++i)
                    text[i] = '\x1F';
            };
            for (const Redaction* r : by_section[si])
                cut(r->begin, r->end);
            for (const Word& w : s.words)
                if (w.hidden) cut(w.begin, w.end);
            if (s.fields.empty()) {
                out.push_back({rd.title, std::move(text)});
                continue;
            }
            for (const Field& f : s.fields) {
                // A label read from the record ("label: value") keeps what was not found in it
                // (as export shows it: shown_label).
                std::string label = f.label;
                if (const auto lb = exporting::label_begin(s, f))
                    for (const Redaction* r : by_section[si])
                        if (r->begin >= *lb && r->end <= *lb + label.size())
                            for (std::size_t i = r->begin; i < r->end; ++i)
                                label[i - *lb] = '\x1F';
                out.push_back({rd.title, std::move(label)});
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
                    origins_.push_back(
                        {r.reason.code, r.reason.citation, rd.title, std::string(span), ""});
            }
        }
        for (auto& [fact, text] : withheld_facts(d)) {
            // A title already redacted whole ("[redacted]") says nothing of the record; the
            // bundle prints that mark everywhere.
            if (text == kRedactedTitle) continue;
            if (needles_.add(text, origins_.size(), /*by_digits=*/false))
                origins_.push_back({"", "", "", text, fact});
        }
        report.needles = static_cast<int>(origins_.size());
        needles_.set_fixed_text(files.fixed_text);
        // Titles and dates the bundle may print (on every page's heading, say).
        std::vector<std::string> titles;
        if (d.name_withheld_records) titles = d.skipped_records;
        for (const RecordDisclosure& rd : d.records) {
            if (rd.fate == RecordFate::WithholdInFull && !d.name_withheld_records) continue;
            titles.push_back(rd.title);
            if (rd.record) titles.push_back(rd.record->date);
        }
        needles_.set_titles(titles);
        // A string policy redacted in one place but keeps in another ("Stockport" in a third
        // party's address and in the requester's) cannot be judged by presence: the output may
        // hold it as often as the kept text does, and no more.
        expected_.assign(origins_.size(), 0);
        keepers_.assign(origins_.size(), {});
        places_.assign(origins_.size(), {});
        auto& keepers = keepers_;
        for (const KeptText& kept : kept_texts(d)) {
            for (const exporting::IdCount& c : needles_.count(kept.text, true, false)) {
                expected_[c.id] += c.count;
                keepers[c.id].insert(kept.title);
            }
        }
        // A set, not a search of the list: there is a warning per string kept elsewhere.
        std::set<std::string> warned(report.warnings.begin(), report.warnings.end());
        for (std::size_t id = 0; id < origins_.size(); ++id) {
            if (expected_[id] == 0 || !origins_[id].fact.empty()) continue;
            std::string where;
            for (const std::string& title : keepers[id])
                where += (where.empty() ? "\"" : ", \"") + title + "\"";
            std::string line = "text redacted as [" + origins_[id].code + "] in record \"" +
                               origins_[id].title + "\" is kept unredacted elsewhere (" +
                               std::to_string(expected_[id]) +
                               (expected_[id] == 1 ? " time" : " times") + ", in " + where +
                               "): check it should be";
            if (warned.insert(line).second) report.warnings.push_back(line);
        }
    }

    using Tally = std::vector<std::size_t>;
    Tally tally() const { return Tally(origins_.size(), 0); }

    // Raw bytes, strings, metadata: kept text never belongs there, so any occurrence is a leak.
    void search_strictly(const std::string& where, std::string_view text, bool digits) {
        for (std::size_t id : needles_.find(text, digits))
            fail(where, id, "");
    }

    // A decoded stream: drawing instructions, fonts and images, where text is glyph codes. Its
    // numbers say nothing (a font's map holds "<0020>" for its space glyph), so only strings
    // with a letter are sought; a number drawn on a page is found in the page's text.
    void search_stream(const std::string& where, std::string_view data) {
        for (std::size_t id : needles_.find(data, false))
            if (has_letter(origins_[id].text)) fail(where, id, "");
    }

    // Extracted text: strings kept nowhere must be absent; the others are counted into `tally`.
    void search_text(const std::string& where, std::string_view text, bool digits, Tally& tally) {
        for (std::size_t id : needles_.find(text, digits))
            if (expected_[id] == 0) fail(where, id, "");
        for (const exporting::IdCount& c : needles_.count(text, digits, true))
            if (expected_[c.id] > 0) tally[c.id] += c.count;
    }

    void settle(const std::string& where, const Tally& tally) {
        for (std::size_t id = 0; id < tally.size(); ++id)
            if (expected_[id] > 0 && tally[id] > expected_[id])
                fail(where, id,
                     " (" + std::to_string(tally[id]) + " times; the records keep it " +
                         std::to_string(expected_[id]) + " times)");
    }

    // One LeakFinding per text still readable, with every place it was found.
    void report_leaks() {
        for (std::size_t id = 0; id < origins_.size(); ++id) {
            if (places_[id].empty() || !origins_[id].fact.empty()) continue;
            const NeedleOrigin& o = origins_[id];
            report_.leaks.push_back(
                {o.text, o.code, o.citation, o.title,
                 std::vector<std::string>(places_[id].begin(), places_[id].end()),
                 std::vector<std::string>(keepers_[id].begin(), keepers_[id].end())});
        }
    }

  private:
    void fail(const std::string& where, std::size_t id, const std::string& detail) {
        const NeedleOrigin& o = origins_[id];
        if (!o.fact.empty()) {
            std::string line = where + ": " + o.fact + " is readable" + detail +
                               ", though this profile names no withheld record";
            if (seen_.insert(line).second) report_.failures.push_back(line);
            return;
        }
        std::string line = where + ": text redacted as [" + o.code + "]" +
                           (o.citation.empty() ? "" : " (" + o.citation + ")") + " in record \"" +
                           o.title + "\" is still readable" + detail;
        if (seen_.insert(line).second) report_.failures.push_back(line);
        places_[id].insert(where);
    }

    VerifyReport& report_;
    NeedleSet needles_;
    std::vector<NeedleOrigin> origins_;
    std::vector<std::size_t> expected_;
    std::vector<std::set<std::string>> keepers_, places_; // per needle: records keeping it, leaks
    std::set<std::string> seen_;
};

void check_json_text(const std::string& label, const std::string& text, LeakReport& leaks,
                     VerifyReport& report);

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

    // Everything else a reader's software can pull out, through libqpdf with the password:
    // the Info dictionary, every string, every decoded stream, every attachment. Strings and
    // metadata never hold kept record text, so any redacted text there is a leak. Decoded
    // streams are searched for words only: their numbers are drawing instructions.
    exporting::PdfContentSink sink;
    sink.on_string = [&](const std::string& where, const std::string& text) {
        leaks.search_strictly(label + " string in " + where, text, true);
    };
    sink.on_stream = [&](const std::string& where, const std::string& data) {
        leaks.search_stream(label + " stream " + where, data);
    };
    const exporting::PdfObjects pdf = exporting::read_pdf_objects(files.pdf, password, sink);
    report.objects = pdf.objects;
    report.streams = pdf.streams;
    report.encrypted = pdf.encrypted;
    if (pdf.version != "1.7") report.failures.push_back(label + ": it is not PDF 1.7");
    if (!password.empty() && (!pdf.encrypted || pdf.encryption_revision < 6))
        report.failures.push_back(label + ": it is not encrypted with AES-256");
    if (password.empty() && pdf.encrypted)
        report.failures.push_back(label + ": it is encrypted although no password was given");
    for (const std::string& problem : pdf.problems)
        report.failures.push_back(label + ": " + problem);

    // The Info dictionary holds the reference as its Title and SafeSAR as Producer, nothing else.
    std::string info_text;
    bool titled = false;
    for (const auto& [key, value] : pdf.info) {
        info_text += key + ": " + value + "\n";
        if (key == "Title") titled = !d.request || value == d.request->reference;
        if (key != "Title" && key != "Producer")
            report.failures.push_back(label + ": the Info dictionary has an unexpected key " + key);
    }
    if (!titled) report.failures.push_back(label + ": the Info Title is not the reference");
    leaks.search_strictly(label + " metadata", info_text, true);

    // An encrypted bundle carries the JSON inside it, and nothing else.
    std::size_t expected_attachments = files.embedded_json_name.empty() ? 0 : 1;
    if (pdf.attachments.size() != expected_attachments)
        report.failures.push_back(label + ": it has " + std::to_string(pdf.attachments.size()) +
                                  " embedded files, not " + std::to_string(expected_attachments));
    for (const exporting::PdfAttachment& file : pdf.attachments) {
        if (file.name != files.embedded_json_name) {
            report.failures.push_back(label + ": it has an unexpected embedded file");
            continue;
        }
        check_json_text(label + " attachment " + file.name, file.contents, leaks, report);
    }
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

void check_json_text(const std::string& label, const std::string& text, LeakReport& leaks,
                     VerifyReport& report) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
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

void check_json(const OutputFiles& files, LeakReport& leaks, VerifyReport& report) {
    const std::string label = file_label(files.json, files.json_name);
    std::ifstream in(files.json, std::ios::binary);
    if (!in) throw ExportError(label, "cannot be read back for verification");
    std::stringstream text;
    text << in.rdbuf();
    check_json_text(label, text.str(), leaks, report);
}
} // namespace

VerifyReport verify_output(const OutputFiles& files, const Disclosure& disclosure,
                           const std::string& password) {
    VerifyReport report;
    LeakReport leaks(disclosure, files, report);
    if (!files.pdf.empty()) check_pdf(files, disclosure, password, leaks, report);
    if (!files.json.empty()) check_json(files, leaks, report);
    leaks.report_leaks();
    return report;
}

} // namespace safesar
