// Where a PDF to show comes from: a file, or bytes (an attachment, which no file holds alone).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace safesar::gui {

struct DocumentSource {
    QString path;
    QByteArray bytes;    // when set, the PDF is these bytes; `path` only names it
    QByteArray password; // an encrypted bundle's password, for the preview

    bool valid() const { return !path.isEmpty() || !bytes.isEmpty(); }
    // Identifies the document in the page cache.
    QString key() const {
        return bytes.isEmpty() ? path : path + "#" + QString::number(qHash(bytes, 0));
    }
};

} // namespace safesar::gui
