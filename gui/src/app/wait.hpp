// Runs the event loop until a condition holds, for the tests, the screenshot tool and the
// benchmark (the real window works asynchronously: scans, renders and exports).
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace safesar::gui {

template <typename Condition> bool wait_until(Condition condition, int timeout_ms = 60000) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeout_ms) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

} // namespace safesar::gui
