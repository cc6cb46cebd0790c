// Verification of exported files: re-open them as a reader would (Poppler for the text of every
// page, libqpdf for every object, string and decoded stream, the password given) and look for
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
    // An encrypted bundle carries its JSON inside, as the PDF's only attachment, named this.
    std::string embedded_json_name = {};
};

// Redacted text still readable in the outputs, for the reviewer: what, and where. The text is
// shown to the reviewer only (the export dialog, the CLI's prompt), never logged or exported.
struct LeakFinding {
    std::string text;                 // the redacted text, as the record has it
    std::string code, citation;       // the reason it was redacted for
    std::string record;               // the title of a record that redacts it
    std::vector<std::string> places;  // where a reader finds it ("REF.pdf text of page 4")
    std::vector<std::string> kept_in; // titles of records that keep it unredacted
};

struct VerifyReport {
    // One line per problem: where, what (reason code and record title), never the redacted text.
    std::vector<std::string> failures;
    // The failures that are redacted text still readable, one per text, with their places: what
    // the reviewer can resolve (redact the remaining occurrences and export again).
    std::vector<LeakFinding> leaks;
    // Not leaks of the export, but worth a reviewer's look: a string redacted in one place that
    // the disclosure keeps unredacted elsewhere (a town in two addresses, or a missed mention).
    // The output may hold it as often as the kept text does and no more; more is a failure.
    std::vector<std::string> warnings;
    int pdf_pages = 0;      // pages Poppler read
    int needles = 0;        // redacted strings searched for
    int objects = 0;        // PDF objects walked (libqpdf)
    int streams = 0;        // streams decoded and searched
    bool encrypted = false; // the PDF is encrypted (it was opened with the password)
    bool ok() const { return failures.empty(); }
};

// `password` opens an encrypted PDF. Never throws for a leak: leaks are failures in the report.
// Throws ExportError when a file cannot be read at all.
VerifyReport verify_output(const OutputFiles& files, const Disclosure& disclosure,
                           const std::string& password = {});

} // namespace safesar
