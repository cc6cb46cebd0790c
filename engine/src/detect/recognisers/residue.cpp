// The residue pass: after every other recogniser, what is still disclosed and could still
// identify someone. Its rules name no case, only kinds of token:
//  - a capitalised word that is not an English word (Debian's English word list; a word listed
//    only with a capital is a proper noun) and not the requester's is someone's name or place;
//  - a given name in lower case that is no English word ("kenzie"), as messages write names;
//  - a run of capitalised words ending in a facility word ("... Medical Centre", "...
//    Distribution Centre") is a place where someone can be found;
//  - a number of five digits or more, or a code of letters and four digits or more joined by
//    '/' or '-', is a reference to something or someone;
//  - a title with an initial or a surname ("Mrs O.", "Mr A.") that is not the requester's,
//    including a title that does not fit him before his own surname (his mother, his ex-wife);
//  - a given name that is not his before his surname: a relative of his;
//  - a capitalised word before a street word ("Devonshire Lane") is a street;
//  - a word in a script other than the Latin one (Chinese, Arabic, Cyrillic...) that no rule has
//    found: the residue pass cannot read it as ordinary English, so it is someone's until a
//    reviewer says otherwise.
// Public bodies and common institutions (dictionaries/detect/keep-list.txt) and general proper
// nouns (languages, faiths, days, platforms) identify nobody and are left alone. Every finding
// carries a confidence and its reason, so a reviewer sees the least certain first; policy
// decides what a profile does with them (a perpetrator request withholds them).
#include "../calendar_words.hpp"
#include "recognisers.hpp"

#include "sentence_people.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <unordered_map>

namespace safesar {

namespace {

struct Residue final : public Recogniser {
    std::string_view id() const override { return "residue"; }
    Phase phase() const override { return Phase::Residue; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        const std::size_t n = ctx.tokens.size();
        if (n == 0 || software_field(ctx.section)) return;
        std::vector<bool> covered = coverage(ctx);
        const std::vector<bool> quoted = quoted_tokens(ctx);
        const std::vector<bool> his = subject_coverage(ctx);
        mark_keep_list(ctx, covered);
        mark_labels(ctx, covered);
        // Tokens of people's names, and whether the record writes any of them in lower case
        // (as notes typed in a hurry and message exports do).
        std::vector<bool> named(n, false);
        bool lower_case_names = false;
        for (const auto& p : ctx.people) {
            for (std::size_t t = ctx.token_at(p.begin); t < n && ctx.begin_of(t) < p.end; ++t)
                named[t] = true;
            if (p.begin < ctx.text.size() && ctx.text[p.begin] >= 'a' && ctx.text[p.begin] <= 'z')
                lower_case_names = true;
        }
        const auto& subject = ctx.known.subject_tokens();
        auto subjects = [&](std::size_t i) {
            return std::find(subject.begin(), subject.end(), ctx.word(i)) != subject.end();
        };
        // Is the sentence at `at` about the requester alone: it mentions him (by name, or by a
        // pronoun that fits him) and nobody else, by name, pronoun or relation ("his sister")?
        std::unordered_map<std::size_t, bool> his_sentence;
        auto about_requester_alone = [&](std::size_t at) {
            const std::size_t k = ctx.sentence_of(at);
            if (auto it = his_sentence.find(k); it != his_sentence.end()) return it->second;
            bool alone = false;
            if (k < ctx.sentences().size()) {
                const auto [b, e] = ctx.sentences()[k];
                const std::size_t first = ctx.token_at(b);
                const SentencePeople people = people_in_sentence(ctx, b, e, first);
                alone = (people.facts & (kSubjectNamed | kSubjectPronoun)) &&
                        !(people.facts & (kOtherNamed | kOtherPronoun | kAboutOther));
                for (std::size_t t = first; alone && t < n && ctx.begin_of(t) < e; ++t)
                    if (ctx.is(t, kRoleCue)) alone = false;
            }
            his_sentence.emplace(k, alone);
            return alone;
        };
        // `his_possible`: false when the tokens cannot be his whatever the sentence is about.
        auto emit = [&](std::size_t first, std::size_t last, Category c, float conf,
                        std::string rule, std::string_view rid, bool his_possible = true) -> Span& {
            Span s;
            s.begin = ctx.begin_of(first);
            s.end = ctx.end_of(last);
            s.category = c;
            s.confidence = conf;
            s.rule = std::move(rule);
            s.recogniser = rid;
            s.facts = kResidue;
            if (his_possible && about_requester_alone(s.begin)) {
                s.owner = Owner{Owner::Subject, -1, Role::Subject};
                s.rule += ", in a sentence about the requester alone";
            }
            // Someone else named here ("S B Marsh", a relative of his): the sentence is no
            // longer his alone for what comes after in it.
            if (c == Category::Name && s.owner.kind != Owner::Subject)
                his_sentence[ctx.sentence_of(s.begin)] = false;
            out.push_back(std::move(s));
            for (std::size_t k = first; k <= last; ++k)
                covered[k] = true;
            return out.back();
        };

        // Where the '_' or '.' run judged last ends (one past it), and whether it is a user name.
        std::size_t handle_run_end = 0;
        bool handle_run_is_name = false;
        for (std::size_t i = 0; i < n; ++i) {
            // "Ruth Adeyemi (Cole)": his surname in brackets right after someone else's
            // name is her other surname (the one she married or was born with), not him.
            if (his[i] && i > 0 && starts_surname(ctx, i) && ctx.gap(i - 1) == " (" &&
                (i + 1 == n || ctx.gap(i).front() == ')')) {
                const Span* before = ctx.person_at(ctx.begin_of(i - 1));
                if (before && before->owner.kind == Owner::Party) {
                    emit(i, i, Category::Name, 0.8f,
                         "the requester's surname in brackets after someone else's name: "
                         "their other surname",
                         "residue-relative", false)
                        .owner = before->owner;
                    continue;
                }
            }
            // His surname after a title of the other sex, or after a given name not his: one of
            // his family, not him ("Mrs Al-Hashimi" when he is Mr; "Joy Beresford").
            // (The title may be claimed along with his name: it is looked at all the same.)
            if (i + 1 < n && his[i + 1] && starts_surname(ctx, i + 1) && ctx.info[i].capitalised &&
                ctx.adjacent(i, true) && !subjects(i)) {
                if (ctx.is(i, kTitle) && !fits_requester(ctx, i, true)) {
                    emit(i, i + 1, Category::Name, 0.8f,
                         "a title that does not fit the requester, with the requester's surname: "
                         "someone else of the family",
                         "residue-title", false);
                    ++i;
                    continue;
                }
                // One space apart, as a name is written: not a form's label and its value.
                if (!covered[i] && ctx.gap(i) == " " && ctx.info[i].alpha &&
                    !ctx.info[i].all_caps && ctx.word(i).size() >= 3 &&
                    !ctx.is(i, kTitle | kNotName | kRoleCue | kSectorAcronym | kGeneral |
                                   kStreetSuffix | kGenericPlace | kFacility)) {
                    emit(i, i + 1, Category::Name, 0.7f,
                         "a given name that is not the requester's, with the requester's surname: "
                         "someone else of the family",
                         "residue-relative", false);
                    ++i;
                    continue;
                }
            }
            // A relation written as a title ("Grandma Marsh", "Uncle Marsh"), then the surname
            // alone of the requester or of a child the request lists: that relative, not the
            // person listed (a grandmother is never the child whose surname she shares).
            if (i + 1 < n && !covered[i] && kin_title(ctx.word(i)) && ctx.info[i].capitalised &&
                !ctx.info[i].all_caps && ctx.adjacent(i, true) && ctx.gap(i) == " ") {
                const Span* p = ctx.person_at(ctx.begin_of(i + 1));
                const bool listed =
                    p && p->category == Category::Name && p->begin == ctx.begin_of(i + 1) &&
                    p->end == ctx.end_of(i + 1) &&
                    (p->owner.kind == Owner::Subject ||
                     (p->owner.kind == Owner::Party && p->owner.role == Role::Child));
                if (listed) {
                    emit(i, i + 1, Category::Name, 0.8f,
                         "a relation written as a title, with the surname of someone listed: "
                         "that relative, not the person listed",
                         "residue-relative", false);
                    ++i;
                    continue;
                }
            }
            // Initials that are not the requester's before his surname: one of his family
            // ("T. M. Okafor" when he is David Okafor).
            if (ctx.word(i).size() == 1 && ctx.info[i].capitalised && ctx.info[i].alpha &&
                !initial_of_requester(ctx, i)) {
                std::size_t j = i;
                while (j + 1 < n && ctx.adjacent(j, true) && ctx.word(j + 1).size() == 1 &&
                       ctx.info[j + 1].capitalised && ctx.info[j + 1].alpha && j < i + 3)
                    ++j;
                if (j + 1 < n && ctx.adjacent(j, true) && his[j + 1] &&
                    starts_surname(ctx, j + 1)) {
                    emit(i, j + 1, Category::Name, 0.8f,
                         "initials that are not the requester's, with the requester's surname: "
                         "someone else of the family",
                         "residue-relative", false);
                    i = j + 1;
                    continue;
                }
            }
            // His surname and an initial that is not his first name's, as a register files
            // names ("Marsh E" when he is Gordon Marsh, "(was Marsh E)"): someone else of the
            // family. A register files a person by the first given name's initial.
            if (his[i] && starts_surname(ctx, i) && i + 1 < n && ctx.gap(i) == " " &&
                ctx.word(i + 1).size() == 1 && ctx.info[i + 1].capitalised &&
                ctx.info[i + 1].alpha &&
                ctx.known.subject_first_initials().find(ctx.word(i + 1)[0]) == std::string::npos &&
                ends_name(ctx, i + 1)) {
                emit(i, i + 1, Category::Name, 0.75f,
                     "the requester's surname with an initial that is not his: someone else of "
                     "the family",
                     "residue-relative", false);
                ++i;
                continue;
            }
            if (covered[i] || (quoted[i] && ctx.is(i, kKinship))) continue;
            // A user name: words joined by '_' or by dots between lower-case words
            // ("amy_k_87", "jess.outdoors"), as an app or a platform exports its users.
            if ((handle_joint(ctx, i) && !covered[i + 1]) || joined_to_handle(ctx, i)) {
                // Every token of a run reads the same: the run is judged once, so a long chain
                // ("1.2.3.4...") costs no more than its length.
                if (i >= handle_run_end) {
                    const std::size_t last_of_run = run_end(ctx, i);
                    handle_run_is_name = user_name(ctx, run_start(ctx, i), last_of_run);
                    handle_run_end = last_of_run + 1;
                }
                if (handle_run_is_name) {
                    const std::size_t last = handle_end(ctx, i, covered);
                    emit(i, last, Category::Online, 0.6f,
                         "a user name: words joined by '_' or '.', as no sentence writes them",
                         "residue-handle");
                    i = last;
                    continue;
                }
            } else if (lone_handle(ctx, i)) {
                emit(i, i, Category::Online, 0.6f,
                     "a user name: a lower-case word with digits in it (\"fox7trot\", "
                     "\"mags84\")",
                     "residue-handle");
                continue;
            }
            // A log's author column: initials in capitals right after the date or time that
            // opens a line ("03/06/2024 KT  Card declined"): whoever wrote the entry.
            if (log_author(ctx, i) && !subjects(i)) {
                emit(i, i, Category::Name, 0.6f,
                     "initials right after the date that opens a log's line: who wrote the entry",
                     "residue-initials", false);
                continue;
            }
            // Initials of whoever acted: after "by" ("agreed with the member by FP"), after a
            // role's label ("Clerk: PG", "Operator present: NR") or in brackets after a role
            // ("the joint tenant (KB)").
            // A user name of an initial and a surname ("printed by KBRADSHAW", "changed by
            // rgaskin"): a worker's or a member's login, not the requester's.
            if (login_name(ctx, i) && !subjects(i)) {
                emit(i, i, Category::Name, 0.65f,
                     "a user name of an initial and a surname: a worker's or a member's login",
                     "residue-initials", false);
                continue;
            }
            if (acting_initials(ctx, i) && !subjects(i) && !ctx.requester_initials(i)) {
                emit(i, i, Category::Name, 0.65f,
                     "initials after 'by', a role's label or a role: whoever acted",
                     "residue-initials", false);
                continue;
            }
            // A title with an initial or a surname that is not the requester's.
            if (ctx.is(i, kTitle) && ctx.info[i].capitalised && ctx.adjacent(i, true) &&
                !covered[i + 1] && ctx.info[i + 1].capitalised && ctx.info[i + 1].alpha) {
                const bool initial = ctx.word(i + 1).size() == 1;
                if (!fits_requester(
                        ctx, i, subjects(i + 1) || (initial && initial_of_requester(ctx, i + 1)))) {
                    // "Mrs K. Whitlock" when he is Mr D. Whitlock: the surname after an initial
                    // not his is hers, one of his family.
                    if (initial && i + 2 < n && his[i + 2] && starts_surname(ctx, i + 2) &&
                        ctx.adjacent(i + 1, true)) {
                        emit(i, i + 2, Category::Name, 0.8f,
                             "a title and an initial that are not the requester's, with the "
                             "requester's surname: someone else of the family",
                             "residue-title", false);
                        i += 2;
                        continue;
                    }
                    emit(i, i + 1, Category::Name, initial ? 0.8f : 0.75f,
                         initial ? "a title with an initial that is not the requester's"
                                 : "a title with a name that is not the requester's",
                         "residue-title");
                    ++i;
                    continue;
                }
            }
            // An initial with its stop and a surname after it ("owner R. Moody"), the surname an
            // English word or not: the shape names a person, as a title does.
            if (ctx.word(i).size() == 1 && ctx.info[i].capitalised && ctx.info[i].alpha &&
                i + 1 < n && ctx.gap(i) == ". " && !covered[i + 1] && !his[i + 1] &&
                ctx.info[i + 1].capitalised && ctx.info[i + 1].alpha && !ctx.info[i + 1].all_caps &&
                ctx.word(i + 1).size() >= 3 && ctx.is(i + 1, kSurname) &&
                !ctx.is(i + 1, kTitle | kNotName | kRoleCue) && !subjects(i + 1)) {
                emit(i, i + 1, Category::Name, 0.7f, "an initial and a surname: someone's name",
                     "residue-initials", false);
                ++i;
                continue;
            }
            // A title written in lower case with the word after it ("spoke to ms amberley"), as
            // quick notes write names: a surname, English word or not, unless it is his.
            if (lower_title(ctx, i) && ctx.adjacent(i, true) && !covered[i + 1] &&
                !ctx.info[i + 1].capitalised && ctx.info[i + 1].alpha &&
                ctx.word(i + 1).size() >= 3 && !subjects(i + 1) &&
                !ctx.is(i + 1, kNotName | kTitle | kRoleCue)) {
                emit(i, i + 1, Category::Name, 0.6f,
                     "a title in lower case and the word after it: someone's surname",
                     "residue-title", false);
                ++i;
                continue;
            }
            // A long number written in groups ("6137 0042 285"): no phone, no date, so a
            // crime, account or case number.
            if (const std::size_t last = grouped_number_end(ctx, i, covered); last > i) {
                emit(i, last, Category::Reference, 0.5f,
                     "a long number written in groups of digits: a crime, account or case number",
                     "residue-code");
                i = last;
                continue;
            }
            // Capitals and a number with one space between ("TRQ 0518"): a key's,
            // a locker's or a file's series, stamped or written on it.
            if (const std::size_t last = lettered_number_end(ctx, i, covered); last > i) {
                emit(i, last, Category::Reference, 0.5f,
                     "capitals and a number: a series or code written on something",
                     "residue-code");
                i = last;
                continue;
            }
            // Numbers and codes: tokens joined by '/' or '-' with a digit among them.
            if (const std::size_t last = code_end(ctx, i, covered); has_digit(ctx, i, last)) {
                if (const char* why = code_reason(ctx, i, last)) {
                    // A police force's reference ("GMP-24-0051234", "WYP 13240090017") is an
                    // incident's: someone reported it, so it is never the requester's own.
                    const bool police = police_code(ctx, i, last);
                    emit(i, last, Category::Reference, police ? 0.7f : 0.5f,
                         police ? "a police force's reference: an incident's, not the requester's"
                                : why,
                         "residue-code", !police);
                    // A date with its month's name ("04-Jan-2020") is kept a guess: no one's
                    // file reference, whoever it follows.
                    const std::size_t fb = ctx.tokens[i].begin, fe = ctx.tokens[last].end;
                    if (!police &&
                        !month_name_date(std::string_view(ctx.folded.text).substr(fb, fe - fb)) &&
                        ctx.follows_requester_on_line(out.back().begin, out.back().end)) {
                        if (out.back().owner.kind == Owner::Unknown)
                            out.back().rule += ", after the requester's name on its line";
                        out.back().owner = Owner{Owner::Subject, -1, Role::Subject};
                        out.back().facts |= kRequesterFile;
                    }
                }
                i = last;
                continue;
            }
            // Notes written in lower case name people as they speak of them: a given name on
            // the list after a relation ("dad keith") or before his surname in lower case ("ron
            // hebden") is a name though it is also an English word; so is a name of someone
            // found elsewhere in the case, in a record that writes names in lower case ("frank
            // present").
            if (!ctx.info[i].capitalised && ctx.info[i].alpha && !subjects(i)) {
                const bool listed = ctx.is(i, kGivenName) && !ctx.is(i, kCommonWord);
                const bool after_relation =
                    i > 0 && relation_word(ctx.word(i - 1)) && ctx.adjacent(i - 1, true);
                const bool before_his_surname =
                    ctx.is(i, kGivenName) && !after_pronoun(ctx, i) && i + 1 < n && his[i + 1] &&
                    starts_surname(ctx, i + 1) && !ctx.info[i + 1].capitalised &&
                    ctx.adjacent(i, true);
                const char* why =
                    listed && after_relation ? "a given name after a relation, in lower case"
                    : before_his_surname
                        ? "a given name that is not the requester's, before his surname in lower "
                          "case: someone else of the family"
                    : lower_case_names && ctx.known.discovered(ctx.word(i)) &&
                            !after_pronoun(ctx, i)
                        ? "the name of someone found elsewhere in the case, in a record that "
                          "writes names in lower case"
                        : nullptr;
                if (why) {
                    emit(i, i, Category::Name, 0.55f, why,
                         before_his_surname ? "residue-relative" : "residue-lower-name", false);
                    named[i] = true;
                    continue;
                }
            }
            // A given name in lower case ("tell kenzie the kids are at nan's"), as messages and
            // chat exports write names: on the name list, and no English word in any case. A
            // name that is not his is someone else's, whatever else the sentence says.
            if (!ctx.info[i].capitalised && ctx.info[i].alpha && !subjects(i) &&
                lower_case_name(ctx, i)) {
                emit(i, i, Category::Name, 0.5f,
                     "a given name written in lower case, not an English word and not the "
                     "requester's",
                     "residue-lower-name", false);
                named[i] = lower_case_names = true;
                continue;
            }
            // His given name in lower case where the record writes names so ("dean rang back"),
            // though it is also an English word, is him: the record then counts him among the
            // people it is about, as it counts the others it names in lower case.
            if (lower_case_names && !covered[i] && !ctx.info[i].capitalised && ctx.info[i].alpha &&
                his_given_name(ctx, i) && !after_pronoun(ctx, i)) {
                // Recognised, not a guess: no residue rule of a profile holds it for review.
                Span& s = emit(i, i, Category::Name, 0.6f,
                               "the requester's given name written in lower case, in a record "
                               "that writes names in lower case",
                               "requester-lower-name", false);
                s.owner = Owner{Owner::Subject, -1, Role::Subject};
                s.facts &= ~static_cast<std::uint32_t>(kResidue);
                named[i] = true;
                continue;
            }
            // A listed person's given name in lower case is that person in a record that writes
            // names in lower case, though it is also an English word ("faith", "rose"; unless a
            // pronoun makes it a verb, "we hope"), and in any record before a verb a person does
            // ("asked where kez is", "which days kez does").
            const bool lower = !ctx.info[i].capitalised && ctx.info[i].alpha && !subjects(i);
            const bool acts = i + 1 < n && ctx.adjacent(i, true) &&
                              (person_verb_at(ctx, i + 1) || ctx.tokens[i].possessive);
            if (lower && (lower_case_names || acts))
                if (const Owner* party = listed_given_name(ctx, i)) {
                    Span& s = emit(i, i, Category::Name, 0.6f,
                                   lower_case_names
                                       ? "a listed person's given name written in lower case, in "
                                         "a record that writes names in lower case"
                                       : "a listed person's given name written in lower case, "
                                         "before a verb a person does",
                                   "residue-lower-name", false);
                    s.owner = *party;
                    named[i] = true;
                    continue;
                }
            // In a record that writes names in lower case, a word where a name stands: one no
            // name list has ("his nan elspeth lives..."), or a name that is also an English word
            // ("daisy (room 4) and ilinca argued").
            if (lower_case_names && lower) {
                // "she has gone back to her nan in glenroyd": a town written as the record
                // writes names.
                if (lower_place_slot(ctx, i)) {
                    emit(i, i, Category::Address, 0.45f,
                         "a lower-case word that is no English word after 'in', 'at', 'to', "
                         "'near' or 'from', in a record that writes names in lower case",
                         "residue-lower-place", false);
                    continue;
                }
                if (const char* why = lower_name_slot(ctx, i, named)) {
                    emit(i, i, Category::Name, 0.45f,
                         std::string("a lower-case word where a name stands (") + why +
                             "), in a record that writes names in lower case",
                         "residue-lower-name", false);
                    named[i] = true;
                    continue;
                }
            }
            if (!ctx.info[i].capitalised || !ctx.info[i].alpha || subjects(i)) continue;
            // A run of capitalised words ending in a facility word.
            if (const std::size_t last = facility_end(ctx, i, covered); last != i) {
                emit(i, last,
                     where_children_are(ctx.word(last)) ? Category::School : Category::Workplace,
                     0.75f, "a named place ending in a facility word", "residue-facility");
                i = last;
                continue;
            }
            // "She's at Withies in the week": a capitalised word that is an English word but no
            // common one, inside lower-case prose, is capitalised because it names someone or
            // somewhere (a house, a site, a farm). A common word ("at Rose's") is left to the
            // name rules, which need more than its capital.
            if (rare_word_in_prose(ctx, i)) {
                emit(i, i, Category::Name, 0.4f,
                     "a capitalised word in lower-case prose that is no common English word: a "
                     "name or a place",
                     "residue-rare-word");
                continue;
            }
            // "at the lake with Thimble and Leopold": a capitalised word joined by "and" to
            // someone's name is someone too, though it is a common English word.
            if (joined_to_a_name(ctx, i, named)) {
                emit(i, i, Category::Name, 0.5f,
                     "a capitalised word joined by 'and' to someone's name: a name too",
                     "residue-joined-name");
                continue;
            }
            if (!proper_noun(ctx, i)) continue;
            // The word, and any proper nouns right after it on the same line.
            std::size_t last = i;
            while (last + 1 < n && !covered[last + 1] && ctx.adjacent(last, true) &&
                   ctx.info[last + 1].capitalised && ctx.info[last + 1].alpha &&
                   !subjects(last + 1) && proper_noun(ctx, last + 1))
                ++last;
            // "Quetiapine 25 mg", "Zopiclone 7mg": a medicine by its dose, no one's name or place
            // but health information, of the requester when the sentence is about him alone; the
            // profile decides the rest as it decides any special-category finding.
            if (dose_after(ctx, last)) {
                Span& s = emit(i, last, Category::SpecialCategory, 0.7f,
                               "a medicine by its dose: health information", "medicine-dose");
                s.facts &= ~static_cast<std::uint32_t>(kResidue);
                i = last;
                continue;
            }
            // A street word after it: a street ("Devonshire Lane"), wherever the number is.
            if (last + 1 < n && !covered[last + 1] && ctx.adjacent(last, true) &&
                ctx.info[last + 1].capitalised && ctx.is(last + 1, kStreetSuffix)) {
                emit(i, last + 1, Category::Address, 0.7f,
                     "a capitalised name before a street word: a street", "residue-street");
                i = last + 1;
                continue;
            }
            const bool listed = ctx.is(i, kGivenName | kSurname);
            // A proper noun the English word list knows that is neither a name nor a UK town
            // (a brand, a country, a far-off city) identifies someone less often.
            const bool known_elsewhere = last == i && ctx.is(i, kProperNoun) &&
                                         (ctx.info[i].all_caps || !ctx.is(i, kAbbreviation)) &&
                                         !ctx.is(i, kGivenName | kSurname | kTownFirst);
            // "the Larkfield group", "the Compass programme": a course's name, not a place.
            const bool programme = !listed && programme_after(ctx, last);
            // "Tregowan paddled out to him": a word that opens its sentence before a lower-case
            // word is who acts in it, someone other than the requester, though the sentence speaks
            // only of him (by a pronoun); a place he went or lives in stands after a word ("to
            // Kettlebury").
            const bool opens_acting = opens_sentence(ctx, i) && last + 1 < n &&
                                      ctx.adjacent(last, true) && ctx.info[last + 1].alpha &&
                                      !ctx.info[last + 1].capitalised;
            emit(i, last, Category::Name,
                 listed                         ? 0.8f
                 : known_elsewhere || programme ? 0.45f
                                                : 0.6f,
                 listed ? "a capitalised name that is not an English word and not the requester's"
                 : programme ? "the name of a group, course or programme"
                 : known_elsewhere
                     ? "a proper noun (not a name or UK town) that is not the requester's"
                     : "a capitalised word that is not an English word and not the requester's",
                 "residue-proper-noun", !opens_acting);
            i = last;
        }
        other_scripts(ctx, out);
    }

  private:
    // A capitalised word between two common lower-case words of one sentence, the one before it no
    // article or possessive ("the Withies" may be a title's capital), itself an English word
    // of the large list but not of the common one, nor a day, a month, a title, a relation
    // ("asked Mammy for") or a general proper noun.
    static bool rare_word_in_prose(const SectionContext& ctx, std::size_t i) {
        const std::size_t n = ctx.tokens.size();
        if (i == 0 || i + 1 >= n || ctx.info[i].all_caps || ctx.word(i).size() < 4 ||
            !ctx.is(i, kEnglish) ||
            ctx.is(i, kCommonWord | kGeneral | kTitle | kSectorAcronym | kCarMake | kRoleCue |
                          kNotName))
            return false;
        const std::string_view w = ctx.word(i);
        // "I've", "I'd": the pronoun's capital, no name's.
        if (month_name(w) || day_name(w) || w.find('\'') != std::string_view::npos ||
            relation_word(w) || ctx.is(i, kKinship))
            return false;
        // Ordinary words on both sides: a term of art runs on in words as rare as itself
        // ("Tinea versicolor").
        auto lower_word = [&](std::size_t k) {
            return ctx.info[k].alpha && !ctx.info[k].capitalised && ctx.word(k).size() >= 2 &&
                   ctx.is(k, kCommonWord);
        };
        const std::string_view prev = ctx.word(i - 1);
        return ctx.gap(i - 1) == " " && ctx.gap(i) == " " && lower_word(i - 1) &&
               lower_word(i + 1) && !determiner(prev) && prev != "every";
    }

    // A capitalised word, not the first of its sentence and not in a run of capitals, joined by
    // "and" to a word of someone's name on either side (`named`): "with Thimble and Leopold",
    // "Leopold and Thimble". Not a word that ends a business's or a place's name ("Marsh and
    // Sons").
    static bool joined_to_a_name(const SectionContext& ctx, std::size_t i,
                                 const std::vector<bool>& named) {
        const std::size_t n = ctx.tokens.size();
        if (ctx.info[i].all_caps || ctx.word(i).size() < 3 ||
            ctx.is(i, kGeneral | kTitle | kSectorAcronym | kNotName | kCompanyWord | kFacility |
                          kGenericPlace | kStreetSuffix | kRoleCue | kCarMake | kTownFirst) ||
            month_name(ctx.word(i)) || day_name(ctx.word(i)) || relation_word(ctx.word(i)))
            return false;
        auto joined = [&](std::size_t a, std::size_t b) { // a "and" b, one space apart
            return ctx.word(a + 1) == "and" && ctx.gap(a) == " " && ctx.gap(a + 1) == " " &&
                   ctx.info[b].capitalised && b == a + 2;
        };
        // A word of its own, not the end or the start of a run of capitals ("Lifesaving
        // Gold and Leopold" is an award, then a name).
        auto capital_at = [&](std::size_t k) {
            return ctx.info[k].capitalised && ctx.info[k].alpha;
        };
        if ((i > 0 && ctx.adjacent(i - 1, true) && capital_at(i - 1)) ||
            (i + 1 < n && ctx.adjacent(i, true) && capital_at(i + 1)))
            return false;
        const bool after = i + 2 < n && named[i + 2] && joined(i, i + 2);
        const bool before = i >= 2 && named[i - 2] && joined(i - 2, i);
        return (after || before) && !opens_sentence(ctx, i);
    }

    // Is token i the first word of its sentence?
    static bool opens_sentence(const SectionContext& ctx, std::size_t i) {
        const auto [b, e] = ctx.sentence_around(ctx.begin_of(i));
        return ctx.token_at(b) == i && ctx.begin_of(i) < e;
    }
    static bool programme_after(const SectionContext& ctx, std::size_t last) {
        if (last + 1 >= ctx.tokens.size() || !ctx.adjacent(last, true)) return false;
        for (const char* w : {"group", "groups", "programme", "programmes", "course", "system",
                              "session", "sessions", "model"})
            if (ctx.word(last + 1) == w) return true;
        return false;
    }

    // A relation that is written as a title before a name: an elder or a collateral relative
    // ("Grandma Marsh", "Uncle Marsh"), never "Daughter Siobhán", which is a label and a name.
    static bool kin_title(std::string_view w) {
        static constexpr std::array<std::string_view, 15> kTitles{
            "grandma", "grandmother", "grandad", "grandfather", "granny", "grandpa", "gran",  "nan",
            "nana",    "nanna",       "aunt",    "auntie",      "aunty",  "uncle",   "cousin"};
        return std::find(kTitles.begin(), kTitles.end(), w) != kTitles.end();
    }

    // Why lower-case token i stands where a name does, or null. A word that is not English in
    // any case needs one sign: a possessive ("teodor's"), a relation before it ("his nan elspeth"),
    // a bracket after it ("teodor (brother)"), another name beside it ("ilinca and radu"), or
    // a verb a person does after it ("teodor was seen"). A given name that is also an English
    // word ("daisy", "rose") needs a sign no ordinary word gets: a possessive, a bracket, or
    // another name beside it.
    static const char* lower_name_slot(const SectionContext& ctx, std::size_t i,
                                       const std::vector<bool>& named) {
        const std::size_t n = ctx.tokens.size();
        if (ctx.word(i).size() < 3 ||
            ctx.is(i, kNotName | kTitle | kRoleCue | kSectorAcronym | kGeneral | kStreetSuffix |
                          kGenericPlace | kFacility | kTownFirst | kCarMake | kSpecialFirst |
                          kCompanyWord | kKeepFirst | kWhereaboutsFirst))
            return nullptr;
        const bool english = ctx.is(i, kEnglish | kCommonWord);
        if (english && !ctx.is(i, kGivenName)) return nullptr;
        auto same_line = [&](std::size_t a, std::size_t b) { // tokens a < b
            return ctx.one_line(ctx.end_of(a), ctx.begin_of(b));
        };
        if (ctx.tokens[i].possessive) return "a possessive";
        // The token after it, past a bracketed aside: "daisy (room 4) and ...".
        std::size_t next = i + 1;
        bool bracket = false;
        if (next < n && same_line(i, next) && ctx.gap(i).find('(') != std::string_view::npos) {
            bracket = true;
            while (next < n && next - i <= 6 &&
                   ctx.gap(next - 1).find(')') == std::string_view::npos)
                ++next;
            if (next - i > 6) next = n;
        }
        if (bracket) return "a bracket after it";
        auto is_and = [&](std::size_t t) {
            return t < n && (ctx.word(t) == "and" || ctx.word(t) == "&");
        };
        if (next + 1 < n && is_and(next) && named[next + 1] && same_line(i, next + 1))
            return "another name beside it";
        if (i >= 2 && is_and(i - 1) && named[i - 2] && same_line(i - 2, i))
            return "another name beside it";
        // "dave + kyle", "jo+sam": a plus joins two people as an "and" does.
        auto plus = [&](std::size_t t) { // the gap after token t
            const std::string_view g = ctx.gap(t);
            return g == "+" || g == " + " || g == " +" || g == "+ ";
        };
        // (Not the second half of a hyphenated name, "amy-jo + sam": the whole is one.)
        const bool second_half = i >= 1 && ctx.gap(i - 1) == "-";
        if (!second_half &&
            ((i + 1 < n && plus(i) && named[i + 1]) || (i >= 1 && plus(i - 1) && named[i - 1])))
            return "another name beside it";
        const bool person_verb = next < n && ctx.adjacent(i, true) && person_verb_at(ctx, next);
        // A given name that is also an English word, though not a common one ("cole says"),
        // is a name before a verb of speaking or calling, where the record writes names so.
        if (english) {
            static constexpr std::array<std::string_view, 10> kSpeaking{
                "said", "says",   "told",     "tells",  "asked",
                "rang", "texted", "messaged", "phoned", "emailed"};
            const bool speaks =
                next < n && ctx.adjacent(i, true) &&
                std::find(kSpeaking.begin(), kSpeaking.end(), ctx.word(next)) != kSpeaking.end();
            return speaks && !ctx.is(i, kCommonWord) ? "a given name before a verb of speaking"
                                                     : nullptr;
        }
        if (i >= 1 && ctx.is(i - 1, kRoleCue) && !ctx.tokens[i - 1].possessive &&
            ctx.adjacent(i - 1, true))
            return "a relation before it";
        if (person_verb) return "a verb a person does after it";
        return nullptr;
    }

    // A verb a person does, at token k: "said", "lives", "is", "works".
    static bool person_verb_at(const SectionContext& ctx, std::size_t k) {
        static constexpr std::array<std::string_view, 29> kPersonVerbs{
            "said",   "says",   "told",    "tells",    "asked",   "lives", "lived",  "was",
            "is",     "has",    "had",     "came",     "comes",   "went",  "wants",  "wanted",
            "called", "rang",   "texted",  "messaged", "visited", "stays", "stayed", "moved",
            "works",  "picked", "dropped", "turned",   "does"};
        return std::find(kPersonVerbs.begin(), kPersonVerbs.end(), ctx.word(k)) !=
               kPersonVerbs.end();
    }

    // A lower-case word no list knows, right after a word that places someone: "in glenroyd".
    static bool lower_place_slot(const SectionContext& ctx, std::size_t i) {
        if (i == 0 || ctx.word(i).size() < 3 || !ctx.adjacent(i - 1, true) ||
            ctx.is(i, kEnglish | kCommonWord | kGivenName | kNotName | kTitle | kRoleCue |
                          kSectorAcronym | kGeneral | kStreetSuffix | kGenericPlace | kFacility |
                          kCarMake | kSpecialFirst | kCompanyWord | kKeepFirst | kWhereaboutsFirst))
            return false;
        const std::string_view before = ctx.word(i - 1);
        return before == "in" || before == "at" || before == "to" || before == "near" ||
               before == "from";
    }

    // "we hope", "the rose": a word after a pronoun, an article or "of" is a verb or a noun.
    static bool after_pronoun(const SectionContext& ctx, std::size_t i) {
        if (i == 0) return false;
        const std::string_view w = ctx.word(i - 1);
        return w == "i" || w == "we" || w == "you" || w == "they" || w == "he" || w == "she" ||
               w == "the" || w == "a" || w == "no" || w == "of";
    }

    // A dose right after token `last`: a number and a unit of dose ("40 mg", "50mg", "2.5 ml").
    static bool dose_after(const SectionContext& ctx, std::size_t last) {
        static constexpr std::array<std::string_view, 8> kUnits{
            "mg", "mcg", "micrograms", "milligrams", "ml", "g", "units", "iu"};
        auto unit = [&](std::string_view w) {
            return std::find(kUnits.begin(), kUnits.end(), w) != kUnits.end();
        };
        const std::size_t n = ctx.tokens.size();
        if (last + 1 >= n || !ctx.one_line(ctx.end_of(last), ctx.begin_of(last + 1)) ||
            ctx.begin_of(last + 1) - ctx.end_of(last) > 2)
            return false;
        const std::string_view w = ctx.word(last + 1);
        const std::size_t digits = w.find_first_not_of("0123456789.");
        if (digits == 0) return false;
        if (digits != std::string_view::npos) return unit(w.substr(digits)); // "50mg"
        return last + 2 < n && ctx.begin_of(last + 2) - ctx.end_of(last + 1) <= 1 &&
               unit(ctx.word(last + 2));
    }

    static bool his_given_name(const SectionContext& ctx, std::size_t i) {
        const auto& given = ctx.known.subject_given();
        return std::find(given.begin(), given.end(), ctx.word(i)) != given.end();
    }

    static const Owner* listed_given_name(const SectionContext& ctx, std::size_t i) {
        if (after_pronoun(ctx, i)) return nullptr;
        for (const auto& [name, owner] : ctx.known.third_party_given_names())
            if (name == ctx.word(i)) return &owner;
        return nullptr;
    }

    static bool lower_case_name(const SectionContext& ctx, std::size_t i) {
        constexpr std::uint32_t other_words = kEnglish | kCommonWord | kNotName | kTitle |
                                              kRoleCue | kSectorAcronym | kGeneral | kStreetSuffix |
                                              kGenericPlace | kFacility | kTownFirst | kCarMake |
                                              kSpecialFirst | kCompanyWord;
        const std::string_view w = ctx.word(i);
        if (w.size() >= 4 && ctx.is(i, kGivenName) && !ctx.is(i, other_words)) return true;
        // A possessive messages write without its apostrophe ("outside jodies").
        if (w.size() < 5 || w.back() != 's' || ctx.is(i, other_words)) return false;
        const std::string stem(w.substr(0, w.size() - 1));
        return ctx.knowledge.lex.is(stem, kGivenName) && !ctx.knowledge.lex.is(stem, other_words);
    }

    // Words in a script other than Latin that no finding covers: names written in their own
    // script ("陈梅", "Мария") are not tokens the English rules can weigh.
    static void other_scripts(const SectionContext& ctx, std::vector<Span>& out) {
        const std::string& t = ctx.text;
        std::vector<std::pair<std::size_t, std::size_t>> found;
        found.reserve(ctx.found.size());
        for (const auto& s : ctx.found)
            found.emplace_back(s.begin, s.end);
        std::sort(found.begin(), found.end());
        std::size_t k = 0, reach = 0;
        for (std::size_t i = 0; i < t.size();) {
            if (static_cast<unsigned char>(t[i]) < 0x80) {
                ++i;
                continue;
            }
            // A run of letters of one non-Latin script.
            std::size_t e = i;
            UScriptCode run = USCRIPT_INVALID_CODE;
            while (e < t.size()) {
                std::size_t next = e;
                UChar32 cp;
                U8_NEXT(t.data(), next, t.size(), cp);
                if (cp < 0 || !u_isalpha(cp)) break;
                UErrorCode err = U_ZERO_ERROR;
                const UScriptCode sc = uscript_getScript(cp, &err);
                if (U_FAILURE(err) || sc == USCRIPT_LATIN || sc == USCRIPT_COMMON ||
                    sc == USCRIPT_INHERITED || (run != USCRIPT_INVALID_CODE && sc != run))
                    break;
                run = sc;
                e = next;
            }
            if (e == i) {
                std::size_t next = i;
                UChar32 cp;
                U8_NEXT(t.data(), next, t.size(), cp);
                i = next;
                continue;
            }
            while (k < found.size() && found[k].first < e)
                reach = std::max(reach, found[k++].second);
            bool overlaps = reach > i;
            for (std::size_t f = k; f < found.size() && !overlaps && found[f].first < e; ++f)
                overlaps = found[f].second > i;
            if (!overlaps) {
                Span s;
                s.begin = i;
                s.end = e;
                s.category = Category::Name;
                s.confidence = 0.7f;
                s.rule = "a word in a script other than Latin that no rule recognised";
                s.recogniser = "residue-script";
                s.facts = kResidue;
                out.push_back(std::move(s));
            }
            i = e;
        }
    }

    // Tokens a finding of the requester's covers.
    static std::vector<bool> subject_coverage(const SectionContext& ctx) {
        std::vector<bool> his(ctx.tokens.size(), false);
        for (const auto& s : ctx.found) {
            if (s.owner.kind != Owner::Subject) continue;
            for (std::size_t t = ctx.token_at(s.begin);
                 t < ctx.tokens.size() && ctx.begin_of(t) < s.end; ++t)
                his[t] = true;
        }
        return his;
    }

    // The programs that made a file ("Info Producer", "Info Creator") name software, not
    // people; its dates are timestamps.
    static bool software_field(const Section& s) {
        return s.kind == SectionKind::Metadata &&
               (s.label == "Info Producer" || s.label == "Info Creator" ||
                s.label == "Info CreationDate" || s.label == "Info ModDate");
    }

    // Tokens any finding already covers (the requester's own included: his are his). A whole
    // sentence found for what it says does not cover the names in it: a profile may keep the
    // sentence and must still see them.
    static std::vector<bool> coverage(const SectionContext& ctx) {
        std::vector<std::pair<std::size_t, std::size_t>> spans;
        spans.reserve(ctx.found.size());
        for (const auto& s : ctx.found)
            if (!whole_sentence(s)) spans.emplace_back(s.begin, s.end);
        std::sort(spans.begin(), spans.end());
        std::vector<bool> covered(ctx.tokens.size(), false);
        std::size_t k = 0, reach = 0; // reach: the furthest end of spans begun so far
        for (std::size_t i = 0; i < ctx.tokens.size(); ++i) {
            const std::size_t b = ctx.begin_of(i), e = ctx.end_of(i);
            while (k < spans.size() && spans[k].first < e)
                reach = std::max(reach, spans[k++].second);
            covered[i] = ctx.taken[i] || reach > b;
        }
        return covered;
    }

    // Spans over a whole sentence: what they say is judged as a whole by policy, and may be
    // disclosed, so the names and codes inside them are still looked for.
    static bool whole_sentence(const Span& s) {
        return s.recogniser == "special-category" || s.recogniser == "whereabouts" ||
               s.recogniser == "about-protected-party" || s.recogniser == "someone-elses-words";
    }

    // Tokens inside what someone else said: there a child's word for a parent or grandparent in
    // another language ("I like Saturdays at Abbu's") is the relation, not a name.
    static std::vector<bool> quoted_tokens(const SectionContext& ctx) {
        std::vector<bool> quoted(ctx.tokens.size(), false);
        for (const auto& s : ctx.found)
            if (s.recogniser == "someone-elses-words")
                for (std::size_t t = ctx.token_at(s.begin);
                     t < ctx.tokens.size() && ctx.begin_of(t) < s.end; ++t)
                    quoted[t] = true;
        return quoted;
    }

    // The labels of a table row or an e-mail header ("ClientForename: ...") are the form's own
    // words: only the values are someone's.
    static void mark_labels(const SectionContext& ctx, std::vector<bool>& covered) {
        const auto& fields = ctx.section.fields;
        if (fields.empty()) return;
        std::size_t f = 0;
        for (std::size_t i = 0; i < ctx.tokens.size(); ++i) {
            const std::size_t b = ctx.begin_of(i);
            while (f < fields.size() && fields[f].end <= b)
                ++f;
            if (f >= fields.size() || b < fields[f].begin) covered[i] = true;
        }
    }

    // Words of keep-list phrases: public bodies, helplines, orders.
    static void mark_keep_list(const SectionContext& ctx, std::vector<bool>& covered) {
        for (std::size_t i = 0; i < ctx.tokens.size(); ++i) {
            if (!ctx.is(i, kKeepFirst)) continue;
            auto it = ctx.lex.keep.find(ctx.word(i));
            if (it == ctx.lex.keep.end()) continue;
            for (const auto& phrase : it->second) {
                std::size_t k = 0;
                while (k < phrase.words.size() && i + k < ctx.tokens.size() &&
                       ctx.word(i + k) == phrase.words[k] && (k == 0 || ctx.adjacent(i + k - 1)))
                    ++k;
                if (k < phrase.words.size()) continue;
                std::size_t first = i;
                if (phrase.wildcard) {
                    // One to three capitalised words before it.
                    std::size_t words = 0;
                    while (first > 0 && words < 3 && ctx.adjacent(first - 1, true) &&
                           ctx.info[first - 1].capitalised) {
                        --first;
                        ++words;
                    }
                    if (words == 0) continue;
                }
                for (std::size_t t = first; t < i + k; ++t)
                    covered[t] = true;
                break;
            }
        }
    }

    // A capitalised word that names someone or somewhere: not an English word, not a general
    // proper noun; in capitals only when a name list has it (acronyms are the records' own).
    static bool proper_noun(const SectionContext& ctx, std::size_t i) {
        if (ctx.word(i).size() < 2 ||
            ctx.is(i, kEnglish | kGeneral | kTitle | kSectorAcronym | kCarMake))
            return false;
        // "Parkinson's", "Crohn's": a condition named after a person, on the special-category
        // list, names no one here.
        if (ctx.tokens[i].possessive && ctx.is(i, kSpecialFirst)) return false;
        if (ctx.info[i].all_caps) {
            // SHOUTED names come in twos ("KERRY MADDOX"); one word in capitals is an acronym.
            auto name_in_caps = [&](std::size_t k) {
                return k < ctx.tokens.size() && ctx.info[k].all_caps && ctx.word(k).size() >= 2 &&
                       ctx.is(k, kGivenName | kSurname) && !ctx.is(k, kSectorAcronym);
            };
            return ctx.word(i).size() >= 3 && name_in_caps(i) &&
                   ((i > 0 && ctx.adjacent(i - 1, true) && name_in_caps(i - 1)) ||
                    (ctx.adjacent(i, true) && name_in_caps(i + 1)));
        }
        return true;
    }

    // Does "Mr X" / "Mrs X." fit the requester: a title of his sex with his name or initial?
    static bool fits_requester(const SectionContext& ctx, std::size_t title, bool his_name) {
        if (!his_name) return false;
        const std::string_view t = ctx.word(title);
        const bool male = t == "mr";
        const bool female = t == "mrs" || t == "ms" || t == "miss";
        switch (ctx.knowledge.subject_gender) {
        case Gender::Male:
            return !female;
        case Gender::Female:
            return !male;
        case Gender::Unknown:
            break;
        }
        return true;
    }

    // Does the requester's surname start at token i ("al" of "Al-Hashimi")?
    static bool starts_surname(const SectionContext& ctx, std::size_t i) {
        const std::string surname = ctx.known.subject_surname();
        std::size_t e = 0;
        while (e < surname.size() && std::isalnum(static_cast<unsigned char>(surname[e])))
            ++e;
        return e > 0 && ctx.word(i) == std::string_view(surname).substr(0, e);
    }

    // Does the name end at token i: the end of the text, a line or a cell, or a bracket, comma or
    // semicolon after it (not a word that goes on, "Marsh A Ltd")?
    static bool ends_name(const SectionContext& ctx, std::size_t i) {
        if (i + 1 >= ctx.tokens.size()) return true;
        const std::string_view g = ctx.gap(i);
        return !g.empty() && (g.front() == ')' || g.front() == ',' || g.front() == ';' ||
                              g.front() == '\n' || g.front() == '\t');
    }

    static bool initial_of_requester(const SectionContext& ctx, std::size_t i) {
        for (const auto& t : ctx.known.subject_tokens())
            if (!t.empty() && t[0] == ctx.word(i)[0]) return true;
        return false;
    }

    static bool has_digit(const SectionContext& ctx, std::size_t first, std::size_t last) {
        for (std::size_t k = first; k <= last; ++k)
            if (ctx.info[k].has_digit) return true;
        return false;
    }

    // Schools, nurseries and GPs: where a child can be found.
    static bool where_children_are(std::string_view w) {
        for (const char* k : {"school", "nursery", "academy", "college", "playgroup", "preschool",
                              "creche", "surgery", "practice", "clinic"})
            if (w == k) return true;
        return false;
    }

    // The last token of a code that starts at i: tokens joined by '/' or '-' with no space.
    static std::size_t code_end(const SectionContext& ctx, std::size_t i,
                                const std::vector<bool>& covered) {
        // A colon or a full stop joins a code once a part of it mixes letters and digits
        // ("K31:0582", "12/QK3:045", "XT31.0552"); between numbers alone it is a time or a
        // decimal, and so it is after an ISO date's "T" ("2026-08-20T16:05"). A colon also
        // joins capitals to a number ("KHB:0415"), as a system prints an account's key.
        auto lettered = [&](std::size_t k) {
            const std::string_view w = ctx.word(k);
            if (!ctx.info[k].has_digit || ctx.info[k].alpha) return false;
            if (iso_time_joint(w)) return false;
            return std::any_of(w.begin(), w.end(),
                               [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
        };
        auto capitals = [&](std::size_t k) {
            return ctx.info[k].all_caps && ctx.info[k].alpha && ctx.word(k).size() >= 2 &&
                   ctx.word(k).size() <= 5;
        };
        std::size_t last = i;
        bool mixed = lettered(i);
        while (last + 1 < ctx.tokens.size() && !covered[last + 1]) {
            const std::string_view g = ctx.gap(last);
            const bool next_digits = ctx.info[last + 1].has_digit;
            const bool colon = g == ":" && next_digits &&
                               (mixed || (last == i && capitals(i) && all_digits(ctx.word(i + 1)) &&
                                          ctx.word(i + 1).size() >= 3));
            const bool stop = g == "." && mixed && next_digits;
            if (g != "/" && g != "-" && !colon && !stop) break;
            ++last;
            mixed = mixed || lettered(last);
        }
        return last;
    }

    // "20T16": the joint of an ISO 8601 date and time, a day, "T" and an hour.
    static bool iso_time_joint(std::string_view w) {
        const std::size_t t = w.find_first_of("Tt");
        if (t == std::string_view::npos || t == 0 || t > 2) return false;
        const std::size_t hour = w.size() - t - 1;
        return hour >= 1 && hour <= 2 && all_digits(w.substr(0, t)) && all_digits(w.substr(t + 1));
    }

    // The last token of a code that is two to four capitals, one space, and a number of three
    // digits or more: i when there is none. Not an acronym the records use or an English word
    // ("PC 1234", "TO 2026"), a currency ("GBP 150"), or a year after a name ("RHS 2026").
    static std::size_t lettered_number_end(const SectionContext& ctx, std::size_t i,
                                           const std::vector<bool>& covered) {
        if (i + 1 >= ctx.tokens.size() || covered[i + 1] || !ctx.info[i].all_caps ||
            !ctx.info[i].alpha || ctx.word(i).size() < 2 || ctx.word(i).size() > 4 ||
            ctx.gap(i) != " " ||
            ctx.is(i, kCommonWord | kSectorAcronym | kPoliceForce | kGeneral | kEnglish | kTitle |
                          kNotName | kRoleCue))
            return i;
        // A currency's code before an amount ("GBP 150.00") is money, not a code.
        static const std::array<std::string_view, 8> currencies{"gbp", "eur", "usd", "pln",
                                                                "ron", "chf", "aud", "cad"};
        if (std::find(currencies.begin(), currencies.end(), ctx.word(i)) != currencies.end())
            return i;
        const std::string_view number = ctx.word(i + 1);
        if (number.size() < 3 || !all_digits(number)) return i;
        // A number joined on ("QRX 31872/19") is a code of its own, decided as one below.
        if (code_end(ctx, i + 1, covered) != i + 1) return i;
        const bool year =
            number.size() == 4 && (number.substr(0, 2) == "19" || number.substr(0, 2) == "20");
        return year ? i : i + 1;
    }

    // The last token of a number of nine digits or more written as three groups or more of
    // two to five digits with one space between them ("6137 0042 285"); i when there is none.
    static std::size_t grouped_number_end(const SectionContext& ctx, std::size_t i,
                                          const std::vector<bool>& covered) {
        constexpr std::size_t kMinDigits = 9, kMinGroups = 3;
        auto group = [&](std::size_t k) {
            const std::string_view w = ctx.word(k);
            return !covered[k] && w.size() >= 2 && w.size() <= 5 && all_digits(w);
        };
        if (!group(i) || (i > 0 && ctx.info[i - 1].has_digit && ctx.gap(i - 1) == " ")) return i;
        std::size_t last = i, digits = ctx.word(i).size();
        while (last + 1 < ctx.tokens.size() && ctx.gap(last) == " " && group(last + 1))
            digits += ctx.word(++last).size();
        return last + 1 - i >= kMinGroups && digits >= kMinDigits ? last : i;
    }

    // A handle's joints: '_' always; '.' between two words with no space.
    static bool handle_joint(const SectionContext& ctx, std::size_t k) {
        if (k + 1 >= ctx.tokens.size()) return false;
        const std::string_view g = ctx.gap(k);
        return g == "_" || g == ".";
    }
    // The last uncovered token of a handle that goes on from i.
    static std::size_t handle_end(const SectionContext& ctx, std::size_t i,
                                  const std::vector<bool>& covered) {
        std::size_t last = i;
        while (handle_joint(ctx, last) && !covered[last + 1])
            ++last;
        return last;
    }
    static bool joined_to_handle(const SectionContext& ctx, std::size_t i) {
        return i > 0 && handle_joint(ctx, i - 1);
    }
    static std::size_t run_start(const SectionContext& ctx, std::size_t i) {
        while (i > 0 && handle_joint(ctx, i - 1))
            --i;
        return i;
    }
    static std::size_t run_end(const SectionContext& ctx, std::size_t i) {
        while (handle_joint(ctx, i))
            ++i;
        return i;
    }
    // Tokens [first, last] joined by '_' or '.' read as a user name: one '_' at least; or dots
    // between lower-case words, one of three letters or more, not a file name ("notes.pdf"), a
    // domain ("example.org"), an abbreviation ("e.g.") or a number ("2.5").
    static bool user_name(const SectionContext& ctx, std::size_t first, std::size_t last) {
        if (last == first) return false;
        const std::size_t b = ctx.begin_of(first), e = ctx.end_of(last);
        // Part of an e-mail address or a web address: theirs to find.
        if (b > 0 && (ctx.text[b - 1] == '@' || ctx.text[b - 1] == '/')) return false;
        if (e < ctx.text.size() && ctx.text[e] == '@') return false;
        bool underscore = false, long_word = false;
        for (std::size_t k = first; k < last; ++k)
            underscore = underscore || ctx.gap(k) == "_";
        for (std::size_t k = first; k <= last; ++k)
            long_word = long_word || (ctx.info[k].alpha && ctx.word(k).size() >= 3);
        static const std::array<std::string_view, 30> tails{
            "pdf",  "doc", "docx", "txt",  "csv",  "xlsx", "xls", "odt",  "ods", "rtf",
            "md",   "eml", "msg",  "jpg",  "jpeg", "png",  "tif", "tiff", "gif", "heic",
            "html", "htm", "zip",  "json", "xml",  "com",  "org", "net",  "uk",  "gov"};
        if (ctx.gap(last - 1) == "." &&
            std::find(tails.begin(), tails.end(), ctx.word(last)) != tails.end())
            return false;
        if (underscore) return long_word;
        for (std::size_t k = b; k < e; ++k)
            if (std::isupper(static_cast<unsigned char>(ctx.text[k])) ||
                std::isdigit(static_cast<unsigned char>(ctx.text[k])))
                return false;
        return long_word;
    }

    // "fox7trot", "mags84": a lower-case word of three letters or more with digits in it,
    // not a time, an ordinal or a measure ("10am", "2nd", "500ml" start with their digits).
    static bool lone_handle(const SectionContext& ctx, std::size_t i) {
        if (!ctx.info[i].has_digit || ctx.info[i].alpha) return false;
        const std::size_t b = ctx.begin_of(i), e = ctx.end_of(i);
        if (e - b < 5 || !std::islower(static_cast<unsigned char>(ctx.text[b]))) return false;
        std::size_t letters = 0;
        for (std::size_t k = b; k < e; ++k) {
            const auto c = static_cast<unsigned char>(ctx.text[k]);
            if (std::isupper(c) || (!std::isalnum(c))) return false;
            letters += std::isalpha(c) != 0;
        }
        return letters >= 3;
    }

    // Two or three capitals that may be someone's initials: not a word or an abbreviation the
    // records use in their own right ("10:30 PM", "GP letter received"); a longer word the list
    // has with a capital is a name or a brand.
    static bool initials_shape(const SectionContext& ctx, std::size_t i) {
        if (!ctx.info[i].all_caps || !ctx.info[i].alpha || ctx.word(i).size() > 3 ||
            ctx.is(i, kCommonWord | kSectorAcronym | kPoliceForce))
            return false;
        static const std::array<std::string_view, 19> abbreviations{
            "am", "pm", "gp", "uk", "uc", "hr", "it", "ot", "sw", "pc",
            "dc", "ds", "ok", "tv", "id", "nb", "ps", "re", "cc"};
        return std::find(abbreviations.begin(), abbreviations.end(), ctx.word(i)) ==
                   abbreviations.end() &&
               !(ctx.word(i).size() == 3 && ctx.is(i, kProperNoun));
    }

    // "mr", "mrs", "ms", "miss" in lower case (not "dr": "dr" is also a drive).
    static bool lower_title(const SectionContext& ctx, std::size_t i) {
        if (ctx.info[i].capitalised || i + 1 >= ctx.tokens.size()) return false;
        const std::string_view w = ctx.word(i);
        if (w == "miss" && i > 0) {
            // "i miss my rabbit", "we really miss her": the verb, after who misses.
            const std::string_view before = ctx.word(i - 1);
            for (const char* v : {"i", "we", "you", "they", "he", "she", "really", "still", "will",
                                  "would", "i'll", "don't", "dont", "to"})
                if (before == v) return false;
        }
        return (w == "mr" || w == "mrs" || w == "ms" || w == "miss") &&
               ctx.text[ctx.begin_of(i)] == w[0];
    }

    // "KBRADSHAW", "rgaskin": one letter and a listed surname written as one word, all in
    // capitals or all in lower case, as systems print who logged or changed an entry. Not an
    // English word, not the requester's surname.
    static bool login_name(const SectionContext& ctx, std::size_t i) {
        constexpr std::size_t kMin = 6, kMax = 16;
        const std::string_view w = ctx.word(i);
        if (w.size() < kMin || w.size() > kMax || !ctx.info[i].alpha) return false;
        // Part of a compound ("steri-strips") is a word's part, not a login.
        if ((i > 0 && ctx.gap(i - 1) == "-") || (i + 1 < ctx.tokens.size() && ctx.gap(i) == "-"))
            return false;
        const std::string_view raw = std::string_view(ctx.text).substr(ctx.begin_of(i), w.size());
        const bool upper = std::all_of(raw.begin(), raw.end(), [](char c) {
            return std::isupper(static_cast<unsigned char>(c));
        });
        const bool lower = std::all_of(raw.begin(), raw.end(), [](char c) {
            return std::islower(static_cast<unsigned char>(c));
        });
        if (!upper && !lower) return false;
        const std::string surname(w.substr(1));
        return surname != ctx.known.subject_surname() && ctx.knowledge.lex.is(surname, kSurname) &&
               !ctx.is(i, kEnglish | kGeneral | kCommonWord | kGivenName | kSurname);
    }

    // Initials after "by", after a role's label and its colon, or in brackets after a role.
    static bool acting_initials(const SectionContext& ctx, std::size_t i) {
        if (i == 0 || ctx.word(i).size() < 2 || !initials_shape(ctx, i) ||
            ctx.is(i, kTitle | kNotName | kGeneral))
            return false;
        const std::string_view gap = ctx.gap(i - 1);
        const std::string_view before = ctx.word(i - 1);
        if (gap == " " && before == "by") return true;
        static const std::array<std::string_view, 13> people{
            "tenant", "resident", "caller", "customer", "client",  "applicant", "occupant",
            "driver", "patient",  "parent", "carer",    "witness", "passenger"};
        if (gap == " (" && i + 1 < ctx.tokens.size() && ctx.gap(i).substr(0, 1) == ")" &&
            (ctx.is(i - 1, kRoleCue) ||
             std::find(people.begin(), people.end(), before) != people.end()))
            return true;
        static const std::array<std::string_view, 18> labels{
            "clerk",  "operator", "present",   "officer",  "initials", "staff",
            "worker", "author",   "handler",   "agent",    "adviser",  "advisor",
            "signed", "checked",  "allocated", "assigned", "earner",   "assignee"};
        return (gap == ": " || gap == ":") &&
               std::find(labels.begin(), labels.end(), before) != labels.end();
    }

    // "GBP 36", "EUR 40": a currency's code before an amount is money, not anyone's initials.
    static bool currency_before_amount(const SectionContext& ctx, std::size_t i) {
        static constexpr std::array<std::string_view, 10> kCodes{"gbp", "eur", "usd", "aud", "cad",
                                                                 "nzd", "chf", "jpy", "pln", "inr"};
        return std::find(kCodes.begin(), kCodes.end(), ctx.word(i)) != kCodes.end() &&
               i + 1 < ctx.tokens.size() && ctx.info[i + 1].has_digit;
    }

    // Initials of two or three capitals after the date or time that opens a line: the tokens
    // before them on the line all hold digits ("03/06/2024", "14:05").
    static bool log_author(const SectionContext& ctx, std::size_t i) {
        if (i == 0 || !initials_shape(ctx, i) || currency_before_amount(ctx, i)) return false;
        std::size_t k = i;
        while (k > 0 && ctx.info[k - 1].has_digit &&
               ctx.gap(k - 1).find('\n') == std::string_view::npos)
            --k;
        if (k == i) return false;
        // The date must open its line.
        const std::size_t line =
            ctx.text.rfind('\n', ctx.begin_of(k) == 0 ? 0 : ctx.begin_of(k) - 1);
        const std::size_t from = line == std::string::npos ? 0 : line + 1;
        for (std::size_t c = from; c < ctx.begin_of(k); ++c)
            if (!std::isspace(static_cast<unsigned char>(ctx.text[c]))) return false;
        // "14/03 DR Okafor": a title before a name, not initials.
        return !(ctx.is(i, kTitle) && i + 1 < ctx.tokens.size() && ctx.info[i + 1].capitalised &&
                 ctx.spaced_as_title(i));
    }

    // "9-10", "60-70": two numbers of one to three digits joined by one '-', rising.
    static bool number_range(std::string_view code) {
        const std::size_t dash = code.find('-');
        if (dash == std::string_view::npos || code.find('-', dash + 1) != std::string_view::npos)
            return false;
        const std::string_view a = code.substr(0, dash), b = code.substr(dash + 1);
        auto short_number = [](std::string_view x) {
            return !x.empty() && x.size() <= 3 && std::all_of(x.begin(), x.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c)) != 0;
            });
        };
        return short_number(a) && short_number(b) &&
               std::stoi(std::string(a)) < std::stoi(std::string(b));
    }

    // Why the tokens [first, last] are an identifying code, or nullptr.
    static const char* code_reason(const SectionContext& ctx, std::size_t first, std::size_t last) {
        std::size_t digits = 0, letters = 0, longest_run = 0, run = 0;
        const std::size_t b = ctx.tokens[first].begin, e = ctx.tokens[last].end;
        const std::string_view code = std::string_view(ctx.folded.text).substr(b, e - b);
        char same = 0;
        bool all_same = true;
        for (char c : code) {
            if (std::isdigit(static_cast<unsigned char>(c))) {
                ++digits;
                run = run + 1;
                longest_run = std::max(longest_run, run);
                if (!same) same = c;
                all_same = all_same && c == same;
            } else {
                run = 0;
                if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
            }
        }
        if (digits == 0 || all_same) return nullptr;
        // A size ("40x60", "1200x800"): two numbers and an x.
        if (last == first && letters == 1 && dimensions(code)) return nullptr;
        // A blood pressure reading ("BP 152/96").
        if (first > 0 && ctx.word(first - 1) == "bp") return nullptr;
        // Money and measures: "£12500", "12500 miles" are not identifiers.
        const std::size_t ob = ctx.begin_of(first);
        if (ob > 0 && (ctx.text[ob - 1] == '$' ||
                       (ob >= 2 && std::string_view(ctx.text).substr(ob - 2, 2) == "\xC2\xA3")))
            return nullptr;
        const bool joined = last > first;
        // Part of a time ("09:40-10:20" reads as "40-10" between two colons), or a range: of
        // days or ages ("26-28 March", "11-12 yrs"), or two short numbers rising ("9-10",
        // "60-70 kg"): no one's reference.
        const std::string_view text = ctx.text;
        const std::size_t oe = ctx.end_of(last);
        auto digit_at = [&](std::size_t k) {
            return k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]));
        };
        if ((ob >= 2 && text[ob - 1] == ':' && digit_at(ob - 2)) ||
            (oe < text.size() && text[oe] == ':' && digit_at(oe + 1)))
            return nullptr;
        if (joined && letters == 0 && number_range(code)) return nullptr;
        if (joined && letters == 0 && last + 1 < ctx.tokens.size() && ctx.adjacent(last, true)) {
            const std::string_view next = ctx.word(last + 1);
            if (month_name(next) || next == "yrs" || next == "years" || next == "yr" ||
                next == "months" || next == "weeks" || next == "days")
                return nullptr;
        }
        if (!joined && letters == 0)
            return digits >= 5 ? "a number of five digits or more" : nullptr;
        // "B207", "C114": a capital or two and three digits name a unit, a room, a locker or a
        // plot, where someone keeps things or can be found.
        if (!joined && digits == 3 && letters <= 2 && longest_run == 3 &&
            ctx.info[first].all_caps == (letters == 2) &&
            std::isupper(static_cast<unsigned char>(ctx.text[ctx.begin_of(first)])) &&
            std::isdigit(static_cast<unsigned char>(ctx.text[ctx.end_of(first) - 1])))
            return "a code of a capital or two and three digits: a unit, a room or a plot";
        if (looks_like_date_or_years(code)) return nullptr;
        if (digits >= 4 && (letters > 0 || joined))
            return "a code of letters and digits, or of numbers joined by '/' or '-'";
        // A meeting's, a list's or a panel's number: three to six capitals joined to two
        // digits ("RRG-07"), when the capitals are no word or acronym the records use.
        if (digits == 2 && last == first + 1 && letters >= 3 && letters <= 6 &&
            ctx.info[first].all_caps && ctx.info[first].alpha && ctx.word(last).size() == 2 &&
            ctx.gap(first) == "-" &&
            !ctx.is(first, kCommonWord | kSectorAcronym | kGeneral | kEnglish | kNotName |
                               kPoliceForce | kProperNoun))
            return "a code of capitals and two digits joined by '-'";
        // A licence, badge or staff code: capitals joined to three digits ("PH-123", "MOD/456").
        if (digits == 3 && last == first + 1 && letters >= 2 && letters <= 5 &&
            ctx.info[first].all_caps && ctx.info[first].alpha && ctx.word(last).size() == 3)
            return "a code of capitals and three digits joined by '/' or '-'";
        return nullptr;
    }

    // A code holding a police force's initials, or right after them ("GMP 25/0718441").
    static bool police_code(const SectionContext& ctx, std::size_t first, std::size_t last) {
        for (std::size_t t = first; t <= last; ++t)
            if (ctx.is(t, kPoliceForce)) return true;
        return first > 0 && ctx.is(first - 1, kPoliceForce) && ctx.adjacent(first - 1, true);
    }

    // "40x60": a number, an x, a number, each of one to four digits.
    static bool dimensions(std::string_view code) {
        const std::size_t x = code.find('x');
        auto number = [](std::string_view d) { return d.size() <= 4 && all_digits(d); };
        return x != std::string_view::npos && number(code.substr(0, x)) &&
               number(code.substr(x + 1));
    }

    // 04-jan-2020, 4/march/20: a date written with its month's name (the text is folded).
    static bool month_name_date(std::string_view code) {
        const std::size_t a = code.find_first_of("-/."), b = code.find_last_of("-/.");
        if (a == std::string_view::npos || a == b) return false;
        const std::string_view day = code.substr(0, a), month = code.substr(a + 1, b - a - 1),
                               year = code.substr(b + 1);
        if (!all_digits(day) || day.size() > 2 || !all_digits(year) || month.size() < 3)
            return false;
        return month_name(month.substr(0, 3));
    }

    // 2025-26, 12-03-2025, 2025/03/12, 13/01: dates and year ranges, found elsewhere when they
    // matter.
    static bool looks_like_date_or_years(std::string_view code) {
        std::vector<std::size_t> groups, values;
        std::size_t len = 0, value = 0;
        for (char c : code) {
            if (std::isdigit(static_cast<unsigned char>(c))) {
                ++len;
                value = value * 10 + static_cast<std::size_t>(c - '0');
            } else if (c == '/' || c == '-' || c == '.') {
                groups.push_back(len);
                values.push_back(value);
                len = value = 0;
            } else
                return false;
        }
        groups.push_back(len);
        values.push_back(value);
        // A score or a share: two numbers of three digits or fewer, the first no greater than
        // the second, neither written with a leading zero ("47/50", "118/150", "50/50"; "08/25"
        // is a month and a year or a meeting's number).
        if (groups.size() == 2 && groups[0] <= 3 && groups[1] <= 3 && code[groups[0]] == '/' &&
            code[0] != '0' && code[groups[0] + 1] != '0' && values[0] <= values[1])
            return true;
        // A day and a month written with a slash ("13/01"): two digits each, a day of 1 to 31,
        // a month of 1 to 12 ("25-09" after capitals is a meeting's number as often).
        if (groups.size() == 2 && groups[0] == 2 && groups[1] == 2 &&
            code.find('/') != std::string_view::npos)
            return values[0] >= 1 && values[0] <= 31 && values[1] >= 1 && values[1] <= 12;
        // A month and a year ("03/2024", "2-2026").
        if (groups.size() == 2 && groups[0] <= 2 && groups[1] == 4 && values[0] >= 1 &&
            values[0] <= 12 && values[1] >= 1900 && values[1] <= 2099)
            return true;
        if (groups.size() == 2) return groups[0] == 4 && (groups[1] == 2 || groups[1] == 4);
        if (groups.size() == 3)
            return (groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 2 || groups[2] == 4)) ||
                   (groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2);
        return false;
    }

    // A word that ends a house's name ("Ash Farm", "Hazel Cottage").
    static bool dwelling(std::string_view w) {
        for (const char* d :
             {"cottage", "cottages", "farm", "farmhouse", "barn", "bungalow", "grange", "manor",
              "forge", "rectory", "vicarage", "manse", "croft", "smithy", "granary", "oast"})
            if (w == d) return true;
        return false;
    }

    // The last token of a run of capitalised words starting at i that ends in a facility word
    // and has a word of its own (not a common or generic word): "Brackenfield Medical Centre",
    // "Kirkby Distribution Centre". Returns i when there is none.
    // A common word names the place too when two or more words follow it, the last a facility
    // word ("Marjoram Leisure Centre"); "Day Centre" and "Family Support Centre" are generic.
    static std::size_t facility_end(const SectionContext& ctx, std::size_t i,
                                    const std::vector<bool>& covered) {
        bool distinctive = false;
        const bool plain = !ctx.is(i, kFacility | kGeneral | kNotName | kTitle);
        const bool named_by_common_word =
            plain && ctx.is(i, kCommonWord) && !ctx.is(i, kGenericPlace);
        // A house's name may begin with a word places share: "Old Smithy", "North Farm".
        const bool house_by_place_word = plain && ctx.is(i, kGenericPlace) && ctx.word(i) != "the";
        std::size_t found = i;
        for (std::size_t k = i; k < ctx.tokens.size() && k < i + 6; ++k) {
            if (covered[k] || !ctx.info[k].capitalised || !ctx.info[k].alpha) break;
            // A house's name needs no second word: "Rose Cottage", "Ash Farm" are where
            // someone lives, where "Day Centre" names no one place.
            if (k > i && ctx.is(k, kFacility) &&
                (distinctive || (named_by_common_word && (k >= i + 2 || dwelling(ctx.word(k)))) ||
                 (house_by_place_word && k == i + 1 && dwelling(ctx.word(k)))))
                found = k;
            if (!ctx.is(k, kCommonWord | kGenericPlace | kFacility | kGeneral) ||
                ctx.is(k, kProperNoun))
                distinctive = true;
            if (!ctx.adjacent(k, true)) break;
        }
        return found;
    }
};

} // namespace

std::unique_ptr<Recogniser> make_residue() {
    return std::make_unique<Residue>();
}

} // namespace safesar
