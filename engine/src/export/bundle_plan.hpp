// The whole bundle decided before a byte is written: every page in order (cover, records,
// redaction schedule, Art 15 information), their sizes, numbers, headings, and which redaction
// shows on which page. Knowing the page count first is what lets every footer say "page N of M".
#pragma once

#include "export/page_view.hpp"
#include "export/raster_pipeline.hpp"
#include "export/redaction_spans.hpp"
#include "export/settings.hpp"
#include "export/text_layout.hpp"
#include "safesar/disclosure.hpp"
#include "safesar/export.hpp"

#include <memory>
#include <string>
#include <vector>

namespace safesar::exporting {

// Heights of the heading band at the top of every page and the footer band at its foot.
inline constexpr double band_top = 44, band_bottom = 28;

enum class PageKind { Text, Raster };

struct PlannedPage {
    PageKind kind = PageKind::Text;
    double width = 0, height = 0;               // the bundle page, points
    std::string band_title, band_detail;        // the heading band
    int record_page = 0, record_page_count = 0; // record pages: "record page k of K"
    LaidOutPage text;                           // Text pages
    std::size_t record = 0;                     // Raster pages: index into Disclosure::records
    int source_page = 0;                        // Raster pages: 1-based page of the record
    double source_width = 0, source_height = 0; // Raster pages: the source page as shown
    bool reads_upward = false; // Raster pages shown at 270°: vertical words read up
};

// A redaction as the bundle shows it.
struct ShownRedaction {
    std::size_t record = 0;    // index into Disclosure::records
    std::size_t redaction = 0; // index into RecordDisclosure::redactions
    int bundle_page = 0;
    int record_page = 0; // PDF records: the page of the record; 0 otherwise
};

struct ScheduleRow {
    std::string record_title;
    int bundle_page = 0;
    std::string code, citation;
    int count = 0;
};

struct RecordPlacement {
    int first_page = 0, page_count = 0; // 0 for withheld records
    std::vector<int> source_pages;      // PDF records: bundle page of each source page
};

// What a page of a record that cannot be shown says in its place.
inline constexpr const char* unshown_page_text =
    "This page of the record could not be shown in this bundle. We are looking at it again and "
    "are going to tell you the outcome.";

struct BundlePlan {
    std::string reference, export_date;
    std::vector<PlannedPage> pages;
    std::vector<RasterJob> raster_jobs;               // one per Raster page, in page order
    std::vector<std::unique_ptr<SectionSpans>> spans; // per record; null when withheld
    std::vector<RecordPlacement> placements;          // per record
    std::vector<ShownRedaction> shown;                // each (record, redaction) once, first page
    std::vector<ScheduleRow> schedule;
    int redaction_count = 0; // distinct redactions shown
    int schedule_page = 0, information_page = 0;
    std::vector<std::string> fixed_text; // every string SafeSAR wrote itself (see TextRun::fixed)
    // A record that failed to plan is left out (its span is null, its title listed here for the
    // requester); the reviewer is told why in `omissions`.
    std::vector<std::string> left_out_titles;
    std::vector<ExportOmission> omissions;
    LaidOutPage unshown_page; // the notice drawn for a page that cannot be shown
};

// The footer line of page `number` of `total`.
std::string footer_text(const std::string& reference, bool draft, int number, int total);
inline constexpr const char* draft_banner = "DRAFT \xE2\x80\x94 not for disclosure";

inline constexpr RecordKind all_record_kinds[] = {
    RecordKind::Pdf,      RecordKind::Text,        RecordKind::Email,   RecordKind::Csv,
    RecordKind::Image,    RecordKind::Document,    RecordKind::Spreadsheet,
    RecordKind::WebPage,  RecordKind::Unknown};
const char* kind_label(RecordKind kind); // "PDF document", "E-mail", ... (JSON: to_string)

// A record that cannot be opened, or whose redaction cannot be placed, is left out and listed
// in `omissions`; a page that cannot be read is replaced by a notice. Throws ExportError only
// for what concerns the whole bundle.
BundlePlan plan_bundle(const Disclosure& disclosure, const Fonts& fonts,
                       const ControllerSettings& settings, double dpi,
                       const std::string& export_date);

} // namespace safesar::exporting
