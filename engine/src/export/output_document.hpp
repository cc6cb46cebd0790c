// The fresh PDF: version 1.7, written once (one revision), Info holding only Title and
// Producer. Plain output streams each object to disk as soon as it is complete
// (PdfStreamedDocument), so memory does not grow with the page count. Encrypted output is
// built in memory and written once (PdfMemDocument), because PoDoFo 0.9.8 cannot stream
// AES-256: "CreateEncryptionOutputStream does not yet support AESV3".
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace PoDoFo {
class PdfDocument;
class PdfEncrypt;
class PdfMemDocument;
class PdfStreamedDocument;
} // namespace PoDoFo

namespace safesar::exporting {

class OutputDocument {
  public:
    // `file` must exist (an AtomicFile's temporary file); it is rewritten from the start.
    OutputDocument(const std::filesystem::path& file, const std::string& password);
    ~OutputDocument();
    OutputDocument(const OutputDocument&) = delete;
    OutputDocument& operator=(const OutputDocument&) = delete;

    PoDoFo::PdfDocument& document();
    bool encrypted() const { return encrypt_ != nullptr; }
    // An encrypted document only: embeds `contents` as the file `name` (encrypted with the rest).
    void attach(const std::string& name, const std::string& contents);
    // Sets the Info dictionary and writes the file. Call once.
    void close(const std::string& title);

  private:
    std::filesystem::path file_;
    std::unique_ptr<PoDoFo::PdfEncrypt> encrypt_;
    std::unique_ptr<PoDoFo::PdfStreamedDocument> streamed_;
    std::unique_ptr<PoDoFo::PdfMemDocument> memory_;
};

} // namespace safesar::exporting
