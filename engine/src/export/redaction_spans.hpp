// A record's redactions sorted by section, and the text of a section cut into kept pieces and
// redaction tokens. Everything export writes as text goes through here, so a redacted byte
// cannot reach an output by another road.
#pragma once

#include "safesar/disclosure.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace safesar::exporting {

// One piece of exported text: kept text, or a token standing for redacted text.
struct Piece {
    std::string text;                    // kept text (may hold '\n'); empty for a token
    bool token = false;                  // a redaction: print token_text(code)
    std::string code;                    // reason code of the token
    std::vector<std::size_t> redactions; // indices into RecordDisclosure::redactions
};

// "[TP]"; "[REDACTED]" for a reason without a code.
std::string token_text(const std::string& code);
// The pieces as one string, tokens written as token_text.
std::string joined_text(const std::vector<Piece>& pieces);

struct Span {
    std::size_t begin = 0, end = 0; // bytes, snapped outward to character boundaries
    std::size_t redaction = 0;      // index into RecordDisclosure::redactions
};

// Every redaction of a record, grouped by section. Throws ExportError when a redaction names a
// section the record does not have (fail closed: it could not be applied).
class SectionSpans {
  public:
    explicit SectionSpans(const RecordDisclosure& disclosure);
    const std::vector<Span>& of(std::size_t section) const; // sorted by begin
    const RecordDisclosure& disclosure() const { return *disclosure_; }

  private:
    const RecordDisclosure* disclosure_;
    std::vector<std::vector<Span>> by_section_;
};

// The bytes [begin, end) of section `section` as pieces: overlapping or touching redactions
// merge into one token (its code is the first one's).
std::vector<Piece> redact_slice(const SectionSpans& spans, std::size_t section, std::size_t begin,
                                std::size_t end);

// Where a field's label stands in its section's text: readers write "label: value", so it ends
// two bytes before the value. None for a label of the reader's own ("Title") not in the text.
std::optional<std::size_t> label_begin(const Section& section, const Field& field);

// A field's label as export shows it. Readers write "label: value", so the label stands in the
// section's text just before its value, where detection read it: what was found there (a column
// headed by a customer's name and address) is redacted in the label as in the value.
std::string shown_label(const SectionSpans& spans, std::size_t section, const Field& field);

// Appends `more` to `pieces`, merging neighbouring kept text.
void append_pieces(std::vector<Piece>& pieces, std::vector<Piece> more);

} // namespace safesar::exporting
