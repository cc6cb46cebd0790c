#include "resolve.hpp"

#include <algorithm>

namespace safesar {

namespace {

bool form_value(const Span& s) {
    return s.recogniser == "form-value" || s.recogniser == "form-value-unlabelled";
}

// Does a row of the requester's own block make a span inside it his? A row under a label the
// lists know does for shapes of its own kind and for residue guesses (his GP, his code); a row
// under any other label ("Facilitators", "Responsible officer") only for residue codes and
// places, since such rows often name other people.
bool his_row_claims(const Span& row, const Span& s) {
    if (!(row.begin <= s.begin && s.end <= row.end)) return false;
    if (row.recogniser == "form-value")
        return row.category == s.category || (s.facts & kResidue);
    return s.recogniser == "residue-code" || s.recogniser == "residue-facility";
}

// Sentence-level findings: they stand even where a name of the requester's is inside them.
bool sentence(const Span& s) {
    return s.category == Category::SpecialCategory || s.category == Category::Safety;
}

// An address that carries a person's name inside it is still theirs: "kmaddox.hollis@..."
// names the requester's surname but belongs to someone else.
// So does a family firm's name ("Marsh & Sons Roofing"): the business of the family, who may
// be anyone of it; and a customer named after his village ("Kelbrook Athletic").
bool address_of_its_own(const Span& s) {
    return s.category == Category::Email || s.category == Category::Online ||
           s.recogniser == "family-firm" || s.recogniser == "people-columns-his-place";
}

// His surname read with a title that does not fit him or a given name not his: a relative of
// his, found over his own surname on purpose.
bool relative_of_his(const Span& s) {
    return s.recogniser == "residue-relative" || s.recogniser == "residue-title";
}

bool overlaps(const Span& a, const Span& b) { return a.begin < b.end && b.begin < a.end; }

// A listed party's own name, address or place as request.json gives it: known, not guessed.
bool listed_exact(const Span& s) {
    return s.owner.kind == Owner::Party && s.recogniser == "known-people";
}

} // namespace

// The requester's own identifiers win over a pattern or a guessed name on the same text: his
// phone number is a phone number, but it is his. Form values, sentences and addresses of their
// own stand. A school or street pattern that reaches back over a person's name ("Ellie Doyle St
// Mary's School" in a table row) is cut to start after it: the name has its own finding.
std::vector<Span> resolve(std::vector<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::vector<Span> names, subject, subject_rows; // all sorted by begin
    for (const auto& s : spans) {
        if (s.owner.kind == Owner::Subject && !sentence(s))
            (form_value(s) ? subject_rows : subject).push_back(s);
        if (s.category == Category::Name) names.push_back(s);
    }
    // Spans of `list` that may overlap [b, e): a window found by binary search, since spans of
    // one list rarely nest deeply.
    auto overlapping = [](const std::vector<Span>& list, const Span& s, auto&& pred) {
        auto it = std::lower_bound(list.begin(), list.end(), s.begin, [](const Span& x, std::size_t b) {
            return x.begin < b;
        });
        // Back up over spans that start before s but may reach into it (bounded look-back).
        for (int back = 0; it != list.begin() && back < 16; ++back) --it;
        for (; it != list.end() && it->begin < s.end; ++it)
            if (overlaps(*it, s) && pred(*it)) return true;
        return false;
    };
    std::vector<Span> out;
    out.reserve(spans.size());
    for (auto& s : spans) {
        if (form_value(s) && s.owner.kind == Owner::Subject) continue; // a marker only
        // A shape nobody is known to own inside a row of the requester's block is his when it
        // is of the same kind (his car) or a residue guess (his GP's name, his own code).
        if (s.owner.kind == Owner::Unknown &&
            overlapping(subject_rows, s, [&](const Span& r) { return his_row_claims(r, s); }))
            continue;
        const bool pattern = s.owner.kind == Owner::Unknown &&
                             (s.category == Category::School || s.category == Category::Address);
        if (pattern)
            overlapping(names, s, [&](const Span& n) {
                if (n.begin <= s.begin && n.end > s.begin && n.end < s.end) s.begin = n.end;
                return false;
            });
        // A listed party's exact term gives way only to an exact term of his: "Works at X" is
        // not his because his surname stood last before it, when X is her listed workplace.
        if (s.owner.kind != Owner::Subject && !sentence(s) && !form_value(s) &&
            !address_of_its_own(s) && !relative_of_his(s) &&
            overlapping(subject, s, [&](const Span& h) {
                return !listed_exact(s) || h.recogniser == "known-people";
            }))
            continue;
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    // Drop exact duplicates (same span, same category), keeping the better-attributed one: a
    // known owner over none, a listed party's exact term over a guess of whose the text is (his,
    // or the last person named before it), his surname read as a relative's over his own.
    std::vector<Span> unique;
    for (auto& s : out) {
        if (!unique.empty() && unique.back().begin == s.begin && unique.back().end == s.end &&
            unique.back().category == s.category) {
            const Span& kept = unique.back();
            if ((kept.owner.kind == Owner::Unknown && s.owner.kind != Owner::Unknown) ||
                (kept.recogniser != "known-people" && listed_exact(s)) ||
                (kept.owner.kind == Owner::Subject && relative_of_his(s)))
                unique.back() = std::move(s);
            continue;
        }
        unique.push_back(std::move(s));
    }
    return unique;
}

} // namespace safesar
