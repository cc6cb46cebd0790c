#include "json_output.hpp"

namespace safesar::cli {

namespace {

// The files written and what was left out of them; common to `run` and `export`.
void put_bundle(Json& j, const CaseExport& exported) {
    const ExportResult& r = exported.bundle;
    j["pdf"] = r.pdf.string();
    j["pages"] = r.pages;
    j["redactions"] = r.redactions;
    // Beside the PDF, or with a password inside it (then null here, json_name inside).
    j["json"] = r.json_embedded ? Json(nullptr) : Json(r.json.string());
    j["json_embedded"] = r.json_embedded;
    j["json_name"] = r.json_name;
    j["controller_schedule"] = exported.controller_schedule.string(); // never to be disclosed
    Json omissions = Json::array();
    for (const ExportOmission& o : r.omissions)
        omissions.push_back({{"record", o.record}, {"what", o.what}});
    j["not_in_bundle"] = std::move(omissions);
    j["warnings"] = r.warnings;
}

} // namespace

Json run_json(const CaseExport& exported, const ScanRecorded& recorded) {
    Json j = json_document("safesar-run/1");
    j["draft"] = true;
    put_bundle(j, exported);
    j["notes"] = exported.notes;
    Json scan = scan_summary_json(*exported.scan, recorded);
    scan.erase("schema");
    scan.erase("safesar_version");
    j["scan"] = std::move(scan);
    return j;
}

Json export_json(const CaseExport& exported) {
    Json j = json_document("safesar-export/1");
    j["final"] = exported.final;
    put_bundle(j, exported);
    j["review_version"] = exported.version;
    j["new_findings"] = exported.scan_recorded.new_findings;
    j["reopened"] = exported.scan_recorded.reopened;
    j["notes"] = exported.notes;
    return j;
}

} // namespace safesar::cli
