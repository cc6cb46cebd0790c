// The review screen: records on the left, the page in the middle with every redaction drawn on
// it, the findings (and the safety summary) on the right; above, the request and where the
// review stands, the same words as the status line below. Keyboard first: every action has a
// key. In reading mode PgDn marks the page shown read and walks on through every page of every
// disclosed record.
#pragma once

#include "safesar/identity.hpp"

#include <QWidget>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

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
    explicit ReviewPage(PageCache* cache,
                        std::shared_ptr<const IdentityProvider> acting = os_account(),
                        QWidget* parent = nullptr);

    // Opens the case, shows its first record at once and starts the scan. Throws safesar::Error.
    void openCase(const std::filesystem::path& folder);

    CaseSession* session() const { return session_; }
    PageView* pageView() const { return page_view_; }
    TextRecordView* textView() const { return text_view_; }
    FindingsPanel* findings() const { return findings_; }
    SafetyPanel* safety() const { return safety_; }
    QListWidget* recordList() const { return records_; }
    QListView* thumbnails() const { return thumbnails_; }
    QToolBar* toolbar() const { return toolbar_; }
    QTabWidget* sideTabs() const { return side_; }
    QAction* action(const QString& name) const; // by objectName, for tests and menus

    void showRecord(const QString& name, int page = 1);
    QString currentRecord() const { return current_record_; }

    // Where the review stands, one line: the header above and the status line below show it.
    QString progressText() const;
    QString headerText() const;     // the header's text (request, reviewer, progress)
    QString statusLineText() const; // the status line's text
    QString othersText() const;     // what other reviewers are doing in the case, if anything
    QString readingText() const;    // the reading bar's, empty outside reading mode
    bool reading() const { return reading_; }
    int shownPage() const; // the page shown: a PDF's, or 1 for a text record

    // How a manual redaction gets its reason code and a phrase; dialogs by default, replaced
    // by the tests and the screenshot tool.
    using Ask = std::function<std::optional<QString>(const QString& question)>;
    void setReasonChooser(Ask ask) { ask_reason_ = std::move(ask); }
    void setPhraseChooser(Ask ask) { ask_phrase_ = std::move(ask); }
    // Why a record may be released to the requester (required in a perpetrator request).
    void setCommentChooser(Ask ask) { ask_comment_ = std::move(ask); }

    // Over the record shown when it is withheld in full or was decided: why, and the two
    // buttons that decide it.
    QLabel* recordBar() const { return record_bar_; }
    QPushButton* withholdButton() const { return withhold_button_; }
    QPushButton* releaseButton() const { return release_button_; }

  signals:
    void closeRequested();
    void exportRequested();
    void message(const QString& text);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    QAction* addAction(const QString& name, const QString& text, const QKeySequence& key,
                       std::function<void()> run);
    void buildActions();
    void rebuildAll();
    void refreshRecordList();
    void refreshOverlays();
    void updateActions();
    void updateProgress();
    void selectFinding(const QString& id);
    void selectManual(std::int64_t id);
    void decideCurrent(int verdict);
    void decideGroup(bool party);
    void redactBox(const Box& box);
    void redactPhrase();
    void redactSelection(const QString& text);
    void redactSelected(); // the text selected in the text view, or the words on the page
    void withdrawManual();
    void withholdRecord();
    void releaseRecord();
    void reopenRecord();
    void updateRecordBar();
    void changeManual();
    void goToPage(int page);
    void nextPage();
    // Reading mode: the pages of the disclosed records, in the record list's order.
    std::vector<std::pair<QString, int>> readingOrder() const;
    void startReading();
    void stopReading(const QString& why = {});
    void readOn(); // marks the page shown read and shows the next
    void showError(const QString& text);
    bool guarded(const std::function<void()>& edit); // false: refused, and said so

    PageCache* cache_;
    CaseSession* session_;
    QToolBar* toolbar_;
    QLabel* banner_;
    QLabel* header_;
    QListWidget* records_;
    QListView* thumbnails_;
    ThumbnailModel* thumbnail_model_;
    QStackedWidget* viewer_;
    QScrollArea* page_scroll_;
    PageView* page_view_;
    TextRecordView* text_view_;
    QLabel* reading_bar_;
    QWidget* record_panel_;
    QLabel* record_bar_;
    QPushButton* withhold_button_;
    QPushButton* release_button_;
    QPushButton* reopen_button_;
    QLabel* page_label_;
    QTabWidget* side_;
    FindingsPanel* findings_;
    SafetyPanel* safety_;
    QProgressBar* progress_;
    QPushButton* cancel_scan_;
    QLabel* scan_label_;
    QLabel* status_line_;
    QLabel* others_line_;
    QString current_record_;
    QString page_selection_; // words picked out on the page with Shift+drag
    QString due_;            // "due 8 Jul 2026 (12 working days left)"
    bool reading_ = false;
    Ask ask_reason_, ask_phrase_, ask_comment_;
};

} // namespace safesar::gui
