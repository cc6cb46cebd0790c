#include "export/raster_pipeline.hpp"

#include "export/image_page.hpp"
#include "export/page_raster.hpp"
#include "export/poppler.hpp"
#include "export/source_pdf.hpp"
#include "safesar/errors.hpp"
#include "safesar/time_limit.hpp"

#include <cmath>
#include <ctime>

namespace safesar::exporting {

namespace {
// CPU time of the calling thread: what a page costs, whatever else the machine is doing.
double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}
} // namespace

RasterPipeline::RasterPipeline(std::vector<RasterJob> jobs, int workers, double page_seconds)
    : jobs_(std::move(jobs)), slots_(jobs_.size()), page_seconds_(page_seconds) {
    std::size_t n = static_cast<std::size_t>(std::max(1, workers));
    n = std::min(n, std::max<std::size_t>(1, jobs_.size()));
    window_ = 2 * n; // pages rendered ahead of the writer
    if (jobs_.empty()) return;
    for (std::size_t i = 0; i < n; ++i)
        threads_.emplace_back([this] { work(); });
}

RasterPipeline::~RasterPipeline() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    for (std::thread& t : threads_)
        t.join();
}

void RasterPipeline::work() {
    // Each worker opens its own copy of a source document: Poppler documents are not shared
    // between threads.
    const Record* open_record = nullptr;
    std::shared_ptr<poppler::document> doc;
    for (;;) {
        std::size_t index;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] {
                return stop_ || next_job_ >= jobs_.size() || next_job_ < next_out_ + window_;
            });
            if (stop_ || next_job_ >= jobs_.size()) return;
            index = next_job_++;
        }
        const RasterJob& job = jobs_[index];
        Slot slot;
        try {
            auto raster = std::make_shared<Raster>();
            auto render_seconds = std::make_shared<double>(0);
            if (job.record->kind == RecordKind::Image) {
                // Its pixels were decoded once already when it was gathered, within the limits.
                const double start = thread_cpu_seconds();
                *raster = render_image_page(*job.record, job.page_index, job.width_pt,
                                            job.height_pt, job.dpi);
                *render_seconds = thread_cpu_seconds() - start;
            } else {
                if (job.record != open_record) {
                    doc.reset();
                    open_record = nullptr;
                    doc = open_source_pdf(*job.record);
                    open_record = job.record;
                }
                // Drawn on a thread of its own, with a time limit: everything it uses is its own.
                const int page_index = job.page_index;
                const double dpi = job.dpi;
                const bool in_time = run_with_time_limit(
                    page_seconds_, [doc, page_index, dpi, raster, render_seconds] {
                        std::unique_ptr<poppler::page> page(doc->create_page(page_index));
                        if (!page) throw ExportError("", "the page cannot be read");
                        const double start = thread_cpu_seconds();
                        *raster = render_page(*page, dpi, page_has_colour(*page));
                        *render_seconds = thread_cpu_seconds() - start;
                    });
                if (!in_time) {
                    doc.reset(); // still in use by the page given up
                    open_record = nullptr;
                    throw ExportError(job.record->name,
                                      "page " + std::to_string(page_index + 1) +
                                          " took longer than " +
                                          std::to_string(std::lround(page_seconds_)) +
                                          " s to draw (limits.page_seconds)");
                }
            }
            burn_boxes(*raster, job.burns, job.width_pt, job.height_pt);
            RasterResult result;
            result.render_seconds = *render_seconds;
            const double start = thread_cpu_seconds();
            result.image = encode_page_image(std::move(*raster));
            result.encode_seconds = thread_cpu_seconds() - start;
            slot.result = std::move(result);
        } catch (const ExportError& e) {
            slot.error = e.file().empty()
                             ? std::make_exception_ptr(ExportError(job.record->name, e.reason()))
                             : std::current_exception();
        } catch (...) {
            slot.error = std::current_exception();
        }
        {
            std::lock_guard lock(mutex_);
            slots_[index] = std::move(slot);
        }
        changed_.notify_all();
    }
}

RasterResult RasterPipeline::next() {
    std::unique_lock lock(mutex_);
    if (next_out_ >= jobs_.size()) throw ExportError("", "no more pages to render");
    Slot& slot = slots_[next_out_];
    changed_.wait(lock, [&] { return slot.result.has_value() || slot.error != nullptr; });
    ++next_out_;
    std::exception_ptr error = slot.error;
    RasterResult result = error ? RasterResult{} : std::move(*slot.result);
    slot = Slot{};
    lock.unlock();
    changed_.notify_all();
    if (error) std::rethrow_exception(error);
    return result;
}

} // namespace safesar::exporting
