#include "export/bundle_preview.hpp"

#include "app/window_fit.hpp"

#include "viewer/page_view.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QVBoxLayout>

namespace safesar::gui {

BundlePreview::BundlePreview(const DocumentSource& bundle, PageCache* cache, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Preview: %1").arg(bundle.path));
    view_ = new PageView(cache);
    view_->setDrawingEnabled(false);
    scroll_ = new QScrollArea;
    scroll_->setWidget(view_);
    scroll_->setAlignment(Qt::AlignHCenter);
    label_ = new QLabel;
    auto* previous = new QPushButton(tr("◀ Previous page"));
    auto* next = new QPushButton(tr("Next page ▶"));
    auto* row = new QHBoxLayout;
    row->addWidget(previous);
    row->addWidget(label_, 1, Qt::AlignCenter);
    row->addWidget(next);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll_, 1);
    layout->addLayout(row);
    resize(760, 900);
    fit_dialog(this); // no taller than the screen
    view_->showPage(bundle, 1);
    go(1);
    connect(previous, &QPushButton::clicked, this, [this] { go(view_->page() - 1); });
    connect(next, &QPushButton::clicked, this, [this] { go(view_->page() + 1); });
    connect(new QShortcut(QKeySequence(Qt::Key_PageDown), this), &QShortcut::activated, this,
            [this] { go(view_->page() + 1); });
    connect(new QShortcut(QKeySequence(Qt::Key_PageUp), this), &QShortcut::activated, this,
            [this] { go(view_->page() - 1); });
}

void BundlePreview::go(int page) {
    if (page < 1 || page > view_->pageCount()) return;
    view_->showPage(view_->document(), page);
    label_->setText(tr("Page %1 of %2").arg(page).arg(view_->pageCount()));
}

} // namespace safesar::gui
