// What every recogniser produces: a span of a section's text with its category, its owner and
// the facts policy may need to decide on it.
#pragma once

#include "safesar/detect.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace safesar {

struct Span {
    std::size_t begin = 0, end = 0; // original byte offsets in the section text
    Category category = Category::Name;
    Owner owner;
    float confidence = 1;
    std::string rule;                // why, in words a reviewer reads
    std::string_view recogniser;     // the id of the recogniser that found it (static storage)
    Owner likely;                    // a weaker attribution (the person named last before it)
    std::uint32_t facts = 0;         // FindingFact bits
    // Pass 1: an unlisted person named well enough (two words, a title, "the X family") to be
    // looked for everywhere else in the case.
    bool discoverable = false;
};

// Who owns a finding, in a reviewer's words: "the requester", "the listed victim".
inline std::string owner_noun(const Owner& o) {
    switch (o.kind) {
    case Owner::Subject:
        return "the requester";
    case Owner::Party:
        return std::string("the listed ") + to_string(o.role);
    case Owner::Unknown: break;
    }
    return "an unlisted person";
}

inline std::string owner_phrase(const Owner& o) {
    return owner_noun(o) + "'s";
}

} // namespace safesar
