#include "calendar_words.hpp"
#include "letter_head.hpp"
#include "recogniser.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace safesar {

namespace {

UChar32 code_point_at(const std::string& s, std::size_t i) {
    UChar32 cp;
    int32_t j = static_cast<int32_t>(i);
    U8_NEXT(s.data(), j, static_cast<int32_t>(s.size()), cp);
    return cp;
}

TokenInfo facts_of(const SectionContext& c, std::size_t i) {
    TokenInfo t;
    const Token& tok = c.tokens[i];
    t.classes = c.lex.classes_of(tok.text);
    // A plural of an ordinary or general word is one too ("Saturdays", "Christmases").
    if (!(t.classes & (kEnglish | kGeneral)) && tok.text.size() > 3 && tok.text.back() == 's')
        t.classes |=
            c.lex.classes_of(tok.text.substr(0, tok.text.size() - 1)) & (kEnglish | kGeneral);
    const std::size_t b = c.folded.original_begin(tok.begin), e = c.folded.original_end(tok.end);
    const UChar32 first = code_point_at(c.text, b);
    t.capitalised = first >= 0 && (u_isupper(first) || u_istitle(first));
    bool lower = false;
    std::size_t letters = 0;
    // Most words are ASCII: there ICU's lower case letters are a-z and its letters a-z, A-Z.
    std::size_t k = b;
    for (; k < e && static_cast<unsigned char>(c.text[k]) < 0x80; ++k) {
        const char ch = c.text[k];
        const bool low = ch >= 'a' && ch <= 'z';
        lower = lower || low;
        letters += low || (ch >= 'A' && ch <= 'Z');
    }
    while (k < e) {
        const UChar32 cp = code_point_at(c.text, k);
        k += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (cp < 0) continue;
        if (u_islower(cp)) lower = true;
        if (u_isalpha(cp)) ++letters;
    }
    t.all_caps = letters >= 2 && !lower;
    t.alpha = std::all_of(tok.text.begin(), tok.text.end(), [](char ch) {
        return std::isalpha(static_cast<unsigned char>(ch)) || ch == '\'';
    });
    t.has_digit = std::any_of(tok.text.begin(), tok.text.end(),
                              [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
    return t;
}

// Sentence boundaries (byte offsets) by ICU. A line break before a lower-case word is read as a
// space: PDF pages and wrapped notes break lines in mid-sentence. A line break before a capital
// stays a break, so a note's heading line ("Telephone - Declan Mowbray") is not read as part of
// the sentence under it.
// A line that opens with a speaker's or a field's label ("caller: ...", "mum: ...") starts a
// sentence of its own, though it is in lower case: a transcript or a chat export, each line a
// turn. Up to three words before the colon.
bool speaker_label_at(const std::string& text, std::size_t at) {
    int words = 1;
    for (std::size_t k = at; k < text.size() && k < at + 24; ++k) {
        const auto c = static_cast<unsigned char>(text[k]);
        if (c == ':') return k > at && (k + 1 == text.size() || text[k + 1] == ' ');
        if (c == ' ') {
            if (++words > 3) return false;
        } else if (!std::isalnum(c) && c != '-' && c != '\'') {
            return false;
        }
    }
    return false;
}

// A line that opens with a date or a day and a date ("mon 02/02 - rang", "14/01: seen", "wed
// 4 march") starts a log's entry: a sentence of its own, though it is in lower case.
bool dated_entry_at(const std::string& text, std::size_t at) {
    std::size_t k = at;
    auto letters = [&] {
        const std::size_t b = k;
        while (k < text.size() && std::isalpha(static_cast<unsigned char>(text[k])))
            ++k;
        return std::string_view(text).substr(b, k - b);
    };
    if (std::isalpha(static_cast<unsigned char>(text[k]))) {
        std::string day(letters());
        for (char& c : day)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!day_name(day) || k >= text.size() || text[k] != ' ') return false;
        ++k;
    }
    const std::size_t digits = k;
    while (k < text.size() && k - digits < 3 && std::isdigit(static_cast<unsigned char>(text[k])))
        ++k;
    if (k == digits || k - digits > 2 || k >= text.size()) return false;
    // A date's next part: "/02", "-02", ".02", or " march".
    if ((text[k] == '/' || text[k] == '-' || text[k] == '.') && k + 1 < text.size() &&
        std::isdigit(static_cast<unsigned char>(text[k + 1])))
        return true;
    if (text[k] != ' ') return false;
    ++k;
    std::string month(letters());
    for (char& c : month)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return month_name(month);
}

std::vector<std::pair<std::size_t, std::size_t>> split_sentences(const std::string& text) {
    std::string flat = text;
    for (std::size_t i = 0; i < flat.size(); ++i) {
        if (flat[i] != '\n') continue;
        std::size_t j = i + 1;
        while (j < flat.size() && (flat[j] == ' ' || flat[j] == '\t'))
            ++j;
        const bool continues =
            j < flat.size() &&
            (std::islower(static_cast<unsigned char>(flat[j])) || flat[j] == '(' || flat[j] == ',');
        if (continues && !speaker_label_at(flat, j) && !dated_entry_at(flat, j)) flat[i] = ' ';
    }
    std::vector<std::pair<std::size_t, std::size_t>> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getUK(), status));
    UText* ut = utext_openUTF8(nullptr, flat.data(), static_cast<int64_t>(flat.size()), &status);
    if (U_FAILURE(status)) {
        if (ut) utext_close(ut);
        out.emplace_back(0, text.size());
        return out;
    }
    bi->setText(ut, status);
    int32_t start = bi->first();
    for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
        const auto b = static_cast<std::size_t>(start), e = static_cast<std::size_t>(end);
        // A question or an exclamation quoted inside a sentence ("if she texts 'any left?' it
        // means ...") does not end it: ICU breaks after '?' and '!' even before a lower-case
        // word, where a full stop would not.
        if (!out.empty() && b < flat.size() && std::islower(static_cast<unsigned char>(flat[b]))) {
            std::size_t k = b;
            bool quoted = false;
            while (k > out.back().first && (flat[k - 1] == ' ' || flat[k - 1] == '"' ||
                                            flat[k - 1] == '\'' || flat[k - 1] == ')')) {
                quoted = quoted || flat[k - 1] != ' ';
                --k;
            }
            if (quoted && k > out.back().first && (flat[k - 1] == '?' || flat[k - 1] == '!')) {
                out.back().second = e;
                continue;
            }
        }
        out.emplace_back(b, e);
    }
    utext_close(ut);
    return out;
}

} // namespace

Gender pronoun_gender(std::string_view w) {
    if (w == "he" || w == "him" || w == "his" || w == "himself") return Gender::Male;
    if (w == "she" || w == "her" || w == "hers" || w == "herself") return Gender::Female;
    return Gender::Unknown;
}

std::size_t own_words_end(const std::string& body) {
    for (std::size_t b = 0; b < body.size();) {
        std::size_t e = body.find('\n', b);
        if (e == std::string::npos) e = body.size();
        std::string_view line(body.data() + b, e - b);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.remove_suffix(1);
        const auto starts = [&](std::string_view p) {
            return line.size() >= p.size() &&
                   std::equal(p.begin(), p.end(), line.begin(), [](char a, char c) {
                       return a == std::tolower(static_cast<unsigned char>(c));
                   });
        };
        if (starts(">") || starts("-----original message") || starts("begin forwarded message") ||
            starts("---------- forwarded message") || starts("from:") || starts("sent from") ||
            starts("________________________________") ||
            (starts("on ") && line.size() > 7 && line.substr(line.size() - 6) == "wrote:"))
            return b;
        b = e + 1;
    }
    return body.size();
}

SectionContext::SectionContext(const Section& s, const CaseKnowledge& k)
    : section(s), text(s.text), knowledge(k), known(k.known), lex(k.lex),
      folded(fold_text(s.text)) {
    tokens = tokenize(folded);
    info.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i)
        info.push_back(facts_of(*this, i));
    if (!s.fields.empty()) {
        std::size_t f = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const std::size_t b = begin_of(i);
            while (f < s.fields.size() && s.fields[f].end <= b)
                ++f;
            info[i].field =
                f < s.fields.size() && b >= s.fields[f].begin ? static_cast<int>(f) : -1;
        }
    }
    taken.assign(tokens.size(), false);
}

bool SectionContext::requester_initials(std::size_t i) const {
    const auto& his = known.subject_tokens();
    for (char c : word(i))
        if (std::none_of(his.begin(), his.end(),
                         [&](const std::string& t) { return !t.empty() && t[0] == c; }))
            return false;
    return true;
}

bool SectionContext::addressed_to_requester() const {
    if (!addressed_to_requester_)
        addressed_to_requester_ =
            letter_head(text, [&](std::size_t b, std::size_t e, HisOnLine what) {
                const auto& spans = what == HisOnLine::Address ? found : people;
                return std::any_of(spans.begin(), spans.end(), [&](const Span& s) {
                    if (s.begin < b || s.end > e) return false;
                    if (what == HisOnLine::OthersName) return s.owner.kind != Owner::Subject;
                    return s.owner.kind == Owner::Subject &&
                           (what == HisOnLine::Name || s.category == Category::Address ||
                            s.category == Category::Postcode);
                });
            }) != LetterHead::None;
    return *addressed_to_requester_;
}

std::string_view SectionContext::gap(std::size_t i) const {
    if (i + 1 >= tokens.size()) return {}; // the last token: no gap to a next one
    return std::string_view(folded.text).substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end);
}

bool SectionContext::adjacent(std::size_t i, bool same_line) const {
    if (i + 1 >= tokens.size()) return false;
    if (info[i].field != info[i + 1].field || info[i].field < 0) return false; // other cells
    const std::string_view g = gap(i);
    if (g != " " && g != "-" && g != ". ") return false;
    // ". " joins an initial or a title to what follows ("J. Smith", "Dr. Okafor", "St. Anne's");
    // after any other word it ends a sentence ("he joined Hope-Free. Best thing he did").
    if (g == ". " && tokens[i].text.size() > 1 && !is(i, kTitle) && tokens[i].text != "st")
        return false;
    if (!same_line || g == "-") return true;
    // The folded gap is one space for any run of white space: look at the original. A tab
    // parts a table's cells as a line break parts lines.
    const std::size_t b = end_of(i), e = begin_of(i + 1);
    return std::string_view(text).substr(b, e - b).find_first_of("\n\t") == std::string_view::npos;
}

bool SectionContext::holds_requester_phone() const {
    if (!requester_phone_)
        requester_phone_ = std::any_of(found.begin(), found.end(), [](const Span& x) {
            return x.category == Category::Phone && x.owner.kind == Owner::Subject;
        });
    return *requester_phone_;
}

std::size_t SectionContext::token_at(std::size_t at) const {
    auto it =
        std::lower_bound(tokens.begin(), tokens.end(), at, [&](const Token& t, std::size_t a) {
            return folded.original_begin(t.begin) < a;
        });
    return static_cast<std::size_t>(it - tokens.begin());
}

const std::vector<std::pair<std::size_t, std::size_t>>& SectionContext::sentences() const {
    if (sentences_) return *sentences_;
    sentences_ = split_sentences(text);
    // A sentence never runs from one cell of a row or header into the next: each field's value
    // ends one ("TY-1\nwhat was said: asked why..." is two).
    if (!section.fields.empty()) {
        std::vector<std::pair<std::size_t, std::size_t>> cut;
        std::size_t f = 0;
        for (auto [b, e] : *sentences_) {
            while (f < section.fields.size() && section.fields[f].end <= b)
                ++f;
            for (; f < section.fields.size() && section.fields[f].end < e; ++f) {
                cut.emplace_back(b, section.fields[f].end);
                b = section.fields[f].end;
            }
            cut.emplace_back(b, e);
        }
        sentences_ = std::move(cut);
    }
    return *sentences_;
}

std::size_t SectionContext::sentence_of(std::size_t at) const {
    const auto& s = sentences();
    auto it = std::upper_bound(s.begin(), s.end(), at, [](std::size_t a, const auto& sentence) {
        return a < sentence.second;
    });
    return static_cast<std::size_t>(it - s.begin());
}

bool SectionContext::opens_line(std::size_t at) const {
    const std::string_view t = text;
    const std::size_t line = t.rfind('\n', at == 0 ? 0 : at - 1);
    const std::size_t from = at == 0 || line == std::string_view::npos ? 0 : line + 1;
    return t.substr(from, at - from).find_first_not_of(" \t") == std::string_view::npos;
}

bool SectionContext::follows_requester_on_line(std::size_t at, std::size_t end) const {
    if (end > at && multi_agency_reference(fold(std::string_view(text).substr(at, end - at))))
        return false;
    const Span* p = last_person_before(at);
    if (!p || p->owner.kind != Owner::Subject || p->end > at || at - p->end > 40) return false;
    // "S B Marsh  M 60314": his surname after an initial that is none of his given names'
    // is someone of his family's name, and the number theirs.
    if (const std::size_t t = token_at(p->begin); t > 0 && t < tokens.size() && adjacent(t - 1)) {
        const std::string_view w = word(t - 1);
        // A capital: "R v Marsh" names no one of his family.
        if (w.size() == 1 && std::isupper(static_cast<unsigned char>(text[begin_of(t - 1)]))) {
            bool his = false;
            for (const auto& g : known.subject_given())
                his = his || (!g.empty() && g[0] == w[0]);
            if (!his) return false;
        }
    }
    const std::string between = fold(std::string_view(text).substr(p->end, at - p->end));
    if (between.find('\n') != std::string::npos) return false;
    // "Mr Hale was arrested (crime ref ...)": a police reference is an incident's, not his
    // file's, whoever it follows.
    for (const char* police :
         {"crime", "incident", "occurrence", "police", "log", "cad", "offence"})
        if (between.find(police) != std::string::npos) return false;
    // "ACC-1 (Gordon Marsh) and ACC-2 (protected)": a word joining another thing to him says the
    // code after it is that other thing's.
    for (const auto& w : tokenize(between))
        if (w == "and" || w == "or" || w == "with" || w == "v" || w == "vs" || w == "versus")
            return false;
    if (between.find('&') != std::string::npos) return false;
    // "kent_lad reported ... Assigned: MOD-4410": a field label between his name and the code
    // opens someone else's field, unless it names a number or another detail of his own
    // ("ID:", "Ref:", "DOB:"). Unsure, the code stays no one's and is withheld until reviewed.
    static const std::array<std::string_view, 24> his_labels{
        "ref",  "reference", "refs",   "id",      "no",       "nos",    "number",  "num",
        "file", "case",      "record", "account", "customer", "client", "member",  "dob",
        "born", "nhs",       "tel",    "phone",   "mobile",   "email",  "address", "postcode"};
    for (std::size_t colon = between.find(':'); colon != std::string::npos;
         colon = between.find(':', colon + 1)) {
        std::size_t b = colon;
        while (b > 0 && std::isalnum(static_cast<unsigned char>(between[b - 1])))
            --b;
        const std::string_view label = std::string_view(between).substr(b, colon - b);
        // A time ("10:20") is no label.
        if (!label.empty() && !std::isdigit(static_cast<unsigned char>(label.front())) &&
            std::find(his_labels.begin(), his_labels.end(), label) == his_labels.end())
            return false;
    }
    return true;
}

bool SectionContext::spaced_as_title(std::size_t i) const {
    if (i + 1 >= tokens.size()) return false;
    return text.compare(end_of(i), begin_of(i + 1) - end_of(i), " ") == 0 &&
           !(is(i + 1, kCommonWord) && !is(i + 1, kSurname | kGivenName));
}

const Span* SectionContext::person_at(std::size_t at) const {
    // `people` is sorted by end once the People phase is over.
    auto it = std::upper_bound(people.begin(), people.end(), at,
                               [](std::size_t a, const Span& p) { return a < p.end; });
    if (it != people.end() && it->begin <= at && at < it->end) return &*it;
    return nullptr;
}

const Span* SectionContext::first_person_in(std::size_t b, std::size_t e) const {
    // Sorted by end: the spans ending inside (b, e] in turn, the first that starts at b or after.
    auto it = std::upper_bound(people.begin(), people.end(), b,
                               [](std::size_t a, const Span& p) { return a < p.end; });
    for (; it != people.end() && it->end <= e; ++it)
        if (it->begin >= b) return &*it;
    return nullptr;
}

const Span* SectionContext::last_person_before(std::size_t at) const {
    // `people` is sorted by end once the People phase is over.
    auto it = std::upper_bound(people.begin(), people.end(), at,
                               [](std::size_t a, const Span& p) { return a < p.end; });
    while (it != people.begin()) {
        --it;
        if (it->category != Category::Name) continue;
        // Another paragraph in between: nobody.
        if (!paragraph_breaks_) {
            paragraph_breaks_.emplace();
            for (std::size_t k = text.find("\n\n"); k != std::string::npos;
                 k = text.find("\n\n", k + 1))
                paragraph_breaks_->push_back(k);
        }
        auto br = std::lower_bound(paragraph_breaks_->begin(), paragraph_breaks_->end(), it->end);
        if (br != paragraph_breaks_->end() && *br < at) return nullptr;
        return &*it;
    }
    return nullptr;
}

bool SectionContext::other_sex(const Span& person, Gender g) const {
    if (g == Gender::Unknown) return false;
    if (person.owner.kind == Owner::Party) {
        const auto it = knowledge.party_gender.find(person.owner.party);
        return it != knowledge.party_gender.end() && it->second != Gender::Unknown &&
               it->second != g;
    }
    // Someone nobody listed: the sex a given name has on the name lists, when it has one.
    const std::size_t t = token_at(person.begin);
    if (t >= tokens.size()) return false;
    const bool female = is(t, kFemaleName), male = is(t, kMaleName);
    if (female == male) return false;
    return (female ? Gender::Female : Gender::Male) != g;
}

// Words before `at` in its sentence that keep someone away from what follows: "not to enter",
// "must not go to", "excluded from", "stay away from", "exclusion zone". A place named after
// them is one the person they bind is kept from: someone else's home, work or school.
bool SectionContext::kept_away_before(std::size_t at) const {
    constexpr std::size_t kLookBack = 40; // tokens: a bounded look, as a condition is written
    const auto sent = sentence_around(at);
    const std::size_t end = token_at(at);
    const std::size_t from = std::max(token_at(sent.first), end > kLookBack ? end - kLookBack : 0);
    for (std::size_t t = from; t + 1 < end; ++t) {
        const std::string_view w = word(t), next = word(t + 1);
        if (w == "not") {
            const std::string_view verb = next == "to" && t + 2 < end ? word(t + 2) : next;
            for (const char* v : {"enter", "go", "attend", "approach", "visit", "loiter", "come"})
                if (verb == v) return true;
        }
        if ((w == "excluded" || w == "banned" || w == "barred" || w == "prohibited") &&
            next == "from")
            return true;
        if (w == "exclusion" && (next == "zone" || next == "area")) return true;
        if ((w == "keep" || w == "stay" || w == "kept") && next == "away") return true;
    }
    return false;
}

void SectionContext::attribute_place(Span& s) const {
    if (kept_away_before(s.begin)) {
        s.facts |= kAboutOther; // whoever's it is, not the person kept from it
        return;
    }
    const Gender g = knowledge.subject_gender;
    const Span* person = last_person_before(s.begin);
    // The last pronoun before it, within 80 tokens and the same paragraph.
    bool pronoun_subject = false, have_pronoun = false;
    if (g != Gender::Unknown) {
        const std::size_t t0 = token_at(s.begin);
        for (std::size_t t = t0, seen = 0; t-- > 0 && seen < 80; ++seen) {
            if (gap(t).find("\n\n") != std::string_view::npos) break;
            const Gender pg = pronoun_gender(word(t));
            if (pg == Gender::Unknown) continue;
            if (person && begin_of(t) < person->end) break; // the name is nearer
            have_pronoun = true;
            pronoun_subject = pg == g;
            break;
        }
    }
    // Mentions after it in its own sentence that point to someone else: "staying in X with her",
    // "at the door of unit 12 (rented by Ann Cole)".
    auto other_after = [&] {
        const auto sent = sentence_around(s.begin);
        if (const Span* named = first_person_in(s.end, sent.second);
            named && named->category == Category::Name && named->owner.kind != Owner::Subject)
            return true;
        if (g == Gender::Unknown) return false;
        for (std::size_t t = token_at(s.end); t < tokens.size() && begin_of(t) < sent.second; ++t) {
            const Gender pg = pronoun_gender(word(t));
            if (pg != Gender::Unknown && pg != g) return true;
        }
        return false;
    };
    if (have_pronoun) {
        if (!pronoun_subject) {
            s.facts |= kOtherPronoun;
            return; // someone the records call by the other pronoun: not the requester
        }
        // "Callum lives with Kayleigh Dobbs at her flat in Starbeck": someone else named in the
        // same sentence before the pronoun may be whom it means.
        if (person && person->owner.kind != Owner::Subject &&
            same_sentence(person->begin, s.begin)) {
            s.owner = person->owner;
            return;
        }
        const Owner subject{Owner::Subject, -1, Role::Subject};
        // "Callum has a conviction. He works at X": the person named last before the pronoun may
        // be whom it means unless the records give them the other sex. Theirs; the requester
        // only its likely owner. Not staff: a worker's name heads the entry they write.
        if (person && person->owner.kind != Owner::Subject && !staff_like(person->owner) &&
            !other_sex(*person, g)) {
            s.owner = person->owner;
            s.likely = subject;
            return;
        }
        (other_after() ? s.likely : s.owner) = subject;
        return;
    }
    if (!person) return;
    if (person->owner.kind != Owner::Subject) {
        s.owner = person->owner;
        return;
    }
    const bool sure =
        !other_after() && (same_sentence(person->begin, s.begin) || g != Gender::Unknown);
    (sure ? s.owner : s.likely) = person->owner;
}

} // namespace safesar
