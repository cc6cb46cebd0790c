// Vehicles described, not registered: a colour and a make or model ("navy VW Tiguan", "gold
// Micra", "white Kia Picanto", "a white Sprinter van"). Whose car it is identifies and follows
// someone as surely as its registration (dictionaries/detect/car-makes.txt and car-models.txt:
// the makes and the models most seen on UK roads; another model counts when it is no English
// word).
// Before a model no list knows, the colour is written in lower case, as a description is ("beige
// Almera"); a capitalised one names a place or a pub ("Green Lane", "White Hart"). Whose it is
// comes from the person named last before it, as for a place.
#include "recognisers.hpp"

#include "sentence_people.hpp"

#include <initializer_list>

namespace safesar {

namespace {

bool colour(std::string_view w) {
    for (std::string_view c :
         {"black", "white", "silver", "grey", "gray", "blue", "red", "green", "navy", "maroon",
          "yellow", "orange", "gold", "bronze", "beige", "purple", "brown", "burgundy"})
        if (w == c) return true;
    return false;
}

// A model after the make or the colour: a capitalised word or a code of letters and digits
// ("A3", "Qashqai", "Transit"), not a word that makes the phrase a place or a title.
bool model(const SectionContext& ctx, std::size_t t) {
    if (ctx.taken[t] ||
        ctx.is(t, kTitle | kStreetSuffix | kFacility | kGenericPlace | kCompanyWord))
        return false;
    const std::string_view raw =
        std::string_view(ctx.text).substr(ctx.begin_of(t), ctx.end_of(t) - ctx.begin_of(t));
    return !raw.empty() && raw.size() <= 12 && raw.front() >= 'A' && raw.front() <= 'Z';
}

class VehicleDescriptions final : public Recogniser {
  public:
    std::string_view id() const override { return "vehicle-description"; }
    Phase phase() const override { return Phase::Shapes; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        const std::size_t n = ctx.tokens.size();
        // One space between token i and the next, in the original text: a description is
        // written on one line ("grey Passa" cut at a cell's edge does not run on into the next).
        auto spaced = [&](std::size_t i) {
            return i + 1 < n && ctx.begin_of(i + 1) == ctx.end_of(i) + 1 &&
                   ctx.text[ctx.end_of(i)] == ' ';
        };
        for (std::size_t i = 0; i + 1 < n; ++i) {
            if (!colour(ctx.word(i)) || !spaced(i)) continue;
            const char first = ctx.text[ctx.begin_of(i)];
            const bool lower = first >= 'a' && first <= 'z';
            std::size_t j = i + 1;
            bool make = false;
            if (ctx.is(j, kCarMake | kCarModel)) {
                make = true;
                while (j + 1 < n && spaced(j) && ctx.is(j + 1, kCarMake))
                    ++j; // "Land Rover", "Alfa Romeo"
            } else if (!lower || !model(ctx, j)) {
                continue; // "Green Lane", "White Hart": a capitalised colour names a place
            }
            // Up to two words of model after the make ("Tiguan", "Transit Connect", "Q5").
            std::size_t last = j;
            for (int k = 0; k < 2 && last + 1 < n && spaced(last) && model(ctx, last + 1); ++k)
                ++last;
            // A colour and one capitalised word with no make: only a model no English word is
            // ("beige Almera"), or one the lists know; "grey Wagtail" is a bird.
            if (!make && last == j && ctx.is(j, kEnglish)) continue;
            Span s;
            s.begin = ctx.begin_of(i);
            s.end = ctx.end_of(last);
            s.category = Category::Vehicle;
            s.confidence = make ? 0.8f : 0.6f;
            s.rule = make ? "a vehicle by its colour and make (or a listed model)"
                          : "a vehicle by its colour and a model no English word is";
            s.recogniser = id();
            ctx.attribute_place(s);
            // His only when its own sentence speaks of him: a car in a comment thread or a log
            // line after his name may be anyone's (his is then only its likely owner).
            if (s.owner.kind == Owner::Subject) {
                const auto [b, e] = ctx.sentence_around(s.begin);
                const SentencePeople people = people_in_sentence(ctx, b, e, ctx.token_at(b));
                if (!(people.facts & (kSubjectNamed | kSubjectPronoun))) {
                    s.likely = s.owner;
                    s.owner = Owner{};
                }
            }
            out.push_back(std::move(s));
            i = last;
        }
    }
};

} // namespace

std::unique_ptr<Recogniser> make_vehicle_descriptions() {
    return std::make_unique<VehicleDescriptions>();
}

} // namespace safesar
