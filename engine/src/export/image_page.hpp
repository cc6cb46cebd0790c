// An image record's page as a raster for the bundle: decoded again from the file (or the
// attachment's bytes) at the bundle's resolution, so only pixels reach the output, never the
// file's metadata or thumbnail.
#pragma once

#include "export/raster.hpp"
#include "safesar/document.hpp"

namespace safesar::exporting {

// Page `page_index` (0-based) of `record` scaled to width_pt x height_pt at `dpi`; grey unless
// the page has colour. Throws ExportError naming the record when it cannot be decoded.
Raster render_image_page(const Record& record, int page_index, double width_pt, double height_pt,
                         double dpi);

} // namespace safesar::exporting
