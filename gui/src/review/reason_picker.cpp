#include "review/reason_picker.hpp"

#include "safesar/review.hpp"

#include <QInputDialog>

namespace safesar::gui {

std::optional<QString> choose_reason(QWidget* parent, const QString& what) {
    QStringList items;
    for (const Reason& r : reason_codes())
        items << QString::fromStdString(r.code) + " — " + QString::fromStdString(r.citation);
    bool ok = false;
    const QString item = QInputDialog::getItem(
        parent, QObject::tr("Reason for the redaction"),
        QObject::tr("%1\n\nThe reason the requester will see in the schedule:").arg(what), items, 0,
        false, &ok);
    if (!ok || item.isEmpty()) return std::nullopt;
    return item.section(" — ", 0, 0);
}

} // namespace safesar::gui
