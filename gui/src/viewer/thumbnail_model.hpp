// Page thumbnails of one PDF, each whole, with its page number under it and marks on it: a dark
// badge with the number of redactions drawn on the page, and a tick once the page is marked
// read. Only the rows the list shows ask for their image, so a 500-page record costs nothing
// until it is scrolled through.
#pragma once

#include "viewer/document_source.hpp"

#include <QAbstractListModel>
#include <QSize>

#include <functional>

namespace safesar::gui {

class PageCache;

class ThumbnailModel : public QAbstractListModel {
    Q_OBJECT
  public:
    static constexpr int kDpi = 10;
    // The largest thumbnail (a US Letter or A4 page, portrait or landscape) fits this.
    static QSize iconSize() { return {124, 124}; }

    struct Marks {
        int redactions = 0;
        bool read = false;
    };
    using MarksOf = std::function<Marks(int page)>;

    explicit ThumbnailModel(PageCache* cache, QObject* parent = nullptr);
    void setDocument(const DocumentSource& doc); // an invalid source empties the list
    void setMarks(MarksOf marks) { marks_ = std::move(marks); }
    void marksChanged(); // redraw the marks of every page
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

  private:
    PageCache* cache_;
    DocumentSource doc_;
    int pages_ = 0;
    MarksOf marks_;
};

} // namespace safesar::gui
