#include "sentence_people.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <unordered_set>

namespace safesar {

// Asked of every word of every sentence: string_views, so no word costs a strlen per entry.
bool relation_word(std::string_view w) {
    static constexpr std::array<std::string_view, 60> relations{
        "partner",  "boyfriend",  "girlfriend",  "husband",      "wife",        "ex",
        "fiance",   "fiancee",    "sister",      "brother",      "mum",         "mother",
        "dad",      "father",     "stepfather",  "stepmother",   "nan",         "nana",
        "gran",     "grandma",    "grandmother", "grandad",      "grandfather", "aunt",
        "auntie",   "uncle",      "cousin",      "niece",        "nephew",      "son",
        "daughter", "friend",     "neighbour",   "colleague",    "landlord",    "landlady",
        "child",    "children",   "kids",        "baby",         "sibling",     "siblings",
        "mam",      "mammy",      "mummy",       "daddy",        "granny",      "grandpa",
        "nanna",    "mate",       "pal",         "flatmate",     "housemate",   "bride",
        "groom",    "bridegroom", "stepson",     "stepdaughter", "stepmum",     "stepdad"};
    // Asked of every word of every sentence: one hash, not a walk down the list.
    static const std::unordered_set<std::string_view> set(relations.begin(), relations.end());
    return set.count(w) != 0;
}

bool relation_owner(std::string_view w) {
    return w == "his" || w == "her" || w == "their";
}

bool article(std::string_view w) {
    static constexpr std::array<std::string_view, 7> articles{"the",  "a",     "an",   "this",
                                                              "that", "these", "those"};
    return std::find(articles.begin(), articles.end(), w) != articles.end();
}

bool determiner(std::string_view w) {
    static constexpr std::array<std::string_view, 7> possessives{"our", "your",  "my", "his",
                                                                 "her", "their", "its"};
    return article(w) || std::find(possessives.begin(), possessives.end(), w) != possessives.end();
}

// The sex a relation word gives ("mother", "husband"); Unknown for "partner", "parent".
Gender relation_gender(std::string_view w) {
    static constexpr std::array<std::string_view, 24> female{
        "mother",       "mum",      "mam",     "mummy",  "wife",        "girlfriend",
        "sister",       "daughter", "aunt",    "auntie", "grandmother", "gran",
        "nan",          "nana",     "grandma", "niece",  "stepmother",  "landlady",
        "stepdaughter", "mammy",    "granny",  "nanna",  "bride",       "stepmum"};
    static constexpr std::array<std::string_view, 18> male{
        "father",     "dad",      "daddy",       "husband", "boyfriend",  "brother",
        "son",        "uncle",    "grandfather", "grandad", "grandpa",    "nephew",
        "stepfather", "landlord", "stepson",     "groom",   "bridegroom", "stepdad"};
    if (std::find(female.begin(), female.end(), w) != female.end()) return Gender::Female;
    if (std::find(male.begin(), male.end(), w) != male.end()) return Gender::Male;
    return Gender::Unknown;
}

namespace {

// An adjective that gives the sex of the relation after it: "female partner".
Gender sex_word(std::string_view w) {
    if (w == "female" || w == "woman") return Gender::Female;
    if (w == "male" || w == "man") return Gender::Male;
    return Gender::Unknown;
}

bool object_pronoun(std::string_view w) {
    return w == "her" || w == "him";
}

// "I", "me", "my", "myself", "mine": the capital "I" alone, not an initial ("I. Khan") nor a
// list number ("i)").
bool first_person(const SectionContext& ctx, std::size_t t) {
    const std::string_view w = ctx.word(t);
    if (w == "me" || w == "my" || w == "myself" || w == "mine") return true;
    if (w != "i" || ctx.text[ctx.begin_of(t)] != 'I') return false;
    const std::size_t after = ctx.end_of(t);
    return after >= ctx.text.size() || (ctx.text[after] != '.' && ctx.text[after] != ')');
}

// The sex a title gives the person named at [b, ...): "Mr Bell" is no "she".
Gender title_gender(const SectionContext& ctx, std::size_t b) {
    std::size_t t = ctx.token_at(b);
    const bool titled = t < ctx.tokens.size() && ctx.is(t, kTitle);
    if (!titled) {
        if (t == 0 || !ctx.is(t - 1, kTitle) || !ctx.adjacent(t - 1, true)) return Gender::Unknown;
        --t;
    }
    const std::string_view w = ctx.word(t);
    if (w == "mr" || w == "sir" || w == "lord") return Gender::Male;
    if (w == "mrs" || w == "ms" || w == "miss" || w == "dame" || w == "lady") return Gender::Female;
    return Gender::Unknown;
}

// The owner of the last name before `at` when it is someone else the pronoun may mean: the
// last name earlier in the sentence, or else the last one of the sentence before. `names` are
// the sentence's names in order; `fits_requester`: the pronoun could be the requester's.
std::optional<Owner> other_antecedent(const SectionContext& ctx, const std::vector<Mention>& names,
                                      const Span* before_sentence, std::size_t at, Gender pronoun,
                                      bool fits_requester) {
    // The requester named earlier in the sentence keeps a pronoun that fits him his
    // ("Samira said Imtiaz hit her and she was diagnosed with PTSD"); a pronoun that does not
    // fit him means the last other person named.
    const Mention* last = nullptr;
    for (const auto& n : names) {
        if (n.at >= at) break;
        if (n.subject && fits_requester) return std::nullopt;
        if (!n.subject) last = &n;
    }
    Owner owner;
    std::size_t name_at = 0;
    if (last) {
        owner = last->owner;
        name_at = last->at;
    } else if (before_sentence && !fits_requester) {
        // Across sentences only a pronoun that cannot be the requester's looks back: a record
        // about him goes on calling him "he" after naming someone else.
        owner = before_sentence->owner;
        name_at = before_sentence->begin;
    } else
        return std::nullopt;
    if (owner.kind == Owner::Subject) return std::nullopt;
    // A relation word ("the children", "her mother") is no antecedent: only a name is.
    if (!std::isupper(static_cast<unsigned char>(ctx.text[name_at])) &&
        static_cast<unsigned char>(ctx.text[name_at]) < 0x80)
        return std::nullopt;
    Gender named = title_gender(ctx, name_at);
    if (owner.kind == Owner::Party)
        if (auto g = ctx.knowledge.party_gender.find(owner.party); g != ctx.knowledge.party_gender.end())
            named = g->second;
    if (named != Gender::Unknown && named != pronoun) return std::nullopt;
    return owner;
}

} // namespace

SentencePeople people_in_sentence(const SectionContext& ctx, std::size_t b, std::size_t e,
                                  std::size_t first_token) {
    SentencePeople sp;
    const Gender g = ctx.knowledge.subject_gender;
    // Names: ctx.people is sorted by end.
    auto it = std::upper_bound(ctx.people.begin(), ctx.people.end(), b,
                               [](std::size_t a, const Span& p) { return a < p.end; });
    for (; it != ctx.people.end() && it->begin < e; ++it) {
        if (it->begin < b || it->end > e) continue;
        Mention m;
        m.at = it->begin;
        m.owner = it->owner;
        m.subject = it->owner.kind == Owner::Subject;
        sp.facts |= m.subject ? kSubjectNamed : kOtherNamed;
        sp.mentions.push_back(m);
    }
    // Pronouns, when the records tell the requester's sex; when they do not, a pronoun in a
    // sentence that names the requester is taken to be the requester's. A pronoun that fits the
    // requester still means the person named last before it when that is someone else who may
    // be called so ("Hyacinth is known to services; she owes money"), in its own sentence or at
    // the end of the one before: the nearest antecedent, as a reader takes it.
    const bool subject_named = (sp.facts & kSubjectNamed) != 0;
    const std::vector<Mention> names = sp.mentions;
    const Span* before_sentence = nullptr;
    if (const Span* p = ctx.last_person_before(b);
        p && ctx.sentence_of(p->begin) + 1 == ctx.sentence_of(b))
        before_sentence = p;
    if (g != Gender::Unknown || subject_named)
        for (std::size_t t = first_token; t < ctx.tokens.size() && ctx.begin_of(t) < e; ++t) {
            const Gender p = pronoun_gender(ctx.word(t));
            if (p == Gender::Unknown) continue;
            Mention m;
            m.at = ctx.begin_of(t);
            m.pronoun = true;
            m.subject = g == Gender::Unknown ? true : p == g;
            const auto other = other_antecedent(ctx, names, before_sentence, m.at, p, m.subject);
            if (m.subject && other) m.subject = false;
            m.owner = m.subject ? Owner{Owner::Subject, -1, Role::Subject} : other.value_or(Owner{});
            sp.facts |= m.subject ? kSubjectPronoun : kOtherPronoun;
            sp.mentions.push_back(m);
        }
    // The second person in a letter to the requester ("Dear Mr Marsh, ... your request") is him.
    if (ctx.addressed_to_requester())
        for (std::size_t t = first_token; t < ctx.tokens.size() && ctx.begin_of(t) < e; ++t) {
            const std::string_view w = ctx.word(t);
            if (w != "you" && w != "your" && w != "yours" && w != "yourself") continue;
            Mention m;
            m.at = ctx.begin_of(t);
            m.pronoun = true;
            m.subject = true;
            m.owner = Owner{Owner::Subject, -1, Role::Subject};
            sp.facts |= kSubjectPronoun;
            sp.mentions.push_back(m);
        }
    // The first person: the requester in his own words (his message, before any quoted part),
    // else the record's writer, who is someone else.
    for (std::size_t t = first_token; t < ctx.tokens.size() && ctx.begin_of(t) < e; ++t) {
        if (!first_person(ctx, t)) continue;
        Mention m;
        m.at = ctx.begin_of(t);
        m.pronoun = true;
        if (m.at < ctx.requester_voice_end) {
            m.subject = true;
            m.owner = Owner{Owner::Subject, -1, Role::Subject};
            sp.facts |= kSubjectPronoun;
        } else {
            m.author = true;
            m.possessive = ctx.word(t) == "my" || ctx.word(t) == "mine";
        }
        sp.mentions.push_back(m);
    }
    // A relation after a possessive ("his partner", "her mother", "Dan's sister") speaks of
    // someone else even unnamed; "Father has told police..." may be the requester himself.
    // The relation is a mention of its own, someone other than the requester, when it cannot
    // be him: his own relation ("Gordon's mother"), or one of the other sex ("Mother drops the
    // children at nine" in a father's file). What follows it is then about the relation, not
    // about the person whose relation it is.
    auto his_name_at = [&](std::size_t t) {
        const Span* p = ctx.person_at(ctx.begin_of(t));
        return p && p->owner.kind == Owner::Subject;
    };
    for (std::size_t t = first_token; t < ctx.tokens.size() && ctx.begin_of(t) < e; ++t) {
        if (!relation_word(ctx.word(t))) continue;
        const bool possessed =
            t > first_token &&
            (relation_owner(ctx.word(t - 1)) || ctx.tokens[t - 1].possessive ||
             ctx.gap(t - 1).find('(') != std::string_view::npos); // "concerns (partner):"
        // "female partner", "male friend": the word before says what "partner" does not.
        Gender r = relation_gender(ctx.word(t));
        if (r == Gender::Unknown && t > first_token) r = sex_word(ctx.word(t - 1));
        const bool other_sex = g != Gender::Unknown && r != Gender::Unknown && r != g;
        if (possessed || other_sex) sp.facts |= kOtherNamed;
        if (other_sex || (possessed && ctx.tokens[t - 1].possessive && his_name_at(t - 1))) {
            Mention m;
            m.at = ctx.begin_of(t);
            sp.mentions.push_back(m);
        }
    }
    // "The victim", "the complainant": a person the records never mean the requester by when he
    // is asked about (the listed victim when there is one), though the sentence names nobody.
    // The sentence is then not about him alone; her things in it ("the victim's workplace")
    // make it as much hers as if it named her.
    for (std::size_t t = first_token + 1; t < ctx.tokens.size() && ctx.begin_of(t) < e; ++t) {
        const std::string_view w = ctx.word(t);
        if ((w != "victim" && w != "survivor" && w != "complainant") || ctx.word(t - 1) != "the")
            continue;
        Mention m;
        m.at = ctx.begin_of(t - 1);
        m.owner = ctx.knowledge.victim;
        sp.facts |= ctx.tokens[t].possessive ? kOtherNamed : kAboutOther;
        sp.mentions.push_back(m);
    }
    std::sort(sp.mentions.begin(), sp.mentions.end(),
              [](const Mention& x, const Mention& y) { return x.at < y.at; });
    return sp;
}

const Mention* SentencePeople::owner_of_term(const SectionContext& ctx, std::size_t ti,
                                             bool places) const {
    if (mentions.empty()) return nullptr;
    const std::size_t at = ctx.begin_of(ti);
    if (ti + 1 < ctx.tokens.size() && object_pronoun(ctx.word(ti + 1))) {
        const std::size_t next = ctx.begin_of(ti + 1);
        for (const auto& m : mentions)
            if (m.at == next) return &m;
    }
    // The nearest mention before the term (else the first after it), the writer's first person
    // aside; then the writer's, when it stands nearer and the other is the requester or nobody.
    const Mention *before = nullptr, *after = nullptr, *writer = nullptr;
    for (const auto& m : mentions) {
        if (m.author) {
            if (m.at < at && (places || !m.possessive)) writer = &m;
            continue;
        }
        if (m.at < at) before = &m;
        // "Four months pregnant and has not told him": a him or her further on is the object of
        // another verb, not whom the term is about (the sentence leaves that unsaid); "a relapse
        // disclosed by him" names its agent, who is.
        else if (!after && !(m.pronoun && object_pronoun(ctx.word(ctx.token_at(m.at))) &&
                             !(ctx.token_at(m.at) > 0 && ctx.word(ctx.token_at(m.at) - 1) == "by")))
            after = &m;
    }
    const Mention* chosen = before ? before : after;
    if (writer && (!chosen || chosen->subject) && (!before || writer->at > before->at))
        return writer;
    return chosen;
}

bool is_question(const std::string& text, std::size_t b, std::size_t e) {
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1])))
        --e;
    return e > b && text[e - 1] == '?';
}

namespace {

// Is [b, e) a question in the second person ("Are you frightened ...?")?
bool asks_you(const SectionContext& ctx, std::size_t b, std::size_t e) {
    if (!is_question(ctx.text, b, e)) return false;
    for (std::size_t t = ctx.token_at(b); t < ctx.tokens.size() && ctx.begin_of(t) < e; ++t)
        if (ctx.word(t) == "you" || ctx.word(t) == "your") return true;
    return false;
}

} // namespace

WholeSentence whose_sentence(const SectionContext& ctx, std::size_t b, std::size_t e,
                             const std::vector<std::size_t>& terms, bool places) {
    const SentencePeople people = people_in_sentence(ctx, b, e, ctx.token_at(b));
    WholeSentence out;
    for (std::size_t t : terms) {
        const Mention* m = people.owner_of_term(ctx, t, places);
        if (m && (!out.owner || (out.owner->subject && !m->subject))) out.owner = *m;
    }
    out.span.begin = b;
    out.span.end = e;
    trim_span(ctx.text, out.span.begin, out.span.end);
    const bool question = asks_you(ctx, b, e);
    const bool abuser = about_abuser(ctx, b, e, !question);
    out.span.facts = people.facts | (abuser ? kAboutAbuser : 0u);
    // Nobody in the sentence: the place's owner (the person named or called last before it),
    // unless it is a question put to "you" ("Have you been ...?"): a form's question is about
    // whoever answers it, not about the person the row before named.
    if (!out.owner && people.mentions.empty() && !abuser && !question) {
        Span probe;
        probe.begin = out.span.begin;
        probe.end = out.span.begin;
        ctx.attribute_place(probe);
        Mention before;
        if (probe.owner.kind != Owner::Unknown) {
            before.owner = probe.owner;
            before.subject = probe.owner.kind == Owner::Subject;
            out.owner = before;
        } else if (probe.facts & kOtherPronoun) {
            before.pronoun = true;
            out.owner = before;
        }
    }
    return out;
}

bool about_abuser(const SectionContext& ctx, std::size_t b, std::size_t e, bool line_before) {
    const std::string& text = ctx.text;
    // The start of the line before the sentence's own, looked for within 400 bytes: a heading
    // is near, and a long section is never read back whole.
    const std::size_t window = b > 400 ? b - 400 : 0;
    const std::string_view back = std::string_view(text).substr(window, b > 1 ? b - 1 - window : 0);
    const std::size_t line = back.rfind('\n');
    const std::size_t from = !line_before                     ? b
                             : line == std::string_view::npos ? window
                                                              : window + line + 1;
    const std::string f = fold(std::string_view(text).substr(from, e - from));
    for (const char* w : {"abuser", "perpetrator", "person causing harm", "ex-partner",
                          "ex partner", "person you are fleeing", "alleged perpetrator"})
        if (f.find(w) != std::string::npos) return true;
    return false;
}

void trim_span(const std::string& text, std::size_t& b, std::size_t& e) {
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
}

} // namespace safesar
