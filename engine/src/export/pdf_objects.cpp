#include "export/pdf_objects.hpp"

#include "safesar/errors.hpp"

#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <set>

namespace safesar::exporting {

namespace {

// Keys a bundle never has, wherever they stand: interactive content (annotations, forms,
// actions, scripts), navigation and metadata a reader's software shows (outlines, thumbnails,
// XMP), and containers for more content (portfolios, optional content, private data).
const std::set<std::string> forbidden_keys = {
    "/Annots", "/AcroForm", "/JavaScript", "/JS",        "/OpenAction",
    "/AA",     "/Outlines", "/Metadata",   "/Thumb",     "/OCProperties",
    "/URI",    "/Launch",   "/XFA",        "/PieceInfo", "/Collection"};

std::string object_label(QPDFObjectHandle& object) {
    return "object " + std::to_string(object.getObjectID());
}

class ObjectWalker {
  public:
    ObjectWalker(QPDF& pdf, const PdfContentSink& sink, PdfObjects& out) : sink_(sink), out_(out) {
        QPDFObjectHandle trailer = pdf.getTrailer();
        if (trailer.hasKey("/Encrypt") && trailer.getKey("/Encrypt").isIndirect())
            skip_.insert(trailer.getKey("/Encrypt").getObjGen());
        // Font programs are glyph outlines: nothing a reader sees as text.
        for (QPDFObjectHandle& object : pdf.getAllObjects()) {
            if (!object.isDictionaryOfType("/FontDescriptor")) continue;
            for (const char* key : {"/FontFile", "/FontFile2", "/FontFile3"})
                if (object.hasKey(key)) font_programs_.insert(object.getKey(key).getObjGen());
        }
    }

    void walk_all(QPDF& pdf) {
        for (QPDFObjectHandle& object : pdf.getAllObjects()) {
            if (skip_.count(object.getObjGen())) continue;
            ++out_.objects;
            const std::string where = object_label(object);
            walk(object, where);
            if (object.isStream()) stream(object, where);
        }
    }

    // The trailer's own strings (/ID is a random identifier, not text) and keys.
    void walk_trailer(QPDF& pdf) {
        QPDFObjectHandle trailer = pdf.getTrailer();
        for (const std::string& key : trailer.getKeys())
            if (key != "/ID" && key != "/Encrypt" && !trailer.getKey(key).isIndirect())
                walk(trailer.getKey(key), "trailer");
        if (trailer.hasKey("/Prev") || trailer.hasKey("/XRefStm"))
            out_.problems.push_back("it has more than one revision (its trailer points to an "
                                    "earlier cross-reference section)");
    }

  private:
    void walk(QPDFObjectHandle object, const std::string& where) {
        if (object.isString()) {
            if (sink_.on_string) sink_.on_string(where, object.getUTF8Value());
            return;
        }
        if (object.isArray()) {
            for (QPDFObjectHandle item : object.getArrayAsVector())
                if (!item.isIndirect()) walk(item, where);
            return;
        }
        QPDFObjectHandle dict = object.isStream() ? object.getDict() : object;
        if (!dict.isDictionary()) return;
        for (const std::string& key : dict.getKeys()) {
            QPDFObjectHandle value = dict.getKey(key);
            if (forbidden_keys.count(key) &&
                !(key == "/Annots" && value.isArray() && value.getArrayNItems() == 0))
                problem("it contains " + key + " (" + where + ")");
            if (!value.isIndirect()) walk(value, where);
        }
        if (dict.isDictionaryOfType("/Annot") || dict.isDictionaryOfType("/Action"))
            problem("it contains an " + dict.getKey("/Type").getName().substr(1) + " (" + where +
                    ")");
    }

    void stream(QPDFObjectHandle object, const std::string& where) {
        QPDFObjectHandle dict = object.getDict();
        if (dict.getKey("/Subtype").isNameAndEquals("/Image")) return; // pixels, checked as drawn
        if (font_programs_.count(object.getObjGen()) || dict.hasKey("/Length1")) return;
        if (dict.getKey("/Type").isNameAndEquals("/EmbeddedFile")) return; // see attachments
        if (dict.getKey("/Type").isNameAndEquals("/XRef") ||
            dict.getKey("/Type").isNameAndEquals("/ObjStm"))
            return; // the file's own structure; the objects in it are walked one by one
        std::string data;
        Pl_String sink("stream", nullptr, data);
        bool filtered = false;
        bool ok = object.pipeStreamData(&sink, &filtered, 0, qpdf_dl_all, true);
        if (!ok || (!filtered && dict.hasKey("/Filter"))) {
            ++undecodable_;
            return;
        }
        ++out_.streams;
        if (sink_.on_stream) sink_.on_stream(where, data);
    }

    void problem(const std::string& text) {
        if (seen_.insert(text).second) out_.problems.push_back(text);
    }

  public:
    int undecodable_ = 0;

  private:
    const PdfContentSink& sink_;
    PdfObjects& out_;
    std::set<QPDFObjGen> skip_, font_programs_;
    std::set<std::string> seen_;
};

std::string decoded(QPDFObjectHandle stream) {
    std::string data;
    Pl_String sink("attachment", nullptr, data);
    bool filtered = false;
    if (!stream.pipeStreamData(&sink, &filtered, 0, qpdf_dl_all, true))
        throw ExportError("", "an attachment cannot be decoded");
    return data;
}

void read_attachments(QPDF& pdf, PdfObjects& out) {
    QPDFEmbeddedFileDocumentHelper helper(pdf);
    if (!helper.hasEmbeddedFiles()) return;
    for (auto& [key, spec] : helper.getEmbeddedFiles())
        out.attachments.push_back({spec->getFilename(), decoded(spec->getEmbeddedFileStream())});
}

} // namespace

PdfObjects read_pdf_objects(const std::filesystem::path& file, const std::string& password,
                            const PdfContentSink& sink) {
    PdfObjects out;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.setAttemptRecovery(false); // a bundle that needs repair is not one SafeSAR wrote
        pdf.processFile(file.c_str(), password.c_str());
        out.version = pdf.getPDFVersion();
        int permissions = 0;
        out.encrypted = pdf.isEncrypted(out.encryption_revision, permissions);

        QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
        if (info.isDictionary())
            for (const std::string& key : info.getKeys())
                out.info.emplace_back(key.substr(1), info.getKey(key).isString()
                                                         ? info.getKey(key).getUTF8Value()
                                                         : info.getKey(key).unparse());

        ObjectWalker walker(pdf, sink, out);
        walker.walk_trailer(pdf);
        walker.walk_all(pdf);
        read_attachments(pdf, out);
        if (walker.undecodable_ > 0)
            out.problems.push_back(std::to_string(walker.undecodable_) +
                                   " stream(s) could not be decoded for checking");
        if (pdf.anyWarnings())
            out.problems.push_back("libqpdf found it damaged (" +
                                   std::to_string(pdf.getWarnings().size()) + " warnings)");
    } catch (const ExportError&) {
        throw;
    } catch (const QPDFExc& e) {
        throw ExportError(file.filename().string(),
                          "libqpdf cannot read it back: " + e.getMessageDetail());
    } catch (const std::runtime_error& e) {
        throw ExportError(file.filename().string(), std::string("libqpdf: ") + e.what());
    }
    return out;
}

} // namespace safesar::exporting
