#include "viewer/thumbnail_model.hpp"

#include "viewer/page_cache.hpp"

#include <QPainter>
#include <QPixmap>

namespace safesar::gui {

ThumbnailModel::ThumbnailModel(PageCache* cache, QObject* parent)
    : QAbstractListModel(parent), cache_(cache) {
    connect(cache_, &PageCache::pageReady, this, [this](const QString& key, int page, int dpi) {
        if (key == doc_.key() && dpi == kDpi && page >= 1 && page <= pages_)
            emit dataChanged(index(page - 1), index(page - 1), {Qt::DecorationRole});
    });
}

void ThumbnailModel::setDocument(const DocumentSource& doc) {
    beginResetModel();
    doc_ = doc;
    pages_ = doc.valid() ? cache_->pageCount(doc) : 0;
    endResetModel();
}

void ThumbnailModel::marksChanged() {
    if (pages_ > 0) emit dataChanged(index(0), index(pages_ - 1));
}

int ThumbnailModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : pages_;
}

QVariant ThumbnailModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const int page = index.row() + 1;
    const Marks marks = marks_ ? marks_(page) : Marks{};
    switch (role) {
    case Qt::DisplayRole:
        return marks.read ? tr("%1 ✓").arg(page) : QString::number(page);
    case Qt::AccessibleTextRole: {
        QString text = tr("Page %1").arg(page);
        if (marks.redactions) text += tr(", %n redaction(s)", nullptr, marks.redactions);
        if (marks.read) text += tr(", read");
        return text;
    }
    case Qt::ToolTipRole:
        return data(index, Qt::AccessibleTextRole);
    case Qt::DecorationRole: {
        // The whole page, scaled to fit the icon, on a page-coloured frame.
        const QSize box = iconSize();
        QPixmap out(box);
        out.fill(Qt::transparent);
        const QSizeF points = cache_->pageSizePoints(doc_, page);
        QSize page_size = (points.isEmpty() ? QSizeF(595, 842) : points).toSize();
        page_size.scale(box - QSize(4, 4), Qt::KeepAspectRatio);
        const QRect at(QPoint((box.width() - page_size.width()) / 2, 2), page_size);
        QPainter p(&out);
        const QImage image = cache_->page(doc_, page, kDpi, PageCache::Priority::Thumbnail);
        if (image.isNull())
            p.fillRect(at, Qt::white);
        else
            p.drawImage(at, image);
        p.setPen(QColor(0x80, 0x80, 0x80));
        p.drawRect(at.adjusted(0, 0, -1, -1));
        if (marks.redactions > 0) { // a dark badge with the count: this page has redactions
            const QRect badge(at.right() - 26, at.top() + 3, 24, 15);
            p.fillRect(badge, QColor(0x10, 0x10, 0x10));
            p.setPen(Qt::white);
            QFont f = p.font();
            f.setPixelSize(11);
            f.setBold(true);
            p.setFont(f);
            p.drawText(badge, Qt::AlignCenter, QString::number(marks.redactions));
        }
        return out;
    }
    default:
        return {};
    }
}

} // namespace safesar::gui
