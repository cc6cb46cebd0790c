// What every recogniser produces: a span of a section's text with its category and owner.
#pragma once

#include "safesar/detect.hpp"

#include <string>
#include <vector>

namespace safesar {

struct Span {
    std::size_t begin = 0, end = 0; // original byte offsets in the section text
    Category category = Category::Name;
    Owner owner;
    float confidence = 1;
    std::string rule;
};

inline std::string owner_phrase(const Owner& o) {
    switch (o.kind) {
    case Owner::Subject: return "the requester's";
    case Owner::Party: return std::string("the listed ") + to_string(o.role) + "'s";
    case Owner::Unknown: break;
    }
    return "an unlisted person's";
}

} // namespace safesar
