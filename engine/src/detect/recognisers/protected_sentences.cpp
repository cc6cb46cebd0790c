// Sentences about a protected party alone: a sentence whose first person is a listed party who
// is not staff or a professional (the victim, a child, a partner, family, the other parent; by
// name, or by a pronoun whose antecedent is theirs) and that never mentions the requester ("Ivy
// was outside with the children.", "Ms Bowen has raised concerns about an incident"). Such a
// sentence tells what she did, said or suffered; in a perpetrator request it is hers to
// withhold, not only the names in it. Policy decides per profile: a survivor's own request
// keeps it, since it is about her and the people around her.
#include "recognisers.hpp"

#include "sentence_people.hpp"

namespace safesar {

namespace {

bool protected_role(const Owner& o) {
    return o.kind == Owner::Party && o.role != Role::Staff && o.role != Role::Professional;
}

const char* who(Role r) {
    switch (r) {
    case Role::Victim: return "the victim";
    case Role::Child: return "a child";
    case Role::Partner: return "a partner";
    case Role::Family: return "a family member";
    default: return "a listed party";
    }
}

// The person opens the sentence (after a title at most) and a clause follows: three or more
// lower-case words. "Alfie Hollis 14/03/2015 Woodthorpe Primary School" is a table's row, and a
// line that starts with a name in the middle of someone else's sentence ("...pushed\nKerry once")
// does not open one.
bool opens_clause(const SectionContext& ctx, const Mention& first, std::size_t first_token,
                  std::size_t e) {
    std::size_t t = first_token;
    if (t < ctx.tokens.size() && ctx.is(t, kTitle)) ++t;
    if (t >= ctx.tokens.size() || ctx.begin_of(t) != first.at) return false;
    if (first_token > 0) {
        // The sentence before ends with its own punctuation, not a bare line break.
        const std::string_view gap = ctx.gap(first_token - 1);
        if (gap.find_first_of(".!?:") == std::string_view::npos) return false;
    }
    int lower = 0;
    for (std::size_t k = t; k < ctx.tokens.size() && ctx.begin_of(k) < e && lower < 3; ++k)
        if (ctx.info[k].alpha && !ctx.info[k].capitalised) ++lower;
    return lower >= 3;
}

class ProtectedSentences final : public Recogniser {
  public:
    std::string_view id() const override { return "about-protected-party"; }
    Phase phase() const override { return Phase::Sentences; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        // Prose only: a table row, a header or a file's metadata is no sentence about anyone.
        const Section& sec = ctx.section;
        if (ctx.people.empty() || !sec.fields.empty() ||
            (sec.kind != SectionKind::Body && sec.kind != SectionKind::PageText))
            return;
        for (const auto& [b, e] : ctx.sentences()) {
            const std::size_t first_token = ctx.token_at(b);
            const SentencePeople people = people_in_sentence(ctx, b, e, first_token);
            if (people.mentions.empty() || (people.facts & (kSubjectNamed | kSubjectPronoun)))
                continue;
            const Mention& first = people.mentions.front();
            if (!protected_role(first.owner) || !opens_clause(ctx, first, first_token, e)) continue;
            Span s;
            s.begin = b;
            s.end = e;
            trim_span(ctx.text, s.begin, s.end);
            if (s.end <= s.begin) continue;
            s.category = Category::Safety;
            s.owner = first.owner;
            s.confidence = 0.7f;
            s.facts = people.facts | kOtherNamed;
            s.rule = std::string("a sentence about ") + who(first.owner.role) +
                     " that does not mention the requester";
            s.recogniser = id();
            out.push_back(std::move(s));
        }
    }
};

} // namespace

std::unique_ptr<Recogniser> make_protected_sentences() { return std::make_unique<ProtectedSentences>(); }

} // namespace safesar
