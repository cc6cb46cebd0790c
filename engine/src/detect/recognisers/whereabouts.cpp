// Whereabouts, routine and safety arrangements (dictionaries/detect/whereabouts-cues.txt):
// where someone stays or spends nights, when they can be called or found, that a codeword, safe
// contact or escape plan exists; and accounts: what a protected party told of the harm or of
// her fear ("has raised concerns about", "Victim fear (via PSS)"). In a perpetrator request such a
// sentence about a protected party is as dangerous as her address, so the whole sentence is a
// finding, owned like a special-category sentence. The secret itself after a cue ("codeword is
// bluebell") is a finding of its own, whoever's sentence it is.
#include "recognisers.hpp"

#include "sentence_people.hpp"

#include <algorithm>
#include <array>

namespace safesar {

namespace {

bool matches_at(const SectionContext& ctx, std::size_t i, const std::vector<std::string>& t) {
    if (i + t.size() > ctx.tokens.size()) return false;
    for (std::size_t k = 0; k < t.size(); ++k)
        if (ctx.word(i + k) != t[k]) return false;
    return true;
}

// Words between a secret's cue and the secret: "the code word is", "safe word agreed:".
bool filler(std::string_view w) {
    static const std::array<std::string_view, 11> f{
        "is", "was", "will", "be", "are", "agreed", "set", "chosen", "remains", "of", "new"};
    return std::find(f.begin(), f.end(), w) != f.end();
}

// Words that show the cue was not followed by a secret: "agreed a code word with her sister".
bool not_a_secret(const SectionContext& ctx, std::size_t i) {
    static const std::array<std::string_view, 43> no{
        "with", "for",   "to",  "and",    "that", "which", "has",   "have", "had",   "in",  "on",
        "if",   "she",   "he",  "they",   "we",   "you",   "her",   "his",  "their", "the", "a",
        "an",   "used",  "use", "should", "or",   "can",   "could", "will", "would", "may", "might",
        "must", "shall", "not", "at",     "by",   "from",  "when",  "so",   "as",    "also"};
    return std::find(no.begin(), no.end(), ctx.word(i)) != no.end() || ctx.is(i, kNotName);
}

class Whereabouts final : public Recogniser {
  public:
    std::string_view id() const override { return "whereabouts"; }
    Phase phase() const override { return Phase::Sentences; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        std::vector<std::size_t> hits; // first tokens of cues
        std::vector<std::size_t>
            told; // first tokens of cues that name the protected party as teller
        std::vector<std::size_t> accounts; // first tokens of account and told-by cues
        std::vector<std::size_t> safety;   // first tokens of safety-arrangement cues
        for (std::size_t i = 0; i < ctx.tokens.size(); ++i) {
            if (!ctx.is(i, kWhereaboutsFirst)) continue;
            for (const auto& [cue, kind] : ctx.lex.whereabouts_cues)
                if (matches_at(ctx, i, cue)) {
                    hits.push_back(i);
                    if (kind == "told-by") told.push_back(i);
                    if (kind == "told-by" || kind == "account") accounts.push_back(i);
                    if (kind == "safety") safety.push_back(i);
                    break;
                }
            for (const auto& cue : ctx.lex.secret_cues)
                if (matches_at(ctx, i, cue)) secret_after(ctx, i + cue.size(), out);
        }
        if (hits.empty()) return;
        std::size_t h = 0;
        for (const auto& [b, e] : ctx.sentences()) {
            while (h < hits.size() && ctx.begin_of(hits[h]) < b)
                ++h;
            std::vector<std::size_t> cues;
            for (std::size_t k = h; k < hits.size() && ctx.begin_of(hits[k]) < e; ++k)
                cues.push_back(hits[k]);
            if (cues.empty()) continue;
            const WholeSentence whole = whose_sentence(ctx, b, e, cues, true);
            Span s = whole.span;
            const Mention* owner = whole.owner ? &*whole.owner : nullptr;
            s.category = Category::Safety;
            s.recogniser = id();
            // "Victim fear (via PSS): he keeps a knife": her account, though it names only him.
            bool account_only = true;
            for (std::size_t t : cues) {
                if (std::find(told.begin(), told.end(), t) != told.end()) s.facts |= kOtherNamed;
                if (std::find(accounts.begin(), accounts.end(), t) == accounts.end())
                    account_only = false;
            }
            // A codeword, a panic alarm, a safety plan protect someone from harm: not the
            // requester's own whereabouts, though the sentence names only him ("staff to use the
            // code word if he calls").
            const bool arrangement = std::any_of(cues.begin(), cues.end(), [&](std::size_t t) {
                return std::find(safety.begin(), safety.end(), t) != safety.end();
            });
            if (owner && owner->subject && arrangement) {
                s.confidence = 0.7f;
                s.rule = "a safety arrangement: it protects someone from harm, whoever the "
                         "sentence names";
            } else if (owner && owner->subject) {
                s.owner = Owner{Owner::Subject, -1, Role::Subject};
                s.confidence = 0.7f;
                s.rule = "where the requester is or can be found";
            } else if (owner && owner->author) {
                s.confidence = 0.75f;
                s.rule = "whereabouts, routine or safety arrangements in the first person of "
                         "whoever wrote the record, who is not known to be the requester";
            } else if (owner && (!owner->pronoun || owner->owner.kind != Owner::Unknown)) {
                // Named, or called by a pronoun whose antecedent is named.
                s.owner = owner->owner;
                s.confidence = 0.85f;
                const std::string who = owner_noun(owner->owner);
                s.rule = account_only
                             ? who + "'s account of the harm or their fear"
                             : "where " + who + " is or can be found, or their safety arrangements";
            } else {
                s.confidence = owner ? 0.75f : 0.6f;
                s.rule = "whereabouts, routine or safety arrangements of someone the sentence "
                         "does not name as the requester";
            }
            if (s.end > s.begin) out.push_back(std::move(s));
        }
    }

  private:
    void secret_after(const SectionContext& ctx, std::size_t i, std::vector<Span>& out) const {
        while (i < ctx.tokens.size() && filler(ctx.word(i)))
            ++i;
        if (i >= ctx.tokens.size() || not_a_secret(ctx, i)) return;
        // Only a short gap (": ", " is '", a quote) may separate the cue from the secret; a
        // comma or a stop ends the cue's clause ("with the password, can collect").
        if (i > 0 && (ctx.gap(i - 1).size() > 4 ||
                      ctx.gap(i - 1).find_first_of(",;.)") != std::string_view::npos))
            return;
        Span s;
        s.begin = ctx.begin_of(i);
        s.end = ctx.end_of(i);
        s.category = Category::Safety;
        // A secret stands alone: the clause or the cell ends after it ("password: lantern.").
        // One the sentence goes on from ("his password after ...") is less sure, and is not
        // looked for elsewhere in the case.
        const bool alone = i + 1 >= ctx.tokens.size() ||
                           std::string_view(ctx.text)
                                   .substr(ctx.end_of(i), ctx.begin_of(i + 1) - ctx.end_of(i))
                                   .find_first_of(".,;:!?)'\"\n|\t") != std::string_view::npos;
        s.confidence = alone ? 0.9f : 0.7f;
        s.rule = "a codeword, password or PIN";
        s.recogniser = "secret";
        out.push_back(std::move(s));
    }
};

} // namespace

std::unique_ptr<Recogniser> make_whereabouts() {
    return std::make_unique<Whereabouts>();
}

} // namespace safesar
