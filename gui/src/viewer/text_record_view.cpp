#include "viewer/text_record_view.hpp"

#include <QContextMenuEvent>
#include <QMenu>
#include <QTextBlock>

namespace safesar::gui {

TextRecordView::TextRecordView(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setAccessibleName(tr("Record text"));
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
}

void TextRecordView::showRecord(const Record& record) {
    record_ = QString::fromStdString(record.name);
    section_texts_.clear();
    section_starts_.clear();
    QString text;
    for (const Section& s : record.sections) {
        // A PDF's pages are drawn in the page view; an image's OCR text is read here.
        if (s.kind == SectionKind::PageText && record.kind == RecordKind::Pdf) {
            section_texts_.emplace_back();
            section_starts_.push_back(-1);
            continue;
        }
        QString label = QString::fromStdString(s.label);
        if (s.hidden) label += tr(" (hidden in the original: not disclosed)");
        else if (s.kind == SectionKind::Metadata) label += tr(" (metadata: not disclosed)");
        text += "── " + label + " ──\n";
        section_starts_.push_back(static_cast<int>(text.size()));
        section_texts_.push_back(s.text);
        text += QString::fromStdString(s.text) + "\n\n";
    }
    setPlainText(text);
    overlays_.clear();
    repaintHighlights();
}

int TextRecordView::position(std::size_t section, std::size_t byte_offset) const {
    if (section >= section_starts_.size() || section_starts_[section] < 0) return -1;
    const std::string& t = section_texts_[section];
    const std::size_t n = std::min(byte_offset, t.size());
    return section_starts_[section] +
           static_cast<int>(QString::fromUtf8(t.data(), static_cast<qsizetype>(n)).size());
}

void TextRecordView::setOverlays(const std::vector<Overlay>& overlays) {
    overlays_ = overlays;
    repaintHighlights();
}

void TextRecordView::setSelected(const QString& id) {
    selected_ = id;
    repaintHighlights();
    for (const Overlay& o : overlays_)
        if (o.id == id) {
            const int at = position(o.section, o.begin);
            if (at < 0) continue;
            QTextCursor c(document());
            c.setPosition(at);
            setTextCursor(c);
            centerCursor();
            break;
        }
}

void TextRecordView::repaintHighlights() {
    QList<QTextEdit::ExtraSelection> list;
    for (const Overlay& o : overlays_) {
        const int from = position(o.section, o.begin), to = position(o.section, o.end);
        if (from < 0 || to <= from) continue;
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(document());
        sel.cursor.setPosition(from);
        sel.cursor.setPosition(to, QTextCursor::KeepAnchor);
        QColor c = overlay_colour(o.state);
        // Not colour alone: approved and manual text is reversed, proposed has a wavy
        // underline, rejected (kept) a dotted one.
        switch (o.state) {
        case OverlayState::Approved:
        case OverlayState::Manual:
        case OverlayState::Withheld:
            sel.format.setBackground(c);
            sel.format.setForeground(Qt::white);
            break;
        case OverlayState::Proposed:
            c.setAlpha(90);
            sel.format.setBackground(c);
            sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            sel.format.setUnderlineColor(overlay_colour(o.state).darker());
            break;
        case OverlayState::Rejected:
            sel.format.setUnderlineStyle(QTextCharFormat::DotLine);
            sel.format.setUnderlineColor(c);
            break;
        }
        if (o.id == selected_) {
            sel.format.setFontWeight(QFont::Bold);
            sel.format.setTextOutline(QPen(palette().highlight().color()));
        }
        sel.format.setToolTip(overlay_state_name(o.state) +
                              (o.label.isEmpty() ? "" : " · " + o.label));
        list.append(sel);
    }
    setExtraSelections(list);
}

void TextRecordView::mouseReleaseEvent(QMouseEvent* e) {
    QPlainTextEdit::mouseReleaseEvent(e);
    if (textCursor().hasSelection()) return;
    const int at = textCursor().position();
    for (const Overlay& o : overlays_) {
        const int from = position(o.section, o.begin), to = position(o.section, o.end);
        if (from >= 0 && at >= from && at <= to) {
            emit overlayClicked(o.id);
            return;
        }
    }
}

void TextRecordView::contextMenuEvent(QContextMenuEvent* e) {
    std::unique_ptr<QMenu> menu(createStandardContextMenu());
    const QString selected = textCursor().selectedText().trimmed();
    if (!selected.isEmpty()) {
        menu->addSeparator();
        QAction* redact = menu->addAction(tr("Redact the selected text in this record…"));
        connect(redact, &QAction::triggered, this,
                [this, selected] { emit redactSelectionRequested(selected); });
    }
    menu->exec(e->globalPos());
}

} // namespace safesar::gui
