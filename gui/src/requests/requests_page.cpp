#include "requests/requests_page.hpp"

#include "requests/case_table_model.hpp"
#include "safesar/deadline.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace safesar::gui {

RequestsPage::RequestsPage(QWidget* parent) : QWidget(parent), model_(new CaseTableModel(this)) {
    title_ = new QLabel;
    title_->setTextFormat(Qt::PlainText);
    table_ = new QTableView;
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    table_->setAccessibleName(tr("Requests"));
    table_->setTabKeyNavigation(false);

    auto* open = new QPushButton(tr("&Open request"));
    auto* create = new QPushButton(tr("&New request…"));
    auto* refresh = new QPushButton(tr("Re&fresh"));
    auto* workspace = new QPushButton(tr("&Workspace…"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(create);
    buttons->addWidget(refresh);
    buttons->addStretch();
    buttons->addWidget(workspace);

    auto* legend = new QLabel(tr("Rows in red are overdue, in amber due within five working days; "
                                 "the \"Working days left\" column says the same in words."));
    legend->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(table_, 1);
    layout->addWidget(legend);
    layout->addLayout(buttons);

    connect(open, &QPushButton::clicked, this, &RequestsPage::openSelected);
    connect(table_, &QTableView::activated, this, &RequestsPage::openSelected);
    connect(create, &QPushButton::clicked, this, &RequestsPage::newCaseRequested);
    connect(refresh, &QPushButton::clicked, this, &RequestsPage::reload);
    connect(workspace, &QPushButton::clicked, this, &RequestsPage::chooseWorkspaceRequested);
}

void RequestsPage::setWorkspace(const std::filesystem::path& workspace) {
    model_->load(workspace, today());
    title_->setText(tr("Requests in %1").arg(QString::fromStdString(workspace.string())));
    table_->resizeColumnsToContents();
    if (model_->rowCount() > 0) table_->selectRow(0);
}

void RequestsPage::reload() {
    model_->reload();
    table_->resizeColumnsToContents();
}

void RequestsPage::openSelected() {
    const QModelIndex index = table_->currentIndex();
    if (!index.isValid()) return;
    emit openCase(model_->at(index.row()).folder);
}

} // namespace safesar::gui
