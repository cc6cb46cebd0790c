// Reading a bundle PDF the way a determined reader could, with libqpdf: opened with the password
// (so an encrypted bundle is checked as thoroughly as a plain one), every object walked, every
// string decoded, every stream decompressed. Only ever used on files SafeSAR wrote; input PDFs
// are read by Poppler alone.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace safesar::exporting {

struct PdfAttachment {
    std::string name;     // its file name in the PDF
    std::string contents; // decoded
};

struct PdfObjects {
    std::string version; // "1.7"
    bool encrypted = false;
    int encryption_revision = 0;       // 6: AES-256 (PDF 2.0 / ISO 32000-2 security handler)
    std::vector<std::string> problems; // forbidden structures, extra revisions, unreadable streams
    std::vector<std::pair<std::string, std::string>> info; // the Info dictionary, key and value
    std::vector<PdfAttachment> attachments;                // embedded files
    int objects = 0, streams = 0;                          // walked; decoded and handed out
};

// What a reader can pull out besides the page text: every string (UTF-8; not the file's
// identifier or the encryption dictionary's keys), and every stream's decoded content except
// images, font programs and attachments (which come back in PdfObjects::attachments).
struct PdfContentSink {
    std::function<void(const std::string& where, const std::string& text)> on_string;
    std::function<void(const std::string& where, const std::string& data)> on_stream;
};

// Throws ExportError when the file cannot be opened (not a PDF, a wrong password).
PdfObjects read_pdf_objects(const std::filesystem::path& file, const std::string& password,
                            const PdfContentSink& sink);

} // namespace safesar::exporting
