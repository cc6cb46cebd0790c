// How much work one record may cost: hostile or broken files (decompression bombs, endless
// pages, gigabytes of text) are stopped with a clear reason instead of exhausting the machine.
// The defaults suit real case files with room to spare; a controller changes them in the
// "limits" block of dictionaries/controller-settings.json. See docs/limits.md.
#pragma once

#include <cstddef>
#include <filesystem>

namespace safesar {

struct Limits {
    // Wall-clock seconds one file (with its attachments) may take to read, OCR included.
    double record_seconds = 1200;
    // Seconds Tesseract may spend on one page.
    double ocr_page_seconds = 120;
    // Seconds Poppler may take to read or draw one page; a page past it is given up (not
    // read in gather, a notice in the bundle).
    double page_seconds = 60;
    // Largest file read at all (PDF), and largest text, CSV or e-mail file.
    std::size_t file_bytes = std::size_t{1} << 30;
    std::size_t text_file_bytes = std::size_t{64} << 20;
    // Largest word-processor file, workbook, Outlook message or photograph.
    std::size_t binary_file_bytes = std::size_t{512} << 20;
    // Text one record may yield, all its sections together.
    std::size_t record_text_bytes = std::size_t{128} << 20;
    // PDF structure, checked before any page is read.
    int pdf_pages = 10000;
    std::size_t pdf_objects = 1000000;
    std::size_t pdf_stream_bytes = std::size_t{256} << 20;     // one stream, decompressed
    std::size_t pdf_decompressed_bytes = std::size_t{1} << 30; // all streams but images
    double pdf_image_pixels = 1e9;                             // one image, as declared
    std::size_t pdf_attachment_bytes = std::size_t{256} << 20; // one embedded file
    // Largest page image the hidden-text check draws; a larger page is drawn coarser.
    double render_pixels = 16e6;
    // E-mail: MIME nesting and parts read per file.
    int mime_depth = 10;
    std::size_t mime_parts = 1000;
};

// The "limits" block of `settings_file` over the defaults above; a missing block or key keeps
// the default. Throws DataError naming the file and key when a value is not a positive number.
Limits load_limits(const std::filesystem::path& settings_file);

// load_limits() on the controller settings of the data directory (dictionaries_dir()).
Limits default_limits();

} // namespace safesar
