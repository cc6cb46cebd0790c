// The readers of the formats issue, on what libmagic says the input is: Word and ODF documents,
// workbooks (zip), .doc, .xls and Outlook .msg (OLE), RTF, web pages and photographs, with
// every attachment they hold. PDFs are the pdf harness's; OCR is off.
// seeds: *.docx *.docm *.odt *.ods *.xlsx *.doc *.xls *.msg *.rtf *.html *.jpg *.png *.tiff *.heic
#include "fuzz_support.hpp"
#include "gather/file_kind.hpp"
#include "gather/read_record.hpp"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static safesar::FileKindSniffer sniffer; // libmagic's database, loaded once
    const std::vector<unsigned char> bytes(data, data + size);
    const safesar::FileKind kind = sniffer.of_bytes(bytes, "fuzz");
    if (kind.reader == safesar::Reader::Pdf) return 0;
    safesar::fuzz::expect_no_crash([&] {
        std::vector<safesar::Record> attachments;
        safesar::gather_detail::read_record(kind, "fuzz", "fuzz", &bytes,
                                            safesar::fuzz::options(), attachments);
    });
    return 0;
}
