// Someone else's row: a register lists many people, a row each (a court list's defendants, an
// appointments export's clients, a hostel's night log of residents, an interpreter's bookings).
// When the cell that says whose row it is names someone other than the requester, and no cell
// of the row names him, the row's other cells of words (the charge, the matter, the purpose,
// the notes) are about that person: theirs, whatever words they use. Names and numbers in the
// row are found by their own recognisers; this finds what no shape can, by where it stands.
#include "recognisers.hpp"
#include "routine_shapes.hpp"

#include "sentence_people.hpp"

#include <algorithm>
#include <array>

namespace safesar {

// A column that says whose row it is: the service user the register is about, not a worker,
// an adviser or an interpreter who deals with them. A call log's "Who" or "Caller", a
// register's bare "Name" and a money plan's "Whose" or "Holder" say the same; so do a club's
// or a nursery's "Child" and a course's "Learner" or "Participant"; a booking system's
// "Passenger", "Guest", "Hirer" or "Attendee", a library's "Borrower", a rota's "Employee".
// (Not a club's "Member":
// its rows name the leaders who signed each badge off, and a row about the requester's own
// child is kept with what its cells hold.)
bool whose_column(const std::string& label) {
    // "user" as in "service user".
    static constexpr std::array<std::string_view, 38> words{
        "client",    "defendant",  "accused",  "resident", "patient",  "student",   "tenant",
        "pupil",     "applicant",  "customer", "claimant", "offender", "appellant", "respondent",
        "user",      "who",        "whose",    "caller",   "name",     "person",    "visitor",
        "holder",    "owner",      "child",    "children", "learner",  "baby",      "participant",
        "passenger", "pax",        "rider",    "guest",    "hirer",    "attendee",  "borrower",
        "occupant",  "cardholder", "employee"};
    for (const auto& w : tokenize(fold(label)))
        if (std::find(words.begin(), words.end(), w) != words.end()) return true;
    return false;
}

namespace {

// A cell worth covering: it holds a word of three letters or more (not a date, a time, a
// number, initials or a code).
bool has_words(const SectionContext& ctx, std::size_t b, std::size_t e) {
    for (std::size_t t = ctx.token_at(b); t < ctx.tokens.size() && ctx.begin_of(t) < e; ++t)
        if (ctx.info[t].alpha && ctx.word(t).size() >= 3) return true;
    return false;
}

// A cell's text without the blanks around it, [b, e), when it holds words worth covering.
bool worded_cell(const SectionContext& ctx, const Field& field, std::size_t& b, std::size_t& e) {
    b = field.begin;
    e = field.end;
    trim_span(ctx.text, b, e);
    return e > b && has_words(ctx, b, e);
}

// Does a routine's shape (days, hours) begin inside [b, e)?
bool routine_inside(const SectionContext& ctx, std::size_t b, std::size_t e) {
    for (std::size_t t = ctx.token_at(b); t < ctx.tokens.size() && ctx.begin_of(t) < e; ++t)
        if (routine_shape_at(ctx, t)) return true;
    return false;
}

class SomeoneElsesRow final : public Recogniser {
  public:
    std::string_view id() const override { return "someone-elses-row"; }
    Phase phase() const override { return Phase::Sentences; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        const Section& sec = ctx.section;
        if (sec.kind != SectionKind::Row || sec.fields.empty()) return;
        // Whose row: the first person named in a "whose" column. Any mention of the requester
        // in the row makes it his (a row about both is his record too).
        const Span* who = nullptr;
        std::size_t whose_field = sec.fields.size();
        for (const Span& p : ctx.people) {
            if (p.owner.kind == Owner::Subject) return;
            if (who) continue;
            for (std::size_t f = 0; f < sec.fields.size(); ++f) {
                const Field& field = sec.fields[f];
                if (p.begin >= field.begin && p.end <= field.end && whose_column(field.label) &&
                    !staff_like(p.owner)) {
                    who = &p;
                    whose_field = f;
                    break;
                }
            }
        }
        if (!who) {
            routine_in_a_row(ctx, out);
            return;
        }
        for (std::size_t f = 0; f < sec.fields.size(); ++f) {
            std::size_t b, e;
            if (f == whose_field || !worded_cell(ctx, sec.fields[f], b, e)) continue;
            cover(out, b, e, who->owner, who->owner.kind == Owner::Unknown ? 0.6f : 0.75f,
                  "a cell of a row about someone else (its '" + sec.fields[whose_field].label +
                      "' is not the requester)");
        }
    }

  private:
    // A row with no "whose" column (a club's "Member", a class list) is still about the person it
    // names: a cell that gives days and hours by their shape ("the 6am Tue/Thu/Sat") is that
    // person's routine, though the cell names nobody. Other cells stay with their recognisers.
    void routine_in_a_row(const SectionContext& ctx, std::vector<Span>& out) const {
        const auto who = std::find_if(ctx.people.begin(), ctx.people.end(),
                                      [](const Span& p) { return !staff_like(p.owner); });
        if (who == ctx.people.end()) return;
        for (const Field& field : ctx.section.fields) {
            std::size_t b, e;
            if ((who->begin >= field.begin && who->end <= field.end) ||
                !worded_cell(ctx, field, b, e) || !routine_inside(ctx, b, e))
                continue;
            cover(out, b, e, who->owner, 0.6f,
                  "days and hours in a row about someone else (its '" + field.label +
                      "' gives a routine)");
        }
    }

    // The cell [b, e) as a finding about `owner`, someone other than the requester.
    void cover(std::vector<Span>& out, std::size_t b, std::size_t e, const Owner& owner,
               float confidence, std::string rule) const {
        Span s;
        s.begin = b;
        s.end = e;
        s.category = Category::Safety;
        s.owner = owner;
        s.confidence = confidence;
        s.facts = kOtherNamed;
        s.rule = std::move(rule);
        s.recogniser = id();
        out.push_back(std::move(s));
    }
};

} // namespace

std::unique_ptr<Recogniser> make_someone_elses_row() {
    return std::make_unique<SomeoneElsesRow>();
}

} // namespace safesar
