#include "review/findings_panel.hpp"

#include "review/case_session.hpp"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include <map>

namespace safesar::gui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
// A group row's counts and title, so one decision updates them without a recount.
constexpr int kTitleRole = Qt::UserRole + 2, kTotalRole = Qt::UserRole + 3,
              kOpenRole = Qt::UserRole + 4;
// A finding row's state when last drawn: to decide or not.
constexpr int kUndecidedRole = Qt::UserRole + 5;

void set_group_text(QStandardItem* group) {
    group->setText(QString("%1 — %2 (%3 to decide)")
                       .arg(group->data(kTitleRole).toString())
                       .arg(group->data(kTotalRole).toInt())
                       .arg(group->data(kOpenRole).toInt()));
}

enum Filter { ToDecide, Proposed, All };

QString status_words(const StoredFinding& f) {
    if (f.in_withheld_record) return QObject::tr("record withheld");
    switch (f.status) {
    case FindingStatus::New:
    case FindingStatus::Open:
        return f.proposes_redaction()
                   ? QObject::tr("to decide: redact %1").arg(QString::fromStdString(f.reason))
                   : QObject::tr("kept (requester's own or disclosable)");
    case FindingStatus::Approved:
        return f.proposes_redaction()
                   ? QObject::tr("approved: redact %1").arg(QString::fromStdString(f.reason))
                   : QObject::tr("approved: keep");
    case FindingStatus::Rejected:
        return QObject::tr("rejected: kept");
    case FindingStatus::Changed:
        return QObject::tr("redact changed span");
    case FindingStatus::Gone:
        return QObject::tr("gone");
    }
    return {};
}

bool passes(const StoredFinding& f, int filter) {
    if (f.status == FindingStatus::Gone) return false;
    switch (filter) {
    case ToDecide:
        return f.awaits_decision();
    case Proposed:
        return f.proposes_redaction() || f.status == FindingStatus::Changed;
    default:
        return true;
    }
}

QString owner_title(const StoredFinding& f) {
    if (f.owner == "subject") return QObject::tr("The requester (own data)");
    if (f.owner == "unknown") return QObject::tr("People not listed in the request");
    return QString::fromStdString(f.owner_name) + " (" + QString::fromStdString(f.owner) + ")";
}

// A finding's row: its text, state in words and place; colour as a second signal.
void fill_row(QStandardItem* item, const StoredFinding& f) {
    const QString where =
        QString::fromStdString(f.record) + ", " + QString::fromStdString(f.section);
    item->setText(
        QString("%1  ·  %2  ·  %3")
            .arg(QString::fromStdString(f.text).simplified().left(60), status_words(f), where));
    item->setData(QString::fromStdString(f.id), kIdRole);
    item->setToolTip(QString::fromStdString(f.rule));
    const auto state = CaseSession::stateOf(f);
    item->setData(state ? overlay_colour(*state) : QColor(Qt::gray), Qt::DecorationRole);
    item->setData(QString::fromStdString(f.text) + ", " + status_words(f) + ", " + where,
                  Qt::AccessibleTextRole);
    item->setData(passes(f, ToDecide), kUndecidedRole);
}

} // namespace

FindingsPanel::FindingsPanel(CaseSession* session, QWidget* parent)
    : QWidget(parent), session_(session) {
    filter_ = new QComboBox;
    filter_->addItems({tr("Still to decide"), tr("All proposed redactions"), tr("All findings")});
    filter_->setCurrentIndex(Proposed);
    filter_->setAccessibleName(tr("Which findings to list"));
    auto* filter_label = new QLabel(tr("&Show:"));
    filter_label->setBuddy(filter_);

    tree_ = new QTreeView;
    tree_->setModel(&model_);
    tree_->setHeaderHidden(true);
    tree_->setUniformRowHeights(true);
    tree_->setAccessibleName(tr("Findings"));
    tree_->setEditTriggers(QAbstractItemView::NoEditTriggers);

    details_ = new QTextBrowser;
    details_->setAccessibleName(tr("Finding details"));
    details_->setMaximumHeight(190);

    auto* top = new QHBoxLayout;
    top->addWidget(filter_label);
    top->addWidget(filter_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(tree_, 1);
    layout->addWidget(details_);

    connect(filter_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        showDetails();
        const QString id = currentId();
        if (!id.isEmpty()) emit findingSelected(id);
    });
}

void FindingsPanel::rebuild() {
    const QString keep = currentId();
    QSet<QString> expanded;
    for (int i = 0; i < model_.rowCount(); ++i) {
        QStandardItem* party = model_.item(i);
        if (tree_->isExpanded(party->index())) expanded.insert(party->text().section(" — ", 0, 0));
        for (int j = 0; j < party->rowCount(); ++j)
            if (tree_->isExpanded(party->child(j)->index()))
                expanded.insert(party->text().section(" — ", 0, 0) + "/" +
                                party->child(j)->text().section(" — ", 0, 0));
    }
    const bool first_build = model_.rowCount() == 0;

    model_.clear();
    leaves_.clear();
    item_of_.clear();
    // party title -> category -> findings, parties in order of first appearance
    std::vector<QString> party_order;
    std::map<QString, std::map<QString, std::vector<const StoredFinding*>>> groups;
    for (const StoredFinding& f : session_->findings()) {
        if (!passes(f, filter_->currentIndex())) continue;
        const QString party = owner_title(f);
        if (!groups.count(party)) party_order.push_back(party);
        groups[party][QString::fromStdString(f.category)].push_back(&f);
    }
    // Third parties first, the requester's own data last.
    std::stable_partition(party_order.begin(), party_order.end(), [](const QString& p) {
        return !p.startsWith(QObject::tr("The requester"));
    });
    for (const QString& party : party_order) {
        int total = 0, open = 0;
        auto* party_item = new QStandardItem;
        for (auto& [category, list] : groups[party]) {
            int cat_open = 0;
            auto* cat_item = new QStandardItem;
            for (const StoredFinding* f : list) {
                cat_open += passes(*f, ToDecide);
                auto* item = new QStandardItem;
                fill_row(item, *f);
                cat_item->appendRow(item);
                leaves_.append(item);
                item_of_.insert(QString::fromStdString(f->id), item);
            }
            cat_item->setData(category, kTitleRole);
            cat_item->setData(static_cast<int>(list.size()), kTotalRole);
            cat_item->setData(cat_open, kOpenRole);
            set_group_text(cat_item);
            party_item->appendRow(cat_item);
            total += static_cast<int>(list.size());
            open += cat_open;
        }
        party_item->setData(party, kTitleRole);
        party_item->setData(total, kTotalRole);
        party_item->setData(open, kOpenRole);
        set_group_text(party_item);
        model_.appendRow(party_item);
    }
    // Restore what was open; on the first build open everything but the requester's own.
    for (int i = 0; i < model_.rowCount(); ++i) {
        QStandardItem* party = model_.item(i);
        const QString pk = party->text().section(" — ", 0, 0);
        const bool open_party =
            first_build ? !pk.startsWith(tr("The requester")) : expanded.contains(pk);
        tree_->setExpanded(party->index(), open_party);
        for (int j = 0; j < party->rowCount(); ++j)
            tree_->setExpanded(
                party->child(j)->index(),
                first_build
                    ? open_party
                    : expanded.contains(pk + "/" + party->child(j)->text().section(" — ", 0, 0)));
    }
    if (!keep.isEmpty()) select(keep);
    showDetails();
}

void FindingsPanel::updateFindings(const QStringList& ids) {
    const bool to_decide_only = filter_->currentIndex() == ToDecide;
    for (const QString& id : ids) {
        QStandardItem* item = item_of_.value(id);
        const StoredFinding* f = session_->finding(id);
        if (!item || !f) continue; // not listed under this filter
        QStandardItem* category = item->parent();
        QStandardItem* party = category ? category->parent() : nullptr;
        const bool was_open = item->data(kUndecidedRole).toBool();
        const bool now_open = passes(*f, ToDecide);
        const bool drop = to_decide_only && !now_open;
        for (QStandardItem* group : {category, party}) {
            if (!group) continue;
            group->setData(group->data(kOpenRole).toInt() + int(now_open) - int(was_open),
                           kOpenRole);
            if (drop) group->setData(group->data(kTotalRole).toInt() - 1, kTotalRole);
            set_group_text(group);
        }
        if (drop && category) {
            // Decided: no longer "still to decide".
            leaves_.removeOne(item);
            item_of_.remove(id);
            category->removeRow(item->row());
        } else {
            fill_row(item, *f);
        }
    }
    showDetails();
}

QString FindingsPanel::currentId() const {
    return tree_->currentIndex().data(kIdRole).toString();
}

void FindingsPanel::select(const QString& id) {
    if (QStandardItem* leaf = item_of_.value(id)) {
        tree_->setCurrentIndex(leaf->index());
        tree_->scrollTo(leaf->index());
    }
}

void FindingsPanel::step(int direction) {
    if (leaves_.isEmpty()) return;
    const QModelIndex current = tree_->currentIndex();
    int at = static_cast<int>(leaves_.indexOf(model_.itemFromIndex(current)));
    if (at < 0) {
        // On a group: its first finding going down, the one before it going up.
        at = direction > 0 ? -1 : static_cast<int>(leaves_.size());
        if (QStandardItem* g = model_.itemFromIndex(current))
            for (int i = 0; i < leaves_.size(); ++i) {
                const QStandardItem* p = leaves_[i]->parent();
                if (p == g || (p && p->parent() == g)) {
                    at = direction > 0 ? i - 1 : i;
                    break;
                }
            }
    }
    const int next = std::clamp(at + direction, 0, static_cast<int>(leaves_.size()) - 1);
    tree_->setCurrentIndex(leaves_[next]->index());
    tree_->scrollTo(leaves_[next]->index());
}

QStandardItem* FindingsPanel::groupOfCurrent(int depth) const {
    QStandardItem* item = model_.itemFromIndex(tree_->currentIndex());
    std::vector<QStandardItem*> chain;
    for (QStandardItem* i = item; i; i = i->parent())
        chain.insert(chain.begin(), i);
    return static_cast<int>(chain.size()) > depth ? chain[static_cast<std::size_t>(depth)]
                                                  : nullptr;
}

QStringList FindingsPanel::idsUnder(const QStandardItem* group) const {
    QStringList out;
    if (!group) return out;
    for (QStandardItem* leaf : leaves_) {
        bool under = false;
        for (const QStandardItem* p = leaf->parent(); p; p = p->parent())
            under |= p == group;
        const QString id = leaf->data(kIdRole).toString();
        const StoredFinding* f = session_->finding(id);
        if (under && f && passes(*f, ToDecide)) out << id;
    }
    return out;
}

QStringList FindingsPanel::idsOfCurrentCategory() const {
    return idsUnder(groupOfCurrent(1));
}
QStringList FindingsPanel::idsOfCurrentParty() const {
    return idsUnder(groupOfCurrent(0));
}

void FindingsPanel::showDetails() {
    const StoredFinding* f = session_->finding(currentId());
    if (!f) {
        details_->setPlainText(
            tr("Select a finding to see why it was found and what the policy proposes.\n"
               "Keys: N/P next and previous, A approve, R reject, U undecide, "
               "Shift+A approve the category, Ctrl+Shift+A approve the party."));
        return;
    }
    auto esc = [](const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); };
    QString html = QString("<b>%1</b> — %2<br>").arg(esc(f->text), esc(f->category));
    html += tr("Whose: %1<br>").arg(owner_title(*f).toHtmlEscaped());
    html += tr("Where: %1, %2<br>").arg(esc(f->record), esc(f->section));
    html += tr("State: <b>%1</b>%2<br>")
                .arg(status_words(*f).toHtmlEscaped(),
                     f->reopened ? tr(" (reopened: the policy's proposal changed)") : QString());
    html += tr("Found because: %1<br>").arg(esc(f->rule));
    html += tr("Policy: %1<br>").arg(esc(f->policy_line));
    if (!f->decided_by.empty())
        html += tr("Decided by %1 at %2<br>").arg(esc(f->decided_by), esc(f->decided_at));
    details_->setHtml(html);
}

} // namespace safesar::gui
