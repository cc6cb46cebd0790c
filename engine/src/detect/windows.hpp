// The windows of a long section, and how they are scanned on every core.
//
// A long section (a case-notes export, a long e-mail) is read in windows of about 64 KB cut at
// a paragraph or line end, so each window's working set stays in cache and the cost per byte
// does not grow with the section. Sentences and "the last person named" rarely cross a blank
// line; a section with fields (a row, a header) is never cut.
//
// Each window is scanned on its own, so the windows of every section are scanned side by side,
// a batch at a time, and what each gives is handed on in order: the findings are the same bytes
// one thread gives (tests/detect_speed_tests.cpp checks this).
#pragma once

#include "safesar/document.hpp"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <future>
#include <memory>
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

// `work(k)` for each k in [0, count), up to `workers` side by side; the results in order. The
// first exception (in index order) reaches the caller once every thread has stopped.
template <typename Work> auto side_by_side(std::size_t count, unsigned workers, Work&& work) {
    using Result = std::invoke_result_t<Work&, std::size_t>;
    std::vector<std::optional<Result>> results(count);
    std::vector<std::exception_ptr> errors(count);
    std::atomic<std::size_t> next{0};
    auto run = [&] {
        for (std::size_t k; (k = next.fetch_add(1)) < count;) {
            try {
                results[k].emplace(work(k));
            } catch (...) {
                errors[k] = std::current_exception();
            }
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t w = 1; w < std::min<std::size_t>(std::max(workers, 1u), count); ++w)
        threads.emplace_back(run);
    run();
    for (std::thread& t : threads)
        t.join();
    std::vector<Result> out;
    out.reserve(count);
    for (std::size_t k = 0; k < count; ++k) {
        if (errors[k]) std::rethrow_exception(errors[k]);
        out.push_back(std::move(*results[k]));
    }
    return out;
}

// One window of one section of the records: what a pass scans as a unit.
struct Piece {
    std::size_t record = 0, section = 0;
    std::size_t begin = 0, end = 0;   // of the window in the section's text
    bool first = false, last = false; // of its section
};

// Every window of every section, in order.
inline std::vector<Piece> pieces_of(const std::vector<Record>& records) {
    std::vector<Piece> out;
    for (std::size_t r = 0; r < records.size(); ++r)
        for (std::size_t s = 0; s < records[r].sections.size(); ++s) {
            const auto bounds = window_bounds(records[r].sections[s]);
            for (std::size_t w = 0; w < bounds.size(); ++w)
                out.push_back(
                    {r, s, bounds[w].first, bounds[w].second, w == 0, w + 1 == bounds.size()});
        }
    return out;
}

// Runs a pass over the pieces in order, a batch at a time:
//   input = prepare(k)               on the calling thread as piece k joins a batch; it may
//                                    read what the takes of earlier pieces learned, up to the
//                                    last piece that `closes`;
//   result = work(input, part, k)    side by side, `part` the piece as a section of its own;
//   take(result, k)                  on the calling thread, in piece order.
// A batch closes at about two windows' bytes per worker, or after a piece `closes(k)` names:
// the pieces after it need what its take learns. So the takes see what one thread gives.
// With more than one worker, the next batch is already being scanned while the calling thread
// takes a batch's results, unless the batch closed on such a piece.
template <typename Prepare, typename Work, typename Take, typename Closes>
void for_each_piece(const std::vector<Record>& records, const std::vector<Piece>& pieces,
                    unsigned workers, Prepare&& prepare, Work&& work, Take&& take,
                    Closes&& closes) {
    using Input = std::invoke_result_t<Prepare&, std::size_t>;
    using Result = std::invoke_result_t<Work&, const Input&, const Section&, std::size_t>;
    struct Batch {
        std::size_t first = 0, end = 0;
        bool closed = false; // on a piece whose take the next pieces' preparation needs
        std::vector<Input> inputs;
        // A window of a long section is a section of its own, kept until the takes are done:
        // what `work` returns may still refer to it (a scan's context reads its text).
        std::vector<std::optional<Section>> parts;
        std::future<std::vector<Result>> results;
    };
    const std::size_t batch_bytes = 2 * kWindow * std::max(workers, 1u);
    // Prepares the batch from piece `first` here, and scans it in the background.
    auto start = [&](std::size_t first) {
        auto b = std::make_unique<Batch>();
        b->first = first;
        std::size_t next = first;
        for (std::size_t bytes = 0; next < pieces.size() && bytes < batch_bytes;) {
            b->inputs.push_back(prepare(next));
            bytes += pieces[next].end - pieces[next].begin;
            if (closes(next++)) {
                b->closed = true;
                break;
            }
        }
        b->end = next;
        b->parts.resize(b->inputs.size());
        Batch* batch = b.get();
        b->results = std::async(std::launch::async, [&, batch] {
            return side_by_side(batch->inputs.size(), workers, [&, batch](std::size_t k) {
                const Piece& p = pieces[batch->first + k];
                const Section& sec = records[p.record].sections[p.section];
                if (p.first && p.last) return work(batch->inputs[k], sec, batch->first + k);
                batch->parts[k] = window_of(sec, {p.begin, p.end});
                return work(batch->inputs[k], *batch->parts[k], batch->first + k);
            });
        });
        return b;
    };
    if (pieces.empty()) return;
    for (auto current = start(0); current;) {
        std::unique_ptr<Batch> next;
        const bool more = current->end < pieces.size();
        if (more && !current->closed && workers > 1) next = start(current->end);
        auto results = current->results.get();
        for (std::size_t k = 0; k < results.size(); ++k)
            take(std::move(results[k]), current->first + k);
        if (more && !next) next = start(current->end);
        current = std::move(next);
    }
}

} // namespace safesar
