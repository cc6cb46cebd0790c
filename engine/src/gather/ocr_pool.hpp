// The OCR threads of the process: one per core, each keeping its Tesseract engines from page to
// page. Every reader sends its pages to the same threads, so OCR uses all the cores with no more
// engines (about 100 MB each at 300 dpi) than cores, however many files are gathered at once.
#pragma once

#include "ocr.hpp"

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace safesar {

class OcrPool {
  public:
    static OcrPool& shared();

    // Reads `image` on one of the pool's threads; errors come out of the future.
    std::future<OcrPage> submit(GrayImage image, int dpi);
    unsigned threads() const { return static_cast<unsigned>(workers_.size()); }

    OcrPool(const OcrPool&) = delete;
    OcrPool& operator=(const OcrPool&) = delete;
    ~OcrPool();

  private:
    explicit OcrPool(unsigned threads);
    void work();

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::packaged_task<OcrPage()>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

} // namespace safesar
