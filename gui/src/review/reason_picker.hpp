// The dialog that asks which reason code a manual redaction is made under.
#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace safesar::gui {

std::optional<QString> choose_reason(QWidget* parent, const QString& what);

} // namespace safesar::gui
