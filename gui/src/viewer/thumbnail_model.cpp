#include "viewer/thumbnail_model.hpp"

#include "viewer/page_cache.hpp"

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

int ThumbnailModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : pages_;
}

QVariant ThumbnailModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const int page = index.row() + 1;
    switch (role) {
    case Qt::DisplayRole:
        return QString::number(page);
    case Qt::AccessibleTextRole:
        return tr("Page %1").arg(page);
    case Qt::DecorationRole: {
        const QImage image = cache_->page(doc_, page, kDpi, PageCache::Priority::Thumbnail);
        if (!image.isNull()) return QPixmap::fromImage(image);
        QPixmap blank(cache_->pageSizePoints(doc_, page).toSize() * kDpi / 72);
        blank.fill(Qt::white);
        return blank;
    }
    default:
        return {};
    }
}

} // namespace safesar::gui
