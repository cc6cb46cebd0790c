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
        for (const auto& m : matched) {
            if (m.rule.empty()) continue; // an organisation: its words are taken, nothing more
            Span s = m;
            s.recogniser = id();
            out.push_back(std::move(s));
        }
    }
};

} // namespace

std::unique_ptr<Recogniser> make_known_people() { return std::make_unique<KnownPeople>(); }

} // namespace safesar
