#include "case_export/controller_schedule.hpp"

#include "export/atomic_file.hpp"
#include "export/bundle_plan.hpp"
#include "safesar/case_export.hpp"

#include <sstream>

namespace safesar {

std::filesystem::path controller_schedule_path(const Case& request) {
    return request.state_dir() /
           (request.output_stem() + ".controller-schedule.NOT-FOR-DISCLOSURE.txt");
}

namespace case_export {

namespace {

std::string header_field(const Record& r, const std::string& label) {
    for (const Section& s : r.sections) {
        if (s.kind != SectionKind::Header) continue;
        for (const Field& f : s.fields)
            if (f.label == label && f.begin < f.end && f.end <= s.text.size())
                return s.text.substr(f.begin, f.end - f.begin);
    }
    return {};
}

void withheld_records(std::ostream& out, const Disclosure& d) {
    std::vector<const RecordDisclosure*> withheld;
    for (const RecordDisclosure& rd : d.records)
        if (rd.fate == RecordFate::WithholdInFull && rd.record) withheld.push_back(&rd);
    out << "\nRecords withheld in full (" << withheld.size() << ")\n";
    for (const RecordDisclosure* rd : withheld) {
        const Record& r = *rd->record;
        const Reason reason = rd->withheld_because.value_or(Reason{});
        out << "- " << r.name << "\n";
        if (rd->title != r.name) out << "    shown as:  " << rd->title << "\n";
        out << "    kind:      " << exporting::kind_label(r.kind);
        if (!rd->withheld_kind.empty()) out << "; " << rd->withheld_kind;
        out << "\n";
        if (!r.date.empty()) out << "    date:      " << r.date << "\n";
        if (auto from = header_field(r, "From"); !from.empty())
            out << "    from:      " << from << "\n";
        if (auto subject = header_field(r, "Subject"); !subject.empty())
            out << "    subject:   " << subject << "\n";
        if (!r.parent.empty()) out << "    attached to: " << r.parent << "\n";
        out << "    reason:    " << reason.code
            << (reason.citation.empty() ? "" : " (" + reason.citation + ")") << "\n";
    }
}

void unread_records(std::ostream& out, const CaseScan& scan) {
    const auto& skipped = scan.gathered.skipped;
    out << "\nRecords that could not be read (" << skipped.size() << ")\n";
    for (const SkippedRecord& s : skipped)
        out << "- " << s.name << ": " << s.reason << "\n";
}

// Records left out of the bundle and pages drawn as a notice, with the reason the reviewer saw.
void not_in_bundle(std::ostream& out, const ExportResult& bundle) {
    out << "\nRecords and pages not shown in the bundle (" << bundle.omissions.size() << ")\n";
    for (const ExportOmission& o : bundle.omissions)
        out << "- " << o.record << ": " << o.what << "\n";
}

void risks(std::ostream& out, const ScheduleInputs& in) {
    if (in.risks) {
        int shown = 0;
        for (const StoredRisk& r : *in.risks)
            shown += !r.gone;
        out << "\nSafety risks (" << shown << ")\n";
        for (const StoredRisk& r : *in.risks) {
            if (r.gone) continue;
            out << "- " << r.record << ": " << r.what;
            if (r.acknowledged_by.empty())
                out << " [OPEN]\n";
            else
                out << " [acknowledged by " << r.acknowledged_by << ", " << r.acknowledged_at
                    << "]\n";
        }
        return;
    }
    out << "\nSafety risks (" << in.scan->policy.risks.size() << ")\n";
    for (const Risk& r : in.scan->policy.risks)
        out << "- " << r.record << ": " << r.what << "\n";
}

} // namespace

std::filesystem::path write_controller_schedule(const ScheduleInputs& in) {
    const Case& c = in.scan->request.value;
    const Disclosure& d = *in.disclosure;
    std::ostringstream out;
    out << "CONTROLLER'S SCHEDULE - NEVER TO BE DISCLOSED\n"
        << "For the controller only. This file is not part of the disclosure: never send it, or "
           "anything copied from it, to the requester or anyone acting for them.\n\n"
        << "Request:   " << c.reference << " (profile " << c.profile << ")\n"
        << "Export:    " << (in.final ? "final" : "draft");
    if (in.version) out << ", review state version " << *in.version;
    out << "\nBundle:    " << in.bundle->pdf.string();
    if (in.bundle->json_embedded)
        out << " (AES-256; the JSON " << in.bundle->json_name << " is inside it)";
    else
        out << " and " << in.bundle->json.string();
    out << "\nThe bundle "
        << (d.name_withheld_records
                ? "names the records withheld in full and those that could not be read."
                : "says only that information was withheld and under which exemptions: the "
                  "records below are not named in it.")
        << "\n";
    withheld_records(out, d);
    unread_records(out, *in.scan);
    not_in_bundle(out, *in.bundle);
    risks(out, in);
    out << "\nVerifier warnings (" << in.bundle->warnings.size() << ")\n";
    for (const std::string& w : in.bundle->warnings)
        out << "- " << w << "\n";

    const std::filesystem::path path = controller_schedule_path(c);
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    exporting::AtomicFile file(path);
    exporting::write_whole_file(file.temp_path(), out.str());
    file.sync();
    file.commit();
    return path;
}

} // namespace case_export
} // namespace safesar
