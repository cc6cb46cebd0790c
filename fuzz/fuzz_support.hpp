// Shared by the fuzz harnesses (one *_fuzzer.cpp per reader, see docs/fuzzing.md).
#pragma once

#include "safesar/errors.hpp"
#include "safesar/gather.hpp"
#include "safesar/limits.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace safesar::fuzz {

// The input as a file, for readers that take a path: one file per process, rewritten for
// each input, in /dev/shm when there is one (no disk traffic).
inline std::filesystem::path as_file(const std::uint8_t* data, std::size_t size,
                                     const std::string& extension) {
    static const std::filesystem::path dir = std::filesystem::is_directory("/dev/shm")
                                                 ? "/dev/shm"
                                                 : std::filesystem::temp_directory_path();
    const std::filesystem::path file =
        dir / ("safesar-fuzz-" + std::to_string(::getpid()) + extension);
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return file;
}

inline std::string as_string(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

// Options for fuzzing a reader: no OCR (Tesseract is not ours to fuzz and takes seconds a
// page), and limits small enough that one input never takes the fuzzer's whole time.
inline GatherOptions options() {
    GatherOptions o;
    o.ocr = false;
    o.threads = 1;
    Limits limits;
    limits.record_seconds = 5;
    limits.render_pixels = 2e6;
    limits.pdf_stream_bytes = 16u << 20;
    limits.pdf_decompressed_bytes = 64u << 20;
    limits.pdf_image_pixels = 4e6;
    limits.record_text_bytes = 16u << 20;
    o.limits = limits;
    o.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    return o;
}

// Runs `read`: a reader may refuse an input (safesar::Error) but must do nothing else wrong;
// sanitizers and the fuzzer catch the rest.
template <typename Read> void expect_no_crash(Read&& read) {
    try {
        read();
    } catch (const safesar::Error&) {
    }
}

} // namespace safesar::fuzz
