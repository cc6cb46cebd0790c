// The findings of a case, grouped by whose data they are and by category, each with its state
// in words and the policy rule that proposed it. The reviewer walks it with the keyboard.
#pragma once

#include <QHash>
#include <QStandardItemModel>
#include <QWidget>

class QComboBox;
class QTextBrowser;
class QTreeView;

namespace safesar::gui {

class CaseSession;

class FindingsPanel : public QWidget {
    Q_OBJECT
  public:
    explicit FindingsPanel(CaseSession* session, QWidget* parent = nullptr);

    void rebuild();            // from the session; keeps the selection and what was expanded
    // Only these findings changed: their rows and their groups' counts are redrawn (a decision
    // on a case of tens of thousands of findings must not rebuild the list).
    void updateFindings(const QStringList& ids);
    QString currentId() const; // the selected finding, empty for a group
    void select(const QString& id);
    void step(int direction); // to the next (+1) or previous (-1) finding in the list
    QStringList idsOfCurrentCategory() const; // undecided proposals in the selected category
    QStringList idsOfCurrentParty() const;    // ... or party
    QTreeView* tree() const { return tree_; }
    int visibleFindings() const { return leaves_.size(); }

  signals:
    void findingSelected(const QString& id);

  private:
    QStringList idsUnder(const QStandardItem* group) const;
    QStandardItem* groupOfCurrent(int depth) const; // 0: party, 1: category
    void showDetails();

    CaseSession* session_;
    QComboBox* filter_;
    QTreeView* tree_;
    QTextBrowser* details_;
    QStandardItemModel model_;
    QList<QStandardItem*> leaves_;           // the finding rows, in list order
    QHash<QString, QStandardItem*> item_of_; // finding id -> its row
};

} // namespace safesar::gui
