// What PoDoFo cannot do for scripts that are not drawn one letter after another: Arabic letters
// take their joined forms (ICU's u_shapeArabic: the presentation forms DejaVu Sans has), and a
// run of right-to-left text is drawn in visual order (ICU's bidi algorithm). PDF readers and
// pdftotext put such text back into logical order when they extract it.
#pragma once

#include <string>
#include <string_view>

namespace safesar::exporting {

// Arabic letters in their contextual forms; text without Arabic comes back unchanged.
std::string shape_arabic(std::string_view utf8);
// One line of text in the order its characters are drawn left to right; text without
// right-to-left characters comes back unchanged.
std::string visual_order(std::string_view utf8);

} // namespace safesar::exporting
