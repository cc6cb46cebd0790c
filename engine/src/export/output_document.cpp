#include "export/output_document.hpp"

#include "export/podofo.hpp"
#include "safesar/errors.hpp"

#include <iomanip>
#include <random>
#include <sstream>

namespace safesar::exporting {

namespace {
// Nobody needs the owner password: the permissions below are all the reader gets.
std::string random_owner_password() {
    std::random_device device;
    std::ostringstream out;
    for (int i = 0; i < 8; ++i)
        out << std::hex << std::setw(8) << std::setfill('0') << device();
    return out.str();
}
} // namespace

OutputDocument::OutputDocument(const std::filesystem::path& file, const std::string& password)
    : file_(file) {
    if (password.empty()) {
        streamed_ =
            std::make_unique<PoDoFo::PdfStreamedDocument>(file.c_str(), PoDoFo::ePdfVersion_1_7);
        return;
    }
    int permissions =
        PoDoFo::PdfEncrypt::ePdfPermissions_Print | PoDoFo::PdfEncrypt::ePdfPermissions_HighPrint |
        PoDoFo::PdfEncrypt::ePdfPermissions_Copy | PoDoFo::PdfEncrypt::ePdfPermissions_Accessible;
    encrypt_.reset(PoDoFo::PdfEncrypt::CreatePdfEncrypt(
        password, random_owner_password(), permissions,
        PoDoFo::PdfEncrypt::ePdfEncryptAlgorithm_AESV3R6, PoDoFo::PdfEncrypt::ePdfKeyLength_256));
    memory_ = std::make_unique<PoDoFo::PdfMemDocument>();
    memory_->SetPdfVersion(PoDoFo::ePdfVersion_1_7);
    memory_->SetEncrypted(*encrypt_);
}

OutputDocument::~OutputDocument() = default;

PoDoFo::PdfDocument& OutputDocument::document() {
    if (streamed_) return *streamed_;
    return *memory_;
}

// Built by hand: PoDoFo 0.9's PdfFileSpec escapes the name as if it were a PDF name
// ("SAR2DTEST..."), so readers would list the attachment under a mangled name.
void OutputDocument::attach(const std::string& name, const std::string& contents) {
    if (!memory_) throw ExportError(name, "only an encrypted bundle carries its JSON inside");
    const PoDoFo::PdfString file_name(reinterpret_cast<const PoDoFo::pdf_utf8*>(name.c_str()));
    PoDoFo::PdfObject* data = memory_->GetObjects().CreateObject("EmbeddedFile");
    data->GetDictionary().AddKey(PoDoFo::PdfName("Subtype"), PoDoFo::PdfName("application/json"));
    PoDoFo::PdfDictionary params;
    params.AddKey(PoDoFo::PdfName("Size"), static_cast<PoDoFo::pdf_int64>(contents.size()));
    data->GetDictionary().AddKey(PoDoFo::PdfName("Params"), params);
    data->GetStream()->Set(contents.data(), static_cast<PoDoFo::pdf_long>(contents.size()));
    PoDoFo::PdfObject* spec = memory_->GetObjects().CreateObject("Filespec");
    spec->GetDictionary().AddKey(PoDoFo::PdfName("F"), file_name);
    spec->GetDictionary().AddKey(PoDoFo::PdfName("UF"), file_name);
    PoDoFo::PdfDictionary embedded;
    embedded.AddKey(PoDoFo::PdfName("F"), data->Reference());
    spec->GetDictionary().AddKey(PoDoFo::PdfName("EF"), embedded);
    memory_->GetNamesTree()->AddValue(PoDoFo::PdfName("EmbeddedFiles"), file_name,
                                      spec->Reference());
}

void OutputDocument::close(const std::string& title) {
    PoDoFo::PdfDictionary& info = document().GetInfo()->GetObject()->GetDictionary();
    for (const char* key :
         {"Author", "Subject", "Keywords", "Creator", "CreationDate", "ModDate", "Trapped"})
        info.RemoveKey(PoDoFo::PdfName(key));
    info.AddKey(PoDoFo::PdfName("Title"),
                PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(title.c_str())));
    info.AddKey(PoDoFo::PdfName("Producer"), PoDoFo::PdfString("SafeSAR"));
    if (streamed_)
        streamed_->Close();
    else
        memory_->Write(file_.c_str());
}

} // namespace safesar::exporting
