#include "export/json_writer.hpp"

#include "export/document_text.hpp"
#include "export/record_text.hpp"
#include "safesar/version.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace safesar::exporting {

namespace {
using nlohmann::ordered_json;

// A label used twice in one object ("To" twice, two columns with one name) keeps both values.
void put(ordered_json& object, const std::string& label, const std::string& value) {
    std::string key = label.empty() ? "text" : label;
    if (!object.contains(key)) {
        object[key] = value;
        return;
    }
    for (int n = 2;; ++n) {
        std::string numbered = key + " (" + std::to_string(n) + ")";
        if (!object.contains(numbered)) {
            object[numbered] = value;
            return;
        }
    }
}

std::string joined_bodies(const std::vector<std::vector<Piece>>& bodies) {
    std::string out;
    for (const auto& body : bodies) {
        if (!out.empty()) out += "\n\n";
        out += joined_text(body);
    }
    return out;
}

// A document's parts in order: text (paragraphs a line each, a table row's cells separated by
// tabs), labelled fields (comments), or a table (column headings and rows of cells).
ordered_json document_json(const std::vector<DocumentPart>& parts) {
    ordered_json out = ordered_json::array();
    for (const DocumentPart& part : parts) {
        ordered_json p;
        switch (part.kind) {
        case DocumentPart::Kind::Text: {
            p["part"] = part.caption.empty() ? "body" : part.caption;
            std::string text;
            for (const DocumentBlock& b : part.blocks) {
                if (!text.empty()) text += '\n';
                if (b.cells.empty()) {
                    text += joined_text(b.text);
                    continue;
                }
                for (std::size_t c = 0; c < b.cells.size(); ++c)
                    text += (c ? "\t" : "") + joined_text(b.cells[c]);
            }
            p["text"] = text;
            break;
        }
        case DocumentPart::Kind::Fields: {
            p["part"] = part.caption;
            ordered_json fields = ordered_json::object();
            for (const LabelledPieces& f : part.fields)
                put(fields, f.label, joined_text(f.value));
            p["fields"] = std::move(fields);
            break;
        }
        case DocumentPart::Kind::Table: {
            p["part"] = "table";
            ordered_json columns = ordered_json::array();
            for (const auto& head : part.head)
                columns.push_back(joined_text(head));
            p["columns"] = std::move(columns);
            ordered_json rows = ordered_json::array();
            for (const auto& row : part.rows) {
                ordered_json cells = ordered_json::array();
                for (const auto& cell : row)
                    cells.push_back(joined_text(cell));
                rows.push_back(std::move(cells));
            }
            p["rows"] = std::move(rows);
            break;
        }
        }
        out.push_back(std::move(p));
    }
    return out;
}

ordered_json record_json(const Disclosure& d, std::size_t index, const BundlePlan& plan) {
    const RecordDisclosure& rd = d.records[index];
    ordered_json j;
    j["title"] = rd.title;
    if (rd.fate == RecordFate::WithholdInFull) { // only where the profile names them
        Reason reason = rd.withheld_because.value_or(Reason{});
        j["withheld"] = true;
        j["reason"] = reason.code;
        j["citation"] = reason.citation;
        j["explanation"] = rd.withheld_kind.empty() ? reason.explanation
                                                    : "Withheld in full: " + rd.withheld_kind +
                                                          ". " + reason.explanation;
        return j;
    }
    const Record& record = *rd.record;
    const RecordPlacement& at = plan.placements[index];
    j["withheld"] = false;
    j["kind"] = to_string(record.kind);
    j["date"] = record.date;
    j["first_page"] = at.first_page;
    j["page_count"] = at.page_count;
    if (d.draft && rd.consult_other_agency) j["consult_other_agency"] = true;

    if (is_document_kind(record.kind)) {
        j["parts"] = document_json(document_text(*plan.spans[index]));
        return j;
    }
    RecordText text = record_text(*plan.spans[index]);
    if (!text.pages.empty()) {
        ordered_json pages = ordered_json::array();
        for (std::size_t i = 0; i < text.pages.size(); ++i) {
            ordered_json page = {{"page", text.pages[i].page},
                                 {"text", joined_text(text.pages[i].text)}};
            int p = text.pages[i].page;
            if (p >= 1 && static_cast<std::size_t>(p) <= at.source_pages.size())
                page["bundle_page"] = at.source_pages[static_cast<std::size_t>(p) - 1];
            pages.push_back(std::move(page));
        }
        j["pages"] = std::move(pages);
    }
    if (!text.headers.empty()) {
        ordered_json headers = ordered_json::object();
        for (const LabelledPieces& f : text.headers)
            put(headers, f.label, joined_text(f.value));
        j["headers"] = std::move(headers);
    }
    if (record.kind == RecordKind::Email) {
        j["body"] = joined_bodies(text.bodies);
    } else if (!text.bodies.empty()) {
        j["text"] = joined_bodies(text.bodies);
    }
    if (!text.rows.empty()) {
        ordered_json rows = ordered_json::array();
        for (const auto& row : text.rows) {
            ordered_json object = ordered_json::object();
            for (const LabelledPieces& f : row)
                put(object, f.label, joined_text(f.value));
            rows.push_back(std::move(object));
        }
        j["rows"] = std::move(rows);
    }
    return j;
}
} // namespace

std::string bundle_json(const Disclosure& d, const BundlePlan& plan,
                        const ControllerSettings& settings, const std::string& pdf_file_name) {
    ordered_json j;
    j["schema"] = bundle_schema;
    j["reference"] = plan.reference;
    j["exported"] = plan.export_date;
    j["safesar_version"] = version_line(); // the build that made this disclosure
    j["draft"] = d.draft;
    j["pdf"] = {{"file", pdf_file_name}, {"pages", plan.pages.size()}};

    ordered_json records = ordered_json::array();
    std::vector<std::string> exemptions; // of records withheld in full, each code once
    for (std::size_t i = 0; i < d.records.size(); ++i) {
        const RecordDisclosure& rd = d.records[i];
        if (rd.fate == RecordFate::WithholdInFull) {
            const std::string code = rd.withheld_because.value_or(Reason{}).code;
            if (std::find(exemptions.begin(), exemptions.end(), code) == exemptions.end())
                exemptions.push_back(code);
            if (!d.name_withheld_records) continue; // said only as "some", below
        } else if (!plan.spans[i]) {
            continue; // left out: it could not be laid out, listed with the skipped records
        }
        records.push_back(record_json(d, i, plan));
    }
    j["records"] = std::move(records);

    ordered_json redactions = ordered_json::array();
    for (const ShownRedaction& s : plan.shown) {
        const RecordDisclosure& rd = d.records[s.record];
        const Reason& reason = rd.redactions[s.redaction].reason;
        ordered_json r = {{"record", rd.title}};
        r["page"] = s.record_page > 0 ? ordered_json(s.record_page) : ordered_json(nullptr);
        r["bundle_page"] = s.bundle_page;
        r["reason"] = reason.code;
        r["citation"] = reason.citation;
        redactions.push_back(std::move(r));
    }
    j["redactions"] = std::move(redactions);

    ordered_json reasons = ordered_json::array();
    std::vector<std::pair<std::string, std::string>> seen;
    auto add_reason = [&](const Reason& reason) {
        auto key = std::make_pair(reason.code, reason.citation);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) return;
        seen.push_back(key);
        reasons.push_back({{"code", reason.code},
                           {"citation", reason.citation},
                           {"explanation", reason.explanation}});
    };
    for (const RecordDisclosure& rd : d.records) {
        if (rd.fate == RecordFate::WithholdInFull && rd.withheld_because)
            add_reason(*rd.withheld_because);
        if (rd.fate == RecordFate::Disclose)
            for (const Redaction& r : rd.redactions)
                add_reason(r.reason);
    }
    j["reasons"] = std::move(reasons);
    std::vector<std::string> skipped = d.skipped_records;
    skipped.insert(skipped.end(), plan.left_out_titles.begin(), plan.left_out_titles.end());
    j["withheld_in_full"] = {{"records_named", d.name_withheld_records},
                             {"some_information_withheld", !exemptions.empty()},
                             {"exemptions", exemptions},
                             {"some_records_not_read", !skipped.empty()}};
    j["skipped_records"] = d.name_withheld_records ? skipped : std::vector<std::string>{};
    j["supplementary_information"] = settings_json(settings);
    return j.dump(2) + "\n";
}

std::vector<std::string> json_fixed_text(const Disclosure& d, const ControllerSettings& settings) {
    std::vector<std::string> out = {bundle_schema,
                                    "schema",
                                    "reference",
                                    "exported",
                                    "safesar_version",
                                    version_line(),
                                    "draft",
                                    "pdf",
                                    "file",
                                    "pages",
                                    "records",
                                    "title",
                                    "withheld",
                                    "kind",
                                    "date",
                                    "first_page",
                                    "page_count",
                                    "consult_other_agency",
                                    "page",
                                    "bundle_page",
                                    "text",
                                    "headers",
                                    "body",
                                    "rows",
                                    "parts",
                                    "part",
                                    "fields",
                                    "columns",
                                    "table",
                                    "redactions",
                                    "record",
                                    "reason",
                                    "citation",
                                    "explanation",
                                    "reasons",
                                    "code",
                                    "skipped_records",
                                    "withheld_in_full",
                                    "records_named",
                                    "some_information_withheld",
                                    "exemptions",
                                    "some_records_not_read",
                                    "supplementary_information"};
    for (RecordKind kind : all_record_kinds)
        out.emplace_back(to_string(kind));
    std::vector<ordered_json> stack = {settings_json(settings)};
    while (!stack.empty()) {
        ordered_json j = std::move(stack.back());
        stack.pop_back();
        if (j.is_object()) {
            for (auto it = j.begin(); it != j.end(); ++it) {
                out.push_back(it.key());
                stack.push_back(it.value());
            }
        } else if (j.is_array()) {
            for (const ordered_json& v : j)
                stack.push_back(v);
        } else if (j.is_string()) {
            out.push_back(j.get<std::string>());
        }
    }
    for (const RecordDisclosure& rd : d.records) {
        auto add = [&](const Reason& r) {
            out.push_back(r.code);
            out.push_back(r.citation);
            out.push_back(r.explanation);
        };
        if (rd.withheld_because) add(*rd.withheld_because);
        if (d.name_withheld_records && !rd.withheld_kind.empty() && rd.withheld_because)
            out.push_back("Withheld in full: " + rd.withheld_kind + ". " +
                          rd.withheld_because->explanation);
        for (const Redaction& r : rd.redactions)
            add(r.reason);
    }
    // The reference: the controller's words, not a record's.
    if (d.request && !d.request->reference.empty()) {
        out.push_back(d.request->reference);
        out.push_back(d.request->output_stem()); // the bundle's file name
    }
    return out;
}

} // namespace safesar::exporting
