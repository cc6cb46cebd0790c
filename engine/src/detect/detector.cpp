// The detector: runs every recogniser over each section and merges what they found. Two passes
// over the case: the first collects unlisted people named in full somewhere (Tom Egerton), so
// the second also finds them where they are named only in part (Mr Egerton, Egerton's).
#include "safesar/detect.hpp"

#include "address_tails.hpp"
#include "folded_text.hpp"
#include "form_rows.hpp"
#include "known_terms.hpp"
#include "lexicon.hpp"
#include "patterns.hpp"
#include "people_columns.hpp"
#include "places.hpp"
#include "special_category.hpp"
#include "unlisted_people.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

namespace safesar {

const char* to_string(Category c) {
    switch (c) {
    case Category::Name: return "name";
    case Category::Address: return "address";
    case Category::Postcode: return "postcode";
    case Category::Phone: return "phone";
    case Category::Email: return "email";
    case Category::DateOfBirth: return "date-of-birth";
    case Category::School: return "school";
    case Category::Workplace: return "workplace";
    case Category::Vehicle: return "vehicle";
    case Category::Reference: return "reference";
    case Category::IdNumber: return "id-number";
    case Category::Financial: return "financial";
    case Category::Online: return "online";
    case Category::SpecialCategory: return "special-category";
    }
    return "name";
}

std::size_t code_point_offset(const std::string& text, std::size_t byte_offset) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    return n;
}

struct Detector::Impl {
    const Case* request;
    Lexicon lexicon;
    KnownTerms terms;
    PatternRecognisers patterns;

    Impl(const Case* r, const std::filesystem::path& dir)
        : request(r), lexicon(Lexicon::load(dir)), terms(r, lexicon), patterns(r, lexicon) {}

    struct SectionResult {
        std::vector<Span> spans;
        std::vector<UnlistedPerson> unlisted;
        int mr = 0, other_title = 0; // how the section addresses the requester's surname
    };

    static void count_titles(const std::vector<Token>& tokens, const std::string& surname,
                             SectionResult& r);

    // Whose is "moved to X" or "works at Y"? The person named last before it in the same
    // paragraph, by name or by a pronoun's antecedent; unknown when nobody is.
    // In a perpetrator request the requester owns such a place only when his name is in the
    // same sentence: "She is settled in Barnsley now" after a line about him is not his.
    static Owner last_person_before(const std::vector<Span>& people, const std::string& text,
                                    std::size_t at, bool perpetrator) {
        const Span* last = nullptr;
        for (const auto& p : people)
            if (p.category == Category::Name && p.end <= at && (!last || p.end > last->end))
                last = &p;
        if (!last) return Owner{};
        if (text.find("\n\n", last->end) < at) return Owner{}; // another paragraph
        if (perpetrator && last->owner.kind == Owner::Subject)
            for (std::size_t k = last->end; k + 1 < at; ++k)
                if ((text[k] == '.' || text[k] == '?' || text[k] == '!' || text[k] == ';') &&
                    std::isspace(static_cast<unsigned char>(text[k + 1])))
                    return Owner{};
        return last->owner;
    }

    // Pass 1 needs only the people; pass 2 runs every recogniser.
    SectionResult scan(const Section& section, const KnownTerms& known,
                       bool people_only = false) const {
        SectionResult r;
        const std::string& text = section.text;
        FoldedText folded = fold_text(text);
        std::vector<Token> tokens = tokenize(folded);

        std::vector<Span> matched = known.match(folded, tokens, text);
        std::vector<bool> taken(tokens.size(), false);
        {
            std::size_t k = 0;
            for (std::size_t i = 0; i < tokens.size(); ++i) {
                std::size_t ob = folded.original_begin(tokens[i].begin);
                while (k < matched.size() && matched[k].end <= ob) ++k;
                taken[i] = k < matched.size() && matched[k].begin <= ob;
            }
        }
        std::vector<Span> people;
        for (auto& m : matched)
            if (!m.rule.empty()) people.push_back(std::move(m)); // organisations only mark words
        for (auto& n : known.nicknames(folded, tokens, taken, text)) people.push_back(std::move(n));
        r.unlisted = find_unlisted_people(folded, tokens, taken, text, known.subject_tokens(),
                                          lexicon);
        for (const auto& u : r.unlisted) {
            if (u.span.rule == kSharedGivenName)
                std::erase_if(people, [&](const Span& p) {
                    return p.owner.kind == Owner::Subject && p.begin < u.span.end &&
                           u.span.begin < p.end;
                });
            people.push_back(u.span);
        }
        if (!section.fields.empty() && !people_only)
            for (auto& s : find_people_in_columns(section, folded, tokens, taken, lexicon))
                people.push_back(std::move(s));
        if (people_only) {
            count_titles(tokens, known.subject_surname(), r);
            return r;
        }

        std::vector<Span> found = people;
        const bool perpetrator = request && request->profile == Profile::Perpetrator;
        std::vector<Span> shaped = patterns.find(text);
        for (auto& s : find_unnumbered_places(folded, tokens, taken, text, lexicon))
            shaped.push_back(std::move(s));
        for (auto& s : shaped) {
            if (s.rule == "a place where someone lives" || s.rule == "a place where someone works")
                s.owner = last_person_before(people, text, s.begin, perpetrator);
            found.push_back(std::move(s));
        }
        for (auto& s : find_address_tails(text, found, lexicon))
            found.push_back(std::move(s));
        for (auto& s : find_form_values(section, folded, people)) found.push_back(std::move(s));
        for (auto& s : find_special_category(text, folded, tokens, people, lexicon, perpetrator))
            found.push_back(std::move(s));
        r.spans = resolve(std::move(found));
        return r;
    }

    // The requester's own identifiers win over a pattern or a guessed name on the same text:
    // his phone number is a phone number, but it is his. Form values and special-category
    // sentences stand: they are about someone else even where the requester's town appears.
    // A school or street pattern that reaches back over a person's name ("Ellie Doyle St
    // Mary's School" in a table row) is cut to start after it: the name has its own finding.
    static std::vector<Span> resolve(std::vector<Span> spans) {
        std::vector<Span> names, subject, subject_rows;
        auto form_value = [](const Span& s) { return s.rule.rfind("a form value", 0) == 0; };
        for (auto& s : spans) {
            if (s.owner.kind == Owner::Subject)
                (form_value(s) ? subject_rows : subject).push_back(s);
            if (s.category == Category::Name) names.push_back(s);
        }
        std::vector<Span> out;
        for (auto& s : spans) {
            if (form_value(s) && s.owner.kind == Owner::Subject) continue; // a marker only
            // A shape nobody is known to own, inside a row of the requester's block and of the
            // same kind (Vehicle: his car), is his; a listed person's term there stays theirs.
            if (s.owner.kind == Owner::Unknown &&
                std::any_of(subject_rows.begin(), subject_rows.end(), [&](const Span& r) {
                    return r.category == s.category && r.begin <= s.begin && s.end <= r.end;
                }))
                continue;
            const bool pattern = s.owner.kind == Owner::Unknown &&
                                 (s.category == Category::School || s.category == Category::Address);
            if (pattern)
                for (const auto& n : names)
                    if (n.begin <= s.begin && n.end > s.begin && n.end < s.end) s.begin = n.end;
            if (s.owner.kind != Owner::Subject && s.category != Category::SpecialCategory &&
                s.rule.rfind("a form value", 0) != 0) {
                bool over = false;
                for (auto& m : subject)
                    if (s.begin < m.end && m.begin < s.end) {
                        over = true;
                        break;
                    }
                if (over) continue;
            }
            out.push_back(std::move(s));
        }
        std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) {
            return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
        });
        // Drop exact duplicates (same span, same category), keeping the better-attributed one.
        std::vector<Span> unique;
        for (auto& s : out) {
            if (!unique.empty() && unique.back().begin == s.begin && unique.back().end == s.end &&
                unique.back().category == s.category) {
                if (unique.back().owner.kind == Owner::Unknown && s.owner.kind != Owner::Unknown)
                    unique.back() = std::move(s);
                continue;
            }
            unique.push_back(std::move(s));
        }
        return unique;
    }
};

// How does a section address the requester: "Mr Whitlock" or "Mrs/Ms/Miss Whitlock"?
void Detector::Impl::count_titles(const std::vector<Token>& tokens, const std::string& surname,
                                  SectionResult& r) {
    if (surname.empty()) return;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        std::size_t j = i + 1; // Mr Whitlock, Mr D. Whitlock
        if (tokens[j].text.size() == 1 && j + 1 < tokens.size()) ++j;
        if (tokens[j].text != surname) continue;
        if (tokens[i].text == "mr") ++r.mr;
        else if (tokens[i].text == "mrs" || tokens[i].text == "ms" || tokens[i].text == "miss")
            ++r.other_title;
    }
}

Detector::Detector(const Case* request, const std::filesystem::path& dictionaries)
    : impl_(std::make_unique<Impl>(request, dictionaries)) {}

Detector::~Detector() = default;

std::vector<Finding> Detector::detect(const std::vector<Record>& records) const {
    KnownTerms known = impl_->terms;
    // Pass 1: unlisted people named with at least two words, or after a title; and how the
    // records address the requester.
    int mr = 0, other_title = 0;
    for (const auto& rec : records)
        for (const auto& sec : rec.sections) {
            auto r = impl_->scan(sec, impl_->terms, true);
            mr += r.mr;
            other_title += r.other_title;
            for (const auto& u : r.unlisted)
                if (u.tokens.size() >= 2 || u.span.rule.find("title") != std::string::npos ||
                    u.span.rule.find("family") != std::string::npos)
                    known.add_discovered(u.tokens);
        }
    if (impl_->request) known.add_other_titles(mr >= other_title, *impl_->request);

    // Pass 2: everything, with the discovered names known.
    std::vector<Finding> findings;
    for (std::size_t r = 0; r < records.size(); ++r)
        for (std::size_t s = 0; s < records[r].sections.size(); ++s) {
            const Section& sec = records[r].sections[s];
            for (auto& sp : impl_->scan(sec, known).spans) {
                Finding f;
                f.record = r;
                f.section = s;
                f.begin = sp.begin;
                f.end = sp.end;
                f.category = sp.category;
                f.owner = sp.owner;
                f.confidence = sp.confidence;
                f.rule = std::move(sp.rule);
                f.text = sec.text.substr(sp.begin, sp.end - sp.begin);
                findings.push_back(std::move(f));
            }
        }
    return findings;
}

std::vector<TextFinding> Detector::detect_text(const std::string& text) const {
    Section s;
    s.text = text;
    std::vector<TextFinding> out;
    for (auto& sp : impl_->scan(s, impl_->terms).spans)
        out.push_back({sp.begin, sp.end, sp.category, sp.owner, sp.confidence, sp.rule});
    return out;
}

} // namespace safesar
