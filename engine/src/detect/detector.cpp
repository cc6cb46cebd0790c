// The detector: runs the registry's recognisers over each section, phase by phase, and
// resolves what they found. Three steps over the case:
//  1. people only: unlisted people named in full somewhere (Tom Egerton), and how the records
//     address the requester (Mr or Mrs), so that
//  2. every recogniser, with those names known, also finds them where they are named only in
//     part (Mr Egerton, Egerton's); and
//  3. a value found as someone else's in one record is found wherever it recurs, so one value
//     gets one decision across the case (a name redacted in one record and readable in another
//     would fail the export's verification, and leak).
#include "safesar/detect.hpp"
#include "safesar/enum_names.hpp"

#include "calendar_words.hpp"
#include "filed_under.hpp"
#include "folded_text.hpp"
#include "known_terms.hpp"
#include "lexicon.hpp"
#include "recognisers/sentence_people.hpp"
#include "registry.hpp"
#include "resolve.hpp"
#include "same_digits.hpp"
#include "windows.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace safesar {

const char* to_string(Category c) {
    return category_names.name(c);
}

const std::vector<Category>& all_categories() {
    static const std::vector<Category> all = [] {
        std::vector<Category> out;
        for (const auto& e : category_names.entries)
            out.push_back(e.value);
        return out;
    }();
    return all;
}

const char* fact_name(std::uint32_t bit) {
    switch (bit) {
    case kSubjectNamed:
        return "subject-named";
    case kOtherNamed:
        return "other-named";
    case kSubjectPronoun:
        return "subject-pronoun";
    case kOtherPronoun:
        return "other-pronoun";
    case kAboutAbuser:
        return "about-abuser";
    case kResidue:
        return "residue";
    case kRequesterFile:
        return "requester-file";
    case kAboutOther:
        return "about-someone-else";
    case kDay:
        return "day";
    default:
        return nullptr;
    }
}

namespace {
bool starts_code_point(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}
} // namespace

CodePointCounter::CodePointCounter(const std::string& text) : text_(text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % kStride == 0) before_.push_back(count);
        if (starts_code_point(text[i])) ++count;
    }
}

std::size_t CodePointCounter::at(std::size_t byte_offset) const {
    byte_offset = std::min(byte_offset, text_.size());
    const std::size_t block = byte_offset / kStride;
    if (block >= before_.size()) { // the very end of a text whose size is a multiple of kStride
        std::size_t n = before_.empty() ? 0 : before_.back();
        for (std::size_t i = before_.empty() ? 0 : (before_.size() - 1) * kStride; i < byte_offset;
             ++i)
            if (starts_code_point(text_[i])) ++n;
        return n;
    }
    std::size_t n = before_[block];
    for (std::size_t i = block * kStride; i < byte_offset; ++i)
        if (starts_code_point(text_[i])) ++n;
    return n;
}

std::size_t code_point_offset(const std::string& text, std::size_t byte_offset) {
    return CodePointCounter(text).at(byte_offset);
}

namespace {

// How a section addresses the requester's surname: "Mr Whitlock" or "Mrs/Ms/Miss Whitlock".
// A title before his given name or its initial is his ("Mr Dean Whitlock", "Mr D. Whitlock");
// before another initial it is someone else's ("Mrs K. Whitlock"). Before the bare surname it is
// counted apart (`bare`): when a listed party shares the surname it may be hers.
struct TitleCounts {
    int mr = 0, other = 0;           // with the requester's given name or initial
    int mr_bare = 0, other_bare = 0; // before the surname alone
};

// `initials`: of the names he goes by first (not a middle name: "Mrs S." may be a relative
// whose initial is his middle name's).
void count_titles(const SectionContext& ctx, const KnownTerms& terms, const std::string& initials,
                  TitleCounts& c) {
    const std::string surname = terms.subject_surname();
    if (surname.empty()) return;
    auto requesters = [&](std::string_view w) {
        if (w.size() == 1) return initials.find(w[0]) != std::string::npos;
        for (const auto& t : terms.subject_tokens())
            if (t != surname && w == t) return true;
        return false;
    };
    for (std::size_t i = 0; i + 1 < ctx.tokens.size(); ++i) {
        const std::string_view t = ctx.word(i);
        const bool male = t == "mr", female = t == "mrs" || t == "ms" || t == "miss";
        if (!male && !female) continue;
        if (ctx.word(i + 1) == surname) {
            ++(male ? c.mr_bare : c.other_bare);
            continue;
        }
        if (i + 2 < ctx.tokens.size() && ctx.word(i + 2) == surname && requesters(ctx.word(i + 1)))
            ++(male ? c.mr : c.other);
    }
}

Finding finding_of(Span&& sp, std::size_t record, std::size_t section, const std::string& text) {
    Finding f;
    f.record = record;
    f.section = section;
    f.begin = sp.begin;
    f.end = sp.end;
    f.category = sp.category;
    f.owner = sp.owner;
    f.likely_owner = sp.likely;
    f.facts = sp.facts;
    f.confidence = sp.confidence;
    f.rule = std::move(sp.rule);
    f.recogniser = std::string(sp.recogniser);
    f.text = text.substr(sp.begin, sp.end - sp.begin);
    return f;
}

} // namespace

struct Detector::Impl {
    const Case* request;
    Lexicon lexicon;
    KnownTerms terms;
    Recognisers recognisers;
    unsigned threads = default_window_workers(); // windows of a long section scanned at once

    Impl(const Case* r, const std::filesystem::path& dir)
        : request(r), lexicon(Lexicon::load(dir)), terms(r, lexicon),
          recognisers(make_registry(r, lexicon, dir)) {}

    // Runs the recognisers over one section. People-only scans (pass 1) stop after the People
    // phase and return the spans unresolved.
    std::vector<Span> scan(SectionContext& ctx) const {
        Phase current = Phase::Known;
        for (const auto& r : recognisers) {
            if (ctx.people_only && r->phase() > Phase::People) break;
            if (r->phase() != current) {
                end_of_phase(ctx, current);
                current = r->phase();
            }
            std::vector<Span> out;
            r->find(ctx, out);
            for (auto& s : out) {
                if (s.category == Category::Name) ctx.people.push_back(s);
                ctx.found.push_back(std::move(s));
            }
        }
        end_of_phase(ctx, current);
        if (ctx.people_only) return std::move(ctx.found);
        return resolve(std::move(ctx.found));
    }

    // Between phases: "Owen Leadbetter", when Owen is only the requester's middle name, is
    // someone else (the requester's match of "Owen" goes); people sorted by end, for the
    // look-ups of the later phases.
    static void end_of_phase(SectionContext& ctx, Phase phase) {
        if (phase == Phase::People) {
            std::vector<std::pair<std::size_t, std::size_t>> shared;
            for (const auto& s : ctx.found)
                if (s.recogniser == "shared-given-name") shared.emplace_back(s.begin, s.end);
            if (!shared.empty()) {
                auto shadowed = [&](const Span& p) {
                    if (p.owner.kind != Owner::Subject) return false;
                    for (auto [b, e] : shared)
                        if (p.begin < e && b < p.end) return true;
                    return false;
                };
                std::erase_if(ctx.people, shadowed);
                std::erase_if(ctx.found, shadowed);
            }
        }
        std::sort(ctx.people.begin(), ctx.people.end(),
                  [](const Span& a, const Span& b) { return a.end < b.end; });
    }

    struct PassOne {
        bool surname_shared = false; // a listed party carries the requester's surname
        TitleCounts titles;          // "Mr Hollis" against "Mrs/Ms/Miss Hollis"
        std::string first_initials;  // of the requester's first given names, folded
        int he = 0, she = 0;         // the first pronoun after the requester's name
        // A relation word labelling his full name: "Father: Tomas Brennan", "Tomas (dad)".
        int male_label = 0, female_label = 0;
        // The same for each listed party: titles before their names, and "he"/"she" (never
        // "her", which may be someone else: "Craig stopped her") right after them.
        std::map<int, std::array<int, 4>> party; // mr, other title, he, she
    };

    // Does the name end in a possessive ("Milo's")? Its pronouns after are not its own.
    static bool possessive_name(const SectionContext& ctx, const Span& s) {
        if (s.end == 0) return false;
        const std::size_t last = ctx.token_at(s.end - 1);
        return last < ctx.tokens.size() && ctx.tokens[last].possessive;
    }

    // "Kerry said she...", "Mrs Maddox": how the records speak of each listed party.
    static void count_party_genders(const SectionContext& ctx, const std::vector<Span>& spans,
                                    PassOne& p) {
        std::vector<std::size_t> names; // where names begin, sorted
        for (const auto& s : spans)
            if (s.category == Category::Name) names.push_back(s.begin);
        std::sort(names.begin(), names.end());
        for (const auto& s : spans) {
            if (s.category != Category::Name || s.owner.kind != Owner::Party) continue;
            auto& c = p.party[s.owner.party];
            const std::size_t first = ctx.token_at(s.begin);
            const std::size_t title = first < ctx.tokens.size() && ctx.is(first, kTitle) ? first
                                      : first > 0 && ctx.is(first - 1, kTitle)           ? first - 1
                                                                               : ctx.tokens.size();
            if (title < ctx.tokens.size()) {
                const std::string_view t = ctx.word(title);
                if (t == "mr")
                    ++c[0];
                else if (t == "mrs" || t == "ms" || t == "miss")
                    ++c[1];
            }
            // "Milo's mother ... she": what follows a possessive is someone else's.
            if (possessive_name(ctx, s)) continue;
            const auto next = std::upper_bound(names.begin(), names.end(), s.begin);
            const std::size_t stop = next == names.end() ? ctx.text.size() : *next;
            for (std::size_t t = ctx.token_at(s.end), k = 0; t < ctx.tokens.size() && k < 12;
                 ++t, ++k) {
                if (ctx.begin_of(t) >= stop) break;
                const std::string_view w = ctx.word(t);
                if (w == "he") ++c[2];
                if (w == "she") ++c[3];
                if (pronoun_gender(w) != Gender::Unknown) break;
                const std::string_view gap = t + 1 < ctx.tokens.size() ? ctx.gap(t) : "";
                if (gap.find_first_of(".!?;") != std::string_view::npos) break;
            }
        }
    }

    // "Darren said he..." : the first pronoun within a clause after the requester's name,
    // before anyone else is named, says how the records speak of the requester.
    // Does a span of the requester's name hold one of the requester's given names in full?
    bool names_given(const SectionContext& ctx, const Span& s) const {
        for (std::size_t t = ctx.token_at(s.begin);
             t < ctx.tokens.size() && ctx.begin_of(t) < s.end; ++t) {
            const std::string_view w = ctx.word(t);
            if (w.size() < 2 || w == terms.subject_surname()) continue;
            for (const auto& given : terms.subject_tokens())
                if (w == given) return true;
        }
        return false;
    }

    // "Father: Tomas Brennan", "Mum - Dorota Nowak", "Tomas Brennan (father)": a form's
    // label or a bracket right beside his name, with one of his given names, says his sex.
    void count_relation_label(const SectionContext& ctx, const Span& s, PassOne& p) const {
        if (!names_given(ctx, s)) return;
        const std::size_t first = ctx.token_at(s.begin);
        auto vote = [&](std::size_t t) {
            const Gender g = relation_gender(ctx.word(t));
            if (g == Gender::Male) ++p.male_label;
            if (g == Gender::Female) ++p.female_label;
        };
        // The original text between tokens t and t + 1, when it is short and on one line.
        auto between = [&](std::size_t t) {
            const std::size_t b = ctx.end_of(t), e = ctx.begin_of(t + 1);
            const std::string_view g = std::string_view(ctx.text).substr(b, e - b);
            return g.size() <= 4 && g.find('\n') == std::string_view::npos ? g : "\n";
        };
        if (first > 0 && between(first - 1).find_first_of(":-") != std::string_view::npos)
            vote(first - 1);
        const std::size_t after = ctx.token_at(s.end);
        if (after < ctx.tokens.size() && after > 0 &&
            between(after - 1).find('(') != std::string_view::npos)
            vote(after);
    }

    void count_pronouns(const SectionContext& ctx, const std::vector<Span>& spans,
                        PassOne& p) const {
        std::vector<std::size_t> others; // where other people's names begin
        for (const auto& s : spans)
            if (s.category == Category::Name && s.owner.kind != Owner::Subject)
                others.push_back(s.begin);
        std::sort(others.begin(), others.end());
        for (const auto& s : spans) {
            if (s.category != Category::Name || s.owner.kind != Owner::Subject) continue;
            // "Mrs E. Whitlock said she..." may be another Whitlock when a listed party shares
            // the surname: only a mention with the requester's given name is the requester's.
            if (p.surname_shared && !names_given(ctx, s)) continue;
            count_relation_label(ctx, s, p);
            if (possessive_name(ctx, s)) continue;
            const auto next_other = std::lower_bound(others.begin(), others.end(), s.end);
            const std::size_t stop = next_other == others.end() ? ctx.text.size() : *next_other;
            for (std::size_t t = ctx.token_at(s.end), k = 0; t < ctx.tokens.size() && k < 12;
                 ++t, ++k) {
                if (ctx.begin_of(t) >= stop) break;
                const Gender g = pronoun_gender(ctx.word(t));
                // "Dean called her": an object pronoun is someone else as often as not.
                const bool object = ctx.word(t) == "her" || ctx.word(t) == "him";
                if (g == Gender::Male && !object) ++p.he;
                if (g == Gender::Female && !object) ++p.she;
                if (g != Gender::Unknown) break;
                const std::string_view gap = t + 1 < ctx.tokens.size() ? ctx.gap(t) : "";
                if (gap.find_first_of(".!?;") != std::string_view::npos) break;
            }
        }
    }

    // Initials a record defines for a person: "PB = Pat", "LW - Lena Wyatt", "Lena
    // Wyatt (LW)", as a register's key or a comment explains who signed. The first letter
    // must be the name's.
    static void defined_initials(const SectionContext& ctx, const std::vector<Span>& spans,
                                 KnownTerms& known) {
        const std::size_t n = ctx.tokens.size();
        auto initials_at = [&](std::size_t t) {
            return t < n && ctx.info[t].all_caps && ctx.info[t].alpha && ctx.word(t).size() >= 2 &&
                   ctx.word(t).size() <= 3;
        };
        for (const Span& s : spans) {
            if (s.category != Category::Name || s.rule.empty()) continue;
            const std::size_t first = ctx.token_at(s.begin);
            if (first >= n) continue;
            std::size_t last = first;
            while (last + 1 < n && ctx.begin_of(last + 1) < s.end)
                ++last;
            const char letter = ctx.word(first)[0];
            if (initials_at(last + 1) && ctx.word(last + 1)[0] == letter && ctx.gap(last) == " (" &&
                ctx.tokens[last + 1].end < ctx.folded.text.size() &&
                ctx.folded.text[ctx.tokens[last + 1].end] == ')')
                known.add_defined_initials(std::string(ctx.word(last + 1)), s.owner);
        }
        // "PB = Pat": a given name from the list after the sign, whether or not the scan took
        // it for a name (a given name that is also a word, alone, is not taken for one).
        struct Defined {
            std::size_t at; // where the name after the sign begins
            std::size_t initials;
            Owner owner;
            bool person;
        };
        std::vector<Defined> defined; // in text order
        for (std::size_t t = 0; t + 1 < n; ++t) {
            if (!initials_at(t) || !ctx.info[t + 1].capitalised || !ctx.info[t + 1].alpha ||
                ctx.word(t + 1)[0] != ctx.word(t)[0])
                continue;
            const std::string_view g = ctx.gap(t);
            if (g != " = " && g != "=" && g != " - " && g != ": ") continue;
            defined.push_back({ctx.begin_of(t + 1), t, Owner{}, ctx.is(t + 1, kGivenName)});
        }
        if (defined.empty()) return;
        // The name span over each, the last found winning: one look-up per span.
        for (const Span& s : spans) {
            if (s.category != Category::Name || s.rule.empty()) continue;
            auto it = std::lower_bound(defined.begin(), defined.end(), s.begin,
                                       [](const Defined& d, std::size_t at) { return d.at < at; });
            for (; it != defined.end() && it->at < s.end; ++it) {
                it->owner = s.owner;
                it->person = true;
            }
        }
        for (const Defined& d : defined)
            if (d.person) known.add_defined_initials(std::string(ctx.word(d.initials)), d.owner);
    }

    // Pass 1 over one window: the people found, with the window they were found in.
    struct PeopleFound {
        std::unique_ptr<SectionContext> ctx;
        std::vector<Span> spans;
    };
    PeopleFound find_people(const Section& sec, const CaseKnowledge& k) const {
        PeopleFound f{std::make_unique<SectionContext>(sec, k), {}};
        f.ctx->people_only = true;
        f.spans = scan(*f.ctx);
        return f;
    }
    // What pass 1 learns from them: discovered people into `known`, counts into `p`.
    void learn_people(const PeopleFound& found, KnownTerms& known, PassOne& p) const {
        const SectionContext& ctx = *found.ctx;
        const auto& spans = found.spans;
        count_titles(ctx, terms, p.first_initials, p.titles);
        count_pronouns(ctx, spans, p);
        count_party_genders(ctx, spans, p);
        defined_initials(ctx, spans, known);
        for (const auto& s : spans) {
            if (!s.discoverable || s.owner.kind != Owner::Unknown) continue;
            std::vector<std::string> tokens;
            for (std::size_t t = ctx.token_at(s.begin);
                 t < ctx.tokens.size() && ctx.begin_of(t) < s.end; ++t)
                if (ctx.word(t).size() > 1) tokens.emplace_back(ctx.word(t));
            known.add_discovered(tokens);
        }
    }

    // Titles first; else pronouns, when they agree clearly.
    static Gender gender_of(int mr, int other_title, int he, int she) {
        if (mr != other_title) return mr > other_title ? Gender::Male : Gender::Female;
        if (he >= 2 * she && he > 0) return Gender::Male;
        if (she >= 2 * he && she > 0) return Gender::Female;
        return Gender::Unknown;
    }
    // The requester's sex: titles before his given name or initial; then, when no listed adult
    // shares his surname, titles before it alone, and pronouns after his name. When one does,
    // "Mrs Whitlock" may be hers: bare titles and pronouns after his given name are counted
    // together as votes, the titles only when the records use one kind alone.
    // Titles before the surname alone come next when no listed adult shares it; then the first
    // given name, when the name lists file it under one sex only ("Harriet"; not "Andrea", a
    // man's name in Italian); pronouns last, since "Hattie said he..." counts the wrong person.
    Owner sole_victim() const {
        Owner victim;
        if (!request) return victim;
        for (std::size_t i = 0; i < request->parties.size(); ++i) {
            if (request->parties[i].role != Role::Victim) continue;
            if (victim.kind != Owner::Unknown) return Owner{}; // two: "the victim" is either
            victim = Owner{Owner::Party, static_cast<int>(i), Role::Victim};
        }
        return victim;
    }

    Gender gender_of(const PassOne& p) const {
        const TitleCounts& t = p.titles;
        if (t.mr != t.other) return gender_of(t.mr, t.other, 0, 0);
        if (p.male_label != p.female_label) return gender_of(p.male_label, p.female_label, 0, 0);
        if (!p.surname_shared && t.mr_bare != t.other_bare)
            return gender_of(t.mr_bare, t.other_bare, 0, 0);
        if (request) {
            // The name, then the aliases: "Dorothy" says what "Alex" does not.
            if (const Gender g = name_gender(request->subject.name); g != Gender::Unknown) return g;
            for (const auto& alias : request->subject.aliases)
                if (const Gender g = name_gender(alias); g != Gender::Unknown) return g;
        }
        if (!p.surname_shared) return gender_of(0, 0, p.he, p.she);
        const bool one_kind = t.mr_bare == 0 || t.other_bare == 0;
        const int male = p.he + (one_kind ? t.mr_bare : 0);
        const int female = p.she + (one_kind ? t.other_bare : 0);
        return male == female ? Gender::Unknown : male > female ? Gender::Male : Gender::Female;
    }
    // Each listed party's sex as for the requester: titles, then a given name the lists file
    // under one sex, then pronouns after the name.
    std::map<int, Gender> party_genders(const PassOne& p) const {
        std::map<int, Gender> out;
        auto votes = [&](int party) {
            const auto it = p.party.find(party);
            return it == p.party.end() ? std::array<int, 4>{} : it->second;
        };
        const std::size_t listed = request ? request->parties.size() : 0;
        for (std::size_t i = 0; i < listed; ++i) {
            const std::array<int, 4> c = votes(static_cast<int>(i));
            Gender g = gender_of(c[0], c[1], 0, 0);
            if (g == Gender::Unknown) g = name_gender(request->parties[i].name);
            if (g == Gender::Unknown) g = gender_of(0, 0, c[2], c[3]);
            if (g != Gender::Unknown) out[static_cast<int>(i)] = g;
        }
        return out;
    }
    // The first of a full name's given names that the lists file under one sex only: a middle
    // name says what a first name no list holds does not ("Cathal Peter": Peter).
    Gender name_gender(const std::string& name) const {
        const std::vector<std::string> words = tokenize(fold(name));
        const std::size_t given = words.size() > 1 ? words.size() - 1 : words.size();
        for (std::size_t k = 0; k < given; ++k) {
            const std::uint32_t c = lexicon.classes_of(words[k]);
            if ((c & kFemaleName) && !(c & kMaleName)) return Gender::Female;
            if ((c & kMaleName) && !(c & kFemaleName)) return Gender::Male;
        }
        return Gender::Unknown;
    }
};

namespace {

// Who sent the message whose header this is: the requester when a finding of his is inside its
// From field, else the owner of the first name or address found there; none when the rules
// found nothing there (findings from `first` on are the header's).
std::optional<Owner> message_sender(const Section& header, const std::vector<Finding>& findings,
                                    std::size_t first) {
    std::optional<Owner> sender;
    for (const Field& field : header.fields) {
        if (field.label != "From") continue;
        for (std::size_t f = first; f < findings.size(); ++f) {
            if (findings[f].begin < field.begin || findings[f].end > field.end) continue;
            if (findings[f].owner.kind == Owner::Subject) return findings[f].owner;
            if (!sender &&
                (findings[f].category == Category::Name || findings[f].category == Category::Email))
                sender = findings[f].owner;
        }
    }
    return sender;
}

// A document the requester wrote about himself ("My name is Gordon Marsh", "I am Gordon"
// at its top: a self-referral, an "all about me" plan, his statement): the first person in it
// is his. Only by a given name of his that no listed person has (`given`,
// KnownTerms::subject_given), and not "I am Gordon's mum".
bool introduces_requester(const std::vector<std::string>& given,
                          const std::vector<Section>& sections) {
    if (given.empty()) return false;
    int looked = 0; // the openings of the first three sections with words (a header may be one)
    for (const Section& sec : sections) {
        if (sec.kind != SectionKind::Body && sec.kind != SectionKind::PageText) continue;
        if (++looked > 3) break;
        const std::string head = fold(std::string_view(sec.text).substr(0, 400));
        for (std::string_view cue : {"my name is ", "i am "}) {
            for (std::size_t at = head.find(cue); at != std::string::npos;
                 at = head.find(cue, at + 1)) {
                if (at > 0 && std::isalnum(static_cast<unsigned char>(head[at - 1]))) continue;
                const std::size_t w = at + cue.size();
                for (const std::string& g : given)
                    if (head.compare(w, g.size(), g) == 0 &&
                        (w + g.size() == head.size() ||
                         (!std::isalnum(static_cast<unsigned char>(head[w + g.size()])) &&
                          head[w + g.size()] != '\'')))
                        return true;
            }
        }
    }
    return false;
}

// A row whose "whose" column names the requester ("Patient: Gordon Marsh", "Client") is his: an
// identity number in it that no rule gave an owner (an NHS number in a dispensing record) is
// his, as a register gives each person's own. Not when such a column names someone else too.
// (Not a code only the residue pass found: a row about him also holds the crime numbers of his
// checks and the registration numbers of the workers who met him.)
void his_row_identifiers(const Section& sec, std::vector<Finding>& findings, std::size_t first) {
    if (sec.kind != SectionKind::Row || sec.fields.empty()) return;
    bool his = false;
    for (std::size_t f = first; f < findings.size(); ++f) {
        const Finding& x = findings[f];
        if (x.category != Category::Name) continue;
        for (const Field& field : sec.fields) {
            if (x.begin < field.begin || x.end > field.end || !whose_column(field.label)) continue;
            if (x.owner.kind != Owner::Subject) return;
            his = true;
        }
    }
    if (!his) return;
    for (std::size_t f = first; f < findings.size(); ++f) {
        Finding& x = findings[f];
        if (x.category != Category::IdNumber || x.owner.kind != Owner::Unknown) continue;
        x.owner = Owner{Owner::Subject, -1, Role::Subject};
        x.rule += ", in a row whose person is the requester";
    }
}

// A reference that follows the requester's name on a line ("Participant: D. Marsh · ID
// VP-0457") is his file's: where the same code stands with no owner (a register's column, a
// report's footer), it is his too. One value, one decision, on positive evidence only: a code
// some listed party owns stays theirs.
void his_file_references(std::vector<Finding>& findings) {
    std::unordered_set<std::string> his;
    for (const Finding& f : findings)
        if ((f.facts & kRequesterFile) && f.owner.kind == Owner::Subject) his.insert(fold(f.text));
    if (his.empty()) return;
    for (Finding& f : findings) {
        if (f.category != Category::Reference || f.owner.kind != Owner::Unknown) continue;
        // A process's reference stays the process's whichever route gave him the value (his
        // files' names as well as his name before it).
        const std::string key = fold(f.text);
        if (!his.count(key) || multi_agency_reference(key)) continue;
        f.owner = Owner{Owner::Subject, -1, Role::Subject};
        f.facts |= kRequesterFile;
        f.rule += "; the requester's file reference where his name stands before it";
    }
}

} // namespace

Detector::Detector(const Case* request, const std::filesystem::path& dictionaries)
    : impl_(std::make_unique<Impl>(request, dictionaries)) {}

Detector::~Detector() = default;

void Detector::set_threads(unsigned threads) {
    impl_->threads = threads == 0 ? default_window_workers() : threads;
}

namespace {

// Step 3: a value found as someone else's is found wherever it recurs in the case.
class SameValues {
  public:
    SameValues(const KnownTerms& known, const Lexicon& lex) : known_(known), lex_(lex) {}

    void add(const Finding& f) {
        if (f.owner.kind == Owner::Subject || f.category == Category::SpecialCategory) return;
        // A codeword or password is a secret wherever it recurs, in any case: secrets are
        // often ordinary words ("the password is bluebell", then "bluebell" in a table's
        // password column). Other safety findings are whole sentences, not values.
        // (Four letters or more: a short word after a cue is more often the sentence going on.)
        const bool secret = f.recogniser == "secret" && f.text.size() >= 4 && f.confidence >= 0.85f;
        if (f.category == Category::Safety && !secret) return;
        // The same text recurs thousands of times in a long record: judge it once.
        if (!seen_text_.insert(f.text).second) return;
        auto tokens = tokenize(fold(f.text));
        if (tokens.empty() || tokens.size() > kMaxTokens) return;
        const auto& subject = known_.subject_tokens();
        if (std::all_of(tokens.begin(), tokens.end(), [&](const std::string& t) {
                return std::find(subject.begin(), subject.end(), t) != subject.end() ||
                       t.size() < 2;
            }))
            return;
        insert(f, tokens, "the same as a value found elsewhere in the case (" + f.rule + ")",
               secret);
        // A street address is also written without its number ("Unit 7, Larch Rise Business
        // Park" in a table, "at Larch Rise Business Park" in a letter): the street or the
        // estate is the same place. Two words or more, so no bare "Park" or "Road".
        if (f.category == Category::Address && tokens.size() >= 3 && all_digits(tokens[0])) {
            const std::vector<std::string> street(tokens.begin() + 1, tokens.end());
            insert(f, street,
                   "the street of an address found elsewhere in the case (" + f.rule + ")");
            if (auto bare = without_facility_word(street))
                insert(f, *bare,
                       "the name without the word for what it is of a place found elsewhere in "
                       "the case (" +
                           f.rule + ")");
        }
        // A business is also called by its name without its trade word.
        if (f.category == Category::Workplace || f.category == Category::Address)
            if (auto bare = without_trade_word(tokens, lex_))
                insert(f, *bare,
                       "the name without its trade word of a business found elsewhere in the "
                       "case (" +
                           f.rule + ")");
        // A school, a surgery, a store is called by its name without the word for what it is
        // ("Priory Fields" for Priory Fields Academy).
        if (f.category == Category::School || f.category == Category::Workplace ||
            f.category == Category::Address)
            if (auto bare = without_facility_word(tokens))
                insert(f, *bare,
                       "the name without the word for what it is of a place found elsewhere in "
                       "the case (" +
                           f.rule + ")");
    }

    bool empty() const { return values_.empty(); }

  private:
    // The name before its facility words, when what is left still names one place: two words
    // or more, or one word of four letters or more that is no generic place, street or town
    // word ("Fairway" of Fairway Superstore; not "Park" of Park Surgery).
    std::optional<std::vector<std::string>>
    without_facility_word(std::vector<std::string> tokens) const {
        const std::size_t before = tokens.size();
        while (!tokens.empty() && lex_.is(tokens.back(), kFacility | kGenericPlace))
            tokens.pop_back();
        if (tokens.size() == before || tokens.empty()) return std::nullopt;
        if (tokens.front() == "the" || tokens.front() == "st") return std::nullopt;
        if (tokens.size() == 1 &&
            (tokens[0].size() < 4 ||
             lex_.is(tokens[0], kGenericPlace | kStreetSuffix | kTownFirst | kCommonWord |
                                    kGeneral | kNotName | kFacility | kCompanyWord | kGivenName |
                                    kSurname | kSectorAcronym)))
            return std::nullopt;
        return tokens;
    }

    void insert(const Finding& f, const std::vector<std::string>& tokens, std::string rule,
                bool any_case = false) {
        std::string key = join(tokens);
        if (values_.count(key)) return;
        // A single word that is also an English word ("Will", "Rose") recurs only where it is
        // capitalised: in lower case it is an ordinary word. One that is not ("Farah") is the
        // same name in lower case, as notes and messages write names.
        const bool needs_capital =
            !any_case && tokens.size() == 1 && lex_.is(tokens[0], kEnglish | kCommonWord);
        lengths_[tokens.front()] |= 1u << (tokens.size() - 1);
        values_.emplace(std::move(key), Value{f, needs_capital, std::move(rule)});
    }

  public:
    // Occurrences in one section that no finding covers yet.
    // `sec` may be a window of the section that starts at byte `offset`; `covered` and the
    // findings are in the whole section's offsets.
    void find(const Section& sec, std::size_t offset, std::size_t record, std::size_t section,
              const std::vector<std::pair<std::size_t, std::size_t>>& covered,
              std::vector<Finding>& out) const {
        FoldedText folded = fold_text(sec.text);
        const auto tokens = tokenize(folded);
        // The first covered stretch that may reach this window (a window's sweep starts there,
        // not at the section's start).
        std::size_t c =
            static_cast<std::size_t>(std::lower_bound(covered.begin(), covered.end(), offset,
                                                      [](const auto& stretch, std::size_t at) {
                                                          return stretch.second <= at;
                                                      }) -
                                     covered.begin());
        std::string key;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            auto it = lengths_.find(tokens[i].text);
            if (it == lengths_.end()) continue;
            // The longest value that starts here: at most 8 lookups, whatever the case holds.
            for (std::size_t n = std::min<std::size_t>(kMaxTokens, tokens.size() - i); n >= 1;
                 --n) {
                if (!(it->second & (1u << (n - 1)))) continue;
                key.clear();
                for (std::size_t k = 0; k < n; ++k) {
                    if (k) key += ' ';
                    key += tokens[i + k].text;
                }
                auto found = values_.find(key);
                if (found == values_.end()) continue;
                const Value& v = found->second;
                const std::size_t b = folded.original_begin(tokens[i].begin);
                const std::size_t e = folded.original_end(tokens[i + n - 1].end);
                if (v.needs_capital && !is_capitalised(sec.text, b)) continue;
                while (c < covered.size() && covered[c].second <= offset + b)
                    ++c;
                if (c < covered.size() && covered[c].first < offset + e) continue; // found already
                Finding f = v.source;
                f.record = record;
                f.section = section;
                f.begin = offset + b;
                f.end = offset + e;
                f.text = sec.text.substr(b, e - b);
                f.confidence = v.source.confidence * 0.9f;
                f.recogniser = "same-value";
                f.rule = v.rule;
                out.push_back(std::move(f));
                i += n - 1;
                break;
            }
        }
    }

  private:
    static constexpr std::size_t kMaxTokens = 8;
    struct Value {
        Finding source;
        bool needs_capital;
        std::string rule; // of each finding of the value elsewhere
    };
    static std::string join(const std::vector<std::string>& tokens) {
        std::string out;
        for (const auto& t : tokens) {
            if (!out.empty()) out += ' ';
            out += t;
        }
        return out;
    }
    const KnownTerms& known_;
    const Lexicon& lex_;
    // Values by their folded tokens joined with spaces; for each first token, the lengths (in
    // tokens, as bits) of the values that start with it. One lookup per length, not one
    // comparison per value: a case with thousands of values costs no more per word.
    std::unordered_map<std::string, Value> values_;
    std::unordered_set<std::string> seen_text_;
    std::unordered_map<std::string, std::uint32_t, WordHash, std::equal_to<>> lengths_;
};

} // namespace

std::vector<Finding> Detector::detect(const std::vector<Record>& records) const {
    const Impl& I = *impl_;
    // Pass 1: unlisted people named with at least two words, or after a title; and how the
    // records address the requester.
    KnownTerms known = I.terms;
    Impl::PassOne p;
    p.surname_shared = !I.terms.shared_initials().empty();
    if (I.request) {
        std::vector<std::string> names{I.request->subject.name};
        names.insert(names.end(), I.request->subject.aliases.begin(),
                     I.request->subject.aliases.end());
        for (const auto& n : names)
            if (const auto t = tokenize(fold(n)); t.size() >= 2 && !t.front().empty())
                p.first_initials += t.front()[0];
        // "Mrs D. Whitlock" may be his mother Doreen as well as he is Dean: an initial a listed
        // adult sharing his surname also has says nothing.
        for (const char c : I.terms.shared_initials())
            std::erase(p.first_initials, c);
    }
    const CaseKnowledge listed{I.terms, I.lexicon, Gender::Unknown};
    const std::vector<Piece> pieces = pieces_of(records);
    for_each_piece(
        records, pieces, I.threads, [](std::size_t) { return 0; },
        [&](int, const Section& part, std::size_t) { return I.find_people(part, listed); },
        [&](const Impl::PeopleFound& found, std::size_t) { I.learn_people(found, known, p); },
        [](std::size_t) { return false; });
    // Titles, else pronouns; with neither, "Mr" (most requesters of the profiles that withhold
    // a relative are men, and a wrong guess redacts the requester's own name, never a relative's).
    if (I.request) known.add_other_titles(I.gender_of(p) != Gender::Female, *I.request);
    const CaseKnowledge knowledge{known, I.lexicon, I.gender_of(p), I.party_genders(p),
                                  I.sole_victim()};

    // Pass 2: everything, with the discovered names known.
    std::vector<Finding> findings;
    SameValues same(known, I.lexicon);
    SameDigits same_digits;
    // Messages the requester sent (his name or address in the From field), by record name: the
    // first person in them, and in what he attached to them, is his.
    std::unordered_set<std::string> his_messages;
    // What a piece is scanned with: the end of the requester's own words in it, and who wrote it
    // when someone else did. Both follow from the records and the message headers before it.
    struct Voice {
        std::size_t end = 0;
        std::optional<Owner> writer;
    };
    bool attached_by_him = false; // the current record, to a message he sent
    bool sent_by_requester = false;
    std::optional<Owner> writer; // who sent the current record, when someone else did
    std::size_t voice_end = 0;   // in the current section
    std::size_t first = 0;       // the current section's first finding
    auto is_words = [](const Section& sec) {
        return sec.kind == SectionKind::Body || sec.kind == SectionKind::PageText;
    };
    auto is_header = [&](std::size_t k) {
        const Piece& pc = pieces[k];
        return pc.last && records[pc.record].sections[pc.section].kind == SectionKind::Header;
    };
    for_each_piece(
        records, pieces, I.threads,
        [&](std::size_t k) {
            const Piece& pc = pieces[k];
            const Record& rec = records[pc.record];
            const Section& sec = rec.sections[pc.section];
            if (pc.section == 0 && pc.first) {
                const std::size_t hash = rec.name.rfind('#');
                attached_by_him =
                    hash != std::string::npos && his_messages.count(rec.name.substr(0, hash));
                if (attached_by_him) his_messages.insert(rec.name);
                sent_by_requester =
                    attached_by_him || (rec.kind != RecordKind::Email &&
                                        introduces_requester(known.subject_given(), rec.sections));
                writer.reset();
            }
            if (pc.first)
                voice_end = !sent_by_requester || !is_words(sec) ? 0
                            : attached_by_him                    ? sec.text.size()
                                                                 : own_words_end(sec.text);
            return Voice{voice_end > pc.begin ? voice_end - pc.begin : 0,
                         is_words(sec) ? writer : std::nullopt};
        },
        [&](const Voice& voice, const Section& part, std::size_t k) {
            SectionContext ctx(part, knowledge);
            ctx.requester_voice_end = voice.end;
            ctx.message_writer = voice.writer;
            // The findings are made here, side by side, not where they are taken in order.
            const Piece& pc = pieces[k];
            std::vector<Finding> found;
            std::vector<Span> spans = I.scan(ctx);
            found.reserve(spans.size());
            for (auto& sp : spans) {
                found.push_back(finding_of(std::move(sp), pc.record, pc.section, part.text));
                found.back().begin += pc.begin; // in the whole section's offsets
                found.back().end += pc.begin;
            }
            return found;
        },
        [&](std::vector<Finding>&& found, std::size_t k) {
            const Piece& pc = pieces[k];
            const Record& rec = records[pc.record];
            const Section& sec = rec.sections[pc.section];
            if (pc.first) first = findings.size();
            const std::size_t from = findings.size();
            findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                            std::make_move_iterator(found.end()));
            // A row is never cut into windows: its whole findings are here.
            if (pc.first && pc.last) his_row_identifiers(sec, findings, first);
            // A window's values are learnt as it is taken, while the next windows are scanned.
            for (std::size_t f = from; f < findings.size(); ++f) {
                same.add(findings[f]);
                same_digits.add(findings[f]);
            }
            if (!pc.last || sec.kind != SectionKind::Header) return;
            if (const auto sender = message_sender(sec, findings, first)) {
                if (sender->kind == Owner::Subject) {
                    sent_by_requester = true;
                    his_messages.insert(rec.name);
                } else {
                    // A message he forwarded as an attachment is its sender's words, not his.
                    sent_by_requester = false;
                    his_messages.erase(rec.name);
                    writer = *sender;
                }
            }
        },
        is_header);

    // Step 3: the same values wherever else they occur.
    if (!same.empty() || !same_digits.empty()) {
        std::vector<Finding> more;
        using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;
        std::size_t f = 0;
        std::size_t section_more = 0; // where the current section's values found again begin
        // What a section's findings cover already, for each of its pieces.
        auto covered_by_findings = [&](std::size_t k) {
            const Piece& pc = pieces[k];
            auto merged = std::make_shared<Ranges>();
            Ranges covered;
            // A residue guess given to the requester by its sentence does not stand against the
            // same value found as someone else's elsewhere: one value, one decision.
            for (; f < findings.size() && findings[f].record == pc.record &&
                   findings[f].section == pc.section;
                 ++f)
                if (!((findings[f].facts & kResidue) && findings[f].owner.kind == Owner::Subject &&
                      !(findings[f].facts & kRequesterFile)))
                    covered.emplace_back(findings[f].begin, findings[f].end);
            std::sort(covered.begin(), covered.end());
            // Merge, so the sweep in find() sees each covered stretch once.
            for (const auto& c : covered)
                if (!merged->empty() && c.first <= merged->back().second)
                    merged->back().second = std::max(merged->back().second, c.second);
                else
                    merged->push_back(c);
            return merged;
        };
        std::shared_ptr<const Ranges> section_covered;
        for_each_piece(
            records, pieces, I.threads,
            [&](std::size_t k) {
                if (pieces[k].first) section_covered = covered_by_findings(k);
                return section_covered;
            },
            [&](const std::shared_ptr<const Ranges>& covered, const Section& part, std::size_t k) {
                const Piece& pc = pieces[k];
                std::vector<Finding> found;
                same.find(part, pc.begin, pc.record, pc.section, *covered, found);
                return std::pair(covered, std::move(found));
            },
            [&](std::pair<std::shared_ptr<const Ranges>, std::vector<Finding>>&& found,
                std::size_t k) {
                const Piece& pc = pieces[k];
                if (pc.first) section_more = more.size();
                more.insert(more.end(), std::make_move_iterator(found.second.begin()),
                            std::make_move_iterator(found.second.end()));
                // The same numbers written otherwise, where neither a finding nor the words
                // just found cover them.
                if (!pc.last || same_digits.empty()) return;
                Ranges covered = *found.first;
                for (std::size_t m = section_more; m < more.size(); ++m)
                    covered.emplace_back(more[m].begin, more[m].end);
                std::sort(covered.begin(), covered.end());
                same_digits.find(records[pc.record].sections[pc.section].text, pc.record,
                                 pc.section, covered, more);
            },
            [](std::size_t) { return false; });
        if (!more.empty()) {
            auto before = [](const Finding& a, const Finding& b) {
                if (a.record != b.record) return a.record < b.record;
                if (a.section != b.section) return a.section < b.section;
                return a.begin < b.begin;
            };
            const auto first_more = static_cast<std::ptrdiff_t>(findings.size());
            findings.insert(findings.end(), std::make_move_iterator(more.begin()),
                            std::make_move_iterator(more.end()));
            // The findings are in order already and the recurring values nearly so: sorting
            // the new ones alone, then a stable merge, gives what the stable sort of all gives,
            // without moving every finding log n times.
            const auto mid = findings.begin() + first_more;
            std::stable_sort(mid, findings.end(), before);
            if (std::is_sorted(findings.begin(), mid, before))
                std::inplace_merge(findings.begin(), mid, findings.end(), before);
            else
                std::stable_sort(findings.begin(), findings.end(), before);
        }
    }
    // A name that stands as a day ("Mon-Thu", "Tue 14/04", though "Thu" and "Tue" are given
    // names too) says so; each profile decides (a perpetrator request still withholds it: the
    // days of someone's routine are hers).
    for (Finding& f : findings)
        if (f.category == Category::Name && f.owner.kind == Owner::Unknown &&
            stands_as_day(records[f.record].sections[f.section].text, f.begin, f.end)) {
            f.facts |= kDay;
            f.rule += "; it stands as a day's name (a date, a time or another day beside it)";
        }
    his_file_references(findings);
    his_filed_numbers(records, findings);
    return findings;
}

std::vector<TextFinding> Detector::detect_text(const std::string& text) const {
    Record r;
    r.kind = RecordKind::Text;
    r.sections.emplace_back(SectionKind::Body, "text", text);
    std::vector<Record> records{std::move(r)};
    std::vector<Finding> findings = detect(records);
    std::vector<TextFinding> out;
    out.reserve(findings.size());
    for (auto& f : findings)
        out.push_back({f.begin, f.end, f.category, f.owner, f.confidence, std::move(f.rule),
                       std::move(f.recogniser)});
    return out;
}

} // namespace safesar
