// `--json`: what each command prints, as one JSON document on standard output, for scripts and
// case-management systems. Each shape has a JSON Schema in docs/json/<command>.schema.json
// (checked by tests/cli_json/). Warnings still go to standard error.
#pragma once

#include "safesar/audit.hpp"
#include "safesar/case_export.hpp"
#include "safesar/deadline.hpp"
#include "safesar/pipeline.hpp"
#include "safesar/profiles.hpp"
#include "safesar/review.hpp"
#include "safesar/review_database.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <optional>

namespace safesar::cli {

using Json = nlohmann::ordered_json;

// Every document names its shape ("safesar-status/1") so a reader can check what it got.
Json json_document(const char* shape);
// Prints the document, indented, with one newline.
void print_json(const Json& document, std::ostream& out);

Json deadline_json(const Case& c, const Deadline& deadline, const HolidayCalendar& calendar,
                   const Date& today);
// `store` absent: the case has not been scanned.
Json status_json(const Case& c, const Deadline& deadline, const HolidayCalendar& calendar,
                 const Date& today, const ReviewStore* store);
Json list_json(const std::vector<CaseSummary>& cases, const Date& today);
Json audit_json(const std::vector<AuditEntry>& entries);
Json audit_verification_json(const AuditVerification& verification);
Json signoff_json(const Case& c, const Identity& who, const ReviewStatus& status);
// What a scan found, as `scan` and `run` print it (print_scan_summary), and what it changed in
// the review state.
Json scan_summary_json(const CaseScan& scan, const ScanRecorded& recorded);
Json run_json(const CaseExport& exported, const ScanRecorded& recorded);
Json export_json(const CaseExport& exported);
// The profiles a request may name, and the files that are no valid profile.
Json profiles_json(const ProfileList& list);
// `db check`: the shared database's report; null: the embedded store, nothing to set up.
Json db_check_json(const DatabaseReport* report);

} // namespace safesar::cli
