#include "app/icons.hpp"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace safesar::gui {

namespace {

// Draws `name` in a 24 x 24 box with `pen`.
void draw(QPainter& p, IconName name, const QColor& ink) {
    QPen pen(ink, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    auto arrow_head = [&](QPointF tip, QPointF a, QPointF b) {
        p.drawLine(tip, a);
        p.drawLine(tip, b);
    };
    auto magnifier = [&] {
        p.drawEllipse(QRectF(3, 3, 13, 13));
        p.drawLine(QPointF(14, 14), QPointF(21, 21));
    };
    auto page = [&](QRectF r) { p.drawRect(r); };
    switch (name) {
    case IconName::Back:
        p.drawLine(QPointF(20, 12), QPointF(5, 12));
        arrow_head({4, 12}, {10, 6}, {10, 18});
        break;
    case IconName::PreviousPage:
        page({6, 3, 12, 18});
        arrow_head({12, 8}, {9, 11}, {15, 11});
        p.drawLine(QPointF(12, 8), QPointF(12, 17));
        break;
    case IconName::NextPage:
        page({6, 3, 12, 18});
        arrow_head({12, 16}, {9, 13}, {15, 13});
        p.drawLine(QPointF(12, 16), QPointF(12, 7));
        break;
    case IconName::ZoomOut:
        magnifier();
        p.drawLine(QPointF(6.5, 9.5), QPointF(12.5, 9.5));
        break;
    case IconName::ZoomIn:
        magnifier();
        p.drawLine(QPointF(6.5, 9.5), QPointF(12.5, 9.5));
        p.drawLine(QPointF(9.5, 6.5), QPointF(9.5, 12.5));
        break;
    case IconName::FitWidth:
        p.drawLine(QPointF(3, 4), QPointF(3, 20));
        p.drawLine(QPointF(21, 4), QPointF(21, 20));
        p.drawLine(QPointF(6, 12), QPointF(18, 12));
        arrow_head({6, 12}, {9, 9}, {9, 15});
        arrow_head({18, 12}, {15, 9}, {15, 15});
        break;
    case IconName::Approve: // a box, filled: it will be redacted
        p.setBrush(ink);
        p.drawRect(QRectF(3, 8, 18, 8));
        p.setBrush(Qt::NoBrush);
        p.drawLine(QPointF(6, 4), QPointF(10, 4));
        p.drawLine(QPointF(14, 20), QPointF(19, 20));
        break;
    case IconName::Reject: // an outlined box: the text stays
        p.setPen(QPen(ink, 2.0, Qt::DotLine));
        p.drawRect(QRectF(3, 8, 18, 8));
        p.setPen(pen);
        p.drawLine(QPointF(6, 12), QPointF(18, 12));
        break;
    case IconName::ApproveGroup: // several boxes, all filled
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        for (double y : {3.0, 10.0, 17.0})
            p.drawRect(QRectF(8, y, 13, 4));
        p.setPen(pen);
        p.drawLine(QPointF(3, 5), QPointF(4, 5));
        p.drawLine(QPointF(3, 12), QPointF(4, 12));
        p.drawLine(QPointF(3, 19), QPointF(4, 19));
        break;
    case IconName::Undo:
    case IconName::Redo: {
        if (name == IconName::Redo) {
            p.translate(24, 0);
            p.scale(-1, 1);
        }
        QPainterPath path(QPointF(6, 9));
        path.cubicTo(QPointF(14, 3), QPointF(24, 9), QPointF(19, 17));
        path.lineTo(QPointF(15, 20));
        p.drawPath(path);
        arrow_head({5, 9}, {5, 3}, {11, 10});
        break;
    }
    case IconName::RedactPhrase:
        magnifier();
        p.setBrush(ink);
        p.drawRect(QRectF(6, 8, 7, 3));
        break;
    case IconName::RedactSelection: // text lines, one of them covered
        p.drawLine(QPointF(3, 5), QPointF(21, 5));
        p.setBrush(ink);
        p.drawRect(QRectF(3, 10, 18, 4));
        p.setBrush(Qt::NoBrush);
        p.drawLine(QPointF(3, 19), QPointF(14, 19));
        break;
    case IconName::ReadPages: // an open book with a tick
        p.drawLine(QPointF(12, 6), QPointF(12, 20));
        p.drawPolyline(QPolygonF({QPointF(12, 6), QPointF(3, 4), QPointF(3, 18), QPointF(12, 20),
                                  QPointF(21, 18), QPointF(21, 4), QPointF(12, 6)}));
        p.drawPolyline(QPolygonF({QPointF(14, 12), QPointF(16, 15), QPointF(20, 9)}));
        break;
    case IconName::Safety: { // a shield
        QPainterPath shield(QPointF(12, 3));
        shield.lineTo(QPointF(20, 6));
        shield.cubicTo(QPointF(20, 14), QPointF(17, 18), QPointF(12, 21));
        shield.cubicTo(QPointF(7, 18), QPointF(4, 14), QPointF(4, 6));
        shield.closeSubpath();
        p.drawPath(shield);
        p.drawLine(QPointF(12, 8), QPointF(12, 13));
        p.drawPoint(QPointF(12, 16.5));
        break;
    }
    case IconName::Rescan: {
        p.drawArc(QRectF(4, 4, 16, 16), 60 * 16, 280 * 16);
        arrow_head({19, 6}, {19, 11}, {14, 6});
        break;
    }
    case IconName::Export:
        p.drawPolyline(QPolygonF({QPointF(9, 7), QPointF(4, 7), QPointF(4, 20), QPointF(20, 20),
                                  QPointF(20, 7), QPointF(15, 7)}));
        p.drawLine(QPointF(12, 15), QPointF(12, 3));
        arrow_head({12, 3}, {8, 7}, {16, 7});
        break;
    }
}

} // namespace

QIcon icon(IconName name) {
    QIcon out;
    const QPalette palette = QGuiApplication::palette();
    for (const auto& [mode, role] : {std::pair{QIcon::Normal, QPalette::WindowText},
                                     std::pair{QIcon::Disabled, QPalette::PlaceholderText}}) {
        for (int size : {16, 24, 32, 48}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            p.scale(size / 24.0, size / 24.0);
            QColor ink = palette.color(QPalette::Active, role);
            if (mode == QIcon::Disabled) ink.setAlpha(110);
            draw(p, name, ink);
            p.end();
            out.addPixmap(pixmap, mode);
        }
    }
    return out;
}

} // namespace safesar::gui
