// Validators of the patterns in dictionaries/detect/patterns.json, by name: each checks a match
// against its published specification (a checksum, the letters allowed at each position) and
// may give it an owner (a listed person's phone number, e-mail address or date of birth).
#pragma once

#include "../recogniser.hpp"

#include "safesar/case_model.hpp"

#include <re2/re2.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace safesar {

// The request's identifiers compared by value.
struct KnownValues {
    struct Known {
        std::string key;
        Owner owner;
        std::string who;
    };
    std::vector<Known> phones, emails;
    std::vector<std::pair<Date, Known>> dobs;
    // Every listed person's given names (given_names), with whose they are.
    std::vector<std::pair<std::string, Known>> party_given;
    int received_year = 0; // the request's; 0 when detection runs without one

    explicit KnownValues(const Case* request);
    const Known* phone(const std::string& key) const;
    const Known* email(const std::string& folded) const;
    const Known* dob(const Date& d) const;
    const Known* birthday(int month, int day) const; // a listed date of birth's day and month
    // Whose a username is by the given names in it ("jo.bloggs90"): the requester's only when
    // one of `subject_given` (KnownTerms::subject_given) is in it and no listed person's is;
    // nothing when nobody's known.
    std::optional<Known> username_owner(std::string_view folded_handle,
                                        const std::vector<std::string>& subject_given) const;
};

// One match of a pattern: the whole text, the groups, and the span about to be emitted (its
// begin and end already on the pattern's group, its category, score and rule from the data).
struct PatternMatch {
    const SectionContext& ctx;
    const std::string& text;
    const std::vector<re2::StringPiece>& groups;
    const KnownValues& known;
    Span& span;
};

// Returns false to drop the match.
using Validator = std::function<bool(PatternMatch&)>;

// The validator called `name`; throws std::invalid_argument for an unknown name.
Validator validator(const std::string& name);

} // namespace safesar
