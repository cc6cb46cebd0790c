// The windows of a long section, and how they are scanned on every core.
//
// A long section (a case-notes export, a long e-mail) is read in windows of about 64 KB cut at
// a paragraph or line end, so each window's working set stays in cache and the cost per byte
// does not grow with the section. Sentences and "the last person named" rarely cross a blank
// line; a section with fields (a row, a header) is never cut.
//
// Each window is scanned on its own, so the windows of one section are scanned side by side,
// a batch at a time, and what each gives is handed on in window order: the findings are the
// same bytes one thread gives (tests/detect_speed_tests.cpp checks this).
#pragma once

#include "safesar/document.hpp"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace safesar {

constexpr std::size_t kWindow = 64 * 1024;

// [begin, end) of each window of the section's text; one window for a short section.
inline std::vector<std::pair<std::size_t, std::size_t>> window_bounds(const Section& sec) {
    const std::string& t = sec.text;
    if (t.size() <= 2 * kWindow || !sec.fields.empty() || !sec.words.empty()) return {{0, t.size()}};
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t b = 0; b < t.size();) {
        std::size_t e = t.size();
        if (t.size() - b > 2 * kWindow) {
            const std::string_view window(t.data() + b, kWindow);
            std::size_t cut = window.rfind("\n\n");
            if (cut == std::string_view::npos || cut < kWindow / 2) cut = window.rfind('\n');
            if (cut == std::string_view::npos || cut < kWindow / 2) cut = window.rfind(' ');
            e = b + (cut == std::string_view::npos || cut == 0 ? kWindow : cut + 1);
            // Never inside a UTF-8 sequence.
            while (e < t.size() && (static_cast<unsigned char>(t[e]) & 0xC0) == 0x80)
                ++e;
        }
        out.emplace_back(b, e);
        b = e;
    }
    return out;
}

// One window as a section of its own.
inline Section window_of(const Section& sec, std::pair<std::size_t, std::size_t> bounds) {
    Section part(sec.kind, sec.label, sec.text.substr(bounds.first, bounds.second - bounds.first));
    part.hidden = sec.hidden;
    part.ocr = sec.ocr;
    return part;
}

// How many windows are scanned at once by default: one per core, and at most eight.
inline unsigned default_window_workers() {
    return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

// `work(part, offset)` for every window, up to `workers` side by side; then `take(result,
// offset)` for each in window order, on the calling thread. `work` must only read what windows
// share. A window whose work throws stops the section there, and the exception reaches the
// caller.
template <typename Work, typename Take>
void for_each_window(const Section& sec, unsigned workers, Work&& work, Take&& take) {
    const auto bounds = window_bounds(sec);
    if (bounds.size() == 1) {
        take(work(sec, std::size_t{0}), std::size_t{0});
        return;
    }
    using Result = std::invoke_result_t<Work&, const Section&, std::size_t>;
    workers = std::max(workers, 1u);
    // A batch of two windows per worker: the results wait in memory only that long.
    const std::size_t batch = 2 * std::size_t{workers};
    for (std::size_t first = 0; first < bounds.size(); first += batch) {
        const std::size_t count = std::min(batch, bounds.size() - first);
        std::vector<Section> parts;
        parts.reserve(count);
        for (std::size_t k = 0; k < count; ++k)
            parts.push_back(window_of(sec, bounds[first + k]));
        std::vector<std::optional<Result>> results(count);
        std::vector<std::exception_ptr> errors(count);
        std::atomic<std::size_t> next{0};
        auto run = [&] {
            for (std::size_t k; (k = next.fetch_add(1)) < count;) {
                try {
                    results[k].emplace(work(parts[k], bounds[first + k].first));
                } catch (...) {
                    errors[k] = std::current_exception();
                }
            }
        };
        std::vector<std::thread> threads;
        for (std::size_t w = 1; w < std::min<std::size_t>(workers, count); ++w)
            threads.emplace_back(run);
        run();
        for (std::thread& t : threads)
            t.join();
        for (std::size_t k = 0; k < count; ++k) {
            if (errors[k]) std::rethrow_exception(errors[k]);
            take(std::move(*results[k]), bounds[first + k].first);
        }
    }
}

} // namespace safesar
