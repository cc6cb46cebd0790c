// Export from the GUI: the options (draft or final, password, where), a progress bar, the
// verification result, and a preview of the bundle in the same page viewer. The export itself
// runs on a worker thread and can be cancelled; the engine leaves nothing half-written.
#pragma once

#include "safesar/export.hpp"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace safesar {
struct CaseScan;
}

namespace safesar::gui {

class CaseSession;
class PageCache;

class ExportDialog : public QDialog {
    Q_OBJECT
  public:
    ExportDialog(CaseSession* session, PageCache* cache, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // For tests and the screenshot tool: the controls, and the last result.
    QRadioButton* finalButton() const { return final_; }
    QLineEdit* outDir() const { return out_dir_; }
    QLineEdit* password() const { return password_; }
    QLineEdit* passwordAgain() const { return password_again_; }
    QPushButton* exportButton() const { return export_; }
    QPushButton* previewButton() const { return preview_; }
    QLabel* resultLabel() const { return result_; }
    bool running() const { return busy_; } // until the result is shown
    const ExportResult* lastResult() const { return last_.get(); }

    void startExport();
    void cancelExport();
    void showPreview();

  signals:
    void finished(bool ok);

  private:
    struct Outcome {
        std::shared_ptr<ExportResult> result;
        QString error;
    };
    void done();

    CaseSession* session_;
    PageCache* cache_;
    QRadioButton *draft_, *final_;
    QLabel* blockers_;
    QLineEdit *out_dir_, *password_, *password_again_;
    QSpinBox* dpi_;
    QProgressBar* progress_;
    QLabel* result_;
    QPushButton *export_, *cancel_, *preview_;
    QFutureWatcher<Outcome> watcher_;
    std::atomic<bool> cancel_flag_{false};
    std::shared_ptr<const CaseScan> scan_; // the disclosure points into it while exporting
    bool exporting_final_ = false, busy_ = false;
    std::int64_t version_ = 0;
    std::shared_ptr<ExportResult> last_;
};

} // namespace safesar::gui
