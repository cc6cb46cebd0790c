#include "app/local_time.hpp"

#include <QDateTime>
#include <QLocale>

namespace safesar::gui {

QString local_time(const std::string& utc_iso) {
    const QString text = QString::fromStdString(utc_iso);
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid()) at = QDateTime::fromString(text, Qt::ISODate);
    if (!at.isValid()) return text;
    return QLocale().toString(at.toLocalTime(), "d MMM yyyy HH:mm");
}

} // namespace safesar::gui
