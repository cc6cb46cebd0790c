// Rendered pages, shared by the page view, the thumbnails and the bundle preview. Pages are
// rendered by Poppler on one thread of their own, newest request first, so the window never
// waits on a render; the cache is bounded in bytes and drops the least recently used page.
#pragma once

#include "viewer/document_source.hpp"

#include <QImage>
#include <QObject>
#include <QSizeF>

#include <condition_variable>
#include <deque>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

namespace Poppler {
class Document;
}

namespace safesar::gui {

class PageCache : public QObject {
    Q_OBJECT
  public:
    // What a render is for, most urgent first: the page on screen, the pages likely next, the
    // thumbnails. Thumbnails never hold up the page a reviewer is waiting for.
    enum class Priority { Now, Ahead, Thumbnail };

    explicit PageCache(qint64 budget_bytes = 192ll << 20, QObject* parent = nullptr);
    ~PageCache() override;

    // The page (1-based) rendered at `dpi`, or a null image, in which case it is queued and
    // pageReady follows. A null image also comes back for a page that cannot be rendered
    // (failed says why).
    QImage page(const DocumentSource& doc, int page, int dpi, Priority priority = Priority::Now);
    // Queue pages likely to be wanted next (behind anything asked for with page()).
    void prefetch(const DocumentSource& doc, const std::vector<int>& pages, int dpi);

    // Opened on the calling (UI) thread: Poppler loads lazily, so this is quick.
    int pageCount(const DocumentSource& doc);
    QSizeF pageSizePoints(const DocumentSource& doc, int page);
    QString openError(const DocumentSource& doc); // empty when the document opens

    qint64 bytesHeld() const { return bytes_held_; }
    int pagesHeld() const { return static_cast<int>(lru_.size()); }

  signals:
    void pageReady(const QString& doc_key, int page, int dpi);
    void failed(const QString& doc_key, int page, const QString& reason);

  private:
    struct Job {
        DocumentSource doc;
        int page = 0, dpi = 0;
        Priority priority = Priority::Now;
    };
    using Key = std::tuple<QString, int, int>; // document, page, dpi

    void store(const Key& key, const QImage& image);
    void enqueue(Job job);
    void work();
    std::unique_ptr<Poppler::Document> open(const DocumentSource& doc, QString* error) const;

    // UI thread: the images and their use order.
    qint64 budget_, bytes_held_ = 0;
    std::list<Key> lru_; // most recent first
    std::map<Key, std::pair<QImage, std::list<Key>::iterator>> images_;
    std::map<QString, std::shared_ptr<Poppler::Document>> ui_documents_;
    std::map<QString, QString> open_errors_;

    // Shared with the render thread.
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    std::set<Key> queued_;
    bool stopping_ = false;
    std::thread worker_;
};

} // namespace safesar::gui
