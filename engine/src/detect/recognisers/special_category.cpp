// Special-category information (UK GDPR Art 9: health, pregnancy, sex life and sexual violence,
// substance use and its treatment...; dictionaries/detect/special-category.txt): the whole
// sentence that holds a term is a finding, owned by the person each term is about (the nearest
// name or pronoun before it, or the object pronoun after it: "raped her"). The facts say who
// else the sentence names; policy decides what each profile withholds.
#include "recognisers.hpp"

#include "sentence_people.hpp"

#include <optional>
#include <unordered_map>

namespace safesar {

namespace {

class SpecialCategory final : public Recogniser {
  public:
    std::string_view id() const override { return "special-category"; }
    Phase phase() const override { return Phase::Sentences; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        // Where does a term start? (token index), in order.
        std::vector<std::size_t> hits;
        for (std::size_t i = 0; i < ctx.tokens.size(); ++i)
            if (ctx.is(i, kSpecialFirst) && term_at(ctx, i)) hits.push_back(i);
        if (hits.empty()) return;
        std::size_t h = 0;
        std::optional<Span> asked; // a question about someone else's health, just found
        for (const auto& [b, e] : ctx.sentences()) {
            while (h < hits.size() && ctx.begin_of(hits[h]) < b) ++h;
            std::vector<std::size_t> terms;
            for (std::size_t k = h; k < hits.size() && ctx.begin_of(hits[k]) < e; ++k)
                terms.push_back(hits[k]);
            if (terms.empty()) {
                if (asked) answer(ctx, *asked, b, e, out);
                asked.reset();
                continue;
            }
            asked.reset();
            const WholeSentence whole = whose_sentence(ctx, b, e, terms, false);
            Span s = whole.span;
            const Mention* owner = whole.owner ? &*whole.owner : nullptr;
            // A cell that names no one ("Type 1 diabetes") is about the person its row is
            // about: the row's first person decides, as a reader of the table would.
            std::optional<WholeSentence> row;
            if (!owner && !ctx.section.fields.empty()) {
                row = whose_sentence(ctx, 0, ctx.text.size(), terms, false);
                if (row->owner) owner = &*row->owner;
            }
            s.category = Category::SpecialCategory;
            s.recogniser = id();
            if (owner && owner->subject && sexual_with_other(ctx, terms)) {
                // Sex takes two: "he had sex with her" is hers as much as his (and, unwanted,
                // sexual violence against her), though the sentence makes him its agent.
                // (Someone else named in it makes it not his alone already: "other-named".)
                s.confidence = 0.8f;
                s.facts |= kAboutOther;
                s.rule = "sexual activity or violence with someone else as its object ('with "
                         "her'): theirs as much as the requester's";
            } else if (owner && owner->subject) {
                s.owner = Owner{Owner::Subject, -1, Role::Subject};
                s.confidence = 0.8f;
                s.rule = "special-category information about the requester";
            } else if (owner && owner->author) {
                s.confidence = 0.75f;
                s.rule = "special-category information in the first person of whoever wrote "
                         "the record, who is not known to be the requester";
            } else if (owner && (!owner->pronoun || owner->owner.kind != Owner::Unknown)) {
                // Named, or called by a pronoun whose antecedent is named.
                s.owner = owner->owner;
                s.confidence = 0.9f;
                s.rule = "special-category information about " + owner_noun(owner->owner);
            } else if (owner) {
                s.confidence = 0.75f;
                s.rule = "special-category information about someone the sentence calls "
                         "by a pronoun that is not the requester's";
            } else {
                s.confidence = 0.6f;
                s.rule = (s.facts & kAboutAbuser)
                             ? "special-category information about the person causing harm"
                             : "special-category information; the sentence does not say whose";
            }
            if (owner && !owner->subject && !owner->author) s.facts |= kAboutOther;
            if (s.end > s.begin && !(owner && owner->subject) && is_question(ctx.text, b, e))
                asked = s;
            if (s.end > s.begin) out.push_back(std::move(s));
        }
    }

  private:
    // "Is she pregnant?" / "About five months.": a short reply to a question about someone's
    // health or the like says it about them, in words no list holds. The reply is the next
    // sentence, after its speaker's label ("CALLER:"), when it is eight words or fewer.
    static void answer(const SectionContext& ctx, const Span& question, std::size_t b,
                       std::size_t e, std::vector<Span>& out) {
        // Looked for in the label's reach only: a search to the next colon anywhere would read
        // the rest of a long section once per reply.
        const std::string_view head =
            std::string_view(ctx.text).substr(b, std::min<std::size_t>(e - b, 41));
        if (const std::size_t colon = head.find(':'); colon != std::string_view::npos)
            b += colon + 1;
        trim_span(ctx.text, b, e);
        std::size_t words = 0;
        for (std::size_t t = ctx.token_at(b); t < ctx.tokens.size() && ctx.begin_of(t) < e; ++t)
            if (ctx.info[t].alpha || ctx.info[t].has_digit) ++words;
        if (e <= b || words == 0 || words > 8) return;
        Span s = question;
        s.begin = b;
        s.end = e;
        s.confidence = std::min(question.confidence, 0.7f);
        s.rule =
            "the reply to a question asking special-category information (" + question.rule + ")";
        out.push_back(std::move(s));
    }

    // "St Anne's Catholic Primary School", "the Baptist Church hall": a term written with a
    // capital inside a run of capitalised words names a place, not anyone's belief or health.
    static bool in_proper_name(const SectionContext& ctx, std::size_t first, std::size_t last) {
        if (!ctx.info[first].capitalised) return false;
        const bool next = last + 1 < ctx.tokens.size() && ctx.adjacent(last, true) &&
                          ctx.info[last + 1].capitalised && ctx.info[last + 1].alpha;
        if (next) return true;
        // A capitalised word before it that does not open its sentence: "St Bede's Catholic".
        if (first == 0 || !ctx.adjacent(first - 1, true) || !ctx.info[first - 1].capitalised)
            return false;
        const std::size_t at = ctx.begin_of(first - 1);
        return ctx.sentences()[ctx.sentence_of(at)].first < at;
    }

    // Is one of the terms about sex ("had sex", "raped") with someone of the other sex than
    // the requester as its object, right after it ("had sex with her", "raped her")? Not when
    // the object is the requester: a survivor's "he raped her" is about her.
    static bool sexual_with_other(const SectionContext& ctx,
                                  const std::vector<std::size_t>& terms) {
        const Gender g = ctx.knowledge.subject_gender;
        if (g == Gender::Unknown) return false;
        const std::string_view other = g == Gender::Male ? "her" : "him";
        auto sexual_word = [](std::string_view w) {
            return w == "sex" || w == "sexual" || w == "sexually" || w == "rape" || w == "raped" ||
                   w == "raping";
        };
        const std::size_t n = ctx.tokens.size();
        for (const std::size_t t : terms) {
            if (!sexual_word(ctx.word(t)) && !(t + 1 < n && sexual_word(ctx.word(t + 1)))) continue;
            for (std::size_t k = t + 1; k < n && k <= t + 4; ++k)
                if (ctx.word(k) == other) return true;
        }
        return false;
    }

    static bool term_at(const SectionContext& ctx, std::size_t i) {
        for (const auto& term : ctx.lex.special_terms) {
            if (term.front() != ctx.word(i) || i + term.size() > ctx.tokens.size()) continue;
            bool ok = true;
            for (std::size_t k = 1; k < term.size() && ok; ++k) ok = ctx.word(i + k) == term[k];
            if (ok) return !in_proper_name(ctx, i, i + term.size() - 1);
        }
        return false;
    }
};

} // namespace

std::unique_ptr<Recogniser> make_special_category() { return std::make_unique<SpecialCategory>(); }

} // namespace safesar
