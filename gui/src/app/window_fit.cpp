#include "app/window_fit.hpp"

#include <QFrame>
#include <QGuiApplication>
#include <QScreen>
#include <QScrollArea>
#include <QWidget>

#include <algorithm>

namespace safesar::gui {

namespace {

QRect available_area(const QWidget* w) {
    const QScreen* screen = w->screen() ? w->screen() : QGuiApplication::primaryScreen();
    return screen ? screen->availableGeometry() : QRect(0, 0, 1280, 720);
}

} // namespace

void fit_main_window(QWidget* window, QSize preferred) {
    const QRect area = available_area(window);
    const QSize size = preferred.boundedTo(area.size());
    window->resize(size);
    window->move(area.center() - QPoint(size.width() / 2, size.height() / 2));
}

void fit_dialog(QWidget* dialog) {
    const QRect area = available_area(dialog);
    // Leave room for the window frame the desktop draws around it.
    const QSize most(area.width() - 16, area.height() - 40);
    dialog->setMaximumSize(most);
    // The size it asked for (resize() before showing), else the size its layout wants.
    const QSize wanted = dialog->testAttribute(Qt::WA_Resized)
                             ? dialog->size()
                             : dialog->sizeHint().expandedTo(dialog->minimumSizeHint());
    dialog->resize(wanted.boundedTo(most));
}

QWidget* scrolling_page(QWidget* content) {
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

} // namespace safesar::gui
