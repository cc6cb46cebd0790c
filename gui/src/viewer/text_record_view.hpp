// A record that is not a PDF page (a note, an e-mail, a CSV export) shown as its text, section
// by section, with its redactions highlighted. Selecting text offers a manual redaction.
#pragma once

#include "safesar/document.hpp"
#include "viewer/overlay.hpp"

#include <QPlainTextEdit>

#include <vector>

namespace safesar::gui {

class TextRecordView : public QPlainTextEdit {
    Q_OBJECT
  public:
    explicit TextRecordView(QWidget* parent = nullptr);

    void showRecord(const Record& record); // pages of a PDF are not shown here
    void setOverlays(const std::vector<Overlay>& overlays);
    void setSelected(const QString& id); // scrolls to it
    const QString& recordName() const { return record_; }

  signals:
    void overlayClicked(const QString& id);
    void redactSelectionRequested(const QString& text);

  protected:
    void mouseReleaseEvent(QMouseEvent* e) override;
    void contextMenuEvent(QContextMenuEvent* e) override;

  private:
    int position(std::size_t section, std::size_t byte_offset) const;
    void repaintHighlights();

    QString record_;
    std::vector<std::string> section_texts_;
    std::vector<int> section_starts_; // where each section's text begins in the document
    std::vector<Overlay> overlays_;
    QString selected_;
};

} // namespace safesar::gui
