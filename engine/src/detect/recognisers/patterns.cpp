// Every pattern of dictionaries/detect/patterns.json: one RE2::Set pass finds which patterns
// occur in a section, then each of those is run over it (RE2: linear in the text), each match
// checked by its validator and scored, with the score raised by a context word just before it.
#include "recognisers.hpp"
#include "sentence_people.hpp"

#include "safesar/errors.hpp"
#include "validators.hpp"

#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <cstdint>
#include <fstream>

namespace safesar {

namespace {

struct Pattern {
    std::string id, rule;
    Category category = Category::Name;
    float score = 0.5f;
    int group = 0;
    std::vector<std::string> context; // folded words
    float context_score = 0;
    // Folded words of a table column's label that say what the value is ("nhs" of "nhs_no"):
    // in such a column a value that fails the validator is still one (a typo, a test number).
    std::vector<std::string> column_labels;
    bool column_only = false; // found only in such a column (validator "column-only")
    Validator validate;
    std::unique_ptr<RE2> re;
};

Category category_named(const std::string& name, const std::string& file) {
    for (Category c : all_categories())
        if (name == to_string(c)) return c;
    throw DataError(file, "unknown category \"" + name + "\"");
}

std::string capitalised_alternatives(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (w.empty()) continue;
        std::string cap = w;
        cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
        out += (out.empty() ? "" : "|") + cap;
    }
    return out;
}

// Boat words for a pattern: an abbreviation of two letters in capitals, with or without stops
// ("NB", "N.B."); the others in any case ("narrowboat", "Narrow Boat").
std::string boat_alternatives(const std::vector<std::string>& words) {
    std::string abbreviations, others;
    for (const auto& w : words) {
        if (w.size() == 2 && std::isalpha(static_cast<unsigned char>(w[0])) &&
            std::isalpha(static_cast<unsigned char>(w[1]))) {
            const char a = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
            const char b = static_cast<char>(std::toupper(static_cast<unsigned char>(w[1])));
            abbreviations +=
                std::string(abbreviations.empty() ? "" : "|") + a + b + "|" + a + "\\." + b + "\\.";
        } else {
            others += (others.empty() ? "" : "|") + RE2::QuoteMeta(w);
        }
    }
    return "(?:" + abbreviations + "|(?i:" + others + "))";
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

class Patterns final : public Recogniser {
  public:
    Patterns(const Case* request, const Lexicon& lexicon, const std::filesystem::path& dir)
        : known_(request) {
        const auto file = dir / "detect" / "patterns.json";
        std::ifstream in(file);
        if (!in) throw DataError(file.string(), "cannot be read");
        nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
        if (doc.is_discarded()) throw DataError(file.string(), "not valid JSON");
        const std::string months =
            "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
            "aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
        RE2::Options opts;
        opts.set_log_errors(false);
        opts.set_max_mem(64 << 20);
        set_ = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
        try {
            for (const auto& j : doc.at("patterns")) {
                Pattern p;
                p.id = j.at("id");
                p.rule = j.at("rule");
                p.category = category_named(j.at("category"), file.string());
                p.score = j.at("score");
                p.group = j.value("group", 0);
                for (const auto& w : j.value("context", std::vector<std::string>{}))
                    p.context.push_back(fold(w));
                p.context_score = j.value("context_score", 0.0f);
                for (const auto& w : j.value("column_labels", std::vector<std::string>{}))
                    p.column_labels.push_back(fold(w));
                p.validate = validator(j.value("validator", "none"));
                p.column_only = j.value("validator", "none") == "column-only";
                std::string re = j.at("pattern");
                replace_all(re, "{months}", months);
                replace_all(re, "{street_suffixes}",
                            capitalised_alternatives(lexicon.street_suffixes));
                replace_all(re, "{company_words}", capitalised_alternatives(lexicon.company_words));
                replace_all(re, "{boat_words}", boat_alternatives(lexicon.boat_words));
                p.re = std::make_unique<RE2>(re, opts);
                if (!p.re->ok())
                    throw DataError(file.string(), "pattern " + p.id + ": " + p.re->error());
                if (p.group > p.re->NumberOfCapturingGroups())
                    throw DataError(file.string(),
                                    "pattern " + p.id + ": no group " + std::to_string(p.group));
                std::string err;
                if (set_->Add(re, &err) < 0)
                    throw DataError(file.string(), "pattern " + p.id + ": " + err);
                patterns_.push_back(std::move(p));
            }
        } catch (const nlohmann::json::exception& e) {
            throw DataError(file.string(), std::string("malformed pattern: ") + e.what());
        } catch (const std::invalid_argument& e) {
            throw DataError(file.string(), e.what());
        }
        if (!set_->Compile()) throw DataError(file.string(), "patterns too large to compile");
    }

    std::string_view id() const override { return "patterns"; }
    Phase phase() const override { return Phase::Shapes; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        const PatternText spaced = pattern_text(ctx.text);
        const std::string& text = spaced.original.empty() ? ctx.text : spaced.copy;
        std::vector<int> hits;
        if (!set_->Match(text, &hits)) return;
        for (int h : hits) {
            const Pattern& p = patterns_[static_cast<std::size_t>(h)];
            const int n = p.re->NumberOfCapturingGroups() + 1;
            std::vector<re2::StringPiece> g(static_cast<std::size_t>(n));
            std::size_t pos = 0;
            while (pos <= text.size() &&
                   p.re->Match(text, pos, text.size(), RE2::UNANCHORED, g.data(), n)) {
                const std::size_t begin = static_cast<std::size_t>(g[0].data() - text.data());
                std::size_t end = begin + g[0].size();
                // A match that ran on over a line break and failed its check may hold a good
                // match that ends at the break: "Tel: 07700 900 000" then "1 July 2025".
                if (!emit(ctx, text, spaced, p, g, out)) {
                    const std::size_t cut = std::string_view(g[0].data(), g[0].size()).rfind('\n');
                    if (cut != std::string_view::npos && cut > 0 &&
                        p.re->Match(text, begin, begin + cut, RE2::ANCHOR_START, g.data(), n) &&
                        emit(ctx, text, spaced, p, g, out))
                        end = begin + g[0].size();
                }
                pos = end > pos ? end : pos + 1;
            }
        }
    }

  private:
    // The text the patterns run over: the section's, or, when it holds Unicode spaces (a
    // no-break space between a phone number's groups, as web pages and word processors write
    // them; a thin or a figure space), a copy with each made one ASCII space, so that a pattern's
    // space matches it. `original` maps the copy's offsets back (empty: the section's own text).
    struct PatternText {
        std::string copy;
        std::vector<std::uint32_t> original;
        std::size_t to_original(std::size_t at) const {
            return original.empty() ? at : original[at];
        }
    };
    static PatternText pattern_text(const std::string& text) {
        PatternText out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            std::size_t n = unicode_space_at(text, i);
            if (n == 0 && out.original.empty()) continue;
            if (out.original.empty()) { // the first: copy what came before it
                out.copy.assign(text, 0, i);
                out.original.resize(i);
                for (std::size_t k = 0; k < i; ++k)
                    out.original[k] = static_cast<std::uint32_t>(k);
            }
            out.original.push_back(static_cast<std::uint32_t>(i));
            out.copy += n ? ' ' : text[i];
            if (n) i += n - 1;
        }
        if (!out.original.empty()) out.original.push_back(static_cast<std::uint32_t>(text.size()));
        return out;
    }
    // The length in bytes of a Unicode space at `i` (U+00A0, U+2000-200A, U+202F, U+205F,
    // U+3000), or 0.
    static std::size_t unicode_space_at(const std::string& t, std::size_t i) {
        const auto at = [&](std::size_t k) {
            return k < t.size() ? static_cast<unsigned char>(t[k]) : 0u;
        };
        const unsigned c = at(i), c1 = at(i + 1), c2 = at(i + 2);
        if (c == 0xC2 && c1 == 0xA0) return 2;
        if (c == 0xE2 && c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xAF)) return 3;
        if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;
        if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
        return 0;
    }

    // Returns whether the match was taken. `text` is what the patterns ran over (`spaced`, or
    // the section's text): the match is judged there, then placed in the section's text.
    bool emit(SectionContext& ctx, const std::string& text, const PatternText& spaced,
              const Pattern& p, const std::vector<re2::StringPiece>& g,
              std::vector<Span>& out) const {
        const re2::StringPiece m = g[static_cast<std::size_t>(p.group)];
        if (m.data() == nullptr) return false;
        Span s;
        s.begin = static_cast<std::size_t>(m.data() - text.data());
        s.end = s.begin + m.size();
        s.category = p.category;
        s.confidence = p.score;
        s.rule = p.rule;
        s.recogniser = p.id;
        if (!p.context.empty()) {
            const std::size_t from = s.begin > 40 ? s.begin - 40 : 0;
            const std::string before = fold(std::string_view(text).substr(from, s.begin - from));
            for (const auto& w : p.context)
                if (before.find(w) != std::string::npos) {
                    s.confidence = std::min(1.0f, s.confidence + p.context_score);
                    break;
                }
        }
        PatternMatch match{ctx, text, g, known_, s};
        const bool valid = p.validate(match);
        s.begin = spaced.to_original(s.begin);
        s.end = spaced.to_original(s.end);
        if (!valid) {
            const Field* column = labelled_column(ctx, p, s);
            if (!column) return false;
            s.rule = p.column_only ? p.rule + " (the column '" + column->label + "')"
                                   : "a number of its shape in the column '" + column->label +
                                         "' (the label says what it is; it fails the check: a "
                                         "typo or a test number)";
        }
        if (s.end <= s.begin) return false;
        // A file or client reference, or a card's number, right after the requester's name on
        // its line is his ("Gordon Marsh 4929 1111 2222 3334").
        if ((p.id == "case-reference" || p.id == "grouped-digits") &&
            s.owner.kind == Owner::Unknown && ctx.follows_requester_on_line(s.begin, s.end)) {
            s.owner = Owner{Owner::Subject, -1, Role::Subject};
            s.facts |= kRequesterFile;
            s.rule += ", after the requester's name on its line";
        }
        // An identity number on the line of the requester's own date of birth is his: a file's
        // heading ("DOB 01.02.1980   NHS 943 476 5919").
        if (s.category == Category::IdNumber && s.owner.kind == Owner::Unknown &&
            after_his_birth_date(ctx, out, s.begin)) {
            s.owner = Owner{Owner::Subject, -1, Role::Subject};
            s.rule += ", on the line of the requester's date of birth";
        }
        // "Her crime reference is ...", "his incident number": a reference the requester's
        // possessive introduces is his (by the sex the records give him), unless someone else is
        // named before it in its sentence.
        if ((s.category == Category::Reference || s.category == Category::IdNumber) &&
            s.owner.kind == Owner::Unknown && possessed_by_requester(ctx, s.begin)) {
            s.owner = Owner{Owner::Subject, -1, Role::Subject};
            s.rule += ", introduced by the requester's possessive";
        }
        // A handle that is the requester's name as a handle writes it ("@dmarsh": his initial
        // and surname run together) is his; a surname alone may be any of his family's.
        if (p.id == "social-handle" && s.owner.kind == Owner::Unknown && his_name_is(ctx, s)) {
            s.owner = Owner{Owner::Subject, -1, Role::Subject};
            s.rule += ", the requester's name";
        }
        out.push_back(std::move(s));
        return true;
    }

    // The row's column whose value the match is, when its label holds one of the pattern's
    // column words.
    static const Field* labelled_column(const SectionContext& ctx, const Pattern& p,
                                        const Span& s) {
        if (p.column_labels.empty() || ctx.section.kind != SectionKind::Row) return nullptr;
        for (const Field& f : ctx.section.fields) {
            if (s.begin < f.begin || s.end > f.end) continue;
            const auto words = tokenize(fold(f.label));
            for (const auto& w : p.column_labels)
                if (std::find(words.begin(), words.end(), w) != words.end()) return &f;
        }
        return nullptr;
    }

    // A name of the requester's found as the whole of the handle [s.begin + 1, s.end): one
    // look-up in the people found so far, not a walk of every finding for every handle.
    static bool his_name_is(const SectionContext& ctx, const Span& s) {
        const Span* d = ctx.person_at(s.begin + 1);
        return d && d->owner.kind == Owner::Subject && d->begin == s.begin + 1 && d->end == s.end;
    }

    static bool possessed_by_requester(const SectionContext& ctx, std::size_t at) {
        const Gender g = ctx.knowledge.subject_gender;
        std::size_t from = at > 48 ? at - 48 : 0;
        if (const std::size_t nl = std::string_view(ctx.text).substr(from, at - from).rfind('\n');
            nl != std::string_view::npos)
            from += nl + 1;
        const std::vector<std::string> words =
            tokenize(fold(std::string_view(ctx.text).substr(from, at - from)));
        static const std::array<std::string_view, 16> cues{
            "crime", "incident", "police", "reference",  "ref", "number", "no",         "log",
            "case",  "is",       "was",    "occurrence", "cad", "card",   "membership", "account"};
        // Back from the reference over cue words, and one other word once a cue is passed ("his
        // Saver card"; not a relation: "his partner's card"), to the possessive. In a letter to
        // the requester "your" is his.
        bool other_word = false;
        for (std::size_t k = words.size(); k-- > 0;) {
            const std::string& w = words[k];
            const bool yours = w == "your" && ctx.addressed_to_requester();
            if (w == "his" || w == "her" || yours) {
                if (k + 1 == words.size() ||
                    (!yours && (g == Gender::Unknown || (w == "his") != (g == Gender::Male))))
                    return false;
                const Span* p = ctx.last_person_before(at);
                return !p || p->owner.kind == Owner::Subject || !ctx.same_sentence(p->begin, at);
            }
            if (std::find(cues.begin(), cues.end(), w) != cues.end()) continue;
            if (other_word || k + 1 == words.size() || relation_word(w)) return false;
            other_word = true;
        }
        return false;
    }

    static bool after_his_birth_date(const SectionContext& ctx, const std::vector<Span>& found,
                                     std::size_t at) {
        for (const Span& d : found)
            if (d.category == Category::DateOfBirth && d.owner.kind == Owner::Subject &&
                d.end <= at && at - d.end <= 40 && ctx.one_line(d.end, at))
                return true;
        return false;
    }

    KnownValues known_;
    std::vector<Pattern> patterns_;
    std::unique_ptr<RE2::Set> set_;
};

} // namespace

Recognisers make_patterns(const Case* request, const Lexicon& lexicon,
                          const std::filesystem::path& dictionaries) {
    Recognisers r;
    r.push_back(std::make_unique<Patterns>(request, lexicon, dictionaries));
    return r;
}

} // namespace safesar
