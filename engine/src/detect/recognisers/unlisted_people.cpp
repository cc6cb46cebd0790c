// People nobody listed: a neighbour, a new partner, a group member, a police officer. Found by
// titles and ranks (Mr Pemberton, DC Nandra), by role cues (her sister Michelle, social worker
// Tom Egerton), by the given-name dictionary (Hannah Blythe, Lee S.), by "the X family", by
// "Surname, Given" as exports write people, by a given name the requester or a listed person
// has followed by a surname that is not theirs ("Owen Leadbetter" when Owen is his middle name),
// and by a relation word before a given name or a bracketed name ("cousin Faith", "mum (Mei)").
#include "../calendar_words.hpp"
#include "recognisers.hpp"
#include "sentence_people.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

namespace safesar {

namespace {

bool calendar_word(std::string_view w) {
    static const std::unordered_set<std::string_view> weekdays{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    return full_month_name(w) || weekdays.count(w) != 0;
}

struct Words {
    const SectionContext& c;

    bool subject(std::size_t i) const {
        const auto& s = c.known.subject_tokens();
        return std::find(s.begin(), s.end(), c.word(i)) != s.end();
    }
    // A capitalised word that may be part of a name: not a known non-name, not the subject's.
    bool namelike(std::size_t i) const {
        if (i >= c.tokens.size() || c.taken[i] || !c.info[i].capitalised || !c.info[i].alpha ||
            subject(i))
            return false;
        return c.word(i).size() >= 2 && !c.is(i, kNotName | kTitle);
    }
    // A capital letter alone, with or without its full stop ("Gordon T", "Lil T"); "I" is the
    // pronoun. (`initial` below asks for the full stop and an untaken word.)
    bool letter(std::size_t i) const {
        return i < c.tokens.size() && c.word(i).size() == 1 && c.word(i) != "i" &&
               c.info[i].capitalised && c.info[i].alpha;
    }
    bool digits(std::size_t i) const {
        return i < c.tokens.size() && std::isdigit(static_cast<unsigned char>(c.word(i)[0]));
    }
    // A word joined by hyphens or slashes to a number is part of a code ("KB-RTH-55102"), not
    // a name.
    bool in_code(std::size_t i) const {
        auto joined = [&](std::size_t k) { return c.gap(k) == "-" || c.gap(k) == "/"; };
        for (std::size_t k = i; k > 0 && joined(k - 1); --k)
            if (digits(k - 1)) return true;
        for (std::size_t k = i; k + 1 < c.tokens.size() && joined(k); ++k)
            if (digits(k + 1)) return true;
        return false;
    }
    // "Jan" in "9 Jan 2021", "May" in "May 2024": a month inside a date is never a name.
    bool month_in_date(std::size_t i) const {
        static const std::array<std::string_view, 17> months{
            "jan", "feb",    "mar", "apr",  "may", "jun", "june", "jul",  "july",
            "aug", "august", "sep", "sept", "oct", "nov", "dec",  "april"};
        if (std::find(months.begin(), months.end(), c.word(i)) == months.end()) return false;
        return (i > 0 && digits(i - 1)) || digits(i + 1);
    }
    // "black Audi A3", "his Vauxhall": a car make said as a car.
    bool car(std::size_t i) const {
        if (!c.is(i, kCarMake)) return false;
        static const std::array<std::string_view, 16> before{
            "a",      "an",   "the", "his",  "her",   "their", "black", "white",
            "silver", "grey", "red", "blue", "green", "gold",  "dark",  "old"};
        if (i > 0 && std::find(before.begin(), before.end(), c.word(i - 1)) != before.end())
            return true;
        return i + 1 < c.tokens.size() && c.info[i + 1].has_digit;
    }
    // "Ashby Scaffolding", "Hebble Bakery Ltd": a business, not a person.
    bool business_after(std::size_t i) const {
        return c.adjacent(i) && c.info[i + 1].capitalised && c.is(i + 1, kCompanyWord);
    }
    // "Gladstone Health Centre", "Kirkby Distribution Centre": a place, not a person; within
    // the next three capitalised words a facility or trade word ends it.
    bool place_after(std::size_t i) const {
        for (std::size_t k = i; k < i + 3 && c.adjacent(k); ++k) {
            if (!c.info[k + 1].capitalised) return false;
            if (c.is(k + 1, kFacility | kCompanyWord)) return true;
        }
        return false;
    }
    bool initial(std::size_t i) const {
        if (i >= c.tokens.size() || c.taken[i] || !c.info[i].capitalised || c.word(i).size() != 1)
            return false;
        const std::size_t e = c.tokens[i].end;
        const std::string& t = c.folded.text;
        if (e < t.size() && t[e] == '.') return true;
        // Without its stop, where the cell, the line or the list ends ("Pat O" in a rota's
        // cell, "Kath W, Jo B"): a surname cut to its letter. Not "I".
        const std::string& original = c.text;
        const std::size_t oe = c.end_of(i);
        return c.word(i) != "i" &&
               (oe == original.size() || original[oe] == '\n' || original[oe] == '\t' ||
                original[oe] == ',' || original[oe] == ')' || original[oe] == ';');
    }
    // Extends a name that starts at `i` over the capitalised words that follow: a surname, a
    // middle name, or a single initial (Lee S.).
    std::size_t extend(std::size_t i, int max_more) const {
        std::size_t last = i;
        for (int k = 0; k < max_more; ++k) {
            const std::size_t n = last + 1;
            if (!c.adjacent(last)) break;
            // "Hazel-Jo", "Mary-Kate": a hyphen makes one given name of two, whoever else has
            // one half of it.
            if (c.gap(last) == "-" && !c.taken[n] && c.info[n].capitalised && c.info[n].alpha &&
                !c.info[n].all_caps && c.is(n, kGivenName)) {
                last = n;
                continue;
            }
            if (namelike(n) && !c.info[n].all_caps &&
                (c.is(n, kSurname | kGivenName) || !c.is(n, kCommonWord))) {
                last = n;
                continue;
            }
            if (initial(n)) last = n;
            break;
        }
        return last;
    }
};

// The last token of the name greeting token `i` opens ("Hi", "Hello", "Dear" first on its
// line); i when it opens none.
std::size_t greeted(const SectionContext& ctx, const Words& c, std::size_t i) {
    const std::string_view w = ctx.word(i);
    if (w != "hi" && w != "hello" && w != "dear" && w != "hiya") return i;
    if (!ctx.opens_line(ctx.begin_of(i))) return i;
    // Whom a greeting addresses when it names no one.
    static const std::unordered_set<std::string_view> nobody{
        "all",     "everyone", "everybody", "team",  "there",  "both",    "folks",   "guys",
        "friends", "again",    "sir",       "madam", "ladies", "parents", "members", "colleagues"};
    std::size_t last = i;
    while (last + 1 < ctx.tokens.size() && last - i < 3 && ctx.gap(last) == " " &&
           !nobody.count(ctx.word(last + 1)) && !ctx.is(last + 1, kGeneral | kRoleCue) &&
           (c.namelike(last + 1) || c.letter(last + 1)))
        ++last;
    if (last == i) return i;
    // The name ends the greeting: a comma, an exclamation or the line's end follows it.
    const std::size_t e = ctx.end_of(last);
    const bool closed = e >= ctx.text.size() || ctx.text[e] == ',' || ctx.text[e] == '!' ||
                        ctx.text[e] == '\n' || ctx.text[e] == '\r';
    return closed ? last : i;
}

class UnlistedPeople final : public Recogniser {
  public:
    std::string_view id() const override { return "unlisted-people"; }
    Phase phase() const override { return Phase::People; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        const Words c{ctx};
        // "Ambrose Fennimore (the Badger)", "Dean Holt (Dibs)": what the person is called, in
        // brackets right after the name ending at token `last`, one or two capitalised words.
        // Without "the" an ordinary word or a proper noun that is no name is what the person is
        // ("(Manager)", "(Ukrainian)"), not what they are called.
        auto alias_after = [&](std::size_t last) {
            std::size_t a = last + 1;
            if (a >= ctx.tokens.size() || ctx.gap(last) != " (") return;
            const bool the = ctx.word(a) == "the" && ctx.gap(a) == " ";
            if (the) ++a;
            auto alias_word = [&](std::size_t z) {
                return ctx.info[z].capitalised && ctx.info[z].alpha && !ctx.taken[z] &&
                       !ctx.is(z, kTitle | kGeneral | kRoleCue | kFacility | kCompanyWord) &&
                       (the || (!ctx.is(z, kCommonWord | kEnglish | kNotName) &&
                                (!ctx.is(z, kProperNoun) || ctx.is(z, kGivenName | kSurname))));
            };
            for (std::size_t z = a; z < ctx.tokens.size() && z < a + 2 && alias_word(z); ++z) {
                const std::string_view gap = ctx.gap(z);
                if (gap.rfind(")", 0) == 0) {
                    Span alias;
                    alias.begin = ctx.begin_of(a);
                    alias.end = ctx.end_of(z);
                    alias.category = Category::Name;
                    alias.rule = "what a person is called, in brackets after their name";
                    alias.confidence = 0.8f;
                    alias.recogniser = "unlisted-people";
                    alias.discoverable = true;
                    out.push_back(std::move(alias));
                    return;
                }
                if (gap != " ") return;
            }
        };
        auto emit = [&](std::size_t first, std::size_t last, std::string rule, float conf,
                        std::string_view rid = "unlisted-people", bool discoverable = false) {
            Span s;
            s.begin = ctx.begin_of(first);
            s.end = ctx.end_of(last);
            s.category = Category::Name;
            s.rule = std::move(rule);
            s.confidence = conf;
            s.recogniser = rid;
            std::size_t words = 0;
            for (std::size_t k = first; k <= last; ++k)
                words += ctx.word(k).size() > 1;
            s.discoverable = discoverable || words >= 2;
            out.push_back(std::move(s));
            alias_after(last);
        };
        // A name followed by a bracketed description: "Dean (from the Batley group)".
        auto described = [&](std::size_t i) {
            return i + 1 < ctx.tokens.size() && !ctx.info[i + 1].capitalised && ctx.gap(i) == " (";
        };
        // Articles and determiners: capitalised, the start of a name of a body or a title ("to
        // The Property Ombudsman"), not a person, though the folded list has them; before a
        // possessive, what owns is a thing ("the Rose's garden").
        static const std::unordered_set<std::string_view> determiners{
            "the", "a",    "an", "this", "that", "these", "those",
            "our", "your", "my", "his",  "her",  "their", "its"};
        // A capitalised word in mid-sentence after a word that takes a person ("with Amber",
        // "told Will"): the capital says it is not the ordinary word. Months and days excepted.
        auto after_person_word = [&](std::size_t i) {
            static const std::unordered_set<std::string_view> takes_person{
                "with",   "and",  "to",       "from",    "by",     "told",
                "asked",  "met",  "called",   "visited", "saw",    "texted",
                "phoned", "rang", "messaged", "married", "dating", "seeing"};
            // "w/ Will": "with" as notes shorten it.
            const bool with_short = i > 0 && ctx.word(i - 1) == "w" && ctx.gap(i - 1) == "/ ";
            return i > 0 && (with_short || ctx.gap(i - 1) == " ") && !ctx.info[i - 1].capitalised &&
                   (with_short || takes_person.count(ctx.word(i - 1))) &&
                   !calendar_word(ctx.word(i)) && !determiners.count(ctx.word(i));
        };
        // A verb only a person does right after it ("Jade collected the children", "Will rang"):
        // the word is someone's name though it is also an ordinary word.
        auto acts_after = [&](std::size_t i) {
            static const std::unordered_set<std::string_view> acts{
                "collected", "dropped", "picked",  "rang",     "phoned",  "texted",
                "said",      "told",    "asked",   "arrived",  "brought", "emailed",
                "replied",   "says",    "asks",    "tells",    "rings",   "phones",
                "texts",     "emails",  "replies", "collects", "arrives", "messaged"};
            // Not an article: "The texts", "The phones" are nouns.
            static const std::unordered_set<std::string_view> articles{
                "the", "a", "an", "this", "that", "these", "those"};
            return i + 1 < ctx.tokens.size() && ctx.gap(i) == " " && acts.count(ctx.word(i + 1)) &&
                   !calendar_word(ctx.word(i)) && !articles.count(ctx.word(i));
        };
        // "Uncle Pops", "Coach Tiny": a relation or a role written as a title in mid-line, before
        // a capitalised word that ends the name. Not at a line's start, nor before a third
        // capitalised word: a heading in title case ("Dad Contact Visits", "Nurse Home Visits").
        auto written_as_title = [&](std::size_t i) {
            const std::size_t n = ctx.tokens.size();
            return i > 0 && i + 1 < n && ctx.info[i].capitalised && !ctx.info[i].all_caps &&
                   ctx.gap(i - 1).find('\n') == std::string_view::npos && ctx.gap(i) == " " &&
                   ctx.info[i + 1].capitalised && ctx.info[i + 1].alpha &&
                   !calendar_word(ctx.word(i + 1)) &&
                   !ctx.is(i + 1, kTitle | kStreetSuffix | kGenericPlace | kFacility) &&
                   (i + 2 >= n || !ctx.adjacent(i + 1, true) || !ctx.info[i + 2].capitalised);
        };
        // "take Holly's car": a capitalised word in mid-sentence that owns something, after an
        // ordinary word that is no article or determiner ("the Rose's garden" is an inn's). The
        // word before may open the sentence ("Take Holly's car"), as an ordinary word.
        auto owns_mid_sentence = [&](std::size_t i) {
            if (!ctx.tokens[i].possessive || i == 0 || ctx.gap(i - 1) != " " ||
                !ctx.info[i - 1].alpha || determiners.count(ctx.word(i - 1)) ||
                calendar_word(ctx.word(i)))
                return false;
            const bool opens =
                i == 1 || ctx.gap(i - 2).find_first_of(".\n") != std::string_view::npos;
            return !ctx.info[i - 1].capitalised || (opens && ctx.is(i - 1, kCommonWord));
        };
        // "Hope from Calder Tiles", "Will from Acme": where a person comes from, by its name.
        auto from_somewhere = [&](std::size_t i) {
            return i + 2 < ctx.tokens.size() && ctx.gap(i) == " " && ctx.word(i + 1) == "from" &&
                   ctx.gap(i + 1) == " " && ctx.info[i + 2].capitalised && ctx.info[i + 2].alpha &&
                   !calendar_word(ctx.word(i)) && !calendar_word(ctx.word(i + 2)) &&
                   !day_name(ctx.word(i + 2));
        };
        const auto& info = ctx.info;
        for (std::size_t i = 0; i < ctx.tokens.size(); ++i) {
            // A given name the requester or a listed person has, then a surname that is not
            // theirs: someone else of that given name, or theirs under a new surname.
            // On one line: a table's cells ("...against Yetta" / "Kofi Mensah") are not one name.
            if (ctx.taken[i] && ctx.is(i, kGivenName) && info[i].capitalised && !info[i].all_caps &&
                ctx.adjacent(i, true) && c.namelike(i + 1) && !info[i + 1].all_caps &&
                !c.business_after(i) && (ctx.is(i + 1, kSurname) || !ctx.is(i + 1, kCommonWord))) {
                emit(i, i + 1,
                     "a given name the requester or a listed person has, with a surname that is "
                     "not theirs",
                     0.8f, "shared-given-name");
                ++i;
                continue;
            }
            // The requester's given name and an initial that begins none of his names
            // ("Gordon T" when he is Gordon Marsh): someone else of that given name.
            if (ctx.taken[i] && c.subject(i) && ctx.is(i, kGivenName) && info[i].capitalised &&
                !info[i].all_caps && c.letter(i + 1) && ctx.gap(i) == " ") {
                const char initial = ctx.word(i + 1)[0];
                const auto& his = ctx.known.subject_tokens();
                if (std::none_of(his.begin(), his.end(),
                                 [&](const std::string& t) { return t[0] == initial; })) {
                    emit(i, i + 1,
                         "the requester's given name with an initial that begins none of his "
                         "names",
                         0.75f, "shared-given-name");
                    ++i;
                    continue;
                }
            }
            if (ctx.taken[i]) continue;
            // A greeting's addressee: "Hi R Mason,", "Dear J Reed," at a line's start, one to
            // three capitalised words or initials up to the comma or the line's end, English
            // words or not.
            if (const std::size_t last = greeted(ctx, c, i); last > i) {
                emit(i + 1, last, "the name a greeting addresses", 0.7f);
                i = last;
                continue;
            }
            const std::string_view w = ctx.word(i);
            const bool next_ok = ctx.adjacent(i) && c.namelike(i + 1);
            // 0. A street name of a letter: "Lil T", "Wee J", "Big D".
            if (info[i].capitalised && c.letter(i + 1) && ctx.gap(i) == " " &&
                (i + 2 >= ctx.tokens.size() || ctx.gap(i + 1) != "-")) {
                static constexpr std::array<std::string_view, 6> sizes{"big",   "little", "lil",
                                                                       "young", "wee",    "old"};
                if (std::find(sizes.begin(), sizes.end(), w) != sizes.end()) {
                    emit(i, i + 1, "a nickname of a size word and a letter", 0.7f);
                    ++i;
                    continue;
                }
            }
            // 1. Titles and ranks: Mr Pemberton, DC Priya Nandra.
            // A title in capitals is one only one space before a name ("DR SHAH"): a log's
            // "DR  Keys returned" is someone's initials and the entry's first word.
            if (ctx.is(i, kTitle) && info[i].capitalised && next_ok &&
                (!info[i].all_caps || ctx.spaced_as_title(i))) {
                std::size_t last = c.extend(i + 1, 2);
                // "PC Bryony Stead": after a rank and a word that is no surname, the next
                // capitalised word is the surname even when it is also an English word.
                if (last == i + 1 && !ctx.is(i + 1, kSurname) && ctx.adjacent(i + 1) &&
                    c.namelike(i + 2) && !info[i + 2].all_caps && !c.business_after(i + 1) &&
                    !ctx.is(i + 2, kStreetSuffix | kGenericPlace))
                    last = i + 2;
                emit(i + 1, last, "a name after the title '" + std::string(w) + "'", 0.9f,
                     "unlisted-people", true);
                i = last;
                continue;
            }
            // 2. "the Rahman family".
            if (w == "the" && next_ok && i + 2 < ctx.tokens.size() && ctx.word(i + 2) == "family") {
                emit(i + 1, i + 1, "a family name ('the ... family')", 0.85f, "unlisted-people",
                     true);
                i += 1;
                continue;
            }
            // 3. Role cues: her sister Michelle, social worker Tom Egerton, neighbour Mr X. A role
            // written as a title ("Coach Tiny", "Nurse Joy") is followed by what people call that
            // person, though it is a common word (of three letters or more, not "On").
            auto role_as_title = [&] {
                return written_as_title(i) && ctx.word(i + 1).size() >= 3 &&
                       !ctx.is(i + 1, kNotName);
            };
            if (ctx.is(i, kRoleCue) && next_ok && !info[i + 1].all_caps &&
                (!ctx.is(i + 1, kCommonWord) || role_as_title())) {
                const std::size_t last = c.extend(i + 1, 2);
                emit(i + 1, last, "a name after '" + std::string(w) + "'", 0.85f);
                i = last;
                continue;
            }
            // 3b. A relation and a given name that is also an English word ("cousin Faith",
            // "nan Joy"), or a relation and the name in brackets ("his mum (Mei)"): a relation
            // word says a person follows, whatever else the word can mean.
            if (relation_word(w) && i + 1 < ctx.tokens.size() && !ctx.taken[i + 1] &&
                info[i + 1].capitalised && info[i + 1].alpha && !info[i + 1].all_caps &&
                !ctx.is(i + 1, kTitle | kStreetSuffix | kGenericPlace | kFacility)) {
                const std::string_view gap = ctx.gap(i);
                const std::size_t after = ctx.tokens[i + 1].end;
                const bool bracketed =
                    gap == " (" && after < ctx.folded.text.size() && ctx.folded.text[after] == ')';
                // "Gordon's mate Sparky", "her friend Sunny": after someone's relation, a word
                // in capitals mid-sentence is what that person is called, even an English word.
                const bool owned = i > 0 && ctx.gap(i - 1) == " " &&
                                   (ctx.tokens[i - 1].possessive ||
                                    relation_owner(ctx.word(i - 1)) || ctx.word(i - 1) == "my" ||
                                    ctx.word(i - 1) == "your" || ctx.word(i - 1) == "our");
                // "Nanna Moo", "Uncle Pops": a relation written as a title is what the family
                // calls that person.
                const bool titled = written_as_title(i) && ctx.adjacent(i, true);
                const bool given = ctx.is(i + 1, kGivenName);
                const bool owned_name = owned && gap == " " && !calendar_word(ctx.word(i + 1));
                if (bracketed || (next_ok && (given || titled || owned_name))) {
                    const std::size_t last =
                        bracketed || !(given || owned_name) ? i + 1 : c.extend(i + 1, 2);
                    emit(i + 1, last,
                         "a name after '" + std::string(w) + "'" +
                             (bracketed ? ", in brackets" : ""),
                         0.8f);
                    i = last;
                    continue;
                }
            }
            // "May R", "April T.": a month that is also a given name, then a surname's initial.
            if (info[i].capitalised && !info[i].all_caps && full_month_name(ctx.word(i)) &&
                ctx.is(i, kGivenName) && !ctx.taken[i] && ctx.gap(i) == " " && c.initial(i + 1)) {
                emit(i, i + 1, "a given name that is also a month, with an initial", 0.75f);
                ++i;
                continue;
            }
            // 4. A given name from the dictionary, with the surname or initial that follows.
            if (c.namelike(i) && !info[i].all_caps && ctx.is(i, kGivenName)) {
                if (c.month_in_date(i) || c.car(i) || c.business_after(i) || c.place_after(i))
                    continue;
                std::size_t last = c.extend(i, 2);
                // "Tue quiz", "Sat AM": a day cut short with no surname after it is the day.
                if (last == i && day_name(ctx.word(i))) continue;
                // "Odile Crust": after a given name that is no English word, the capitalised
                // word beside it on its line is her surname, even one that is also a word.
                if (last == i && !ctx.is(i, kCommonWord) && ctx.adjacent(i, true) &&
                    ctx.gap(i) == " " && c.namelike(i + 1) && !info[i + 1].all_caps &&
                    !ctx.is(i + 1, kStreetSuffix | kGenericPlace | kFacility | kCompanyWord) &&
                    !calendar_word(ctx.word(i + 1)))
                    last = i + 1;
                if (last > i && c.business_after(last - 1)) continue; // "Dale Hill Motors"
                // "Will", "Rose" alone: an ordinary word; "Dean (from the group)", "a new
                // relationship with Amber" and "Jade collected them" are people.
                if (ctx.is(i, kCommonWord) && last == i && !described(i) && !after_person_word(i) &&
                    !acts_after(i) && !from_somewhere(i) && !owns_mid_sentence(i))
                    continue;
                emit(i, last, "a given name from the name list", last > i ? 0.9f : 0.75f);
                i = last;
                continue;
            }
            // 5. SHOUTED names in headers and forms: a listed given name and a listed surname.
            if (info[i].all_caps && next_ok && info[i + 1].all_caps && ctx.is(i, kGivenName) &&
                ctx.is(i + 1, kSurname) && !ctx.is(i, kCommonWord) && !ctx.is(i + 1, kCommonWord) &&
                !c.in_code(i)) {
                emit(i, i + 1, "a given name and surname from the name lists, in capitals", 0.7f);
                i += 1;
                continue;
            }
            // 5b. A register's SURNAME and initial ("GARSIDE T - 4 Ashby Row", "WOODALL K,"): a
            // word in capitals that is no English word nor an abbreviation, then one capital
            // letter that ends the name (no word in capitals after it on the line).
            if (info[i].all_caps && c.namelike(i) && w.size() >= 3 && !c.in_code(i) &&
                !ctx.is(i, kCommonWord | kAbbreviation) && c.letter(i + 1) && ctx.gap(i) == " " &&
                !ctx.taken[i + 1] &&
                (i + 2 >= ctx.tokens.size() || ctx.gap(i + 1) != " " || !info[i + 2].capitalised)) {
                emit(i, i + 1, "a surname in capitals and an initial, as a register writes people",
                     0.7f);
                i += 1;
                continue;
            }
            // 6. "Surname, Given" as case-management exports write people: "Pryce, Joanne".
            if (c.namelike(i) && !info[i].all_caps && ctx.is(i, kSurname) &&
                !ctx.is(i, kCommonWord) && i + 1 < ctx.tokens.size() && ctx.gap(i) == ", " &&
                c.namelike(i + 1) && ctx.is(i + 1, kGivenName)) {
                emit(i, i + 1, "a surname and given name from the name lists", 0.85f);
                i += 1;
                continue;
            }
            // 7. An initial and a surname: T. Egerton, J Pryce.
            if (w.size() == 1 && info[i].capitalised && next_ok && !info[i + 1].all_caps &&
                ctx.is(i + 1, kSurname) && !ctx.is(i + 1, kCommonWord) && !ctx.is(i, kTitle)) {
                emit(i, i + 1, "an initial and a surname from the name list", 0.8f);
                i += 1;
                continue;
            }
            // 8. Two capitalised words where the second is a known surname: Marcus Webb.
            if (c.namelike(i) && !info[i].all_caps && next_ok && !info[i + 1].all_caps &&
                ctx.is(i + 1, kSurname) && !ctx.is(i + 1, kGivenName) &&
                !ctx.is(i, kCommonWord) && !c.business_after(i + 1)) {
                emit(i, i + 1, "a capitalised name with a surname from the name list", 0.8f);
                i += 1;
                continue;
            }
        }
    }
};

} // namespace

std::unique_ptr<Recogniser> make_unlisted_people() { return std::make_unique<UnlistedPeople>(); }

} // namespace safesar
