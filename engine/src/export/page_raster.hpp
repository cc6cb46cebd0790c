// Rendering one page of a source PDF with Poppler and burning the redactions into the pixels.
#pragma once

#include "export/page_view.hpp"
#include "export/raster.hpp"

#include <vector>

namespace poppler {
class page;
}

namespace safesar::exporting {

// The largest page image we make; bigger pages are rendered at a lower resolution.
inline constexpr double max_page_pixels = 40e6;

// The resolution a page of `width_pt` x `height_pt` points is rendered at.
double effective_dpi(double dpi, double width_pt, double height_pt);

// Whether a page has colour worth keeping, judged on a quick low-resolution render.
bool page_has_colour(const poppler::page& page);

// Renders the crop box as the page is shown (its /Rotate applied): RGB when `colour`, else grey
// (Poppler draws grey directly, about 40% faster than RGB).
Raster render_page(const poppler::page& page, double dpi, bool colour);

// Paints every box solid black, padded by a few pixels, with its reason code in white when it
// fits. `width_pt`/`height_pt` is the page as shown, so boxes map onto the raster whatever its
// rounding.
void burn_boxes(Raster& raster, const std::vector<BurnBox>& boxes, double width_pt,
                double height_pt);

} // namespace safesar::exporting
