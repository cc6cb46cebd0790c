// Verification of exported files: re-open them with Poppler (and read their bytes) and look for
// every redacted string, forbidden PDF structures and extra revisions. See docs/export.md.
#pragma once

#include "safesar/disclosure.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace safesar {

struct OutputFiles {
    std::filesystem::path pdf;  // empty: not checked
    std::filesystem::path json; // empty: not checked
    // Names used in messages (a file may be checked under its temporary name); empty: file name.
    std::string pdf_name, json_name;
    // Text the exporter wrote itself (headings, footers, the controller's Art 15 wording, reason
    // explanations, JSON keys), never record content or titles. A redacted name that is also an
    // ordinary word ("Law", "May") is not reported where it sits inside one of these strings
    // whole; anywhere else it still is.
    std::vector<std::string> fixed_text;
};

struct VerifyReport {
    // One line per problem: where, what (reason code and record title), never the redacted text.
    std::vector<std::string> failures;
    // Not leaks of the export, but worth a reviewer's look: a string redacted in one place that
    // the disclosure keeps unredacted elsewhere (a town in two addresses, or a missed mention).
    // The output may hold it as often as the kept text does and no more; more is a failure.
    std::vector<std::string> warnings;
    int pdf_pages = 0;      // pages Poppler read
    int needles = 0;        // redacted strings searched for
    bool encrypted = false; // raw-byte search of strings was impossible (strings are encrypted)
    bool ok() const { return failures.empty(); }
};

// `password` opens an encrypted PDF. Never throws for a leak: leaks are failures in the report.
// Throws ExportError when a file cannot be read at all.
VerifyReport verify_output(const OutputFiles& files, const Disclosure& disclosure,
                           const std::string& password = {});

} // namespace safesar
