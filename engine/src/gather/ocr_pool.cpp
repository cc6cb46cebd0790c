#include "ocr_pool.hpp"

#include <algorithm>
#include <ctime>
#include <thread>

namespace safesar {

OcrPool& OcrPool::shared() {
    // Made on first use and never destroyed: its threads wait for work until the process ends.
    // Joining them from a static destructor would destroy their Tesseract engines after
    // Tesseract's own statics (made later, on first use, so destroyed first).
    static OcrPool* pool = new OcrPool(std::max(1u, std::thread::hardware_concurrency()));
    return *pool;
}

OcrPool::OcrPool(unsigned threads) : threads_(threads) {
    for (unsigned i = 0; i < threads; ++i)
        std::thread([this] { work(); }).detach();
}

std::future<OcrPage> OcrPool::submit(GrayImage image, int dpi, double seconds) {
    std::packaged_task<OcrPage()> task(
        [image = std::move(image), dpi, seconds] { return ocr_image(image, dpi, seconds); });
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
            ready_.wait(lock, [this] { return !queue_.empty(); });
            task = std::move(queue_.front());
            queue_.pop_front();
        }
        timespec start{}, end{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
        task(); // an exception is stored in the task's future
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
        busy_ns_ += (end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
    }
}

} // namespace safesar
