// The OCR threads of the process: one per core, each keeping its Tesseract engines from page to
// page. Every reader sends its pages to the same threads, so OCR uses all the cores with no more
// engines (models and a page's working memory each) than cores, however many files are gathered
// at once.
#pragma once

#include "ocr.hpp"

#include <condition_variable>
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

    OcrPool(const OcrPool&) = delete;
    OcrPool& operator=(const OcrPool&) = delete;

  private:
    explicit OcrPool(unsigned threads);
    void work();

    unsigned threads_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::packaged_task<OcrPage()>> queue_;
};

} // namespace safesar
