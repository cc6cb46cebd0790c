// The findings of a case, grouped by whose data they are (protected parties first, the
// requester's own last, in the same order under every filter) and by category, each with its
// state in words and the policy rule that proposed it; then the manual redactions. Findings of
// the same text at the same place are one row. The reviewer walks it with the keyboard.
#pragma once

#include <QHash>
#include <QStandardItemModel>
#include <QWidget>

#include <cstdint>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeView;

namespace safesar::gui {

class CaseSession;

class FindingsPanel : public QWidget {
    Q_OBJECT
  public:
    explicit FindingsPanel(CaseSession* session, QWidget* parent = nullptr);

    void rebuild(); // from the session; keeps the selection and what was expanded
    // Only these findings changed (none: manual redactions, risks, pages or sign-offs): their
    // rows and their groups' counts are redrawn, not the whole list (a decision on a case of
    // tens of thousands of findings must not rebuild it). Manual redactions are re-listed.
    void updateFindings(const QStringList& ids);

    QString currentId() const;      // the selected row's finding, empty for a group
    QStringList currentIds() const; // every finding of the selected row (same text, same place)
    bool currentDecidable() const;  // a finding row outside withheld records
    std::optional<std::int64_t> currentManual() const; // a manual redaction's row
    void select(const QString& id);                    // a finding, by any of its row's ids
    void selectManual(std::int64_t id);
    // To the next (+1) or previous (-1) finding that can be decided: group headings, findings
    // in withheld records and manual redactions are passed over.
    void step(int direction);
    QStringList idsOfCurrentCategory() const; // undecided proposals in the selected category
    QStringList idsOfCurrentParty() const;    // ... or party

    QTreeView* tree() const { return tree_; }
    QComboBox* filter() const { return filter_; }
    QCheckBox* leastSureFirst() const { return least_sure_; }
    int visibleFindings() const { return static_cast<int>(leaves_.size()); } // finding rows
    QString groupTitle(int row) const; // a top-level group's title, without its counts
    bool nothingLeftShown() const;     // the prompt to go on to the Safety tab

  signals:
    void findingSelected(const QString& id);
    void manualSelected(std::int64_t id);
    void safetyRequested();

  private:
    QStringList idsUnder(const QStandardItem* group) const;
    QStandardItem* groupOfCurrent(int depth) const; // 0: party, 1: category
    void fillManualGroup();
    void removeRow(QStandardItem* item);
    void updatePrompt();
    void showDetails();

    CaseSession* session_;
    QComboBox* filter_;
    QCheckBox* least_sure_; // within a category, the findings detection was least sure of first
    QTreeView* tree_;
    QTextBrowser* details_;
    QLabel* nothing_left_;
    QPushButton* go_to_safety_;
    QStandardItemModel model_;
    QList<QStandardItem*> leaves_;           // the finding rows, in list order
    QHash<QString, QStandardItem*> item_of_; // finding id -> its row (every id of a merged row)
    QStandardItem* manual_group_ = nullptr;
};

} // namespace safesar::gui
