// Short forms of listed third parties' given names that no name list holds ("Tobes" for
// Tobias): a capitalised word outside the dictionaries sharing the first three letters.
#include "recognisers.hpp"

#include <algorithm>

namespace safesar {

namespace {

class Nicknames final : public Recogniser {
  public:
    std::string_view id() const override { return "nickname"; }
    Phase phase() const override { return Phase::People; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        const auto& given = ctx.known.third_party_given_names();
        if (given.empty()) return;
        const auto& subject = ctx.known.subject_tokens();
        for (std::size_t i = 0; i < ctx.tokens.size(); ++i) {
            const std::string_view w = ctx.word(i);
            // Words the name lists know are found as people already; these are the rest.
            if (ctx.taken[i] || w.size() < 3 || !ctx.info[i].alpha || !ctx.info[i].capitalised ||
                ctx.is(i, kGivenName | kSurname | kCommonWord | kNotName | kTitle) ||
                std::find(subject.begin(), subject.end(), w) != subject.end())
                continue;
            for (const auto& [name, owner] : given) {
                if (name.size() < 4 || w == name || w.size() > name.size() + 1 ||
                    w.compare(0, 3, name, 0, 3) != 0)
                    continue;
                Span s;
                s.begin = ctx.begin_of(i);
                s.end = ctx.end_of(i);
                s.category = Category::Name;
                s.owner = owner;
                s.confidence = 0.7f;
                s.rule = "a short form of " + owner_phrase(owner) + " given name";
                s.recogniser = id();
                out.push_back(std::move(s));
                break;
            }
        }
    }
};

} // namespace

std::unique_ptr<Recogniser> make_nicknames() { return std::make_unique<Nicknames>(); }

} // namespace safesar
