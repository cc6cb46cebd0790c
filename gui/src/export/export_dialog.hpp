// Export from the GUI: the options (draft or final, password, where), a progress bar, the
// verification result, and a preview of the bundle in the same page viewer. The export is the
// engine's export_reviewed_case (the records re-scanned, the review state applied, the bundle
// written and verified, the export audited), run on a worker thread; it can be cancelled and
// leaves nothing half-written. When verification finds redacted text still readable the dialog
// lists where, and offers to redact those occurrences and export again.
#pragma once

#include "safesar/case_export.hpp"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace safesar::gui {

class CaseSession;
class PageCache;

class ExportDialog : public QDialog {
    Q_OBJECT
  public:
    ExportDialog(CaseSession* session, PageCache* cache, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // For tests and the screenshot tool: the controls, and the last result.
    QRadioButton* draftButton() const { return draft_; }
    QRadioButton* finalButton() const { return final_; }
    QLineEdit* outDir() const { return out_dir_; }
    QLineEdit* password() const { return password_; }
    QLineEdit* passwordAgain() const { return password_again_; }
    QPushButton* exportButton() const { return export_; }
    QPushButton* previewButton() const { return preview_; }
    QPushButton* redactRemainingButton() const { return redact_remaining_; }
    QListWidget* leakList() const { return leak_list_; }
    QLabel* resultLabel() const { return result_; }
    bool running() const { return busy_; } // until the result is shown
    const ExportResult* lastResult() const { return last_ ? &last_->bundle : nullptr; }
    const CaseExport* lastExport() const { return last_.get(); }
    const std::vector<LeakFinding>& leaks() const { return leaks_; }

    void startExport();
    void cancelExport();
    void showPreview();
    // Redacts every remaining occurrence of the verifier's findings (manual redactions in the
    // review state, audited) and exports again.
    void redactRemainingAndExport();

  signals:
    void finished(bool ok);

  private:
    struct Outcome {
        std::shared_ptr<CaseExport> result;
        QString error;
        std::vector<LeakFinding> leaks;
    };
    void done();
    void showLeaks();
    void showProgress(ExportStage stage, int done, int total);

    CaseSession* session_;
    PageCache* cache_;
    QRadioButton *draft_, *final_;
    QLabel* blockers_;
    QLineEdit *out_dir_, *password_, *password_again_;
    QSpinBox* dpi_;
    QLabel* stage_;
    QProgressBar* progress_;
    QLabel* result_;
    QListWidget* leak_list_;
    QPushButton *export_, *cancel_, *preview_, *redact_remaining_;
    QFutureWatcher<Outcome> watcher_;
    std::atomic<bool> cancel_flag_{false};
    bool exporting_final_ = false, busy_ = false;
    QString password_used_;
    std::shared_ptr<CaseExport> last_;
    std::vector<LeakFinding> leaks_;
};

} // namespace safesar::gui
