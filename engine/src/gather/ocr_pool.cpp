#include "ocr_pool.hpp"

#include <algorithm>

namespace safesar {

OcrPool& OcrPool::shared() {
    // Started on first use; stopped (threads joined) when the program ends, before Tesseract's
    // own statics, which were made first, are destroyed.
    static OcrPool pool(std::max(1u, std::thread::hardware_concurrency()));
    return pool;
}

OcrPool::OcrPool(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
}

OcrPool::~OcrPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : workers_) t.join();
}

std::future<OcrPage> OcrPool::submit(GrayImage image, int dpi) {
    std::packaged_task<OcrPage()> task(
        [image = std::move(image), dpi] { return ocr_image(image, dpi); });
    std::future<OcrPage> result = task.get_future();
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(task));
    }
    ready_.notify_one();
    return result;
}

void OcrPool::work() {
    for (;;) {
        std::packaged_task<OcrPage()> task;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return; // stopping, nothing left
            task = std::move(queue_.front());
            queue_.pop_front();
        }
        task(); // an exception is stored in the task's future
    }
}

} // namespace safesar
