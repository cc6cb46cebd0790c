// The requester's and every listed party's own terms (names, aliases, initials, addresses,
// postcodes, schools, workplaces) and the names of organisations. Organisations are found only
// to mark their words as taken: "Calder Brook Child Contact Centre" names no Mr Brook.
#include "recognisers.hpp"

namespace safesar {

namespace {

class KnownPeople final : public Recogniser {
  public:
    std::string_view id() const override { return "known-people"; }
    Phase phase() const override { return Phase::Known; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        std::size_t k = 0;
        const auto matched = ctx.known.match(ctx.folded, ctx.tokens, ctx.text);
        // Words of the requester, of listed parties and of organisations are taken; names of
        // unlisted people found elsewhere are not, so that the rules for unlisted people can
        // still read them as part of a longer name ("Ellis Leadbetter").
        for (std::size_t i = 0; i < ctx.tokens.size(); ++i) {
            const std::size_t ob = ctx.begin_of(i);
            while (k < matched.size() && matched[k].end <= ob) ++k;
            ctx.taken[i] = k < matched.size() && matched[k].begin <= ob &&
                           (matched[k].rule.empty() || matched[k].owner.kind != Owner::Unknown);
        }
        for (std::size_t j = 0; j < matched.size(); ++j) {
            const Span& m = matched[j];
            if (m.rule.empty()) continue; // an organisation: its words are taken, nothing more
            Span s = m;
            if (const Span* party = surname_joined_to_party(ctx, matched, j)) {
                s.owner = party->owner;
                s.rule = "the requester's surname written with a listed " +
                         std::string(to_string(party->owner.role)) + "'s given name";
            }
            s.recogniser = id();
            out.push_back(std::move(s));
        }
    }

  private:
    // "MARSH, Dennis Alan" (a register's surname first) or "Dennis MARSH": the requester's
    // surname joined to a listed party's given name is that party's, who shares it; not when
    // the requester's own given name stands against it ("Gordon MARSH, Dennis's brother").
    static const Span* surname_joined_to_party(const SectionContext& ctx,
                                               const std::vector<Span>& m, std::size_t j) {
        const Span& s = m[j];
        if (s.owner.kind != Owner::Subject || s.category != Category::Name ||
            fold(std::string_view(ctx.text).substr(s.begin, s.end - s.begin)) !=
                ctx.known.subject_surname())
            return nullptr;
        auto joined = [&](std::size_t a, std::size_t b, bool comma) {
            if (b < a || b - a > 3) return false;
            for (std::size_t i = a; i < b; ++i)
                if (ctx.text[i] != ' ' && !(comma && ctx.text[i] == ',')) return false;
            return true;
        };
        auto name_of = [&](const Span& x, Owner::Kind kind) {
            return x.category == Category::Name && x.owner.kind == kind && !x.rule.empty();
        };
        const Span* before = j > 0 && joined(m[j - 1].end, s.begin, false) ? &m[j - 1] : nullptr;
        const Span* after =
            j + 1 < m.size() && joined(s.end, m[j + 1].begin, true) ? &m[j + 1] : nullptr;
        if ((before && name_of(*before, Owner::Subject)) ||
            (after && name_of(*after, Owner::Subject)))
            return nullptr;
        if (before && name_of(*before, Owner::Party)) return before;
        if (after && name_of(*after, Owner::Party)) return after;
        return nullptr;
    }
};

} // namespace

std::unique_ptr<Recogniser> make_known_people() { return std::make_unique<KnownPeople>(); }

} // namespace safesar
