#include "viewer/page_view.hpp"

#include "viewer/page_cache.hpp"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace safesar::gui {

PageView::PageView(PageCache* cache, QWidget* parent) : QWidget(parent), cache_(cache) {
    setAccessibleName(tr("Page"));
    setFocusPolicy(Qt::ClickFocus);
    setMouseTracking(false);
    connect(cache_, &PageCache::pageReady, this, [this](const QString& key, int page, int dpi) {
        if (key == doc_.key() && page == page_ && dpi == this->dpi()) requestImage();
    });
    connect(cache_, &PageCache::failed, this,
            [this](const QString& key, int page, const QString& why) {
                if (key == doc_.key() && page == page_) {
                    message_ = why;
                    update();
                }
            });
}

int PageView::dpi() const {
    return std::max(18, static_cast<int>(std::lround(72.0 * zoom_ * devicePixelRatioF())));
}

QSize PageView::sizeHint() const {
    if (page_points_.isEmpty()) return {400, 300};
    return QSize(static_cast<int>(page_points_.width() * zoom_) + 2,
                 static_cast<int>(page_points_.height() * zoom_) + 2);
}

void PageView::clear(const QString& message) {
    doc_ = {};
    page_ = page_count_ = 0;
    page_points_ = {};
    image_ = {};
    overlays_.clear();
    message_ = message;
    resize(sizeHint());
    update();
}

void PageView::showPage(const DocumentSource& doc, int page) {
    const bool same_doc = doc.key() == doc_.key();
    doc_ = doc;
    page_count_ = cache_->pageCount(doc);
    message_ = cache_->openError(doc);
    page_ = std::clamp(page, 1, std::max(1, page_count_));
    page_points_ = cache_->pageSizePoints(doc, page_);
    applyFit();
    if (!same_doc) overlays_.clear();
    text_selection_.clear();
    image_ = {};
    asked_.start();
    resize(sizeHint());
    requestImage();
    // Render ahead: the next pages (most likely), then the one before.
    cache_->prefetch(doc_, {page_ + 1, page_ + 2, page_ - 1, page_ + 3}, dpi());
    update();
}

void PageView::requestImage() {
    if (!doc_.valid() || page_count_ == 0) return;
    image_ = cache_->page(doc_, page_, dpi());
    if (!image_.isNull()) {
        image_.setDevicePixelRatio(devicePixelRatioF());
        emit pageDisplayed(page_, asked_.elapsed());
        update();
    }
}

void PageView::setZoom(double zoom) {
    fit_width_ = 0;
    zoom_ = std::clamp(zoom, 0.25, 6.0);
    if (doc_.valid()) showPage(doc_, page_);
}

void PageView::fitWidth(int available_width) {
    const int before = fit_width_;
    const double zoom = zoom_;
    fit_width_ = std::max(0, available_width);
    applyFit();
    if (doc_.valid() && (before != fit_width_ || zoom != zoom_)) showPage(doc_, page_);
}

void PageView::applyFit() {
    if (fit_width_ > 0 && !page_points_.isEmpty())
        zoom_ = std::clamp((fit_width_ - 4) / page_points_.width(), 0.25, 6.0);
}

void PageView::setTextSelection(std::vector<Box> boxes) {
    text_selection_ = std::move(boxes);
    update();
}

void PageView::setOverlays(std::vector<Overlay> overlays) {
    overlays_ = std::move(overlays);
    update();
}

void PageView::setSelected(const QString& id) {
    selected_ = id;
    update();
}

QRectF PageView::toWidget(const Box& box) const {
    return QRectF(box.x0 * zoom_, box.y0 * zoom_, box.width() * zoom_, box.height() * zoom_);
}

Box PageView::toPoints(const QRectF& r) const {
    return Box{r.left() / zoom_, r.top() / zoom_, r.right() / zoom_, r.bottom() / zoom_};
}

QRect PageView::overlayRect(const QString& id) const {
    QRectF out;
    for (const Overlay& o : overlays_)
        if (o.id == id) out = out.united(toWidget(o.box));
    return out.toAlignedRect();
}

void PageView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QRectF page_rect(0, 0, page_points_.width() * zoom_, page_points_.height() * zoom_);
    if (!image_.isNull()) {
        p.drawImage(page_rect, image_);
    } else if (!page_points_.isEmpty()) {
        p.fillRect(page_rect, Qt::white);
    }
    if (!message_.isEmpty() || (image_.isNull() && doc_.valid())) {
        p.setPen(palette().text().color());
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   message_.isEmpty() ? tr("Rendering page %1…").arg(page_) : message_);
    }
    for (const Overlay& o : overlays_) {
        const QRectF r = toWidget(o.box);
        const QColor c = overlay_colour(o.state);
        QColor fill = c;
        switch (o.state) {
        case OverlayState::Proposed: // hatched: a question still open
            fill.setAlpha(110);
            p.fillRect(r, QBrush(fill, Qt::BDiagPattern));
            fill.setAlpha(60);
            p.fillRect(r, fill);
            p.setPen(QPen(c, 1.5, Qt::DashLine));
            break;
        case OverlayState::Approved: // near-solid: what the requester will see
        case OverlayState::Withheld:
            fill.setAlpha(205);
            p.fillRect(r, fill);
            p.setPen(QPen(c, 1.5, Qt::SolidLine));
            break;
        case OverlayState::Rejected: // outline only: the text stays
            p.setPen(QPen(c, 1.5, Qt::DotLine));
            break;
        case OverlayState::Manual:
            fill.setAlpha(190);
            p.fillRect(r, fill);
            p.fillRect(r, QBrush(QColor(255, 255, 255, 90), Qt::DiagCrossPattern));
            p.setPen(QPen(c, 1.5, Qt::SolidLine));
            break;
        }
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
        // The reason code on what will be covered; proposed and kept text stays readable.
        const bool covered = o.state == OverlayState::Approved || o.state == OverlayState::Manual ||
                             o.state == OverlayState::Withheld;
        if (covered && !o.label.isEmpty() && r.height() >= 8) {
            QFont f = font();
            f.setPixelSize(std::max(7, static_cast<int>(r.height() * 0.55)));
            p.setFont(f);
            p.setPen(Qt::white);
            p.drawText(r, Qt::AlignCenter, o.label);
        }
        if (o.id == selected_) {
            p.setPen(QPen(palette().highlight().color(), 3));
            p.drawRect(r.adjusted(-3, -3, 3, 3));
        }
    }
    for (const Box& b : text_selection_) { // words picked out: a reviewer's own selection colour
        QColor c = palette().highlight().color();
        c.setAlpha(70);
        p.fillRect(toWidget(b), c);
        p.setPen(QPen(palette().highlight().color(), 1.5));
        p.drawRect(toWidget(b));
    }
    if (drag_from_) {
        p.setPen(QPen(drag_selects_text_ ? palette().highlight().color()
                                         : overlay_colour(OverlayState::Manual),
                      2, drag_selects_text_ ? Qt::DotLine : Qt::DashLine));
        p.drawRect(drag_rect_);
    }
}

void PageView::mousePressEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return;
    // A click on a redaction selects it; the topmost (last drawn) wins.
    for (auto it = overlays_.rbegin(); it != overlays_.rend(); ++it)
        if (toWidget(it->box).contains(e->position())) {
            emit overlayClicked(it->id);
            return;
        }
    if (drawing_enabled_ && !image_.isNull()) {
        drag_from_ = e->position().toPoint();
        drag_rect_ = QRect(*drag_from_, *drag_from_);
        drag_selects_text_ = e->modifiers() & Qt::ShiftModifier;
    }
}

void PageView::mouseMoveEvent(QMouseEvent* e) {
    if (!drag_from_) return;
    drag_rect_ = QRect(*drag_from_, e->position().toPoint()).normalized();
    update();
}

void PageView::mouseReleaseEvent(QMouseEvent* e) {
    if (!drag_from_ || e->button() != Qt::LeftButton) return;
    // From the press to the release, exactly (a QRect would count the last pixel in).
    const QRectF r = QRectF(QPointF(*drag_from_), e->position()).normalized();
    drag_from_.reset();
    update();
    const QRectF page_rect(0, 0, page_points_.width() * zoom_, page_points_.height() * zoom_);
    const QRectF clipped = r.intersected(page_rect);
    if (clipped.width() < 4 || clipped.height() < 4) return; // a click, not a drag
    if (drag_selects_text_) {
        emit textAreaDrawn(toPoints(clipped));
    } else {
        emit boxDrawn(toPoints(clipped));
    }
}

} // namespace safesar::gui
