#include "review/findings_panel.hpp"

#include "app/local_time.hpp"
#include "review/case_session.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <tuple>

namespace safesar::gui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;  // a finding row: its first finding's id
constexpr int kIdsRole = Qt::UserRole + 6; // ... every finding of the row
// A group row's counts and title, so one decision updates them without a recount.
constexpr int kTitleRole = Qt::UserRole + 2, kTotalRole = Qt::UserRole + 3,
              kOpenRole = Qt::UserRole + 4;
// A finding row's state when last drawn: to decide or not; decidable at all.
constexpr int kUndecidedRole = Qt::UserRole + 5, kDecidableRole = Qt::UserRole + 7;
constexpr int kManualRole = Qt::UserRole + 8; // a manual redaction's row: its id

void set_group_text(QStandardItem* group) {
    group->setText(QString("%1 — %2 (%3 to decide)")
                       .arg(group->data(kTitleRole).toString())
                       .arg(group->data(kTotalRole).toInt())
                       .arg(group->data(kOpenRole).toInt()));
}

enum Filter { ToDecide, Proposed, All };

QString status_words(const StoredFinding& f) {
    if (f.in_withheld_record) return QObject::tr("record withheld in full: nothing to decide");
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

// Where a finding's party stands in the list: protected parties (victims, then children) first,
// then the other listed parties by role, people nobody listed, the requester last; parties of
// one role in the order of the request. The same in every filter.
std::tuple<int, int, QString> party_rank(const StoredFinding& f, const Case& request) {
    if (f.owner == "subject") return {100, 0, owner_title(f)};
    if (f.owner == "unknown") return {90, 0, owner_title(f)};
    int index = 0;
    Role role = Role::Other;
    for (std::size_t i = 0; i < request.parties.size(); ++i)
        if (request.parties[i].name == f.owner_name) {
            index = static_cast<int>(i);
            role = request.parties[i].role;
            break;
        }
    return {static_cast<int>(role), index, owner_title(f)};
}

// The findings of one row: the same text at the same place. The first decides where it is
// listed; the row is undecided while any of them is.
struct Row {
    std::vector<const StoredFinding*> members;
    QStringList ids() const {
        QStringList out;
        for (const StoredFinding* f : members)
            out << QString::fromStdString(f->id);
        return out;
    }
    double least_sure() const {
        double c = 1;
        for (const StoredFinding* f : members)
            c = std::min(c, f->confidence);
        return c;
    }
    bool any(bool (*test)(const StoredFinding&)) const {
        return std::any_of(members.begin(), members.end(),
                           [&](const StoredFinding* f) { return test(*f); });
    }
};

bool awaits(const StoredFinding& f) {
    return f.awaits_decision();
}
bool decidable(const StoredFinding& f) {
    return f.decidable();
}

// A finding row: its text, state in words and place; colour as a second signal.
void fill_row(QStandardItem* item, const Row& row) {
    const StoredFinding& f = *row.members.front();
    // The widest text of the row says what it covers.
    const StoredFinding* widest = &f;
    for (const StoredFinding* m : row.members)
        if (m->end - m->begin > widest->end - widest->begin) widest = m;
    QStringList states;
    for (const StoredFinding* m : row.members)
        if (!states.contains(status_words(*m))) states << status_words(*m);
    const QString state = states.join(" / ");
    const QString where =
        QString::fromStdString(f.record) + ", " + QString::fromStdString(f.section);
    const QString found_as =
        row.members.size() > 1 ? QObject::tr("  ·  %1 findings here").arg(row.members.size()) : "";
    item->setText(QString("%1  ·  %2  ·  %3%4")
                      .arg(QString::fromStdString(widest->text).simplified().left(60), state, where,
                           found_as));
    item->setData(QString::fromStdString(f.id), kIdRole);
    item->setData(row.ids(), kIdsRole);
    item->setToolTip(QObject::tr("%1 (how sure: %2%)")
                         .arg(QString::fromStdString(f.rule))
                         .arg(qRound(row.least_sure() * 100)));
    const auto overlay = CaseSession::stateOf(f);
    item->setData(overlay ? overlay_colour(*overlay) : QColor(Qt::gray), Qt::DecorationRole);
    item->setData(QString::fromStdString(widest->text) + ", " + state + ", " + where,
                  Qt::AccessibleTextRole);
    item->setData(row.any(awaits), kUndecidedRole);
    item->setData(row.any(decidable), kDecidableRole);
    // Withheld: shown for the record, greyed, never stepped onto.
    item->setForeground(row.any(decidable) ? QBrush() : QBrush(Qt::gray));
}

QString manual_text(const ManualRedaction& m, const ReviewStatus& status) {
    const QString what = m.kind == ManualRedaction::Kind::Text
                             ? QObject::tr("“%1” in %2")
                                   .arg(QString::fromStdString(m.phrase).simplified().left(60),
                                        m.record.empty() ? QObject::tr("every record")
                                                         : QString::fromStdString(m.record))
                             : QObject::tr("area on page %1 of %2")
                                   .arg(m.page)
                                   .arg(QString::fromStdString(m.record));
    QString text = QObject::tr("M%1  ·  %2  ·  redact %3  ·  by %4, %5")
                       .arg(m.id)
                       .arg(what, QString::fromStdString(m.reason),
                            QString::fromStdString(status.who(m.reviewer)), local_time(m.at));
    if (m.withdrawn)
        text += QObject::tr("  ·  withdrawn by %1, %2")
                    .arg(QString::fromStdString(status.who(m.withdrawn_by)),
                         local_time(m.withdrawn_at));
    return text;
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
    least_sure_ = new QCheckBox(tr("&Least sure first"));
    least_sure_->setToolTip(
        tr("Within each category, list first the findings detection was least sure of: the "
           "guesses of the residue pass, which no rule recognised."));

    tree_ = new QTreeView;
    tree_->setModel(&model_);
    tree_->setHeaderHidden(true);
    tree_->setUniformRowHeights(true);
    tree_->setAccessibleName(tr("Findings"));
    tree_->setEditTriggers(QAbstractItemView::NoEditTriggers);

    nothing_left_ = new QLabel(
        tr("<b>Nothing left to decide.</b> Next, on the Safety tab: the open risks, reading "
           "every page, and the sign-off."));
    nothing_left_->setWordWrap(true);
    nothing_left_->setAccessibleName(tr("Nothing left to decide"));
    go_to_safety_ = new QPushButton(tr("Go to the Safety tab"));
    auto* prompt = new QHBoxLayout;
    prompt->addWidget(nothing_left_, 1);
    prompt->addWidget(go_to_safety_);
    nothing_left_->hide();
    go_to_safety_->hide();

    details_ = new QTextBrowser;
    details_->setAccessibleName(tr("Finding details"));
    details_->setMaximumHeight(170);

    auto* top = new QHBoxLayout;
    top->addWidget(filter_label);
    top->addWidget(filter_, 1);
    top->addWidget(least_sure_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(prompt);
    layout->addWidget(tree_, 1);
    layout->addWidget(details_);

    connect(go_to_safety_, &QPushButton::clicked, this, &FindingsPanel::safetyRequested);
    connect(filter_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(least_sure_, &QCheckBox::toggled, this, [this] { rebuild(); });
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        showDetails();
        const QString id = currentId();
        if (!id.isEmpty()) emit findingSelected(id);
        if (auto m = currentManual()) emit manualSelected(*m);
    });
}

QString FindingsPanel::groupTitle(int row) const {
    const QStandardItem* item = model_.item(row);
    return item ? item->data(kTitleRole).toString() : QString();
}

bool FindingsPanel::nothingLeftShown() const {
    return !nothing_left_->isHidden();
}

void FindingsPanel::rebuild() {
    const QString keep = currentId();
    const std::optional<std::int64_t> keep_manual = currentManual();
    QSet<QString> expanded;
    for (int i = 0; i < model_.rowCount(); ++i) {
        QStandardItem* party = model_.item(i);
        const QString pk = party->data(kTitleRole).toString();
        if (tree_->isExpanded(party->index())) expanded.insert(pk);
        for (int j = 0; j < party->rowCount(); ++j)
            if (tree_->isExpanded(party->child(j)->index()))
                expanded.insert(pk + "/" + party->child(j)->data(kTitleRole).toString());
    }
    const bool first_build = model_.rowCount() == 0;

    model_.clear();
    leaves_.clear();
    item_of_.clear();
    manual_group_ = nullptr;
    const std::vector<StoredFinding>& findings = session_->findings();
    const Case& request = session_->request();
    // party -> category -> rows; parties in the one order every filter shares.
    using PartyKey = std::tuple<int, int, QString>;
    std::map<PartyKey, std::map<QString, std::vector<Row>>> groups;
    for (const std::vector<std::size_t>& same : same_place_groups(findings)) {
        Row row;
        for (std::size_t i : same)
            if (findings[i].status != FindingStatus::Gone) row.members.push_back(&findings[i]);
        if (row.members.empty()) continue;
        const bool listed =
            std::any_of(row.members.begin(), row.members.end(), [&](const StoredFinding* f) {
                return passes(*f, filter_->currentIndex());
            });
        if (!listed) continue;
        // Listed where its most protected finding's party is.
        std::stable_sort(row.members.begin(), row.members.end(),
                         [&](const StoredFinding* a, const StoredFinding* b) {
                             return party_rank(*a, request) < party_rank(*b, request);
                         });
        const StoredFinding& lead = *row.members.front();
        groups[party_rank(lead, request)][QString::fromStdString(lead.category)].push_back(
            std::move(row));
    }
    if (least_sure_->isChecked())
        for (auto& [key, categories] : groups)
            for (auto& [category, rows] : categories)
                std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
                    return a.least_sure() < b.least_sure();
                });
    for (auto& [key, categories] : groups) {
        const QString party = std::get<2>(key);
        int total = 0, open = 0;
        auto* party_item = new QStandardItem;
        for (auto& [category, rows] : categories) {
            int cat_open = 0;
            auto* cat_item = new QStandardItem;
            for (const Row& row : rows) {
                auto* item = new QStandardItem;
                fill_row(item, row);
                cat_open += item->data(kUndecidedRole).toBool();
                cat_item->appendRow(item);
                leaves_.append(item);
                for (const QString& id : row.ids())
                    item_of_.insert(id, item);
            }
            cat_item->setData(category, kTitleRole);
            cat_item->setData(static_cast<int>(rows.size()), kTotalRole);
            cat_item->setData(cat_open, kOpenRole);
            set_group_text(cat_item);
            party_item->appendRow(cat_item);
            total += static_cast<int>(rows.size());
            open += cat_open;
        }
        party_item->setData(party, kTitleRole);
        party_item->setData(total, kTotalRole);
        party_item->setData(open, kOpenRole);
        set_group_text(party_item);
        model_.appendRow(party_item);
    }
    fillManualGroup();
    // Restore what was open; on the first build open everything but the requester's own.
    for (int i = 0; i < model_.rowCount(); ++i) {
        QStandardItem* party = model_.item(i);
        const QString pk = party->data(kTitleRole).toString();
        const bool open_party =
            first_build ? !pk.startsWith(tr("The requester")) : expanded.contains(pk);
        tree_->setExpanded(party->index(), open_party || party == manual_group_);
        for (int j = 0; j < party->rowCount(); ++j)
            tree_->setExpanded(
                party->child(j)->index(),
                first_build
                    ? open_party
                    : expanded.contains(pk + "/" + party->child(j)->data(kTitleRole).toString()));
    }
    if (!keep.isEmpty()) select(keep);
    if (keep_manual) selectManual(*keep_manual);
    updatePrompt();
    showDetails();
}

// The manual redactions in force (under "All findings", withdrawn ones too, struck through).
void FindingsPanel::fillManualGroup() {
    const std::optional<std::int64_t> keep = currentManual();
    if (manual_group_) {
        model_.removeRow(manual_group_->row());
        manual_group_ = nullptr;
    }
    const ReviewStatus& status = session_->status();
    QList<QStandardItem*> rows;
    for (const ManualRedaction& m : session_->manualRedactions()) {
        if (m.withdrawn && filter_->currentIndex() != All) continue;
        auto* item = new QStandardItem(manual_text(m, status));
        item->setData(static_cast<qlonglong>(m.id), kManualRole);
        item->setData(overlay_colour(OverlayState::Manual), Qt::DecorationRole);
        if (m.withdrawn) {
            QFont struck = item->font();
            struck.setStrikeOut(true);
            item->setFont(struck);
            item->setForeground(QBrush(Qt::gray));
        }
        rows << item;
    }
    if (rows.isEmpty()) return; // empty groups are not shown
    manual_group_ = new QStandardItem(tr("Manual redactions — %1").arg(rows.size()));
    manual_group_->setData(tr("Manual redactions"), kTitleRole);
    for (QStandardItem* r : rows)
        manual_group_->appendRow(r);
    model_.appendRow(manual_group_);
    tree_->setExpanded(manual_group_->index(), true);
    if (keep) selectManual(*keep);
}

void FindingsPanel::removeRow(QStandardItem* item) {
    QStandardItem* category = item->parent();
    if (!category) return;
    for (const QString& id : item->data(kIdsRole).toStringList())
        item_of_.remove(id);
    leaves_.removeOne(item);
    QStandardItem* party = category->parent();
    category->removeRow(item->row());
    // Empty groups are not shown.
    if (category->rowCount() == 0 && party) party->removeRow(category->row());
    if (party && party->rowCount() == 0) model_.removeRow(party->row());
}

void FindingsPanel::updateFindings(const QStringList& ids) {
    const bool to_decide_only = filter_->currentIndex() == ToDecide;
    // The rows these findings are on, each once, and where the selection should go if its row
    // leaves the list: the next finding to decide.
    QList<QStandardItem*> rows;
    for (const QString& id : ids)
        if (QStandardItem* item = item_of_.value(id); item && !rows.contains(item)) rows << item;
    QStandardItem* current = model_.itemFromIndex(tree_->currentIndex());
    QStandardItem* next_current = nullptr;
    for (QStandardItem* item : rows) {
        Row row;
        for (const QString& id : item->data(kIdsRole).toStringList())
            if (const StoredFinding* f = session_->finding(id)) row.members.push_back(f);
        if (row.members.empty()) continue;
        QStandardItem* category = item->parent();
        QStandardItem* party = category ? category->parent() : nullptr;
        const bool was_open = item->data(kUndecidedRole).toBool();
        const bool now_open = row.any(awaits);
        const bool drop = to_decide_only && !now_open;
        for (QStandardItem* group : {category, party}) {
            if (!group) continue;
            group->setData(group->data(kOpenRole).toInt() + int(now_open) - int(was_open),
                           kOpenRole);
            if (drop) group->setData(group->data(kTotalRole).toInt() - 1, kTotalRole);
            set_group_text(group);
        }
        if (!drop) {
            fill_row(item, row);
            continue;
        }
        // Decided: no longer "still to decide".
        if (item == current || item == next_current) {
            const int at = static_cast<int>(leaves_.indexOf(item));
            next_current = nullptr;
            for (int i = at + 1; i < leaves_.size() && !next_current; ++i)
                if (!rows.contains(leaves_[i]) && leaves_[i]->data(kDecidableRole).toBool())
                    next_current = leaves_[i];
            for (int i = at - 1; i >= 0 && !next_current; --i)
                if (!rows.contains(leaves_[i]) && leaves_[i]->data(kDecidableRole).toBool())
                    next_current = leaves_[i];
        }
        removeRow(item);
    }
    if (next_current) {
        tree_->setCurrentIndex(next_current->index());
        tree_->scrollTo(next_current->index());
    }
    if (ids.isEmpty()) fillManualGroup();
    updatePrompt();
    showDetails();
}

void FindingsPanel::updatePrompt() {
    const bool done = session_->scan() && session_->status().undecided == 0;
    nothing_left_->setVisible(done);
    go_to_safety_->setVisible(done);
}

QString FindingsPanel::currentId() const {
    return tree_->currentIndex().data(kIdRole).toString();
}

QStringList FindingsPanel::currentIds() const {
    return tree_->currentIndex().data(kIdsRole).toStringList();
}

bool FindingsPanel::currentDecidable() const {
    return tree_->currentIndex().data(kDecidableRole).toBool();
}

std::optional<std::int64_t> FindingsPanel::currentManual() const {
    const QVariant v = tree_->currentIndex().data(kManualRole);
    if (!v.isValid()) return std::nullopt;
    return v.toLongLong();
}

void FindingsPanel::select(const QString& id) {
    if (QStandardItem* leaf = item_of_.value(id)) {
        tree_->setCurrentIndex(leaf->index());
        tree_->scrollTo(leaf->index());
    }
}

void FindingsPanel::selectManual(std::int64_t id) {
    if (!manual_group_) return;
    for (int i = 0; i < manual_group_->rowCount(); ++i)
        if (manual_group_->child(i)->data(kManualRole).toLongLong() == id) {
            tree_->setCurrentIndex(manual_group_->child(i)->index());
            tree_->scrollTo(manual_group_->child(i)->index());
        }
}

void FindingsPanel::step(int direction) {
    if (leaves_.isEmpty()) return;
    QStandardItem* current = model_.itemFromIndex(tree_->currentIndex());
    int at = static_cast<int>(leaves_.indexOf(current));
    if (at < 0) {
        // On a group: its first finding going down, the one before it going up; on a manual
        // redaction (listed last): the last finding going up.
        at = direction > 0 ? -1 : static_cast<int>(leaves_.size());
        for (int i = 0; current && i < leaves_.size(); ++i) {
            const QStandardItem* p = leaves_[i]->parent();
            if (p == current || (p && p->parent() == current)) {
                at = direction > 0 ? i - 1 : i;
                break;
            }
        }
        if (current && current->data(kManualRole).isValid())
            at = direction > 0 ? static_cast<int>(leaves_.size()) : at;
    }
    for (int i = at + direction; i >= 0 && i < leaves_.size(); i += direction)
        if (leaves_[i]->data(kDecidableRole).toBool()) {
            tree_->setCurrentIndex(leaves_[i]->index());
            tree_->scrollTo(leaves_[i]->index());
            return;
        }
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
    std::vector<StoredFinding> listed;
    for (QStandardItem* leaf : leaves_) {
        bool under = false;
        for (const QStandardItem* p = leaf->parent(); p; p = p->parent())
            under |= p == group;
        if (!under) continue;
        for (const QString& id : leaf->data(kIdsRole).toStringList())
            if (const StoredFinding* f = session_->finding(id)) listed.push_back(*f);
    }
    // What a sweep approves among them is the engine's rule, the same as the CLI's.
    for (const std::string& id : bulk_approval(listed))
        out << QString::fromStdString(id);
    return out;
}

QStringList FindingsPanel::idsOfCurrentCategory() const {
    return idsUnder(groupOfCurrent(1));
}
QStringList FindingsPanel::idsOfCurrentParty() const {
    return idsUnder(groupOfCurrent(0));
}

void FindingsPanel::showDetails() {
    auto esc = [](const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); };
    const ReviewStatus& status = session_->status();
    if (const auto id = currentManual()) {
        for (const ManualRedaction& m : session_->manualRedactions())
            if (m.id == *id)
                details_->setHtml(manual_text(m, status).toHtmlEscaped() +
                                  tr("<br>Delete withdraws it; F2 changes its text or reason. "
                                     "Either is recorded, and Ctrl+Z undoes it."));
        return;
    }
    const QStringList ids = currentIds();
    const StoredFinding* f = session_->finding(currentId());
    if (!f) {
        details_->setPlainText(
            tr("Select a finding to see why it was found and what the policy proposes.\n"
               "Keys: N/P next and previous, A approve, R reject, U undecide, "
               "Shift+A approve the category, Ctrl+Shift+A approve the party."));
        return;
    }
    QString html = QString("<b>%1</b> — %2<br>").arg(esc(f->text), esc(f->category));
    html += tr("Whose: %1<br>").arg(owner_title(*f).toHtmlEscaped());
    html += tr("Where: %1, %2<br>").arg(esc(f->record), esc(f->section));
    html += tr("State: <b>%1</b>%2<br>")
                .arg(status_words(*f).toHtmlEscaped(),
                     f->reopened ? tr(" (reopened: the policy's proposal changed)") : QString());
    html += tr("Found because: %1<br>").arg(esc(f->rule));
    html += tr("How sure: %1%").arg(qRound(f->confidence * 100));
    if (f->recogniser.rfind("residue", 0) == 0)
        html += tr(" — a guess of the residue pass: no rule recognised it, so it is not "
                   "disclosed until you decide");
    html += "<br>";
    for (const QString& other : ids.mid(1))
        if (const StoredFinding* g = session_->finding(other))
            html += tr("Also found as %1 (%2), by: %3<br>")
                        .arg(esc(g->category), owner_title(*g).toHtmlEscaped(), esc(g->rule));
    html += tr("Policy: %1<br>").arg(esc(f->policy_line));
    if (!f->decided_by.empty())
        html += tr("Decided by %1, %2<br>")
                    .arg(esc(status.who(f->decided_by)), local_time(f->decided_at).toHtmlEscaped());
    details_->setHtml(html);
}

} // namespace safesar::gui
