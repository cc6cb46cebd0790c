#include "viewer/overlay.hpp"

namespace safesar::gui {

// Okabe-Ito colours: told apart with the common colour-vision deficiencies.
QColor overlay_colour(OverlayState state) {
    switch (state) {
    case OverlayState::Proposed:
        return QColor(0xE6, 0x9F, 0x00);
    case OverlayState::Approved:
        return QColor(0x10, 0x10, 0x10);
    case OverlayState::Rejected:
        return QColor(0x00, 0x9E, 0x73);
    case OverlayState::Manual:
        return QColor(0x00, 0x72, 0xB2);
    case OverlayState::Withheld:
        return QColor(0x55, 0x55, 0x55);
    }
    return Qt::black;
}

QString overlay_state_name(OverlayState state) {
    switch (state) {
    case OverlayState::Proposed:
        return "proposed";
    case OverlayState::Approved:
        return "approved";
    case OverlayState::Rejected:
        return "rejected (kept)";
    case OverlayState::Manual:
        return "manual";
    case OverlayState::Withheld:
        return "withheld";
    }
    return {};
}

} // namespace safesar::gui
