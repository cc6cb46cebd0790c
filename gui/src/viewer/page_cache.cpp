#include "viewer/page_cache.hpp"

#include <poppler-qt6.h>

#include <QMetaObject>

#include <algorithm>
#include <iterator>
#include <set>

namespace safesar::gui {

namespace {

// Queued renders beyond this are dropped, least urgent and oldest first: the reader has moved
// on, and the thumbnail list asks again for what it shows.
constexpr std::size_t kMaxQueued = 32;

} // namespace

PageCache::PageCache(qint64 budget_bytes, QObject* parent)
    : QObject(parent), budget_(budget_bytes), worker_([this] { work(); }) {}

PageCache::~PageCache() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    wake_.notify_all();
    worker_.join();
}

std::unique_ptr<Poppler::Document> PageCache::open(const DocumentSource& doc,
                                                   QString* error) const {
    std::unique_ptr<Poppler::Document> d =
        doc.bytes.isEmpty()
            ? Poppler::Document::load(doc.path, doc.password, doc.password)
            : Poppler::Document::loadFromData(doc.bytes, doc.password, doc.password);
    if (!d) {
        *error = "cannot be opened as a PDF";
        return nullptr;
    }
    if (d->isLocked()) {
        *error = "is encrypted and the password does not open it";
        return nullptr;
    }
    d->setRenderHint(Poppler::Document::Antialiasing, true);
    d->setRenderHint(Poppler::Document::TextAntialiasing, true);
    return d;
}

QString PageCache::openError(const DocumentSource& doc) {
    pageCount(doc);
    auto it = open_errors_.find(doc.key());
    return it == open_errors_.end() ? QString() : it->second;
}

int PageCache::pageCount(const DocumentSource& doc) {
    const QString key = doc.key();
    auto it = ui_documents_.find(key);
    if (it == ui_documents_.end()) {
        QString error;
        std::shared_ptr<Poppler::Document> d = open(doc, &error);
        if (!d) open_errors_[key] = error;
        it = ui_documents_.emplace(key, std::move(d)).first;
    }
    return it->second ? it->second->numPages() : 0;
}

QSizeF PageCache::pageSizePoints(const DocumentSource& doc, int page) {
    if (page < 1 || page > pageCount(doc)) return {};
    const std::unique_ptr<Poppler::Page> p = ui_documents_[doc.key()]->page(page - 1);
    return p ? p->pageSizeF() : QSizeF();
}

QImage PageCache::page(const DocumentSource& doc, int page, int dpi, Priority priority) {
    const Key key{doc.key(), page, dpi};
    auto it = images_.find(key);
    if (it != images_.end()) {
        lru_.splice(lru_.begin(), lru_, it->second.second);
        return it->second.first;
    }
    enqueue({doc, page, dpi, priority});
    return {};
}

void PageCache::prefetch(const DocumentSource& doc, const std::vector<int>& pages, int dpi) {
    for (int p : pages)
        if (p >= 1 && p <= pageCount(doc) && !images_.count(Key{doc.key(), p, dpi}))
            enqueue({doc, p, dpi, Priority::Ahead});
}

void PageCache::enqueue(Job job) {
    {
        std::lock_guard lock(mutex_);
        const Key key{job.doc.key(), job.page, job.dpi};
        auto same = [&](const Job& j) { return Key{j.doc.key(), j.page, j.dpi} == key; };
        if (queued_.count(key)) {
            auto it = std::find_if(queue_.begin(), queue_.end(), same);
            if (it == queue_.end() || it->priority <= job.priority) return; // queued already
            queue_.erase(it); // asked for more urgently now: requeue it
        }
        queued_.insert(key);
        // The page on screen goes first of all (the newest first); others wait their turn
        // behind everything as urgent as they are.
        auto at = job.priority == Priority::Now
                      ? queue_.begin()
                      : std::find_if(queue_.begin(), queue_.end(),
                                     [&](const Job& j) { return j.priority > job.priority; });
        queue_.insert(at, std::move(job));
        while (queue_.size() > kMaxQueued) {
            // The least urgent, oldest: the last job of the lowest priority present.
            auto victim = std::prev(queue_.end());
            for (auto it = queue_.begin(); it != queue_.end(); ++it)
                if (it->priority == victim->priority) {
                    victim = it;
                    break;
                }
            if (victim->priority == Priority::Now) break;
            queued_.erase(Key{victim->doc.key(), victim->page, victim->dpi});
            queue_.erase(victim);
        }
    }
    wake_.notify_one();
}

void PageCache::store(const Key& key, const QImage& image) {
    if (images_.count(key)) return;
    lru_.push_front(key);
    images_.emplace(key, std::make_pair(image, lru_.begin()));
    bytes_held_ += image.sizeInBytes();
    // Keep at least the page just rendered, however small the budget.
    while (bytes_held_ > budget_ && lru_.size() > 1) {
        auto victim = images_.find(lru_.back());
        bytes_held_ -= victim->second.first.sizeInBytes();
        images_.erase(victim);
        lru_.pop_back();
    }
}

void PageCache::work() {
    // The render thread's own documents: Poppler documents are not shared across threads.
    std::map<QString, std::unique_ptr<Poppler::Document>> documents;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        const QString doc_key = job.doc.key();
        QString error;
        auto it = documents.find(doc_key);
        if (it == documents.end()) {
            if (documents.size() >= 4) documents.clear(); // a few open at most
            it = documents.emplace(doc_key, open(job.doc, &error)).first;
        }
        QImage image;
        if (it->second) {
            if (const std::unique_ptr<Poppler::Page> p = it->second->page(job.page - 1))
                image = p->renderToImage(job.dpi, job.dpi);
            if (image.isNull()) error = QString("page %1 cannot be rendered").arg(job.page);
        }
        const Key key{doc_key, job.page, job.dpi};
        QMetaObject::invokeMethod(
            this,
            [this, key, image, error] {
                {
                    std::lock_guard lock(mutex_);
                    queued_.erase(key);
                }
                const auto& [doc, page, dpi] = key;
                if (image.isNull()) {
                    emit failed(doc, page, error);
                    return;
                }
                store(key, image);
                emit pageReady(doc, page, dpi);
            },
            Qt::QueuedConnection);
    }
}

} // namespace safesar::gui
