#include "gather/pdf_structure.hpp"

#include "safesar/errors.hpp"

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFExc.hh>

#include <cmath>
#include <set>
#include <stdexcept>

namespace safesar::gather_detail {

namespace {

// A pipeline end that keeps (or only counts) what reaches it and stops the decompression, by
// throwing, once `limit` bytes have come: a bomb is never inflated past the limit.
class BoundedSink : public Pipeline {
  public:
    BoundedSink(std::size_t limit, bool keep)
        : Pipeline("bounded sink", nullptr), limit_(limit), keep_(keep) {}
    void write(unsigned char const* data, size_t len) override {
        if (len > limit_ - std::min(limit_, bytes_)) {
            too_large_ = true;
            throw std::length_error("stream larger than its limit");
        }
        bytes_ += len;
        if (keep_) kept_.append(reinterpret_cast<const char*>(data), len);
    }
    void finish() override {}

    std::size_t bytes() const { return bytes_; }
    bool too_large() const { return too_large_; }
    std::string take() { return std::move(kept_); }

  private:
    std::size_t limit_, bytes_ = 0;
    bool keep_, too_large_ = false;
    std::string kept_;
};

std::string mib(std::size_t bytes) {
    return std::to_string((bytes + (1u << 19)) >> 20) + " MiB";
}

// Inflates `stream` into `sink` (decompression stops at the sink's limit). A damaged stream is
// Poppler's to cope with: only the size matters here.
void pipe_bounded(QPDFObjectHandle stream, BoundedSink& sink) {
    try {
        stream.pipeStreamData(&sink, nullptr, 0, qpdf_dl_generalized, true, false);
    } catch (const std::exception&) {
    }
}

// Bytes `stream` decompresses to, counting at most `limit` (then too_large is set).
std::size_t decompressed_size(QPDFObjectHandle stream, std::size_t limit, bool& too_large) {
    BoundedSink sink(limit, false);
    pipe_bounded(stream, sink);
    too_large = sink.too_large();
    return sink.bytes();
}

// The streams pages draw from directly: checked whatever they claim to be, since a bomb
// labelled as an image would otherwise be parsed as page content unchecked.
std::set<QPDFObjGen> page_contents(QPDF& pdf) {
    std::set<QPDFObjGen> out;
    for (QPDFObjectHandle page : pdf.getAllPages()) {
        QPDFObjectHandle contents = page.getKey("/Contents");
        if (contents.isStream()) out.insert(contents.getObjGen());
        if (contents.isArray())
            for (QPDFObjectHandle part : contents.aitems())
                if (part.isStream()) out.insert(part.getObjGen());
    }
    return out;
}

} // namespace

std::string pdf_stream_bytes(QPDFObjectHandle stream, std::size_t limit, bool& too_large) {
    BoundedSink sink(limit, true);
    pipe_bounded(stream, sink);
    too_large = sink.too_large();
    return too_large ? std::string() : sink.take();
}

PdfStructure::PdfStructure(const std::vector<char>& data, const std::string& name,
                           const Limits& limits, const std::function<void()>& check_budget) {
    auto qpdf = std::make_unique<QPDF>();
    qpdf->setSuppressWarnings(true);
    try {
        qpdf->processMemoryFile(name.c_str(), data.data(), data.size());
    } catch (const std::exception& e) {
        problem_ = std::string("qpdf cannot parse the file: ") + e.what();
        return;
    }
    qpdf_ = std::move(qpdf);
    try {
        check_limits(name, limits, check_budget);
    } catch (const RecordError&) {
        throw;
    } catch (const Cancelled&) {
        throw;
    } catch (const std::exception& e) {
        problem_ = std::string("qpdf cannot read the file's objects: ") + e.what();
        qpdf_.reset();
    }
}

void PdfStructure::check_limits(const std::string& name, const Limits& limits,
                                const std::function<void()>& check_budget) {
    QPDF& pdf = *qpdf_;
    const auto xref = pdf.getXRefTable();
    if (xref.size() > limits.pdf_objects)
        throw RecordError(name, "PDF with " + std::to_string(xref.size()) +
                                    " objects; the limit is " + std::to_string(limits.pdf_objects));
    // Object streams first, before any object inside one is resolved: resolving inflates the
    // whole stream.
    std::size_t total = 0;
    auto check_stream = [&](QPDFObjectHandle stream, const char* what) {
        bool too_large = false;
        const std::size_t size = decompressed_size(stream, limits.pdf_stream_bytes, too_large);
        if (too_large)
            throw RecordError(name, std::string("a ") + what + " decompresses to more than " +
                                        mib(limits.pdf_stream_bytes) +
                                        " (a decompression bomb?); not read");
        total += size;
        if (total > limits.pdf_decompressed_bytes)
            throw RecordError(name, "the PDF's streams decompress to more than " +
                                        mib(limits.pdf_decompressed_bytes) + "; not read");
    };
    std::size_t checked = 0;
    for (const auto& [og, entry] : xref) {
        if (entry.getType() != 1) continue;
        QPDFObjectHandle object = pdf.getObjectByObjGen(og);
        if (object.isStream() && object.getDict().getKey("/Type").isNameAndEquals("/ObjStm"))
            check_stream(object, "object stream");
        if (++checked % 1024 == 0) check_budget();
    }
    const std::set<QPDFObjGen> contents = page_contents(pdf);
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (++checked % 256 == 0) check_budget();
        if (!object.isStream()) continue;
        QPDFObjectHandle dict = object.getDict();
        if (dict.getKey("/Type").isNameAndEquals("/ObjStm")) continue; // done above
        // Embedded files are not parsed while pages are read; each is bounded when taken.
        if (dict.getKey("/Type").isNameAndEquals("/EmbeddedFile")) continue;
        if (dict.getKey("/Subtype").isNameAndEquals("/Image") &&
            !contents.count(object.getObjGen())) {
            // An image is decoded only as far as its declared size: that size is the bound.
            const double width =
                dict.getKey("/Width").isNumber() ? dict.getKey("/Width").getNumericValue() : 0;
            const double height =
                dict.getKey("/Height").isNumber() ? dict.getKey("/Height").getNumericValue() : 0;
            if (width * height > limits.pdf_image_pixels)
                throw RecordError(
                    name, "an image of " + std::to_string(std::llround(width)) + " x " +
                              std::to_string(std::llround(height)) + " pixels; the limit is " +
                              std::to_string(std::llround(limits.pdf_image_pixels / 1e6)) +
                              " million pixels");
            continue;
        }
        check_stream(object, "stream");
    }
}

} // namespace safesar::gather_detail
