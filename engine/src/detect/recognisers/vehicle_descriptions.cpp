// Vehicles described, not registered: a colour and a make or model ("navy VW Tiguan", "gold
// Micra", "white Kia Picanto", "a white Sprinter van"). Whose car it is identifies and follows
// someone as surely as its registration (dictionaries/detect/car-makes.txt and car-models.txt:
// the makes and the models most seen on UK roads; another model counts when it is no English
// word).
// A lower-case colour and a kind of vehicle ("silver horsebox") is a description too.
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

// A kind of vehicle after a colour written in lower case ("silver horsebox", "red pickup"): with
// no make it describes a vehicle as plainly as a model does.
bool kind_of_vehicle(std::string_view w) {
    for (std::string_view k :
         {"van", "pickup", "horsebox", "motorbike", "motorcycle", "scooter", "moped", "campervan",
          "motorhome", "minibus", "hatchback", "saloon", "lorry", "truck", "4x4", "tractor"})
        if (w == k) return true;
    return false;
}

// "a man in a white van": a vehicle seen, no one's described. Only "drives a white van", "has a
// red pickup" give an unnamed kind of vehicle an owner to follow.
bool a_sighting(const SectionContext& ctx, std::size_t colour_at) {
    if (colour_at == 0) return false;
    const std::string_view article = ctx.word(colour_at - 1);
    if (article != "a" && article != "an") return false;
    if (colour_at < 2) return true;
    const std::string_view verb = ctx.word(colour_at - 2);
    for (std::string_view v : {"drives", "drive", "driving", "drove", "has", "have", "had", "owns",
                               "own", "got", "bought", "uses", "use"})
        if (verb == v) return false;
    return true;
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
            if (lower && kind_of_vehicle(ctx.word(j)) && !a_sighting(ctx, i)) {
                out.push_back(vehicle(ctx, i, j, 0.5f, "a vehicle by its colour and its kind"));
                i = j;
                continue;
            }
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
            out.push_back(vehicle(ctx, i, last, make ? 0.8f : 0.6f,
                                  make ? "a vehicle by its colour and make (or a listed model)"
                                       : "a vehicle by its colour and a model no English word is"));
            i = last;
        }
    }

  private:
    // The vehicle of tokens [first, last]. Whose it is: the person named last before it, as for
    // a place; his only when its own sentence speaks of him: a car in a comment thread or a log
    // line after his name may be anyone's (his is then only its likely owner).
    Span vehicle(const SectionContext& ctx, std::size_t first, std::size_t last, float confidence,
                 std::string rule) const {
        Span s;
        s.begin = ctx.begin_of(first);
        s.end = ctx.end_of(last);
        s.category = Category::Vehicle;
        s.confidence = confidence;
        s.rule = std::move(rule);
        s.recogniser = id();
        ctx.attribute_place(s);
        if (s.owner.kind != Owner::Subject) return s;
        const auto [b, e] = ctx.sentence_around(s.begin);
        const SentencePeople people = people_in_sentence(ctx, b, e, ctx.token_at(b));
        if (!(people.facts & (kSubjectNamed | kSubjectPronoun))) {
            s.likely = s.owner;
            s.owner = Owner{};
        }
        return s;
    }
};

} // namespace

std::unique_ptr<Recogniser> make_vehicle_descriptions() {
    return std::make_unique<VehicleDescriptions>();
}

} // namespace safesar
