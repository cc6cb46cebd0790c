// Gathering: walk CASE/records/, read every file into the document model, report what was
// skipped and why. Never writes anything under records/.
#pragma once

#include "safesar/case_model.hpp"
#include "safesar/document.hpp"
#include "safesar/limits.hpp"
#include "safesar/text_decode.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safesar {

struct SkippedRecord {
    std::string name;   // relative to records/
    std::string reason; // one clear line
};

struct GatherOptions {
    bool ocr = true;                 // OCR image-only pages (Tesseract)
    bool detect_hidden = true;       // render pages to find text that does not show
    std::filesystem::path ocr_cache; // empty: no cache
    unsigned threads = 0; // files read at once; 0: one per core (batch runs one per case)
    // Called once per file under records/ as it finishes, skipped ones included; never two
    // calls at once, but possibly from a worker thread.
    std::function<void(int files_done, int files_total)> on_file_done = nullptr;
    // When set to true, gathering stops soon (between files, PDF pages, OCR pages) and throws
    // Cancelled.
    const std::atomic<bool>* cancel = nullptr;
    // How much one record may cost (docs/limits.md); unset: the data directory's settings.
    std::optional<Limits> limits = std::nullopt;
    // Set by gather_records for each file to now + limits->record_seconds: readers stop with a
    // RecordError once it has passed. Unset: no time limit.
    std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt;
};

struct GatherResult {
    std::vector<Record> records;
    std::vector<SkippedRecord> skipped;
    // Links inside records/ and where they lead; each target is read once, under its own name.
    std::vector<SkippedRecord> links;
};

// Throws Cancelled when options.cancel is set; unreadable files are listed, not thrown.
GatherResult gather_records(const Case& c, const GatherOptions& options = {});

// Readers for one file each; throw RecordError. `name` is the record's name in reports.
Record read_pdf(const std::filesystem::path& file, const std::string& name,
                const std::vector<unsigned char>* bytes, const GatherOptions& options,
                std::vector<Record>& attachments);
Record read_text_note(const std::filesystem::path& file, const std::string& name,
                      const GatherOptions& options = {});
Record read_csv(const std::filesystem::path& file, const std::string& name,
                const GatherOptions& options = {});
Record read_email(const std::filesystem::path& file, const std::string& name,
                  std::vector<Record>& attachments, const GatherOptions& options);
// The same from the message's bytes (an attached .eml); paths are left to the caller.
Record read_email_bytes(const std::string& bytes, const std::string& name,
                        std::vector<Record>& attachments, const GatherOptions& options);

// Readers of word-processor files, spreadsheets, Outlook messages, web pages and images, from the
// file's bytes (an attachment's, or a fuzzer's). Each returns one record and appends the files the
// record holds (embedded objects, attachments) to `attachments`, to be read as records of their
// own; each throws RecordError naming `name` when the bytes cannot be read.
Record read_docx(const std::string& name, std::string_view bytes, const GatherOptions& options,
                 std::vector<Record>& attachments);
Record read_odt(const std::string& name, std::string_view bytes, const GatherOptions& options,
                std::vector<Record>& attachments);
Record read_rtf(const std::string& name, std::string_view bytes, const GatherOptions& options,
                std::vector<Record>& attachments);
Record read_doc(const std::string& name, std::string_view bytes, const GatherOptions& options,
                std::vector<Record>& attachments);
Record read_xlsx(const std::string& name, std::string_view bytes, const GatherOptions& options,
                 std::vector<Record>& attachments);
Record read_ods(const std::string& name, std::string_view bytes, const GatherOptions& options,
                std::vector<Record>& attachments);
Record read_xls(const std::string& name, std::string_view bytes, const GatherOptions& options,
                std::vector<Record>& attachments);
Record read_msg(const std::string& name, std::string_view bytes, const GatherOptions& options,
                std::vector<Record>& attachments);
Record read_html(const std::string& name, std::string_view bytes, const GatherOptions& options,
                 std::vector<Record>& attachments);
// JPEG, PNG, TIFF (every page), GIF, BMP, WebP, HEIC: each page OCR'd, EXIF/XMP/IPTC metadata
// as Metadata sections.
Record read_image(const std::string& name, std::string_view bytes, const GatherOptions& options);

// decode_text and decode_pdf_text, shared by the readers: safesar/text_decode.hpp.

} // namespace safesar
