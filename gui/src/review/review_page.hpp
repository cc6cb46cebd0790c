// The review screen: records on the left, the page in the middle with every redaction drawn on
// it, the findings (and the safety summary) on the right. Keyboard first: every action has a key.
#pragma once

#include <QWidget>

#include <filesystem>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QListView;
class QListWidget;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace safesar {
struct Box;
}

namespace safesar::gui {

class CaseSession;
class FindingsPanel;
class PageCache;
class PageView;
class SafetyPanel;
class TextRecordView;
class ThumbnailModel;

class ReviewPage : public QWidget {
    Q_OBJECT
  public:
    explicit ReviewPage(PageCache* cache, QWidget* parent = nullptr);

    // Opens the case, shows its first record at once and starts the scan. Throws safesar::Error.
    void openCase(const std::filesystem::path& folder);

    CaseSession* session() const { return session_; }
    PageView* pageView() const { return page_view_; }
    TextRecordView* textView() const { return text_view_; }
    FindingsPanel* findings() const { return findings_; }
    SafetyPanel* safety() const { return safety_; }
    QListWidget* recordList() const { return records_; }
    QAction* action(const QString& name) const; // by objectName, for tests and menus

    void showRecord(const QString& name, int page = 1);
    QString currentRecord() const { return current_record_; }

    // How a manual redaction gets its reason code and a phrase; dialogs by default, replaced
    // by the tests and the screenshot tool.
    using Ask = std::function<std::optional<QString>(const QString& question)>;
    void setReasonChooser(Ask ask) { ask_reason_ = std::move(ask); }
    void setPhraseChooser(Ask ask) { ask_phrase_ = std::move(ask); }

  signals:
    void closeRequested();
    void exportRequested();
    void message(const QString& text);

  private:
    QAction* addAction(const QString& name, const QString& text, const QKeySequence& key,
                       std::function<void()> run);
    void buildActions();
    void rebuildAll();
    void refreshRecordList();
    void refreshOverlays();
    void updateActions();
    void selectFinding(const QString& id);
    void decideCurrent(int verdict);
    void decideGroup(bool party);
    void redactBox(const Box& box);
    void redactPhrase();
    void redactSelection(const QString& text);
    void goToPage(int page);
    void showError(const QString& text);
    void guarded(const std::function<void()>& edit);

    PageCache* cache_;
    CaseSession* session_;
    QToolBar* toolbar_;
    QLabel* banner_;
    QListWidget* records_;
    QListView* thumbnails_;
    ThumbnailModel* thumbnail_model_;
    QStackedWidget* viewer_;
    QScrollArea* page_scroll_;
    PageView* page_view_;
    TextRecordView* text_view_;
    QLabel* page_label_;
    QTabWidget* side_;
    FindingsPanel* findings_;
    SafetyPanel* safety_;
    QProgressBar* progress_;
    QPushButton* cancel_scan_;
    QLabel* scan_label_;
    QString current_record_;
    Ask ask_reason_, ask_phrase_;
};

} // namespace safesar::gui
