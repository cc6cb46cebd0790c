// Drawing the planned pages with PoDoFo, in order: text pages from their layout, PDF pages as
// their burnt image plus an invisible text layer of the kept words only.
#pragma once

#include "export/bundle_plan.hpp"
#include "export/fonts.hpp"
#include "export/raster_pipeline.hpp"

#include <atomic>
#include <functional>
#include <map>
#include <string>

namespace PoDoFo {
class PdfDocument;
}

namespace safesar::exporting {

struct WriteStats {
    int pages = 0, raster_pages = 0;
    double render_seconds = 0, encode_seconds = 0; // summed over worker threads
    std::size_t image_bytes = 0;
    std::map<std::string, int> image_methods; // "grey 2-bit Flate" -> pages
    std::vector<ExportOmission> omissions;    // pages that could not be rendered
};

// Checks `cancel` before each page and reports each page written to `on_page_done`. A page that
// cannot be rendered is drawn as a notice instead and listed in stats.omissions.
void write_bundle_pages(PoDoFo::PdfDocument& document, const Fonts& fonts, const BundlePlan& plan,
                        bool draft, RasterPipeline& pipeline, WriteStats& stats,
                        const std::function<void(int, int)>& on_page_done,
                        const std::atomic<bool>* cancel);

} // namespace safesar::exporting
