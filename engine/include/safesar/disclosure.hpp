// The disclosure: what policy decided for each record, handed to export. Export never decides
// anything itself: it draws what is here.
#pragma once

#include "safesar/case_model.hpp"
#include "safesar/document.hpp"

#include <optional>
#include <string>
#include <vector>

namespace safesar {

// A reason for withholding, as the schedule prints it: "TP", "DPA 2018 Sch 2 Pt 3 para 16".
struct Reason {
    std::string code;
    std::string citation;
    std::string explanation; // one sentence a requester can read; never names anyone
};

// One span to remove from one section of a record.
struct Redaction {
    std::size_t section = 0;        // index into Record::sections
    std::size_t begin = 0, end = 0; // byte offsets in the section text
    Reason reason;
    std::vector<Box> boxes; // on the page (PDF page sections, areas): what to burn
    std::string finding_id; // stable id of the finding it came from ("" for manual)
};

enum class RecordFate { Disclose, WithholdInFull };

struct RecordDisclosure {
    const Record* record = nullptr;
    std::string title; // the record's name as the bundle shows it, already free of third parties
    RecordFate fate = RecordFate::Disclose;
    std::optional<Reason> withheld_because; // set when withheld in full
    // What a record withheld in full is ("MARAC minutes", "a personal safety plan"): printed
    // only where the profile names withheld records, else only in the controller's schedule.
    std::string withheld_kind;
    std::vector<Redaction> redactions;
    bool consult_other_agency = false; // came from another agency: consult before final export
};

struct Disclosure {
    const Case* request = nullptr;
    std::vector<RecordDisclosure> records;    // in bundle order
    std::vector<std::string> skipped_records; // names of records that could not be read
    bool draft = true;                        // watermark every page "DRAFT"
    // Whether what the requester receives may name, date and describe the records withheld in
    // full and the records that could not be read (the profile's "name_withheld_records").
    // When false (a perpetrator request, or any profile that does not say so) it says only that
    // some information was withheld and under which exemptions; the names, dates, senders and
    // kinds go to the controller's schedule alone (ICO: you need not confirm what you withhold
    // where saying so would itself disclose it).
    bool name_withheld_records = false;
};

} // namespace safesar
