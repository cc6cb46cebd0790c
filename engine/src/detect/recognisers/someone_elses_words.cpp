// Someone else's words: what a person other than the requester said or wrote, as the records
// report or quote it. What she told a worker, what she texted him, what a witness said is hers
// (or theirs) to withhold in a perpetrator request, though it may name nobody but him. Four
// shapes, each stated without a case:
//  - reported speech: a speech verb ("said", "told", "reports") whose speaker is someone other
//    than the requester and not the service's own staff: a listed party, an unlisted name, a
//    pronoun that cannot be his, or a relation ("her mum", "mother" in a father's file);
//  - a quotation in the first person ("... 'he is outside again, I have the kids'") outside his
//    own words, unless the person it follows is the requester;
//  - a line of a message export ("[14/05/2025, 19:02] Name: ...") whose sender is not him;
//  - a forwarded or quoted message inside a message body whose sender is not him.
// The finding is the words, owned by whoever said them; the profile decides (a survivor's own
// request keeps her own words; staff messages are decided by the profile's staff rule).
#include "../calendar_words.hpp"
#include "recognisers.hpp"

#include "sentence_people.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <unordered_set>

namespace safesar {

namespace {

// What someone wants, asks or feels is theirs as much as what they say ("she does not want him
// at appointments", "she no longer feels scared at handovers").
bool speech_verb(std::string_view w) {
    static constexpr std::array<std::string_view, 37> verbs{
        "said",      "says",      "say",    "told",   "tells",    "reported",  "reports",
        "disclosed", "explained", "stated", "states", "shared",   "mentioned", "alleged",
        "alleges",   "claimed",   "claims", "texted", "messaged", "wrote",     "writes",
        "admitted",  "insisted",  "added",  "want",   "wants",    "wanted",    "feels",
        "felt",      "fears",     "feared", "asked",  "asks",     "requested", "saying",
        "telling",   "stating"};
    return std::find(verbs.begin(), verbs.end(), w) != verbs.end();
}

// Getting in touch: "rang", "texted", "emailed". Its object hears; its subject speaks.
bool contact_verb(std::string_view w) {
    static constexpr std::array<std::string_view, 14> verbs{
        "rang",  "phoned",    "called",  "texted", "messaged", "emailed", "e-mailed",
        "wrote", "contacted", "visited", "rings",  "phones",   "calls",   "texts"};
    return std::find(verbs.begin(), verbs.end(), w) != verbs.end();
}

// People who speak for themselves in a record and are never the requester: "the witness said",
// police forms' letters for the victim ("V states", "IP said": injured party, "AP": aggrieved
// person), a helpline's caller, whoever made the referral, and "partner" (the requester's
// partner, in his records, is someone else whatever her sex).
bool speaker_role(std::string_view w) {
    static constexpr std::array<std::string_view, 12> roles{
        "witness", "reporter", "complainant", "victim",    "survivor", "v",
        "ip",      "ap",       "caller",      "informant", "referrer", "partner"};
    return std::find(roles.begin(), roles.end(), w) != roles.end();
}

// Someone the record does not name, met as "a neighbour", "another resident", "a student": not
// the requester, whom his own records name or call "he".
bool indefinite_person(const SectionContext& ctx, std::size_t t, std::size_t first) {
    static constexpr std::array<std::string_view, 18> nouns{
        "neighbour", "neighbor", "student",   "resident", "tenant",   "friend",
        "colleague", "woman",    "man",       "girl",     "boy",      "pupil",
        "visitor",   "stranger", "housemate", "flatmate", "customer", "passer"};
    if (t <= first || std::find(nouns.begin(), nouns.end(), ctx.word(t)) == nouns.end())
        return false;
    const std::string_view article = ctx.word(t - 1);
    return article == "a" || article == "an" || article == "another";
}

bool subject_pronoun(const SectionContext& ctx, std::size_t at) {
    const std::string_view w = ctx.word(ctx.token_at(at));
    return w == "he" || w == "she" || w == "they" || w == "i";
}

// Count of lower-case words in [b, e): three or more make a clause, not a label or a name.
int lower_words(const SectionContext& ctx, std::size_t b, std::size_t e) {
    int lower = 0;
    for (std::size_t t = ctx.token_at(b); t < ctx.tokens.size() && ctx.begin_of(t) < e; ++t)
        if (ctx.info[t].alpha && !ctx.info[t].capitalised) ++lower;
    return lower;
}

class SomeoneElsesWords final : public Recogniser {
  public:
    std::string_view id() const override { return "someone-elses-words"; }
    Phase phase() const override { return Phase::Sentences; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        const Section& sec = ctx.section;
        if (sec.kind == SectionKind::Header || sec.kind == SectionKind::Metadata) return;
        if (ctx.message_writer) writers_words(ctx, *ctx.message_writer, out);
        reported_speech(ctx, out);
        quotations(ctx, out);
        // A table row's "From" column is no forwarded message.
        if (sec.fields.empty()) message_lines(ctx, out);
    }

  private:
    void emit(const SectionContext& ctx, std::size_t b, std::size_t e, const Owner& owner,
              std::string rule, std::vector<Span>& out,
              std::string_view rid = "someone-elses-words") const {
        trim_span(ctx.text, b, e);
        if (e <= b || lower_words(ctx, b, e) < 3) return;
        Span s;
        s.begin = b;
        s.end = e;
        s.category = Category::Safety;
        s.owner = owner;
        s.confidence = owner.kind == Owner::Unknown ? 0.6f : 0.75f;
        s.facts = kOtherNamed;
        s.rule = std::move(rule);
        s.recogniser = rid;
        out.push_back(std::move(s));
    }

    // The body of a message a listed party other than staff sent (the victim's e-mail, a
    // message of hers he forwarded): her words, up to the first quoted part.
    void writers_words(const SectionContext& ctx, const Owner& writer,
                       std::vector<Span>& out) const {
        if (writer.kind != Owner::Party || staff_like(writer)) return;
        const std::size_t end = own_words_end(ctx.text);
        for (const auto& [b, e] : ctx.sentences()) {
            if (b >= end) break;
            emit(ctx, b, std::min(e, end), writer,
                 "the words of " + owner_noun(writer) + ", who sent this message", out);
        }
    }

    // "she said the children eat better now", "her nan came round and said ...".
    void reported_speech(const SectionContext& ctx, std::vector<Span>& out) const {
        for (const auto& [b, e] : ctx.sentences()) {
            const std::size_t first = ctx.token_at(b);
            std::vector<std::size_t> verbs;
            for (std::size_t t = first; t < ctx.tokens.size() && ctx.begin_of(t) < e; ++t)
                if (speech_verb(ctx.word(t))) verbs.push_back(t);
            if (verbs.empty()) continue;
            const SentencePeople people = people_in_sentence(ctx, b, e, first);
            for (std::size_t v : verbs) {
                if (ctx.begin_of(v) < ctx.requester_voice_end) break; // his own message
                const Speaker who = speaker_of(ctx, people, first, v);
                if (who.kind == Speaker::None) continue;
                if (who.kind == Speaker::Relation) {
                    emit(ctx, ctx.begin_of(who.token), e, Owner{},
                         "what someone other than the requester said (reported speech)", out);
                    break;
                }
                const Mention& m = *who.mention;
                if (m.subject || m.author || staff_like(m.owner)) continue;
                // A pronoun that cannot be his, whose antecedent is not staff.
                if (m.pronoun && m.owner.kind == Owner::Unknown) {
                    const Span* before = ctx.last_person_before(m.at);
                    if (before && staff_like(before->owner)) continue;
                }
                emit(ctx, m.at, e, m.owner,
                     m.owner.kind == Owner::Unknown
                         ? "what someone other than the requester said (reported speech)"
                         : "what " + owner_noun(m.owner) + " said (reported speech)",
                     out);
                break;
            }
        }
    }

    // Does token `t` open a clause: the sentence's first word, or after a comma, a bracket, a
    // colon or a conjunction?
    static bool opens_clause(const SectionContext& ctx, std::size_t first, std::size_t t) {
        if (t <= first) return true;
        if (ctx.gap(t - 1).find_first_of(",;:)") != std::string_view::npos) return true;
        const std::string_view w = ctx.word(t - 1);
        return w == "and" || w == "but" || w == "then" || w == "so" || w == "when" ||
               w == "because" || w == "that" || w == "after" || w == "while";
    }

    struct Speaker {
        enum Kind { None, Person, Relation } kind = None;
        const Mention* mention = nullptr; // Person
        std::size_t token = 0;            // Relation: where the phrase starts ("her mum")
    };

    // The subject of speech verb `v`, walking back at most eight words within the sentence: a
    // name or a subject pronoun ("Leah said", "she told"), or a relation or speaker role that is
    // someone else ("her nan came round and said", "mother put the phone down and said", "the
    // witness says"). A possessive ("Amir's coat") or an object ("hitting her") does not speak;
    // "I", "you" and "we" end the search (the writer, or the person addressed).
    static Speaker speaker_of(const SectionContext& ctx, const SentencePeople& people,
                              std::size_t first, std::size_t v) {
        const Gender g = ctx.knowledge.subject_gender;
        Speaker out;
        // "was told", "had been told": the subject heard, it did not speak.
        if (v > first &&
            (ctx.word(v - 1) == "was" || ctx.word(v - 1) == "were" || ctx.word(v - 1) == "been" ||
             ctx.word(v - 1) == "being" || ctx.word(v - 1) == "be"))
            return out;
        // "rang Dan to say", "texted him to tell": the one called is not the one speaking; the
        // walk starts before the call.
        std::size_t from = v;
        if (v >= first + 3 && ctx.word(v - 1) == "to")
            for (std::size_t t = v - 2; t > first && v - t <= 4; --t)
                if (contact_verb(ctx.word(t - 1))) {
                    from = t - 1;
                    break;
                }
        for (std::size_t t = from; t > first && v - t < 8;) {
            --t;
            if (ctx.gap(t).find(';') != std::string_view::npos) break;
            const std::string_view w = ctx.word(t);
            if (w == "i" || w == "you" || w == "we") break;
            if (ctx.tokens[t].possessive) continue;
            const std::size_t at = ctx.begin_of(t);
            const auto m = std::find_if(people.mentions.begin(), people.mentions.end(),
                                        [&](const Mention& x) { return x.at == at; });
            if (m != people.mentions.end() && !m->author) {
                if (m->pronoun && !subject_pronoun(ctx, at)) continue;
                out.kind = Speaker::Person;
                out.mention = &*m;
                return out;
            }
            if (indefinite_person(ctx, t, first)) {
                if (opens_clause(ctx, first, t - 1)) {
                    out.kind = Speaker::Relation;
                    out.token = t - 1;
                }
                return out;
            }
            // "Caller said ..." in the note of a call that came from the requester's own number
            // (his listed phone in the note): the caller is him.
            if (w == "caller" && ctx.holds_requester_phone()) return out;
            if (relation_word(w) || speaker_role(w)) {
                // "Father said..." in a father's file may be him; "her mum", "mother" (to a
                // father), "the witness" are not. The relation must open its clause: "to give
                // his son a present and said" has him speaking.
                const bool owned =
                    t > first && (relation_owner(ctx.word(t - 1)) || ctx.tokens[t - 1].possessive);
                const std::size_t phrase = owned ? t - 1 : t;
                const std::size_t lead =
                    phrase > first && ctx.word(phrase - 1) == "the" ? phrase - 1 : phrase;
                const Gender rg = relation_gender(w);
                if (opens_clause(ctx, first, lead) &&
                    (speaker_role(w) || owned ||
                     (g != Gender::Unknown && rg != Gender::Unknown && rg != g))) {
                    out.kind = Speaker::Relation;
                    out.token = phrase;
                }
                return out;
            }
        }
        return out;
    }

    // A quotation in the first person outside his own words: "I keep the chain on the door at
    // night".
    void quotations(const SectionContext& ctx, std::vector<Span>& out) const {
        const std::string& t = ctx.text;
        for (std::size_t i = 0; i < t.size(); ++i) {
            std::size_t open_len = 0;
            std::string_view close;
            if (t[i] == '"')
                open_len = 1, close = "\"";
            else if (t.compare(i, 3, "\xE2\x80\x9C") == 0)
                open_len = 3, close = "\xE2\x80\x9D";
            else if ((t[i] == '\'' || t.compare(i, 3, "\xE2\x80\x98") == 0) &&
                     (i == 0 || t[i - 1] == ' ' || t[i - 1] == '\n' || t[i - 1] == '(' ||
                      t[i - 1] == '"' || t[i - 1] == ',' || t[i - 1] == ':'))
                open_len = t[i] == '\'' ? 1 : 3, close = t[i] == '\'' ? "'" : "\xE2\x80\x99";
            if (!open_len) continue;
            const std::size_t b = i + open_len;
            // The closing mark: for a single quote, one not inside a word ("he'd").
            // Looked for within 600 bytes only: an unclosed mark costs no more than that.
            const std::string_view near =
                std::string_view(t).substr(0, std::min(t.size(), b + 601));
            std::size_t e = b;
            for (;;) {
                e = near.find(close, e);
                if (e == std::string::npos || e - b > 600) break;
                const std::size_t after = e + close.size();
                if (close.size() == 1 && close[0] == '"') break;
                if (after >= t.size() || !std::isalpha(static_cast<unsigned char>(t[after]))) break;
                e = after;
            }
            if (e == std::string::npos || e - b > 600) continue;
            i = e + close.size() - 1;
            if (b < ctx.requester_voice_end) continue;
            const std::size_t first = ctx.token_at(b);
            bool first_person = false;
            for (std::size_t k = first; k < ctx.tokens.size() && ctx.begin_of(k) < e; ++k) {
                const std::string_view w = ctx.word(k);
                if ((w == "i" && t[ctx.begin_of(k)] == 'I') || w == "me" || w == "my" ||
                    w == "i'm" || w == "i've" || w == "i'll" || w == "i'd" || w == "im" ||
                    w == "ive" || w == "myself")
                    first_person = true;
            }
            if (!first_person) continue;
            // Who is quoted: the person named or called last before the quotation in its
            // paragraph. His own quoted words are his.
            const Span* before = ctx.last_person_before(b);
            if (before && (before->owner.kind == Owner::Subject || staff_like(before->owner)) &&
                before->end + 200 > b)
                continue;
            if (quoted_pronoun_is_his(ctx, b) || his_own_message(ctx, b, e)) continue;
            // Nobody named or called before it: the record does not say whose it is (a
            // profile that is not a perpetrator's may take it for the requester's).
            if (before && before->end + 200 > b)
                emit(ctx, b, e, before->owner,
                     "a quotation in the first person of someone other than the requester", out);
            else
                emit(ctx, b, e, Owner{},
                     "a quotation in the first person that the record gives to no one", out,
                     "someone-elses-words-unattributed");
        }
    }

    // A quotation that is his message, word for word: its paragraph holds his own phone number
    // before it (a voicemail or a text logged with the number it came from), or it opens by
    // naming him as who speaks ("it's gordon", "this is Gordon Marsh").
    static bool his_own_message(const SectionContext& ctx, std::size_t b, std::size_t e) {
        const std::string_view t(ctx.text);
        const std::size_t blank = t.rfind("\n\n", b);
        const std::size_t paragraph = blank == std::string_view::npos ? 0 : blank + 2;
        if (ctx.holds_requester_phone())
            for (const Span& s : ctx.found)
                if (s.category == Category::Phone && s.owner.kind == Owner::Subject &&
                    s.begin >= paragraph && s.end <= b)
                    return true;
        const std::size_t first = ctx.token_at(b);
        for (std::size_t k = first; k + 1 < ctx.tokens.size() && k < first + 6; ++k) {
            if (ctx.begin_of(k) >= e) break;
            const std::string_view w = ctx.word(k);
            const bool names_speaker = w == "it's" || w == "its" || w == "it" || w == "this";
            std::size_t name = k + 1;
            if ((w == "it" || w == "this") && ctx.word(k + 1) == "is") ++name;
            if (!names_speaker || name >= ctx.tokens.size()) continue;
            const Span* p = ctx.person_at(ctx.begin_of(name));
            if (p && p->owner.kind == Owner::Subject && p->begin < e) return true;
        }
        return false;
    }

    // "He said: 'I ...'" : a pronoun that fits the requester just before the quotation.
    // In a letter to him, "You said: 'I ...'" quotes him.
    static bool quoted_pronoun_is_his(const SectionContext& ctx, std::size_t b) {
        const Gender g = ctx.knowledge.subject_gender;
        std::size_t t = ctx.token_at(b);
        for (int k = 0; k < 4 && t > 0; ++k) {
            --t;
            if (ctx.word(t) == "you") return ctx.addressed_to_requester();
            const Gender p = pronoun_gender(ctx.word(t));
            if (p != Gender::Unknown) {
                const std::string_view w = ctx.word(t);
                const bool subject_form = w == "he" || w == "she";
                return subject_form && p == g;
            }
        }
        return false;
    }

    // "[14/05/2025, 19:02:10] Leah: he was by the shop again", "Leah Price: are you ok ..."
    // (a message export's line), a chat export's sender line ("@leah.p 21:05" or "Leah Price
    // 21:05", the message on the lines below it), and "From: ..." blocks forwarded inside a
    // message body.
    void message_lines(const SectionContext& ctx, std::vector<Span>& out) const {
        const std::string& t = ctx.text;
        Owner block_owner, chat_owner;
        bool in_block = false, in_chat = false;
        std::vector<std::pair<std::size_t, std::size_t>> his;
        const std::unordered_set<std::string> handles = at_handles(t);
        for (std::size_t ls = 0; ls < t.size();) {
            std::size_t le = t.find('\n', ls);
            if (le == std::string::npos) le = t.size();
            std::size_t p = ls;
            while (p < le && (t[p] == ' ' || t[p] == '>'))
                ++p;
            // A forwarded message's header inside the body: who sent what follows.
            if (t.compare(p, 5, "From:") == 0) {
                in_block = false;
                if (const Span* who = ctx.first_person_in(p + 5, le)) {
                    if (who->owner.kind != Owner::Subject && !staff_like(who->owner) &&
                        p >= ctx.requester_voice_end) {
                        block_owner = who->owner;
                        in_block = true;
                    }
                } else if (p >= ctx.requester_voice_end && !from_line_is_his(ctx, p, le, his)) {
                    // A sender the rules do not know: not his, so not disclosed as his.
                    block_owner = Owner{};
                    in_block = true;
                }
                ls = le + 1;
                continue;
            }
            if (const auto sender = chat_sender(ctx, p, le)) {
                in_chat = sender->kind != Owner::Subject && !staff_like(*sender) &&
                          p >= ctx.requester_voice_end;
                chat_owner = *sender;
                ls = le + 1;
                continue;
            }
            if (p == le) in_chat = false; // a blank line ends a chat message
            if (in_chat)
                emit(ctx, p, le, chat_owner,
                     "a chat message sent by someone other than the requester", out);
            if (in_block && !header_line(t, p, le))
                emit(ctx, p, le, block_owner,
                     "a forwarded message written by someone other "
                     "than the requester",
                     out);
            // A message export's line: an optional [timestamp] (or a phone's "12/10/2025, 23:02 -
            // "), a sender, a colon.
            std::size_t s = p;
            if (s < le && std::isdigit(static_cast<unsigned char>(t[s]))) {
                s = after_timestamp(t, s, le);
            } else if (s < le && t[s] == '[') {
                const std::size_t close = std::string_view(t).substr(0, le).find(']', s);
                if (close == std::string::npos || close > le)
                    s = le;
                else
                    s = close + 1;
                while (s < le && t[s] == ' ')
                    ++s;
            }
            const std::size_t colon =
                s < le ? std::string_view(t).substr(0, le).find(':', s) : std::string::npos;
            if (s < le && s > p && colon != std::string::npos && colon < le && colon - s <= 40) {
                const Span* who = ctx.person_at(s);
                if (who && who->end <= colon + 1 && who->owner.kind != Owner::Subject &&
                    colon + 1 >= ctx.requester_voice_end)
                    emit(ctx, colon + 1, le, who->owner,
                         "a message sent by someone other than the requester", out);
                // A sender by handle ("lena.b: ..."), one the export also writes with its @
                // ("Thread with @lena.b"), and no handle of his.
                else if (!who && colon + 1 >= ctx.requester_voice_end &&
                         at_handle(ctx, handles, s, colon) && !from_line_is_his(ctx, s, colon, his))
                    emit(ctx, colon + 1, le, Owner{},
                         "a message sent by a handle that is not the requester's", out);
                // A sender by telephone number, as a phone exports a chat with someone it has no
                // contact for ("+44 7700 900555: ..."), that is not his.
                else if (!who && colon + 1 >= ctx.requester_voice_end &&
                         number_sender(t, s, colon) && !from_line_is_his(ctx, s, colon, his))
                    emit(ctx, colon + 1, le, Owner{},
                         "a message sent from a number that is not the requester's", out);
            }
            ls = le + 1;
        }
    }

    // Every "@handle" a text writes, folded, in one pass: a handle is letters, digits,
    // '.', '_' and '-' after an '@' that does not follow a letter or digit (not an e-mail).
    static std::unordered_set<std::string> at_handles(const std::string& t) {
        std::unordered_set<std::string> out;
        auto handle_char = [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
        };
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] != '@' || (i > 0 && std::isalnum(static_cast<unsigned char>(t[i - 1]))))
                continue;
            std::size_t e = i + 1;
            while (e < t.size() && handle_char(t[e]))
                ++e;
            std::string_view h = std::string_view(t).substr(i + 1, e - i - 1);
            while (!h.empty() && h.back() == '.')
                h.remove_suffix(1);
            if (h.size() >= 3) out.insert(fold(h));
            i = e - 1;
        }
        return out;
    }

    // Is [b, e) a handle the text writes with its '@' elsewhere?
    static bool at_handle(const SectionContext& ctx, const std::unordered_set<std::string>& handles,
                          std::size_t b, std::size_t e) {
        if (handles.empty() || e <= b || e - b > 30) return false;
        const std::string_view h = std::string_view(ctx.text).substr(b, e - b);
        return h.find(' ') == std::string_view::npos && handles.count(fold(h)) > 0;
    }

    // Where the sender starts after a message export's timestamp at [b, le): a phone's
    // "12/10/2025, 23:02 - ", or an inbox's "12 Jan 2026 19:30 " (a date with its month in
    // words, then a time); b when there is none. Looked for in the first 30 bytes.
    static std::size_t after_timestamp(const std::string& t, std::size_t b, std::size_t le) {
        const std::size_t end = std::min(le, b + 30);
        std::size_t k = b;
        bool time = false, month = false;
        while (k < end) {
            const unsigned char c = static_cast<unsigned char>(t[k]);
            if (std::isdigit(c) || std::string_view("/.,: ").find(t[k]) != std::string_view::npos) {
                time = time || (c == ':' && k + 1 < end &&
                                std::isdigit(static_cast<unsigned char>(t[k + 1])));
                ++k;
                continue;
            }
            if (!std::isalpha(c)) break;
            std::size_t w = k;
            while (w < end && std::isalpha(static_cast<unsigned char>(t[w])))
                ++w;
            if (!month_name(fold(std::string_view(t).substr(k, w - k)))) break;
            month = true;
            k = w;
        }
        if (k + 1 < le && t[k] == '-' && t[k + 1] == ' ' && k - b >= 8) return k + 2;
        // No dash: an inbox's stamp, its month in words and a time, then the sender ("12 Jan
        // 2026 19:30 Dana: ..."); a case note's "12/01/26 10:30 PD: ..." is a worker's entry.
        if (month && time && k - b >= 10 && t[k - 1] == ' ') return k;
        return b;
    }

    // A chat export's sender line: a handle ("@leah.p") or a name found as a person, then a
    // time of day and nothing else. Returns whose the messages below it are: the owner of the
    // finding on the sender (nobody known when none covers a handle).
    static std::optional<Owner> chat_sender(const SectionContext& ctx, std::size_t b,
                                            std::size_t e) {
        const std::string_view line = std::string_view(ctx.text).substr(b, e - b);
        std::size_t end = line.find_last_not_of(" \t\r");
        if (end == std::string_view::npos) return std::nullopt;
        std::string_view rest = line.substr(0, end + 1);
        for (std::string_view half : {" am", " pm", " AM", " PM", "am", "pm", "AM", "PM"})
            if (rest.size() > half.size() && rest.substr(rest.size() - half.size()) == half) {
                rest.remove_suffix(half.size());
                break;
            }
        // H:MM or HH:MM at the end, a space before it.
        std::size_t k = rest.size();
        if (k < 5 || !isdigit_at(rest, k - 1) || !isdigit_at(rest, k - 2) || rest[k - 3] != ':')
            return std::nullopt;
        k -= 3;
        std::size_t digits = 0;
        while (k > 0 && isdigit_at(rest, k - 1) && digits < 2) {
            --k;
            ++digits;
        }
        if (digits == 0 || k == 0 || rest[k - 1] != ' ') return std::nullopt;
        std::string_view sender = rest.substr(0, k);
        while (!sender.empty() && sender.back() == ' ')
            sender.remove_suffix(1);
        if (sender.empty() || sender.size() > 40) return std::nullopt;
        const std::size_t sb = b, se = b + sender.size();
        if (sender.front() == '@' && sender.find(' ') == std::string_view::npos) {
            // The handle's owner: a name inside it (his makes it his); nobody known when none.
            // Only the names ending on this line are looked at (`people` is sorted by end).
            std::optional<Owner> owner;
            auto it = std::upper_bound(ctx.people.begin(), ctx.people.end(), sb,
                                       [](std::size_t a, const Span& p) { return a < p.end; });
            for (; it != ctx.people.end() && it->end <= e; ++it)
                if (it->begin < se && (!owner || it->owner.kind == Owner::Subject))
                    owner = it->owner;
            return owner ? *owner : Owner{};
        }
        const Span* who = ctx.person_at(sb);
        if (who && who->begin == sb && who->end == se) return who->owner;
        return std::nullopt;
    }

    static bool isdigit_at(std::string_view s, std::size_t i) { return s[i] >= '0' && s[i] <= '9'; }

    // A "From:" line naming no one the rules know: his only when a finding of his is on it.
    // `his`: the requester's findings of the section by start, made on the first "From:" line.
    static bool from_line_is_his(const SectionContext& ctx, std::size_t b, std::size_t e,
                                 std::vector<std::pair<std::size_t, std::size_t>>& his) {
        if (his.empty()) {
            his.emplace_back(ctx.text.size() + 1, 0); // a sentinel: made once
            for (const auto& f : ctx.found)
                if (f.owner.kind == Owner::Subject) his.emplace_back(f.begin, f.end);
            std::sort(his.begin(), his.end());
        }
        for (auto it = std::lower_bound(his.begin(), his.end(), std::make_pair(b, std::size_t{0}));
             it != his.end() && it->first < e; ++it)
            if (it->second <= e) return true;
        return false;
    }

    // Only a telephone number before the colon: ten digits or more, with spaces, '+', brackets
    // or dashes between them.
    static bool number_sender(const std::string& t, std::size_t b, std::size_t e) {
        constexpr std::size_t kMinDigits = 10;
        std::size_t digits = 0;
        for (std::size_t k = b; k < e; ++k) {
            const auto c = static_cast<unsigned char>(t[k]);
            if (std::isdigit(c))
                ++digits;
            else if (c != ' ' && c != '+' && c != '(' && c != ')' && c != '-')
                return false;
        }
        return digits >= kMinDigits;
    }

    static bool header_line(const std::string& t, std::size_t b, std::size_t e) {
        for (const char* h : {"Sent:", "Date:", "To:", "Cc:", "Subject:"})
            if (t.compare(b, std::char_traits<char>::length(h), h) == 0) return true;
        return e <= b;
    }
};

} // namespace

std::unique_ptr<Recogniser> make_someone_elses_words() {
    return std::make_unique<SomeoneElsesWords>();
}

} // namespace safesar
