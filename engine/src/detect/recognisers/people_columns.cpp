// Names in the people columns of a table (a CSV export's "Staff", "With", "Attendee") and in
// the people fields of a message header ("From", "To", "Cc"): an entry of one to four words, one
// of them on a name list, is a person even when no title or cue says so. A cell or field may
// list several people, parted by commas, semicolons, '/', '&' or '+' (a pair: "M Lowe / J
// Hart"); an entry ends at a bracket or at the address after a display name ("Jo Bloggs
// <jo@example.org>").
#include "recognisers.hpp"

#include <algorithm>
#include <cctype>

namespace safesar {

namespace {

// Does a folded label hold a word for people (StaffName, OtherParty, ClientForename, Crew)?
bool people_word_in(const std::string& f) {
    for (const char* part :
         {"name",      "party",     "client",    "staff",      "worker",      "person",
          "parent",    "carer",     "handover",  "attendee",   "member",      "contact",
          "author",    "officer",   "referrer",  "relative",   "participant", "instructor",
          "operator",  "agent",     "initials",  "handler",    "adviser",     "advisor",
          "clerk",     "tutor",     "clinician", "therapist",  "operative",   "caseworker",
          "keyworker", "volunteer", "engineer",  "technician", "recorded",    "earner",
          "assignee",  "logged",    "entered",   "crew",       "driver",      "porter",
          "helper",    "coach",     "seller",    "buyer",      "customer",    "hirer",
          "guest",     "passenger", "tenant",    "player",     "pupil",       "student",
          "learner",   "junior",    "rider",     "swimmer",    "athlete",     "competitor",
          "entrant",   "patient",   "resident",  "visitor",    "sitter"})
        if (f.find(part) != std::string::npos) return true;
    return false;
}

// Does a column label say its cells are people? Parts of a word for the long cues (above),
// whole words for the short ones (with, by, from, to) and for those inside other words ("pair"
// of "repair", "rider" of "provider").
bool people_column(const std::string& label) {
    const std::string f = fold(label);
    if (people_word_in(f)) return true;
    for (const auto& w : tokenize(f))
        if (w == "with" || w == "by" || w == "from" || w == "to" || w == "who" || w == "cc" ||
            w == "bcc" || w == "pair" || w == "pairs" || w == "rider" || w == "riders")
            return true;
    return false;
}

// Does a column label say its cells are a part of a name ("Surname", "forename", "Last name")?
// Then a word in it is that part of someone's name, on a name list or not.
bool name_part_column(const std::string& label) {
    const std::string f = fold(label);
    for (const char* part : {"surname", "forename", "first name", "last name", "family name",
                             "given name", "firstname", "lastname", "first_name", "last_name"})
        if (f.find(part) != std::string::npos) return true;
    return false;
}

// A cell of two to four capitals, perhaps with a digit or two ("KB", "JGO", "CW2"): staff
// initials or a call sign, as logs write who acted. Not a word or an acronym of the records'
// own ("GP", "CCTV"), nor the requester's own initials ("GM" for Gordon Marsh).
bool initials(const SectionContext& ctx, std::size_t t) {
    const std::string_view w =
        std::string_view(ctx.text).substr(ctx.begin_of(t), ctx.end_of(t) - ctx.begin_of(t));
    std::size_t caps = 0, digits = 0;
    for (char c : w) {
        if (std::isupper(static_cast<unsigned char>(c)))
            ++caps;
        else if (std::isdigit(static_cast<unsigned char>(c)) && caps >= 2)
            ++digits;
        else
            return false;
    }
    // The requester's own initials ("GM" for Gordon Marsh) are his.
    const bool his = digits == 0 && ctx.requester_initials(t);
    return !his && caps >= 2 && caps <= 4 && digits <= 2 &&
           !ctx.is(t, kCommonWord | kSectorAcronym | kPoliceForce | kTitle | kNotName | kGeneral);
}

// Is token t inside one of the requester's own places (his address's words), found as his?
bool his_place_at(const SectionContext& ctx, std::size_t t) {
    const std::size_t b = ctx.begin_of(t);
    return std::any_of(ctx.found.begin(), ctx.found.end(), [&](const Span& s) {
        return s.category == Category::Address && s.owner.kind == Owner::Subject && s.begin <= b &&
               b < s.end;
    });
}

class PeopleColumns final : public Recogniser {
  public:
    std::string_view id() const override { return "people-columns"; }
    Phase phase() const override { return Phase::People; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        if (ctx.people_only) return; // pass 1 looks for people named in running text only
        const auto& fields = ctx.section.fields;
        // A row whose first cell says who its cells are ("Crew", "Staff on"): the cells after it
        // list people, as a people column's cells do.
        std::string row_label;
        if (ctx.section.kind == SectionKind::Row && !fields.empty() &&
            fields[0].end - fields[0].begin <= 24) {
            const std::string first = fold(std::string_view(ctx.text).substr(
                fields[0].begin, fields[0].end - fields[0].begin));
            if (tokenize(first).size() <= 3 && people_word_in(first)) row_label = first;
        }
        std::size_t t = 0;
        for (std::size_t fi = 0; fi < fields.size(); ++fi) {
            const Field& field = fields[fi];
            const std::string& label = fi > 0 && !row_label.empty() ? row_label : field.label;
            if (field.end <= field.begin || !people_column(label)) continue;
            const std::string_view cell =
                std::string_view(ctx.text).substr(field.begin, field.end - field.begin);
            for (std::size_t eb = 0; eb < cell.size();) {
                std::size_t ee = cell.find_first_of(",;/&+", eb);
                if (ee == std::string_view::npos) ee = cell.size();
                // The entry's tokens, up to a bracket ("(mother)", "(CSC)" say who, not a
                // name) or an address.
                const std::size_t stop =
                    field.begin + std::min(ee, cell.substr(0, ee).find_first_of("(<", eb));
                // After a row's label only a capitalised entry ("Dawn Mallet", not "van 2").
                const std::size_t lead = cell.find_first_not_of(' ', eb);
                const bool capital =
                    lead < ee && std::isupper(static_cast<unsigned char>(cell[lead]));
                if (fi == 0 || row_label.empty() || capital)
                    entry(ctx, label, field.begin + eb, stop, t, out);
                eb = ee + 1;
            }
        }
    }

  private:
    void entry(const SectionContext& ctx, const std::string& label, std::size_t begin,
               std::size_t stop, std::size_t& t, std::vector<Span>& out) const {
        while (t < ctx.tokens.size() && ctx.begin_of(t) < begin)
            ++t;
        std::size_t first = t, last = t;
        bool claimed = false, a_name = false, ok = true, capitalised = true, his_name = false,
             his_place = false, all_his_place = true;
        const auto& his = ctx.known.subject_tokens();
        for (; last < ctx.tokens.size() && ctx.begin_of(last) < stop; ++last) {
            const bool place = his_place_at(ctx, last);
            his_place = his_place || place;
            all_his_place = all_his_place && place;
            claimed = claimed || (ctx.taken[last] && !place);
            capitalised = capitalised && ctx.info[last].capitalised && ctx.info[last].alpha;
            his_name = his_name || std::find(his.begin(), his.end(), ctx.word(last)) != his.end();
            ok = ok && (ctx.info[last].alpha || ctx.word(last).size() == 1) &&
                 (place || !ctx.is(last, kNotName | kTitle));
            a_name = a_name || ctx.is(last, kGivenName | kSurname);
        }
        auto emit = [&](float confidence, std::string rule, std::string_view recogniser = {}) {
            Span s;
            s.begin = ctx.begin_of(first);
            s.end = ctx.end_of(last - 1);
            s.category = Category::Name;
            s.confidence = confidence;
            s.rule = std::move(rule);
            s.recogniser = recogniser.empty() ? id() : recogniser;
            out.push_back(std::move(s));
        };
        if (last == first + 1 && !claimed && initials(ctx, first))
            return emit(0.7f, "initials in the people column '" + label + "': who did it");
        if (last == first || last - first > 4 || claimed || !ok) return;
        // "Kelbrook Athletic" in a customer column when he lives in Kelbrook: a club or a business
        // named after his village is another customer, not him. Capitalised words, none of
        // them his name.
        // Every word of it inside his own listed address ("Larkspur Road" of "12 Larkspur
        // Road"): his address, whoever else the row is about.
        if (all_his_place) return;
        if (his_place && capitalised && !his_name && last - first >= 2)
            return emit(0.6f,
                        "an entry of the people column '" + label +
                            "' that names a place of his but not him: someone else",
                        "people-columns-his-place");
        if (his_place) return;
        // "R Mason": an initial and a capitalised English word, the shape of a name whatever the
        // word means (a word no English one is, the residue pass holds for review already).
        const bool initial_and_word =
            last == first + 2 && ctx.word(first).size() == 1 && ctx.info[first].capitalised &&
            ctx.info[first + 1].capitalised && ctx.is(first + 1, kEnglish | kCommonWord);
        if (a_name)
            emit(0.75f, "a name in the people column '" + label + "'");
        else if (initial_and_word)
            emit(0.7f, "an initial and a surname in the people column '" + label + "'");
        else if (last - first <= 2 && name_part_column(label))
            emit(0.7f, "a word in the column '" + label + "', which holds a part of a name");
    }
};

} // namespace

std::unique_ptr<Recogniser> make_people_columns() {
    return std::make_unique<PeopleColumns>();
}

} // namespace safesar
