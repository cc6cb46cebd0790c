// A redaction drawn over a page or highlighted in a text record. The state is drawn with a
// pattern and a label as well as a colour, so colour is never the only signal.
#pragma once

#include "safesar/document.hpp"

#include <QColor>
#include <QString>

namespace safesar::gui {

enum class OverlayState {
    Proposed, // the policy proposes a redaction, nobody has decided
    Approved, // will be redacted
    Rejected, // will be kept
    Manual,   // added by a reviewer
    Withheld, // the whole record is withheld
};

struct Overlay {
    Box box;                                     // points, page coordinates (PDF pages)
    std::size_t section = 0, begin = 0, end = 0; // byte span (text records)
    OverlayState state = OverlayState::Proposed;
    QString id;    // finding id, or "M<n>" for a manual redaction
    QString label; // the reason code shown on the box: "TP", "kept"...
};

QColor overlay_colour(OverlayState state);
QString overlay_state_name(OverlayState state); // "proposed", "approved"... for tooltips and lists

} // namespace safesar::gui
