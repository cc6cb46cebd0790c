// Pages of source PDFs rendered, burnt and compressed by a few worker threads, handed back in
// order. Only a small window of pages is in flight, so memory does not grow with the bundle.
#pragma once

#include "export/image_encoding.hpp"
#include "export/page_view.hpp"
#include "safesar/document.hpp"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace safesar::exporting {

struct RasterJob {
    const Record* record = nullptr;
    int page_index = 0;                 // 0-based
    double width_pt = 0, height_pt = 0; // the page as shown
    double dpi = 200;
    std::vector<BurnBox> burns;
};

struct RasterResult {
    EncodedImage image;
    double render_seconds = 0, encode_seconds = 0; // CPU time of the worker thread
};

class RasterPipeline {
  public:
    // A page that takes longer than `page_seconds` to draw comes out as an error (and its
    // drawing is given up, see time_limit.hpp).
    RasterPipeline(std::vector<RasterJob> jobs, int workers, double page_seconds);
    ~RasterPipeline(); // stops the workers; pages not taken are dropped
    RasterPipeline(const RasterPipeline&) = delete;
    RasterPipeline& operator=(const RasterPipeline&) = delete;

    // The next page in job order; blocks until it is ready. Rethrows a worker's exception.
    RasterResult next();

  private:
    struct Slot {
        std::optional<RasterResult> result;
        std::exception_ptr error;
    };
    void work();

    std::vector<RasterJob> jobs_;
    std::vector<Slot> slots_;
    std::size_t window_;
    double page_seconds_;
    std::size_t next_job_ = 0, next_out_ = 0;
    bool stop_ = false;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::thread> threads_;
};

} // namespace safesar::exporting
