// Places named without a house number, where one line can say where someone now is: a town
// from the gazetteer after a place word ("settled in Barnsley", "staying with his brother in
// Ossett"), a district ("in the Manningham area of Bradford"), the place of a home ("her flat
// in Starbeck") and a street after a place word ("the primary on Kingfisher Lane"). Whose place
// it is comes from the person named last before it, as for "lives at".
#include "recognisers.hpp"

#include <initializer_list>

namespace safesar {

namespace {

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    for (auto s : list)
        if (w == s) return true;
    return false;
}

// Words after which a capitalised town is where someone is, goes or comes from.
bool town_cue(std::string_view w) {
    return one_of(w, {"in", "to", "near", "at", "from", "around", "outside", "into", "towards",
                      "toward", "nr", "round", "over"});
}

// Words after which "Kingfisher Lane" is a street someone is on.
bool street_cue(std::string_view w) {
    return one_of(w, {"on", "off", "in", "at", "near", "along", "from", "by", "behind", "down",
                      "up", "onto", "past", "opposite", "nr", "to", "round", "around"});
}

// Words that name nothing but a street: "X Court" may be a court, "X Park" a park.
bool thoroughfare(std::string_view w) {
    return one_of(w, {"road", "street", "avenue", "lane", "crescent", "terrace", "parade", "drive",
                      "mews", "wynd", "vennel", "boulevard", "gardens", "grove", "rd", "ave",
                      "cres", "tce", "gdns"});
}

// The part of a street after its name: "Larch Parade West", "Queen Street North".
bool quarter(std::string_view w) {
    return one_of(w, {"north", "south", "east", "west", "upper", "lower"});
}

// Homes: "her flat in Starbeck" names a place too small for the gazetteer.
bool dwelling(std::string_view w) {
    return one_of(w, {"flat", "house", "home", "refuge", "hostel", "bedsit", "accommodation",
                      "property", "caravan", "lodgings", "tenancy", "place"});
}

// Words that say a capitalised word before them is a district: "the Manningham area".
bool district(std::string_view w) { return one_of(w, {"area", "estate", "district", "side"}); }

class UnnumberedPlaces final : public Recogniser {
  public:
    std::string_view id() const override { return "unnumbered-places"; }
    Phase phase() const override { return Phase::Shapes; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        const auto& tokens = ctx.tokens;
        // Only white space between two tokens (a line break included: "in\nBarnsley").
        auto spaced = [&](std::size_t i) { return ctx.gap(i).find_first_not_of(' ') == std::string_view::npos; };
        // A capitalised word that can name a place: not a title, weekday or month.
        auto place_word = [&](std::size_t k) {
            return !ctx.taken[k] && ctx.info[k].capitalised && ctx.info[k].alpha &&
                   ctx.word(k).size() >= 3 && !ctx.is(k, kTitle) &&
                   (!ctx.is(k, kNotName) || ctx.is(k, kTownFirst));
        };
        // `cued`: a word before it says whose place it is ("lives in", "her flat in"); a street
        // named with no such word is nobody's known, the person named before it only likely.
        auto emit = [&](std::size_t first, std::size_t last, bool cued = true) {
            Span s;
            s.begin = ctx.begin_of(first);
            s.end = ctx.end_of(last);
            s.category = Category::Address;
            s.confidence = 0.7f;
            s.rule = "a place where someone lives";
            s.recogniser = id();
            ctx.attribute_place(s);
            if (!cued && s.owner.kind != Owner::Unknown) {
                s.likely = s.owner;
                s.owner = Owner{};
            }
            out.push_back(std::move(s));
        };
        for (std::size_t i = 1; i < tokens.size(); ++i) {
            if (ctx.taken[i] || !ctx.info[i].capitalised) continue;
            // A cue counts only right before the place: "in Barnsley", not "in, Barnsley".
            const std::string_view prev = spaced(i - 1) ? ctx.word(i - 1) : std::string_view();
            // A town from the gazetteer, longest first.
            if (town_cue(prev) && ctx.is(i, kTownFirst)) {
                std::size_t best = 0;
                auto it = ctx.lex.towns.find(ctx.word(i));
                if (it != ctx.lex.towns.end())
                    for (const auto& town : it->second) {
                        if (i + town.size() > tokens.size()) continue;
                        bool ok = true;
                        for (std::size_t k = 0; k < town.size() && ok; ++k)
                            ok = ctx.word(i + k) == town[k] && !ctx.taken[i + k] &&
                                 (k == 0 || spaced(i + k - 1));
                        if (ok) {
                            best = town.size();
                            break; // longest first
                        }
                    }
                if (best) {
                    emit(i, i + best - 1);
                    i += best - 1;
                    continue;
                }
            }
            // A district and its town: "in the Manningham area of Bradford".
            if (prev == "the" && i >= 2 &&
                (town_cue(ctx.word(i - 2)) || street_cue(ctx.word(i - 2))) && place_word(i)) {
                std::size_t j = i;
                if (j + 1 < tokens.size() && spaced(j) && place_word(j + 1)) ++j;
                if (j + 1 < tokens.size() && spaced(j) && district(ctx.word(j + 1))) {
                    emit(i, j);
                    i = j + 1;
                    if (i + 2 < tokens.size() && ctx.word(i + 1) == "of" && spaced(i) &&
                        spaced(i + 1) && place_word(i + 2)) {
                        emit(i + 2, i + 2);
                        i += 2;
                    }
                    continue;
                }
            }
            // Somewhere a home is: "her flat in Starbeck", one or two capitalised words.
            if ((prev == "in" || prev == "near") && i >= 2 && dwelling(ctx.word(i - 2)) &&
                spaced(i - 2) && place_word(i)) {
                std::size_t j = i;
                if (j + 1 < tokens.size() && spaced(j) && place_word(j + 1)) ++j;
                emit(i, j);
                i = j;
                continue;
            }
            // A street: one to three capitalised words, then a thoroughfare word: after a word
            // that places it ("on Kingfisher Lane"), or anywhere when the word can only be a
            // street's ("Larch Parade", "Hollin Crescent"), with a quarter after it ("West").
            // A run of capitals starts after a lower-case word or a bracket or comma between
            // ("Hollins Cross (Sparrow Road)").
            if (ctx.info[i].alpha && !ctx.is(i, kTitle | kStreetSuffix) &&
                (street_cue(prev) || (!ctx.taken[i - 1] && !ctx.info[i - 1].has_digit &&
                                      (!ctx.info[i - 1].capitalised || !spaced(i - 1))))) {
                std::size_t j = i;
                while (j + 1 < tokens.size() && j - i < 2 && spaced(j) && !ctx.taken[j + 1] &&
                       ctx.info[j + 1].capitalised && ctx.info[j + 1].alpha &&
                       !ctx.is(j + 1, kStreetSuffix))
                    ++j;
                if (j + 1 < tokens.size() && spaced(j) && !ctx.taken[j + 1] &&
                    ctx.info[j + 1].capitalised && ctx.is(j + 1, kStreetSuffix) &&
                    (street_cue(prev) || thoroughfare(ctx.word(j + 1)))) {
                    std::size_t last = j + 1;
                    if (last + 1 < tokens.size() && spaced(last) &&
                        ctx.info[last + 1].capitalised && quarter(ctx.word(last + 1)))
                        ++last;
                    emit(i, last, street_cue(prev));
                    i = last;
                }
            }
        }
    }

};

} // namespace

std::unique_ptr<Recogniser> make_unnumbered_places() { return std::make_unique<UnnumberedPlaces>(); }

} // namespace safesar
