// One PDF page with its redactions drawn over it. The page comes from the shared PageCache; a
// reviewer can click a redaction to select it, or drag a rectangle to redact an area by hand.
#pragma once

#include "viewer/document_source.hpp"
#include "viewer/overlay.hpp"

#include <QElapsedTimer>
#include <QImage>
#include <QWidget>

#include <optional>
#include <vector>

namespace safesar::gui {

class PageCache;

class PageView : public QWidget {
    Q_OBJECT
  public:
    explicit PageView(PageCache* cache, QWidget* parent = nullptr);

    void showPage(const DocumentSource& doc, int page); // 1-based
    void clear(const QString& message = {});
    int page() const { return page_; }
    int pageCount() const { return page_count_; }
    const DocumentSource& document() const { return doc_; }

    void setZoom(double zoom); // 1.0: 72 dpi at 100% on a standard screen; ends fitting
    double zoom() const { return zoom_; }
    // Fits every page shown to this width (pixels), until setZoom; 0 stops fitting.
    void fitWidth(int available_width);
    bool fittingWidth() const { return fit_width_ > 0; }

    void setOverlays(std::vector<Overlay> overlays);
    void setSelected(const QString& id);
    QRect overlayRect(const QString& id) const; // widget pixels; empty when not on this page
    void setDrawingEnabled(bool on) { drawing_enabled_ = on; }
    // Words selected with Shift+drag, outlined until redacted or cleared.
    void setTextSelection(std::vector<Box> boxes);
    bool hasTextSelection() const { return !text_selection_.empty(); }

    bool pageShown() const { return !image_.isNull(); } // the page itself is drawn, not a blank
    QSize sizeHint() const override;

  signals:
    void boxDrawn(const safesar::Box& box);
    void textAreaDrawn(const safesar::Box& box); // dragged with Shift: select the words inside
    void overlayClicked(const QString& id);
    void pageDisplayed(int page, qint64 ms_since_asked); // for the benchmark

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;

  private:
    void requestImage();
    void applyFit();
    int dpi() const;
    QRectF toWidget(const Box& box) const;
    Box toPoints(const QRectF& rect) const;

    PageCache* cache_;
    DocumentSource doc_;
    int page_ = 0, page_count_ = 0;
    QSizeF page_points_;
    double zoom_ = 1.25;
    int fit_width_ = 0;
    std::vector<Box> text_selection_;
    QImage image_;
    QString message_;
    std::vector<Overlay> overlays_;
    QString selected_;
    bool drawing_enabled_ = true;
    std::optional<QPoint> drag_from_;
    bool drag_selects_text_ = false;
    QRect drag_rect_;
    QElapsedTimer asked_;
};

} // namespace safesar::gui
