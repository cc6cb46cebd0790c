// Page thumbnails of one PDF. Only the rows the list shows ask for their image, so a 500-page
// record costs nothing until it is scrolled through.
#pragma once

#include "viewer/document_source.hpp"

#include <QAbstractListModel>

namespace safesar::gui {

class PageCache;

class ThumbnailModel : public QAbstractListModel {
    Q_OBJECT
  public:
    static constexpr int kDpi = 16;
    explicit ThumbnailModel(PageCache* cache, QObject* parent = nullptr);
    void setDocument(const DocumentSource& doc); // an invalid source empties the list
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

  private:
    PageCache* cache_;
    DocumentSource doc_;
    int pages_ = 0;
};

} // namespace safesar::gui
