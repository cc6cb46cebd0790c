// The toolbar's icons, drawn here as simple line pictures: they look the same on every desktop
// and under the offscreen platform (no icon theme needed), and scale to any screen.
#pragma once

#include <QIcon>

namespace safesar::gui {

enum class IconName {
    Back,
    PreviousPage,
    NextPage,
    ZoomOut,
    ZoomIn,
    FitWidth,
    Approve,
    Reject,
    ApproveGroup,
    Undo,
    Redo,
    RedactPhrase,
    RedactSelection,
    ReadPages,
    Safety,
    Rescan,
    Export,
};

QIcon icon(IconName name);

} // namespace safesar::gui
