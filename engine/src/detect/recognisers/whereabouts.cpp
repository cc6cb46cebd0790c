// Whereabouts, routine and safety arrangements (dictionaries/detect/whereabouts-cues.txt):
// where someone stays or spends nights, when they can be called or found, that a codeword, safe
// contact or escape plan exists; and accounts: what a protected party told of the harm or of
// her fear ("has raised concerns about", "Victim fear (via PSS)"). In a perpetrator request such a
// sentence about a protected party is as dangerous as her address, so the whole sentence is a
// finding, owned like a special-category sentence. The secret itself after a cue ("codeword is
// bluebell") is a finding of its own, whoever's sentence it is.
#include "recognisers.hpp"

#include "../calendar_words.hpp"
#include "routine_shapes.hpp"
#include "sentence_people.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace safesar {

namespace {

bool matches_at(const SectionContext& ctx, std::size_t i, const std::vector<std::string>& t) {
    if (i + t.size() > ctx.tokens.size()) return false;
    for (std::size_t k = 0; k < t.size(); ++k)
        if (ctx.word(i + k) != t[k]) return false;
    return true;
}

// Words between a secret's cue and the secret: "the code word is", "safe word agreed:".
bool filler(std::string_view w) {
    static const std::array<std::string_view, 11> f{
        "is", "was", "will", "be", "are", "agreed", "set", "chosen", "remains", "of", "new"};
    return std::find(f.begin(), f.end(), w) != f.end();
}

// Words that show the cue was not followed by a secret: "agreed a code word with her sister".
bool not_a_secret(const SectionContext& ctx, std::size_t i) {
    static const std::array<std::string_view, 43> no{
        "with", "for",   "to",  "and",    "that", "which", "has",   "have", "had",   "in",  "on",
        "if",   "she",   "he",  "they",   "we",   "you",   "her",   "his",  "their", "the", "a",
        "an",   "used",  "use", "should", "or",   "can",   "could", "will", "would", "may", "might",
        "must", "shall", "not", "at",     "by",   "from",  "when",  "so",   "as",    "also"};
    if (std::find(no.begin(), no.end(), ctx.word(i)) != no.end() || ctx.is(i, kNotName))
        return true;
    // What happened to it, not what it is: "PIN reset", "password changed", "code word issued".
    const std::string_view w = ctx.word(i);
    return w == "reset" || w == "sent" ||
           (w.size() >= 6 && w.substr(w.size() - 2) == "ed" && ctx.is(i, kEnglish));
}

class Whereabouts final : public Recogniser {
  public:
    std::string_view id() const override { return "whereabouts"; }
    Phase phase() const override { return Phase::Sentences; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        std::vector<std::size_t> hits; // first tokens of cues
        std::vector<std::size_t>
            told; // first tokens of cues that name the protected party as teller
        std::vector<std::size_t> accounts; // first tokens of account and told-by cues
        std::vector<std::size_t> safety;   // first tokens of safety-arrangement cues
        std::vector<std::size_t> marks;    // first tokens of "do not disclose" marks
        std::vector<std::size_t> shapes;   // first tokens of routines known by their shape
        for (std::size_t i = 0; i < ctx.tokens.size(); ++i) {
            if (routine_shape_at(ctx, i)) {
                hits.push_back(i);
                shapes.push_back(i);
                continue;
            }
            if (!ctx.is(i, kWhereaboutsFirst)) continue;
            if (auto at = ctx.lex.whereabouts_by_first.find(ctx.word(i));
                at != ctx.lex.whereabouts_by_first.end())
                for (const std::size_t c : at->second) {
                    const auto& [cue, kind] = ctx.lex.whereabouts_cues[c];
                    if (!matches_at(ctx, i, cue)) continue;
                    hits.push_back(i);
                    if (kind == "told-by") told.push_back(i);
                    if (kind == "told-by" || kind == "account") accounts.push_back(i);
                    if (kind == "safety" || kind == "restricted") safety.push_back(i);
                    if (kind == "restricted") marks.push_back(i);
                    break;
                }
            if (auto at = ctx.lex.secrets_by_first.find(ctx.word(i));
                at != ctx.lex.secrets_by_first.end())
                for (const std::size_t c : at->second)
                    if (const auto& cue = ctx.lex.secret_cues[c]; matches_at(ctx, i, cue))
                        secret_after(ctx, ctx.begin_of(i), i + cue.size(), out);
        }
        secrets_in_columns(ctx, out);
        visits_to_a_listed_home(ctx, out);
        if (hits.empty()) return;
        std::size_t h = 0;
        for (const auto& [b, e] : ctx.sentences()) {
            while (h < hits.size() && ctx.begin_of(hits[h]) < b)
                ++h;
            std::vector<std::size_t> cues;
            for (std::size_t k = h; k < hits.size() && ctx.begin_of(hits[k]) < e; ++k)
                cues.push_back(hits[k]);
            if (cues.empty()) continue;
            // Days and hours by their shape decide whose the sentence is only when no worded
            // cue does.
            std::vector<std::size_t> worded;
            for (std::size_t t : cues)
                if (!std::binary_search(shapes.begin(), shapes.end(), t)) worded.push_back(t);
            const bool shaped_only = worded.empty();
            const WholeSentence whole =
                whose_sentence(ctx, b, e, shaped_only ? cues : worded, true);
            Span s = whole.span;
            const Mention* owner = whole.owner ? &*whole.owner : nullptr;
            if (!marks.empty()) s.begin = std::min(s.begin, marked_paragraph(ctx, b, cues, marks));
            // A cue in the first person ("my address", "where I live") is the writer's: his in
            // his own words, else whoever wrote the record; his when the sentence holds his
            // address or phone.
            Mention writer;
            if (const auto t = first_person_cue(ctx, worded); t && !holds_his_contact(ctx, b, e)) {
                writer.at = ctx.begin_of(*t);
                writer.possessive = true;
                if (writer.at < ctx.requester_voice_end) {
                    writer.subject = true;
                    writer.owner = Owner{Owner::Subject, -1, Role::Subject};
                } else {
                    writer.author = true;
                    s.facts |= kOtherNamed; // the writer is someone other than the requester
                }
                owner = &writer;
            }
            // Alone they are a routine only of someone else the sentence itself names or calls
            // "she": an opening time, a rota's heading, his own shifts or a relative of his
            // covering a handover are not another's routine to hide.
            if (shaped_only && (!owner || owner->subject || owner->author ||
                                !(s.facts & (kOtherNamed | kOtherPronoun | kAboutOther)) ||
                                (owner->owner.kind != Owner::Party && !owner->pronoun &&
                                 !others_relation(ctx, *owner)) ||
                                (owner->pronoun && object_pronoun(ctx, owner->at))))
                continue;
            s.category = Category::Safety;
            s.recogniser = id();
            // "Victim fear (via PSS): he keeps a knife": her account, though it names only him.
            bool account_only = true;
            for (std::size_t t : cues) {
                if (std::find(told.begin(), told.end(), t) != told.end()) s.facts |= kOtherNamed;
                if (std::find(accounts.begin(), accounts.end(), t) == accounts.end())
                    account_only = false;
            }
            // A codeword, a panic alarm, a safety plan protect someone from harm: not the
            // requester's own whereabouts, though the sentence names only him ("staff to use the
            // code word if he calls").
            const bool arrangement = std::any_of(cues.begin(), cues.end(), [&](std::size_t t) {
                return std::find(safety.begin(), safety.end(), t) != safety.end();
            });
            if (owner && owner->subject && arrangement) {
                s.confidence = 0.7f;
                s.rule = "a safety arrangement: it protects someone from harm, whoever the "
                         "sentence names";
            } else if (owner && owner->subject) {
                s.owner = Owner{Owner::Subject, -1, Role::Subject};
                s.confidence = 0.7f;
                s.rule = "where the requester is or can be found";
            } else if (owner && owner->author) {
                s.confidence = 0.75f;
                s.rule = "whereabouts, routine or safety arrangements in the first person of "
                         "whoever wrote the record, who is not known to be the requester";
            } else if (owner && (!owner->pronoun || owner->owner.kind != Owner::Unknown)) {
                // Named, or called by a pronoun whose antecedent is named.
                s.owner = owner->owner;
                s.confidence = 0.85f;
                const std::string who = owner_noun(owner->owner);
                s.rule = account_only
                             ? who + "'s account of the harm or their fear"
                             : "where " + who + " is or can be found, or their safety arrangements";
            } else {
                s.confidence = owner ? 0.75f : 0.6f;
                s.rule = "whereabouts, routine or safety arrangements of someone the sentence "
                         "does not name as the requester";
            }
            if (s.end > s.begin) out.push_back(std::move(s));
        }
    }

  private:
    // A mark standing as a sentence of its own ("... at the other branch. DO NOT DISCLOSE.")
    // closes what comes before it on its line, or in its cell: where that paragraph begins.
    // Otherwise `b`, the sentence's own start.
    static std::size_t marked_paragraph(const SectionContext& ctx, std::size_t b,
                                        const std::vector<std::size_t>& cues,
                                        const std::vector<std::size_t>& marks) {
        const std::size_t first = ctx.token_at(b);
        const bool alone = !cues.empty() && cues.front() == first &&
                           std::binary_search(marks.begin(), marks.end(), first);
        if (!alone || b == 0) return b;
        std::size_t start = ctx.text.rfind('\n', b - 1);
        start = start == std::string::npos ? 0 : start + 1;
        const auto& fields = ctx.section.fields;
        if (const int f = ctx.info[first].field;
            f >= 0 && static_cast<std::size_t>(f) < fields.size())
            start = std::max(start, fields[static_cast<std::size_t>(f)].begin);
        return start;
    }

    // The first of the cues that speaks in the first person: "my address", "where I live".
    static std::optional<std::size_t> first_person_cue(const SectionContext& ctx,
                                                       const std::vector<std::size_t>& cues) {
        for (std::size_t t : cues) {
            const std::string_view w = ctx.word(t);
            const std::string_view next = t + 1 < ctx.tokens.size() ? ctx.word(t + 1) : "";
            if (w == "my" ||
                (w == "where" && (next == "i" || next == "i'm" || next == "we" || next == "we're")))
                return t;
        }
        return std::nullopt;
    }

    // Does [b, e) hold the requester's own address, postcode or phone?
    static bool holds_his_contact(const SectionContext& ctx, std::size_t b, std::size_t e) {
        for (const Span& s : ctx.found)
            if (s.begin >= b && s.end <= e && s.owner.kind == Owner::Subject &&
                (s.category == Category::Address || s.category == Category::Postcode ||
                 s.category == Category::Phone))
                return true;
        return false;
    }

    // "03/02/2026 11:20", "2025-10-09": digits on both sides of a '/', or a year before a '-'
    // ("19:00-20:00" is a span of hours, no date).
    static bool holds_date(std::string_view v) {
        auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(v[i])); };
        for (std::size_t i = 1; i + 1 < v.size(); ++i) {
            if (!digit(i - 1) || !digit(i + 1)) continue;
            if (v[i] == '/') return true;
            if (v[i] == '-' && i >= 4 && digit(i - 2) && digit(i - 3) && digit(i - 4) &&
                (i == 4 || !(digit(i - 5) || v[i - 5] == ':')))
                return true;
        }
        return false;
    }

    // "The fitter is at Quarry Walk on Thursday the 12th at 8.45": a day or an hour in a
    // sentence that names a listed person's street address says when someone is there, whoever
    // visits. Only the sentences of such addresses are read, in order, each once.
    void visits_to_a_listed_home(const SectionContext& ctx, std::vector<Span>& out) const {
        std::vector<std::pair<std::size_t, const Span*>> homes; // (sentence, its first address)
        for (const Span& s : ctx.found)
            if (listed_street(ctx, s)) {
                const std::size_t k = ctx.sentence_of(s.begin);
                if (k < ctx.sentences().size() && s.end <= ctx.sentences()[k].second)
                    homes.emplace_back(k, &s);
            }
        std::stable_sort(homes.begin(), homes.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });
        const std::string_view t(ctx.text);
        // A row is one event: its day or hour cells ("slot: Wed 17:00-18:00") tell when someone
        // is at the address another of its cells holds.
        if (!homes.empty() && ctx.section.kind == SectionKind::Row) {
            const Span& home = *homes.front().second;
            for (const Field& field : ctx.section.fields) {
                bool when = false;
                for (std::size_t k = ctx.token_at(field.begin);
                     k < ctx.tokens.size() && ctx.begin_of(k) < field.end; ++k)
                    when = when || day_name(ctx.word(k)) || clock_time_at(ctx, k);
                if (!when || (home.begin >= field.begin && home.end <= field.end) ||
                    holds_date(t.substr(field.begin, field.end - field.begin)))
                    continue; // a dated time is when the row was written or done, not a routine
                when_at_home(ctx, field.begin, field.end, home, "in a row that holds", out);
            }
            return;
        }
        for (std::size_t h = 0; h < homes.size(); ++h) {
            if (h > 0 && homes[h].first == homes[h - 1].first) continue;
            const auto [b, e] = ctx.sentences()[homes[h].first];
            bool when = false;
            for (std::size_t k = ctx.token_at(b); k < ctx.tokens.size() && ctx.begin_of(k) < e; ++k)
                when = when ||
                       ((day_name(ctx.word(k)) || clock_time_at(ctx, k)) && !log_stamp(ctx, k));
            if (when) when_at_home(ctx, b, e, *homes[h].second, "at", out);
        }
    }

    // [b, e), trimmed, says when someone is at the listed `home`: hers to withhold.
    void when_at_home(const SectionContext& ctx, std::size_t b, std::size_t e, const Span& home,
                      std::string_view where, std::vector<Span>& out) const {
        Span s;
        s.begin = b;
        s.end = e;
        trim_span(ctx.text, s.begin, s.end);
        s.category = Category::Safety;
        s.recogniser = id();
        s.owner = home.owner;
        s.facts |= kOtherNamed;
        s.confidence = 0.85f;
        s.rule = "a day or an hour " + std::string(where) + " " + owner_noun(home.owner) +
                 "'s address: when someone is there";
        if (s.end > s.begin) out.push_back(std::move(s));
    }

    // Is token k part of the date and time that open its line ("10/02 08:20 cr - ..."): when
    // the entry was written, not when anyone is anywhere?
    static bool log_stamp(const SectionContext& ctx, std::size_t k) {
        const std::string_view t(ctx.text);
        const std::size_t line = t.rfind('\n', ctx.begin_of(k));
        const std::size_t from = line == std::string_view::npos ? 0 : line + 1;
        for (std::size_t j = ctx.token_at(from); j < k; ++j)
            if (!ctx.info[j].has_digit && !day_name(ctx.word(j))) return false;
        return true;
    }

    // Is `s` the street address of a listed person who is not staff, found by its known terms:
    // a house number or a street word in it, not a town alone (a town is where many are)?
    static bool listed_street(const SectionContext& ctx, const Span& s) {
        if (s.category != Category::Address || s.recogniser != "known-people" ||
            s.owner.kind != Owner::Party || staff_like(s.owner))
            return false;
        for (std::size_t k = ctx.token_at(s.begin);
             k < ctx.tokens.size() && ctx.begin_of(k) < s.end; ++k)
            if (ctx.info[k].has_digit || ctx.is(k, kStreetSuffix)) return true;
        return false;
    }

    // "mum on till 5 Fridays" in a father's file: a relation of the other sex who is not
    // his own ("his mum", "Gordon's mum") is the other parent or her family.
    static bool others_relation(const SectionContext& ctx, const Mention& m) {
        if (m.pronoun || m.owner.kind != Owner::Unknown) return false;
        const std::size_t t = ctx.token_at(m.at);
        if (!relation_word(ctx.word(t))) return false;
        if (t == 0) return true;
        if (ctx.word(t - 1) == "his") return false;
        const Span* p = ctx.tokens[t - 1].possessive ? ctx.person_at(ctx.begin_of(t - 1)) : nullptr;
        return !p || p->owner.kind != Owner::Subject;
    }

    // "her" as the object of a verb ("collect her on the Thursday"), not the owner of what
    // follows ("her appointments"): the word after it is a preposition or a determiner.
    static bool object_pronoun(const SectionContext& ctx, std::size_t at) {
        const std::size_t t = ctx.token_at(at);
        if (t + 1 >= ctx.tokens.size() || ctx.word(t) != "her") return false;
        static const std::array<std::string_view, 18> after{
            "on", "at",    "from", "to", "in",  "up",   "after", "before", "the",
            "a",  "every", "each", "by", "for", "with", "off",   "home",   "back"};
        return std::find(after.begin(), after.end(), ctx.word(t + 1)) != after.end();
    }

    // A secret's finding: its bytes, how sure, and why.
    static Span secret(std::size_t begin, std::size_t end, float confidence, std::string rule) {
        Span s;
        s.begin = begin;
        s.end = end;
        s.category = Category::Safety;
        s.confidence = confidence;
        s.rule = std::move(rule);
        s.recogniser = "secret";
        return s;
    }

    // The secret after a cue that begins at `cue_begin`, from token `i` on.
    void secret_after(const SectionContext& ctx, std::size_t cue_begin, std::size_t i,
                      std::vector<Span>& out) const {
        const std::size_t cue_end = i > 0 ? ctx.end_of(i - 1) : 0;
        // "password (set by mum in May): tangerine", "password for trips: rhubarb and custard": an
        // aside in brackets or a few words saying what the secret is for, then the secret.
        if (const std::size_t after = aside_then_colon(ctx, cue_end); after != 0) {
            while (i < ctx.tokens.size() && ctx.begin_of(i) < after)
                ++i;
            if (i >= ctx.tokens.size() || not_a_secret(ctx, i) || ctx.begin_of(i) - after > 2)
                return quoted_secret(ctx, cue_end, out); // "agreed: if she texts 'x' ..."
            const std::size_t end = field_value_end(ctx, i);
            out.push_back(secret(ctx.begin_of(i), end ? end : ctx.end_of(i), 0.9f,
                                 "a codeword, password or PIN"));
            return;
        }
        while (i < ctx.tokens.size() && filler(ctx.word(i)))
            ++i;
        if (i >= ctx.tokens.size() || not_a_secret(ctx, i)) return quoted_secret(ctx, cue_end, out);
        // A cue joined to the next word is part of a name ("pin_owner", "password-protected");
        // a line break with no colon ends the cue's clause ("result: no PIN", then a field),
        // unless the cue is its line's label (a form read column by column: "Password", then
        // its value on the next line).
        if (i > 0) {
            const std::string_view text = ctx.text;
            const std::string_view gap =
                text.substr(ctx.end_of(i - 1), ctx.begin_of(i) - ctx.end_of(i - 1));
            const bool label = ctx.opens_line(cue_begin);
            if (gap == "_" || gap == "-" ||
                (gap.find('\n') != std::string_view::npos &&
                 gap.find(':') == std::string_view::npos && !label))
                return quoted_secret(ctx, cue_end, out);
        }
        // Only a short gap (": ", " is '", a quote) may separate the cue from the secret; a
        // comma or a stop ends the cue's clause ("with the password, can collect").
        if (i > 0 && (ctx.gap(i - 1).size() > 4 ||
                      ctx.gap(i - 1).find_first_of(",;.)") != std::string_view::npos))
            return quoted_secret(ctx, cue_end, out);
        // A table's headings ("Case | Watch word | Action"): the next heading is no secret.
        if (i > 0 &&
            std::string_view(ctx.text)
                    .substr(ctx.end_of(i - 1), ctx.begin_of(i) - ctx.end_of(i - 1))
                    .find('\t') != std::string_view::npos &&
            headings_line(ctx.text, ctx.begin_of(i)))
            return;
        // A secret stands alone: the clause or the cell ends after it ("password: lantern.").
        // One the sentence goes on from ("his password after ...") is less sure, and is not
        // looked for elsewhere in the case.
        const bool alone = i + 1 >= ctx.tokens.size() ||
                           std::string_view(ctx.text)
                                   .substr(ctx.end_of(i), ctx.begin_of(i + 1) - ctx.end_of(i))
                                   .find_first_of(".,;:!?)'\"\n|\t") != std::string_view::npos;
        // After a colon the secret is the field's value, a phrase as often as a word
        // ("Password: rhubarb and custard.").
        const std::size_t phrase_end =
            !alone && i > 0 && ctx.gap(i - 1).find(':') != std::string_view::npos
                ? field_value_end(ctx, i)
                : 0;
        out.push_back(secret(ctx.begin_of(i), phrase_end ? phrase_end : ctx.end_of(i),
                             alone || phrase_end ? 0.9f : 0.7f, "a codeword, password or PIN"));
    }

    // The end of a short field value that starts at token `i`: up to five words with nothing
    // but spaces between them, then the end of the clause ("rhubarb and custard." or a line's
    // end). 0 when the words go on: that is a sentence, not a value.
    static std::size_t field_value_end(const SectionContext& ctx, std::size_t i) {
        constexpr std::size_t kMaxWords = 5;
        for (std::size_t k = i; k < ctx.tokens.size() && k < i + kMaxWords; ++k) {
            if (k + 1 >= ctx.tokens.size()) return ctx.end_of(k);
            const std::string_view gap = ctx.gap(k);
            if (gap.find_first_of(".,;:!?)\"\n|\t") != std::string_view::npos) return ctx.end_of(k);
            if (gap.find_first_not_of(' ') != std::string_view::npos) return 0; // "-", "/", "("
        }
        return 0;
    }

    // After a cue, " (an aside of up to 60 bytes): " or " for trips: " (up to three words of
    // letters saying what the secret is for): where the secret starts, or 0.
    static std::size_t aside_then_colon(const SectionContext& ctx, std::size_t at) {
        const std::string_view text = ctx.text;
        while (at < text.size() && text[at] == ' ')
            ++at;
        if (at >= text.size()) return 0;
        if (text[at] != '(') return qualifier_then_colon(text, at);
        const std::size_t within = text.substr(at, 61).find(')'); // looked for nearby only
        const std::size_t close = within == std::string_view::npos ? within : at + within;
        if (close == std::string_view::npos ||
            text.substr(at, close - at).find('\n') != std::string_view::npos)
            return 0;
        std::size_t k = close + 1;
        while (k < text.size() && text[k] == ' ')
            ++k;
        if (k >= text.size() || text[k] != ':') return 0;
        ++k;
        while (k < text.size() && text[k] == ' ')
            ++k;
        return k;
    }

    // " for trips: ": up to three words of letters (30 bytes at most) and a colon; where the
    // value after it starts, or 0.
    static std::size_t qualifier_then_colon(std::string_view text, std::size_t at) {
        constexpr std::size_t kMaxBytes = 30, kMaxWords = 3;
        const std::string_view near = text.substr(at, kMaxBytes + 1);
        const std::size_t colon = near.find(':');
        if (colon == std::string_view::npos || colon == 0) return 0;
        std::size_t words = 0;
        bool in_word = false;
        for (std::size_t k = 0; k < colon; ++k) {
            const unsigned char c = static_cast<unsigned char>(near[k]);
            if (std::isalpha(c) || c == '\'' || c == '-') {
                words += !in_word;
                in_word = true;
            } else if (c == ' ') {
                in_word = false;
            } else {
                return 0;
            }
        }
        if (words == 0 || words > kMaxWords) return 0;
        // What a secret is for starts with a preposition or a filler ("for trips", "with
        // school", "agreed"); "Password reset: done" is a field of its own.
        static const std::array<std::string_view, 9> openers{"for", "to",     "with", "at",    "on",
                                                             "is",  "agreed", "set",  "chosen"};
        const std::string first = fold(near.substr(0, near.find_first_of(" :")));
        if (std::find(openers.begin(), openers.end(), first) == openers.end()) return 0;
        std::size_t k = at + colon + 1;
        while (k < text.size() && text[k] == ' ')
            ++k;
        return k;
    }

    // Is a column's heading a secret's cue ("Password", "Watch word", "Collection code word")?
    static bool secret_heading(const SectionContext& ctx, std::string_view label) {
        const auto words = tokenize(fold(std::string(label)));
        if (words.empty() || words.size() > 4) return false;
        // The cue names the column when it ends the heading or says what the secret is for
        // ("Code word for pick-up"); "PIN holder" and "Password reset" are other things.
        static const std::array<std::string_view, 9> qualifiers{
            "for", "to", "with", "at", "new", "agreed", "used", "set", "chosen"};
        for (const auto& cue : ctx.lex.secret_cues)
            for (std::size_t k = 0; k + cue.size() <= words.size(); ++k)
                if (std::equal(cue.begin(), cue.end(), words.begin() + static_cast<long>(k))) {
                    const std::size_t after = k + cue.size();
                    if (after == words.size() || std::find(qualifiers.begin(), qualifiers.end(),
                                                           words[after]) != qualifiers.end())
                        return true;
                }
        return false;
    }

    static void secret_cell(std::size_t b, std::size_t e, const SectionContext& ctx,
                            const std::string& heading, std::vector<Span>& out) {
        const std::string_view text = ctx.text;
        while (b < e && std::isspace(static_cast<unsigned char>(text[b])))
            ++b;
        while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1])))
            --e;
        const std::string_view cell = text.substr(b, e - b);
        if (cell.size() < 3 || cell.size() > 40 || std::count(cell.begin(), cell.end(), ' ') > 3)
            return;
        const std::string folded = fold(std::string(cell));
        if (folded == "none" || folded == "n/a" || folded == "yes" || folded == "no" ||
            folded == "not set" || folded == "tbc")
            return;
        out.push_back(secret(
            b, e, 0.9f, "a codeword, password or PIN: a cell under the heading '" + heading + "'"));
    }

    // A table's column whose heading is a secret's cue holds secrets in every cell below it: a
    // spreadsheet's row (fields labelled by the headings) or a document's table written as
    // lines of tab-separated cells under a heading line.
    static void secrets_in_columns(const SectionContext& ctx, std::vector<Span>& out) {
        for (const auto& field : ctx.section.fields)
            if (field.end > field.begin && secret_heading(ctx, field.label) &&
                fold(ctx.text.substr(field.begin, field.end - field.begin)) != fold(field.label))
                secret_cell(field.begin, field.end, ctx, field.label, out);
        const std::string_view text = ctx.text;
        if (text.find('\t') == std::string_view::npos) return;
        std::size_t column = std::string_view::npos;
        std::string heading;
        bool in_table = false;
        for (std::size_t b = 0; b < text.size();) {
            std::size_t e = text.find('\n', b);
            if (e == std::string_view::npos) e = text.size();
            const std::string_view line = text.substr(b, e - b);
            const bool first_of_table = !in_table;
            in_table = line.find('\t') != std::string_view::npos;
            if (!in_table) {
                column = std::string_view::npos; // the table ended
            } else {
                const auto cells = tab_cells(text, b, e);
                if (column != std::string_view::npos && column < cells.size()) {
                    secret_cell(cells[column].first, cells[column].second, ctx, heading, out);
                } else if (first_of_table && heading_row(text, cells)) {
                    column = std::string_view::npos;
                    for (std::size_t k = 0; k < cells.size(); ++k) {
                        const auto [cb, ce] = cells[k];
                        if (secret_heading(ctx, text.substr(cb, ce - cb))) {
                            column = k;
                            heading = std::string(text.substr(cb, ce - cb));
                            break;
                        }
                    }
                }
            }
            b = e + 1;
        }
    }

    // The cells of the line [b, e) of a document's table, parted by tabs: their byte spans.
    static std::vector<std::pair<std::size_t, std::size_t>>
    tab_cells(std::string_view text, std::size_t b, std::size_t e) {
        std::vector<std::pair<std::size_t, std::size_t>> cells;
        for (std::size_t cb = b;;) {
            const std::size_t ce = std::min(text.substr(0, e).find('\t', cb), e);
            cells.emplace_back(cb, ce);
            if (ce >= e) break;
            cb = ce + 1;
        }
        return cells;
    }

    // A table's first line is its headings when every cell is one: a few words, no digits and
    // no quotes ("Person | Watch word | Notes"); a form of labels and values is not
    // ("Code word | "bluebell": means call 999").
    static bool heading_row(std::string_view text,
                            const std::vector<std::pair<std::size_t, std::size_t>>& cells) {
        if (cells.size() < 2) return false;
        for (const auto& [b, e] : cells) {
            const std::string_view cell = text.substr(b, e - b);
            if (cell.empty() || cell.size() > 40 || std::count(cell.begin(), cell.end(), ' ') > 3 ||
                cell.find_first_of("0123456789\"':;") != std::string_view::npos)
                return false;
        }
        return true;
    }

    // The line holding `at`: three cells or more, each a heading.
    // Headings are short: a line longer than 400 bytes is none (and is not scanned again for
    // each cue on it).
    static bool headings_line(std::string_view text, std::size_t at) {
        constexpr std::size_t kLongest = 400;
        const std::size_t from = at > kLongest ? at - kLongest : 0;
        const std::size_t nl = text.substr(from, at - from).rfind('\n');
        if (nl == std::string_view::npos && from > 0) return false;
        const std::size_t b = nl == std::string_view::npos ? 0 : from + nl + 1;
        const std::size_t ahead = text.substr(at, kLongest).find('\n');
        if (ahead == std::string_view::npos && at + kLongest < text.size()) return false;
        const std::size_t e = ahead == std::string_view::npos ? text.size() : at + ahead;
        const auto cells = tab_cells(text, b, e);
        return cells.size() >= 3 && heading_row(text, cells);
    }

    // "Safety words agreed: if she texts the hub 'blue kettle' the hub rings 999": when the words
    // after the cue are not the secret, a phrase of one to four words in quotes later in the
    // same sentence is.
    static void quoted_secret(const SectionContext& ctx, std::size_t from, std::vector<Span>& out) {
        const std::string_view text = ctx.text;
        const std::size_t stop = std::min(text.size(), from + 160);
        auto letter = [&](std::size_t k) {
            return k < text.size() && (std::isalpha(static_cast<unsigned char>(text[k])) ||
                                       static_cast<unsigned char>(text[k]) >= 0x80);
        };
        for (std::size_t k = from; k < stop; ++k) {
            const char c = text[k];
            if (c == '\n' || (c == '.' && (k + 1 >= text.size() || text[k + 1] == ' '))) return;
            if (c != '\'' && c != '"') continue;
            // An opening quote: after a blank, before a letter (not "she's").
            if (k == 0 || !std::isspace(static_cast<unsigned char>(text[k - 1])) || !letter(k + 1))
                continue;
            const std::size_t near = text.substr(k + 1, 41).find(c); // a short phrase only
            const std::size_t close = near == std::string_view::npos ? near : k + 1 + near;
            if (close == std::string_view::npos || close >= stop || close - k > 40 ||
                letter(close + 1))
                return;
            const std::string_view inner = text.substr(k + 1, close - k - 1);
            if (inner.find('\n') != std::string_view::npos ||
                std::count(inner.begin(), inner.end(), ' ') > 3)
                return;
            out.push_back(
                secret(k + 1, close, 0.9f,
                       "a codeword or safe phrase, in quotes in the sentence that agrees it"));
            return;
        }
    }
};

} // namespace

std::unique_ptr<Recogniser> make_whereabouts() {
    return std::make_unique<Whereabouts>();
}

} // namespace safesar
