// A PDF's object structure read with qpdf before Poppler reads a single page. Two jobs:
// - the limits: a decompression bomb, an object flood or an image of a billion pixels is
//   refused here with a clear reason, instead of hanging or exhausting memory in Poppler;
// - the raw text strings (metadata, outlines, annotations, form fields, attachment names),
//   which Poppler hands over undecoded or wrongly decoded; pdf_extras decodes them.
#pragma once

#include "safesar/limits.hpp"

#include <qpdf/QPDF.hh>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace safesar::gather_detail {

class PdfStructure {
  public:
    // `data` must outlive the object. Throws RecordError(name, ...) when the file breaks a
    // limit. A file qpdf cannot parse at all is not an error here (Poppler may still read its
    // pages): usable() is then false and problem() says why.
    PdfStructure(const std::vector<char>& data, const std::string& name, const Limits& limits,
                 const std::function<void()>& check_budget);

    bool usable() const { return qpdf_ != nullptr; }
    const std::string& problem() const { return problem_; }
    QPDF& qpdf() { return *qpdf_; }

  private:
    void check_limits(const std::string& name, const Limits& limits,
                      const std::function<void()>& check_budget);

    std::unique_ptr<QPDF> qpdf_;
    std::string problem_;
};

// The decompressed bytes of `stream`; empty, with `too_large` set, when they would pass `limit`
// (decompression stops there).
std::string pdf_stream_bytes(QPDFObjectHandle stream, std::size_t limit, bool& too_large);

} // namespace safesar::gather_detail
