// The OCR threads of the process: one per core, each keeping its Tesseract engines from page to
// page. Every reader sends its pages to the same threads, so OCR uses all the cores with no more
// engines (models and a page's working memory each) than cores, however many files are gathered
// at once.
#pragma once

#include "ocr.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <future>
#include <mutex>

namespace safesar {

class OcrPool {
  public:
    static OcrPool& shared();

    // Reads `image` on one of the pool's threads, within `seconds` (0: no limit); errors come
    // out of the future.
    std::future<OcrPage> submit(GrayImage image, int dpi, double seconds = 0);

    unsigned threads() const { return threads_; }
    // Processor time the pool's threads have spent reading pages since the process began,
    // summed over the threads (stage timings: OCR runs inside gathering, on several threads).
    double busy_seconds() const { return static_cast<double>(busy_ns_.load()) * 1e-9; }

    OcrPool(const OcrPool&) = delete;
    OcrPool& operator=(const OcrPool&) = delete;

  private:
    explicit OcrPool(unsigned threads);
    void work();

    unsigned threads_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::packaged_task<OcrPage()>> queue_;
    std::atomic<std::int64_t> busy_ns_{0};
};

} // namespace safesar
