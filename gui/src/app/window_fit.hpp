// Windows sized to the screen they open on: a reviewer's laptop may be 1280 x 720.
#pragma once

#include <QSize>

class QWidget;

namespace safesar::gui {

// Sizes a main window to `preferred`, or to the screen's available area when that is smaller,
// and centres it there.
void fit_main_window(QWidget* window, QSize preferred);
// A dialog no taller (or wider) than the available area of the screen it opens on; call it
// before exec() or show(). Its content should scroll if it needs more (see scrolling_page).
void fit_dialog(QWidget* dialog);
// A scroll area holding `content`, for a dialog whose form may be taller than a small screen.
QWidget* scrolling_page(QWidget* content);

} // namespace safesar::gui
