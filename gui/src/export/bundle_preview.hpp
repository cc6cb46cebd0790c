// The exported bundle, shown in the same page viewer as the records: what the requester gets.
#pragma once

#include "viewer/document_source.hpp"

#include <QDialog>

class QLabel;
class QScrollArea;

namespace safesar::gui {

class PageCache;
class PageView;

class BundlePreview : public QDialog {
    Q_OBJECT
  public:
    BundlePreview(const DocumentSource& bundle, PageCache* cache, QWidget* parent = nullptr);
    PageView* pageView() const { return view_; }

  private:
    void go(int page);
    PageView* view_;
    QScrollArea* scroll_;
    QLabel* label_;
};

} // namespace safesar::gui
