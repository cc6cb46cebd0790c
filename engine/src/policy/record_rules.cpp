#include "record_rules.hpp"

#include "../detect/folded_text.hpp"
#include "../detect/letter_head.hpp"
#include "safesar/errors.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <unordered_set>

namespace safesar {

using nlohmann::json;

namespace {

WithholdRule::Signals load_signals(const std::filesystem::path& file, const std::string& id,
                                   const json& d) {
    WithholdRule::Signals out;
    out.within_chars = d.value("within_chars", out.within_chars);
    out.min = d.value("min_groups", std::size_t{0});
    out.unsure_min = d.value("unsure_groups", out.min);
    out.required = d.value("required", std::vector<std::string>{});
    for (const auto& [name, g] : d.at("groups").items()) {
        WithholdRule::SignalGroup group;
        group.name = name;
        group.distinct = g.value("distinct", std::size_t{1});
        for (const auto& p : g.value("any_of", json::array()))
            group.phrases.push_back(tokenize(fold(p.get<std::string>())));
        for (const auto& p : g.value("as_line_labels", json::array()))
            group.labels.push_back(tokenize(fold(p.get<std::string>())));
        group.label_value_words = g.value("label_value_words", group.label_value_words);
        for (const auto& p : g.value("as_headings", json::array()))
            group.headings.push_back(tokenize(fold(p.get<std::string>())));
        for (const auto& p : g.value("or_distinct_of", json::array()))
            group.alternative.push_back(tokenize(fold(p.get<std::string>())));
        group.alternative_distinct = g.value("or_distinct", std::size_t{0});
        for (const auto& p : g.value("as_agenda_items", json::array()))
            group.agenda_items.push_back(fold(p.get<std::string>()));
        if (group.alternative.empty() != (group.alternative_distinct == 0))
            throw DataError(file.string(), "rule \"" + id + "\": signal group \"" + name +
                                               "\" needs both or_distinct_of and or_distinct");
        if (group.phrases.empty() && group.labels.empty() && group.headings.empty() &&
            group.agenda_items.empty())
            throw DataError(file.string(), "rule \"" + id + "\" has an empty signal group");
        out.groups.push_back(std::move(group));
    }
    for (const auto& name : out.required)
        if (std::none_of(out.groups.begin(), out.groups.end(),
                         [&](const auto& g) { return g.name == name; }))
            throw DataError(file.string(), "rule \"" + id + "\" requires an unknown signal group");
    if (out.min == 0 || out.min > out.groups.size() || out.unsure_min > out.min)
        throw DataError(file.string(), "rule \"" + id + "\" has signal counts that cannot be met");
    return out;
}

} // namespace

std::vector<WithholdRule> load_withhold_rules(const std::filesystem::path& dir,
                                              const json& entries) {
    const auto file = dir / "policies" / "withhold-rules.json";
    std::ifstream in(file);
    if (!in) throw DataError(file.string(), "cannot be read");
    json doc = json::parse(in, nullptr, false);
    if (doc.is_discarded()) throw DataError(file.string(), "not valid JSON");
    std::vector<WithholdRule> out;
    for (const auto& e : entries) {
        WithholdRule r;
        r.id = e.at("rule");
        r.reason = e.at("reason");
        r.roles = e.value("roles", std::vector<std::string>{});
        if (r.id == "mail-from-role") {
            r.kind = "mail-from-role";
            r.explain = "correspondence from a protected party";
            out.push_back(std::move(r));
            continue;
        }
        if (!doc["rules"].contains(r.id))
            throw DataError(file.string(), "no rule named \"" + r.id + "\"");
        const auto& d = doc["rules"][r.id];
        r.kind = d.value("kind", "opening");
        if (r.kind != "opening" && r.kind != "edges" && r.kind != "notice" &&
            r.kind != "about-protected-party")
            throw DataError(file.string(), "rule \"" + r.id + "\" has an unknown kind");
        r.within_chars = d.value("within_chars", 1000);
        r.explain = d.value("explain", r.id);
        for (auto& p : d.value("any_of", std::vector<std::string>{}))
            r.any_of.push_back(fold(p));
        for (auto& p : d.value("and_any_of", std::vector<std::string>{}))
            r.and_any_of.push_back(fold(p));
        for (auto& p : d.value("subject_labels", std::vector<std::string>{}))
            r.subject_labels.push_back(fold(p));
        if (r.roles.empty()) r.roles = d.value("roles", std::vector<std::string>{});
        r.title_lines = d.value("title_lines", r.title_lines);
        r.title_sure = d.value("title_sure", r.title_sure);
        r.edge_lines = d.value("edge_lines", r.edge_lines);
        r.share = d.value("share", r.share);
        r.unsure_share = d.value("unsure_share", r.unsure_share);
        auto phrase_groups = [&](const char* key) {
            std::vector<std::vector<std::vector<std::string>>> groups;
            for (const auto& group : d.value(key, json::array())) {
                groups.emplace_back();
                for (const auto& p : group)
                    groups.back().push_back(tokenize(fold(p.get<std::string>())));
            }
            return groups;
        };
        r.title_all_of = phrase_groups("title_all_of");
        r.name_all_of = phrase_groups("name_all_of");
        if (d.contains("signals")) r.signals = load_signals(file, r.id, d["signals"]);
        out.push_back(std::move(r));
    }
    return out;
}

namespace {

// What a reader of the record sees: not its metadata, notes, or hidden text, sheets and elements
// (export never shows those, so they do not make a record about anyone).
bool visible(const Section& s) {
    return !s.hidden && s.kind != SectionKind::Metadata && s.kind != SectionKind::Annotation;
}

// The opening text of a record as the reader sees it: its visible sections in order, as
// written (`opening` folds it, lines and all, into one run of words).
std::string opening_text(const Record& r, std::size_t chars) {
    std::string out;
    for (const auto& s : r.sections) {
        if (!visible(s)) continue;
        out += s.text + "\n";
        if (out.size() > chars) break;
    }
    out.resize(std::min(out.size(), chars));
    return out;
}

std::string opening(const Record& r, std::size_t chars) {
    return fold(opening_text(r, chars));
}

// The non-empty lines of a section's text, folded.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t b = 0;
    while (b < text.size()) {
        const std::size_t e = std::min(text.find('\n', b), text.size());
        std::string line = fold(std::string_view(text).substr(b, e - b));
        if (line.find_first_not_of(" \t") != std::string::npos) out.push_back(std::move(line));
        b = e + 1;
    }
    return out;
}

// The first non-empty lines of a record's visible text, each folded: where its title is.
std::vector<std::string> first_lines(const Record& r, std::size_t n) {
    std::vector<std::string> out;
    for (const auto& s : r.sections) {
        if (!visible(s)) continue;
        std::size_t b = 0;
        while (b < s.text.size() && out.size() < n) {
            const std::size_t e = std::min(s.text.find('\n', b), s.text.size());
            std::string line = fold(std::string_view(s.text).substr(b, e - b));
            if (line.find_first_not_of(" \t") != std::string::npos) out.push_back(line);
            b = e + 1;
        }
        if (out.size() >= n) break;
    }
    return out;
}

// Headings, headers and footers: the first and last `n` lines of every page (of the whole
// text for a note or an e-mail body); with `record_only`, of the record as a whole (its first
// page's head and its last page's foot, and the foot of every page a PDF prints: a footer on
// one page speaks for the document, where a later page's heading starts a part of it and a
// hidden part of a web page is about itself).
std::vector<std::string> edge_lines(const Record& r, std::size_t n, bool record_only = false) {
    std::vector<std::string> out;
    std::vector<const Section*> pages;
    for (const auto& s : r.sections)
        if (s.kind == SectionKind::PageText || s.kind == SectionKind::Body) pages.push_back(&s);
    for (std::size_t pi = 0; pi < pages.size(); ++pi) {
        const Section& s = *pages[pi];
        const bool printed_page = s.kind == SectionKind::PageText;
        const bool want_head = !record_only || pi == 0;
        const bool want_tail = !record_only || printed_page || pi + 1 == pages.size();
        if (!want_head && !want_tail) continue;
        // Only the ends of the text are read: a long note is not folded whole.
        const std::size_t cut = 4096;
        std::vector<std::string> head = lines_of(s.text.substr(0, std::min(cut, s.text.size())));
        std::vector<std::string> tail =
            lines_of(s.text.size() > cut ? s.text.substr(s.text.size() - cut) : s.text);
        if (want_head)
            for (std::size_t k = 0; k < std::min(n, head.size()); ++k)
                out.push_back(head[k]);
        if (want_tail)
            for (std::size_t k = tail.size() > n ? tail.size() - n : 0; k < tail.size(); ++k)
                out.push_back(tail[k]);
    }
    return out;
}

bool has_phrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
    if (phrase.empty()) return false;
    return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
}

bool any_in(const std::vector<std::string>& phrases, const std::string& text) {
    for (const auto& p : phrases)
        if (text.find(p) != std::string::npos) return true;
    return false;
}

// A mark closing what its line says ("her sister lives with her at Elm Court - do not
// disclose", "... at the other branch. DO NOT DISCLOSE."), not a notice about the record: five
// or more words of content stand before it on the line (a classification such as
// "confidential" is no content), and it is joined to them by a dash, a comma, a bracket or a
// quotation mark, or opens a sentence of its own as a bare instruction. "Given to us in
// confidence. It must not be disclosed to him" is about the whole record.
bool marks_line_content(const std::vector<std::string>& phrases, const std::string& line) {
    static const std::unordered_set<std::string_view> labels{
        "confidential", "official", "sensitive", "restricted", "private",   "secret",  "protect",
        "protected",    "note",     "notice",    "warning",    "important", "caution", "strictly",
        "highly",       "marker",   "alert",     "nb",         "please",    "and",     "this",
        "document",     "record",   "report",    "letter",     "e-mail",    "email",   "page"};
    auto content_words = [&](std::size_t at) {
        int content = 0;
        std::size_t i = 0;
        while (i < at) {
            while (i < at && !std::isalnum(static_cast<unsigned char>(line[i])))
                ++i;
            std::size_t e = i;
            while (e < at && (std::isalnum(static_cast<unsigned char>(line[e])) || line[e] == '-' ||
                              line[e] == '\''))
                ++e;
            if (e > i && !labels.count(std::string_view(line).substr(i, e - i))) ++content;
            i = e;
        }
        return content;
    };
    auto joined = [&](std::size_t at, const std::string& phrase) {
        std::size_t k = at;
        while (k > 0 && line[k - 1] == ' ')
            --k;
        if (k == 0) return false;
        const unsigned char c = static_cast<unsigned char>(line[k - 1]);
        if (std::string_view("-,([\"':/;").find(static_cast<char>(c)) != std::string_view::npos)
            return true;
        if (c == 0x93 || c == 0x94) return true; // the last byte of an en or em dash
        const bool bare = phrase.rfind("do not", 0) == 0 || phrase.rfind("not ", 0) == 0 ||
                          phrase.rfind("no ", 0) == 0;
        return bare && (c == '.' || c == '!' || c == '?');
    };
    bool marked = false;
    for (const auto& p : phrases)
        for (auto at = line.find(p); at != std::string::npos; at = line.find(p, at + 1)) {
            marked = true;
            if (content_words(at) < 5 || !joined(at, p)) return false;
        }
    return marked;
}

// Words holding a phrase of every group, in any order.
bool all_groups(const std::vector<std::vector<std::vector<std::string>>>& groups,
                const std::vector<std::string>& words) {
    return !groups.empty() && std::all_of(groups.begin(), groups.end(), [&](const auto& group) {
        return std::any_of(group.begin(), group.end(),
                           [&](const auto& p) { return has_phrase(words, p); });
    });
}

// A title, not a note that mentions a MARAC: short, no sentence punctuation, every group there.
bool title_matches(const WithholdRule& w, const Record& r) {
    if (w.title_all_of.empty()) return false;
    for (const auto& line : first_lines(r, w.title_lines)) {
        if (line.size() > 90 || line.find(". ") != std::string::npos ||
            line.find(';') != std::string::npos)
            continue;
        if (all_groups(w.title_all_of, tokenize(line))) return true;
    }
    return false;
}

// The record's file name in words: "panel/risk-review-group-2025.xlsx" is "panel risk review
// group 2025 xlsx" (the tokenizer parts words at '/', '-', '_' and '.').
bool name_matches(const WithholdRule& w, const Record& r) {
    return !w.name_all_of.empty() && all_groups(w.name_all_of, tokenize(fold(r.name)));
}

// How sure a rule is that a record is one to withhold.
enum class RuleVerdict { No, Unsure, Yes };

// The lines of a text, and a line's sentences after its first: a note may write two fields on
// one line ("Subject of concern: A. Person at risk: B.").
std::vector<std::string_view> lines_and_sentences(const std::string& text) {
    std::vector<std::string_view> out;
    for (std::size_t b = 0; b < text.size();) {
        const std::size_t e = std::min(text.find('\n', b), text.size());
        std::size_t from = b;
        for (std::size_t dot = text.find(". ", b); dot != std::string::npos && dot + 2 < e;
             dot = text.find(". ", dot + 2))
            if (std::isupper(static_cast<unsigned char>(text[dot + 2]))) {
                out.emplace_back(text.data() + from, dot + 1 - from);
                from = dot + 2;
            }
        out.emplace_back(text.data() + from, e - from);
        b = e + 1;
    }
    return out;
}

// The labels of the lines of a text that have a value of several words: "police (dc lund):
// marker on the address" gives ["police"]. A label is what stands before a line's (or a
// sentence's) first colon or tab (a table row's first cell), after any bullet or number, at
// most 80 bytes, with anything in brackets set aside; the rest of the line has
// `min_value_words` words or more (four for an agency's action, so a form's short values,
// "school: hill top", are not actions).
std::vector<std::vector<std::string>> line_labels(const std::string& text,
                                                  std::size_t min_value_words) {
    constexpr std::size_t kMaxLabel = 80;
    std::vector<std::vector<std::string>> out;
    // Split before folding: folding reads a lone tab as a space.
    for (const std::string_view raw : lines_and_sentences(text)) {
        const std::size_t colon = raw.find_first_of(":\t");
        if (colon == std::string_view::npos || colon > kMaxLabel) continue;
        const std::string folded = fold(raw.substr(0, colon));
        std::string label;
        int depth = 0;
        for (const char ch : folded) {
            if (ch == '(') ++depth;
            if (depth == 0) label += ch;
            if (ch == ')' && depth > 0) --depth;
        }
        auto label_words = tokenize(label);
        while (!label_words.empty() && all_digits(label_words.front()))
            label_words.erase(label_words.begin()); // "3. police (...)"
        if (label_words.empty() || tokenize(fold(raw.substr(colon + 1))).size() < min_value_words)
            continue;
        out.push_back(std::move(label_words));
    }
    return out;
}

// Does a line's label name the phrase? It is the phrase, or ends with it, or with its plural:
// a label's last words say what it is ("gwent police", "hill top school", "schools").
bool label_names(const std::vector<std::string>& label, const std::vector<std::string>& phrase) {
    if (label.size() < phrase.size() || phrase.empty()) return false;
    const auto from = label.end() - static_cast<std::ptrdiff_t>(phrase.size());
    if (!std::equal(phrase.begin(), phrase.end() - 1, from)) return false;
    const std::string& last = label.back();
    return last == phrase.back() || last == phrase.back() + "s";
}

// The words of each line of a text, and of each part of a bracket on a line: "PC Rai (Essex
// Police)" gives the line ["pc", "rai", "essex", "police"] and the bracket ["essex", "police"].
// A bracket's parts are parted by commas or semicolons: an attendee's "(IDVA, Vale Outreach)"
// gives her role and her service, either of which may be the agency.
struct LineWords {
    std::vector<std::vector<std::string>> lines, brackets;
};
LineWords line_words(const std::string& text) {
    LineWords out;
    for (const auto& line : lines_of(text)) {
        out.lines.push_back(tokenize(line));
        for (std::size_t open = line.find('('); open != std::string::npos;
             open = line.find('(', open + 1)) {
            const std::size_t close = line.find(')', open);
            if (close == std::string::npos) break;
            for (std::size_t b = open + 1; b < close;) {
                const std::size_t e = std::min(line.find_first_of(",;", b), close);
                if (auto words = tokenize(line.substr(b, e - b)); !words.empty())
                    out.brackets.push_back(std::move(words));
                b = e + 1;
            }
        }
    }
    return out;
}

// Does a line or a bracket end with the phrase? An attendance list closes each person's line
// or bracket with their agency ("Jo Lark (IDVA)", "Dr Fenn    GP"); a referral's
// prose names agencies inside its sentences.
bool closes_a_part(const LineWords& parts, const std::vector<std::string>& phrase) {
    auto closes = [&](const std::vector<std::string>& words) {
        return words.size() >= phrase.size() &&
               std::equal(phrase.rbegin(), phrase.rend(), words.rbegin());
    };
    return std::any_of(parts.lines.begin(), parts.lines.end(), closes) ||
           std::any_of(parts.brackets.begin(), parts.brackets.end(), closes);
}

// One item of an agenda of cases: "<word> <id> of <n>", the id a number or a short code
// ("item 2 of 8", "family k of 11"); "page 1 of 2" names no item.
bool names_agenda_item(const std::vector<std::string>& words,
                       const std::vector<std::string>& items) {
    for (std::size_t i = 0; i + 3 < words.size(); ++i)
        if (words[i + 2] == "of" && all_digits(words[i + 3]) && words[i + 1].size() <= 3 &&
            std::find(items.begin(), items.end(), words[i]) != items.end())
            return true;
    return false;
}

// Knowing a record by what it holds: how many signal groups its opening meets.
// `meeting_title`: a title line names a meeting ("Youth Safety Panel"); then a
// meeting's signs in the body (a chair, who attended) and one other group are enough to be
// unsure, though the actions are not written as actions ("X to be told").
RuleVerdict by_signals(const WithholdRule::Signals& sig, const Record& r, bool meeting_title) {
    const std::string text = opening_text(r, sig.within_chars);
    const auto words = tokenize(fold(text));
    std::map<std::size_t, std::vector<std::vector<std::string>>> labels; // by the value's words
    for (const auto& g : sig.groups)
        if (!g.labels.empty() && !labels.count(g.label_value_words))
            labels[g.label_value_words] = line_labels(text, g.label_value_words);
    LineWords parts; // for headings and for phrases that close a line or a bracket
    if (std::any_of(sig.groups.begin(), sig.groups.end(),
                    [](const auto& g) { return !g.headings.empty() || !g.alternative.empty(); }))
        parts = line_words(text);
    std::size_t met = 0;
    bool required = true, meeting = false;
    for (const auto& g : sig.groups) {
        std::size_t found = 0;
        for (const auto& p : g.phrases)
            if (has_phrase(words, p) && ++found >= g.distinct) break;
        const auto& labelled = labels[g.label_value_words];
        for (const auto& p : g.labels)
            if (found < g.distinct && std::any_of(labelled.begin(), labelled.end(),
                                                  [&](const auto& l) { return label_names(l, p); }))
                ++found;
        for (const auto& p : g.headings)
            if (found < g.distinct &&
                std::find(parts.lines.begin(), parts.lines.end(), p) != parts.lines.end())
                ++found;
        if (found < g.distinct && !g.agenda_items.empty() &&
            names_agenda_item(words, g.agenda_items))
            ++found;
        std::size_t others = 0;
        for (const auto& p : g.alternative)
            if (closes_a_part(parts, p) && ++others >= g.alternative_distinct) break;
        const bool hit =
            found >= g.distinct || (g.alternative_distinct && others >= g.alternative_distinct);
        met += hit;
        meeting = meeting || (hit && g.name == "meeting");
        if (!hit &&
            std::find(sig.required.begin(), sig.required.end(), g.name) != sig.required.end())
            required = false;
    }
    if (required && met >= sig.min) return RuleVerdict::Yes;
    if (required && met >= sig.unsure_min) return RuleVerdict::Unsure;
    return meeting_title && meeting && met >= 2 ? RuleVerdict::Unsure : RuleVerdict::No;
}

// A title line of the first few holding one of `phrases` as whole words.
bool titled(const std::vector<std::string>& phrases, const Record& r, std::size_t lines) {
    for (const auto& line : first_lines(r, lines)) {
        if (line.size() > 80) continue; // a title, not a sentence
        const auto words = tokenize(line);
        for (const auto& p : phrases)
            if (has_phrase(words, tokenize(p))) return true;
    }
    return false;
}

// A title line that names a meeting by the rule's first title group ("panel", "forum").
bool meeting_titled(const WithholdRule& w, const Record& r) {
    if (w.title_all_of.empty()) return false;
    for (const auto& line : first_lines(r, w.title_lines)) {
        if (line.size() > 90) continue; // a title, not a sentence
        const auto words = tokenize(line);
        for (const auto& phrase : w.title_all_of.front())
            if (has_phrase(words, phrase)) return true;
    }
    return false;
}

// A line of the opening that names a risk meeting as the file-name rule would ("Forum:
// Northgate Risk Review Forum"): a form's field, not only its title.
bool named_in_opening(const WithholdRule& w, const Record& r) {
    if (w.name_all_of.empty()) return false;
    for (const auto& line : first_lines(r, w.title_lines + 2))
        if (line.size() <= 120 && line.find(". ") == std::string::npos &&
            line.find(';') == std::string::npos && all_groups(w.name_all_of, tokenize(line)))
            return true;
    return false;
}

using FindingIndex = std::vector<std::size_t>; // one record's findings, by index

// Does finding `f` lie within a field of its section (a header's From, a table's cell)?
bool inside(const Finding& f, const Field& field) {
    return f.begin >= field.begin && f.end <= field.end;
}

// The listed parties detected in the From field of a record's header, in the order found.
std::vector<const Person*> senders(const Case& c, const Record& r,
                                   const std::vector<Finding>& findings, const FindingIndex& mine) {
    std::vector<const Person*> out;
    for (std::size_t si = 0; si < r.sections.size(); ++si) {
        const Section& s = r.sections[si];
        if (s.kind != SectionKind::Header) continue;
        for (const auto& field : s.fields) {
            if (field.label != "From") continue;
            for (std::size_t fi : mine) {
                const Finding& f = findings[fi];
                if (f.section == si && inside(f, field) && f.owner.kind == Owner::Party)
                    out.push_back(&c.parties[static_cast<std::size_t>(f.owner.party)]);
            }
        }
    }
    return out;
}

// Who signed a letter or note kept as a document: the listed party whose name is the whole of
// its last line ("Branwen", "B. Moss"), in a text written in the first person. A note that
// ends on someone's name in a sentence or a field ("Seen by: ...") is signed by nobody.
const Person* signer(const Case& c, const Record& r, const std::vector<Finding>& findings,
                     const FindingIndex& mine) {
    constexpr std::size_t kMaxSignature = 40;
    const Section* last = nullptr;
    std::size_t li = 0;
    for (std::size_t si = 0; si < r.sections.size(); ++si)
        if (visible(r.sections[si]) && (r.sections[si].kind == SectionKind::Body ||
                                        r.sections[si].kind == SectionKind::PageText))
            last = &r.sections[si], li = si;
    if (!last) return nullptr;
    const std::string& t = last->text;
    const std::size_t e = t.find_last_not_of(" \t\r\n");
    if (e == std::string::npos) return nullptr;
    const std::size_t nl = t.rfind('\n', e);
    const std::size_t b = t.find_first_not_of(" \t", nl == std::string::npos ? 0 : nl + 1);
    if (e + 1 - b > kMaxSignature) return nullptr;
    // What may follow the name on its line: a full stop or a comma, or the date it was signed
    // ("Name, 14/05/2026").
    auto signed_off = [&](std::size_t end) {
        if (end > e + 1) return false;
        std::string_view rest = std::string_view(t).substr(end, e + 1 - end);
        while (!rest.empty() && (rest.front() == ',' || rest.front() == ' ' || rest.front() == '-'))
            rest.remove_prefix(1);
        return rest.empty() || rest == "." ||
               (rest.size() <= 10 && std::isdigit(static_cast<unsigned char>(rest.front())) &&
                std::all_of(rest.begin(), rest.end(), [](char ch) {
                    return std::isdigit(static_cast<unsigned char>(ch)) || ch == '/' || ch == '.';
                }));
    };
    for (std::size_t fi : mine) {
        const Finding& f = findings[fi];
        if (f.section != li || f.category != Category::Name || f.owner.kind != Owner::Party ||
            f.begin != b || !signed_off(f.end))
            continue;
        const auto words = tokenize(fold(std::string_view(t).substr(0, b)));
        const bool first_person = std::any_of(words.begin(), words.end(), [](const auto& w) {
            return w == "i" || w == "i'm" || w == "my" || w == "me";
        });
        return first_person ? &c.parties[static_cast<std::size_t>(f.owner.party)] : nullptr;
    }
    return nullptr;
}

// A name in the opening of a body or a page the bundle shows: where a meeting's record says who
// was there.
bool name_in_opening(const Record& r, const Finding& f) {
    constexpr std::size_t kOpening = 3000;
    if (f.category != Category::Name || f.begin >= kOpening) return false;
    const Section& s = r.sections[f.section];
    return visible(s) && (s.kind == SectionKind::Body || s.kind == SectionKind::PageText);
}

// Where the line of `text` that holds byte `at` begins.
std::size_t line_start(const std::string& text, std::size_t at) {
    const std::size_t nl = text.rfind('\n', at);
    return nl == std::string::npos ? 0 : nl + 1;
}

// The first letters of the line of `s` that holds byte `at`, folded: enough to read a label
// that lists who was there ("Present:", "In attendance:").
std::string line_head(const Section& s, std::size_t at) {
    return fold(std::string_view(s.text).substr(line_start(s.text, at), 14));
}

bool opens_attendance_list(const std::string& head) {
    return head.starts_with("present") || head.starts_with("attendees") ||
           head.starts_with("attending");
}

// Did the requester attend the meeting the record is of? His name followed in its sentence by
// "attended" or "was present", or on a line that opens "Present" or "Attendees". A panel or
// hearing held with him is his (what was put to him, what he said, what was decided); a risk
// meeting about him is held without him.
bool attended_by_requester(const Record& r, const std::vector<Finding>& findings,
                           const FindingIndex& mine) {
    constexpr std::size_t kNear = 40;
    for (std::size_t fi : mine) {
        const Finding& f = findings[fi];
        if (f.owner.kind != Owner::Subject || !name_in_opening(r, f)) continue;
        const Section& s = r.sections[f.section];
        const std::string after =
            fold(std::string_view(s.text).substr(f.end, std::min(kNear, s.text.size() - f.end)));
        const std::size_t stop = after.find_first_of(".;\n");
        const std::string_view clause = std::string_view(after).substr(0, stop);
        for (const char* verb : {"attended", "was present", "was in attendance", "attending"})
            if (clause.find(verb) != std::string_view::npos) return true;
        if (opens_attendance_list(line_head(s, f.begin))) return true;
    }
    return false;
}

bool role_in(const Person& p, const std::vector<std::string>& roles) {
    return std::find(roles.begin(), roles.end(), to_string(p.role)) != roles.end();
}

// Is `o` a listed party of one of `roles`?
bool party_in_roles(const Case& c, const Owner& o, const std::vector<std::string>& roles) {
    return o.kind == Owner::Party && o.party >= 0 &&
           static_cast<std::size_t>(o.party) < c.parties.size() &&
           role_in(c.parties[static_cast<std::size_t>(o.party)], roles);
}

// Does a line that lists who was there ("Present:", "Attendees:") in the record's opening name a
// listed party of one of `roles` (the victim at a note of a conversation with her)?
bool attended_by_party(const Case& c, const Record& r, const std::vector<Finding>& findings,
                       const FindingIndex& mine, const std::vector<std::string>& roles) {
    for (std::size_t fi : mine) {
        const Finding& f = findings[fi];
        if (!party_in_roles(c, f.owner, roles) || !name_in_opening(r, f)) continue;
        const std::string head = line_head(r.sections[f.section], f.begin);
        if (opens_attendance_list(head) || head.starts_with("in attendance")) return true;
    }
    return false;
}

// Does any part of the record the bundle shows name the requester?
bool names_requester(const Record& r, const std::vector<Finding>& findings,
                     const FindingIndex& mine) {
    return std::any_of(mine.begin(), mine.end(), [&](std::size_t fi) {
        const Finding& f = findings[fi];
        return f.owner.kind == Owner::Subject && f.category == Category::Name &&
               visible(r.sections[f.section]);
    });
}

// How many non-empty lines of `text` stand before byte `at`.
std::size_t lines_before(const std::string& text, std::size_t at) {
    std::size_t lines = 0;
    bool content = false;
    for (std::size_t i = 0; i < at && i < text.size(); ++i) {
        if (text[i] == '\n') {
            lines += content ? 1 : 0;
            content = false;
        } else if (!std::isspace(static_cast<unsigned char>(text[i]))) {
            content = true;
        }
    }
    return lines;
}

// Is the record, by its first line or its file name, a call, a visit or a conversation ("Call
// back - 17/10", "Note of a conversation", "phone note.txt")? A log of a week's notes is not one.
bool titled_as_conversation(const Record& r) {
    static const std::unordered_set<std::string_view> words{
        "call", "calls", "callback", "conversation", "conversations", "phone", "phoned",
        "rang", "visit", "talk",     "talked",       "chat",          "spoke", "contact"};
    std::string title = r.name;
    for (char& ch : title)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = ' ';
    if (const auto lines = first_lines(r, 1); !lines.empty()) title += " " + lines.front();
    for (const auto& w : tokenize(fold(title)))
        if (words.count(w)) return true;
    return false;
}

// Does the record open on a conversation with a listed party of one of `roles`: a line near its
// head that has her speak or call ("Mrs Lark rang back", "call from Jo") or says whom the writer
// was with ("Note of a conversation - K. Lark with A. Reid")? A call or a talk with her is her
// account, whatever else it says; not when the record names the requester anywhere (a desk log
// of everyone's calls, his among them).
bool conversation_with_party(const Case& c, const Record& r, const std::vector<Finding>& findings,
                             const FindingIndex& mine, const std::vector<std::string>& roles) {
    constexpr std::size_t kHead = 300;
    if (!titled_as_conversation(r) || names_requester(r, findings, mine)) return false;
    static const std::array<std::string_view, 5> before{"with", "call from", "visit from",
                                                        "message from", "spoke to"};
    static const std::array<std::string_view, 11> after{
        "rang",    "called", "phoned",   "came in",   "came into",  "visited",
        "emailed", "texted", "messaged", "rang back", "called back"};
    for (std::size_t fi : mine) {
        const Finding& f = findings[fi];
        // Hers, or a name several listed people share ("Mrs Lark" when she and her son are
        // both Lark): not the requester's either way.
        const bool shared = f.owner.kind == Owner::Unknown && f.recogniser == "known-people";
        if (!(party_in_roles(c, f.owner, roles) || shared) || f.begin >= kHead ||
            !name_in_opening(r, f))
            continue;
        const std::string& text = r.sections[f.section].text;
        if (lines_before(text, f.begin) > 2) continue; // a heading and a line or two
        const std::size_t line = line_start(text, f.begin);
        // The words before her name on its line, less a title ("with Mrs Lark").
        std::string lead = fold(std::string_view(text).substr(line, f.begin - line));
        while (!lead.empty() && !std::isalpha(static_cast<unsigned char>(lead.back())))
            lead.pop_back();
        for (std::string_view title : {"mrs", "ms", "miss", "mr", "dr"})
            if (lead.ends_with(" " + std::string(title))) {
                lead.resize(lead.size() - title.size());
                while (!lead.empty() && lead.back() == ' ')
                    lead.pop_back();
                break;
            }
        bool spoken = false;
        for (std::string_view w : before)
            spoken = spoken || lead == w || lead.ends_with(" " + std::string(w));
        // The words after it ("rang", "called back"), folded (which trims the space before).
        const bool spaced = f.end < text.size() && text[f.end] == ' ';
        const std::string next = fold(
            std::string_view(text).substr(f.end, std::min<std::size_t>(14, text.size() - f.end)));
        for (std::string_view w : after)
            spoken = spoken || (spaced && next.starts_with(w) &&
                                (next.size() == w.size() ||
                                 !std::isalpha(static_cast<unsigned char>(next[w.size()]))));
        if (spoken) return true;
    }
    return false;
}

// Is the record someone's own account taken down by a worker ("Taken by K. Lark by phone", "witness
// statement"), told in the first person, that never names the requester? A statement he gave
// names him ("Statement of ..."), as an officer's statement of what he did does; a witness's own
// words that call him only "he" are hers, and the reviewer decides.
bool account_taken_from_someone_else(const Record& r, const std::vector<Finding>& findings,
                                     const FindingIndex& mine) {
    static const std::vector<std::string> taken{"taken by",          "statement taken",
                                                "witness statement", "account given by",
                                                "witness account",   "statement of witness"};
    if (!any_in(taken, opening(r, 300)) || names_requester(r, findings, mine)) return false;
    // "I", "my", "me" ("I've", "I'm"): at least three times in the opening pages.
    const auto words = tokenize(opening(r, 3000));
    return std::count_if(words.begin(), words.end(), [](const std::string& w) {
               return w == "i" || w == "my" || w == "me" || w.starts_with("i'");
           }) >= 3;
}

// Was the message sent to or by the requester (his name or address in From, To or Cc)? He has
// had it already.
bool exchanged_with_requester(const Record& r, const std::vector<Finding>& findings,
                              const FindingIndex& mine) {
    for (std::size_t si = 0; si < r.sections.size(); ++si) {
        const Section& s = r.sections[si];
        if (s.kind != SectionKind::Header) continue;
        for (const auto& field : s.fields) {
            if (field.label != "From" && field.label != "To" && field.label != "Cc") continue;
            for (std::size_t fi : mine) {
                const Finding& f = findings[fi];
                if (f.section == si && inside(f, field) && f.owner.kind == Owner::Subject)
                    return true;
            }
        }
    }
    return false;
}

// A letter to the requester (detect/letter_head.hpp, the judgement detection makes of the same
// text): what it says is said to him, about his own matter.
bool addressed_to_requester(const Record& r, const std::vector<Finding>& findings,
                            const FindingIndex& mine) {
    // His names and addresses, and others' names, by section: only a section that holds one of
    // his can be a letter to him, unless it greets someone else.
    std::vector<const Finding*> his;
    for (std::size_t fi : mine) {
        const Finding& f = findings[fi];
        if ((f.owner.kind == Owner::Subject &&
             (f.category == Category::Address || f.category == Category::Postcode)) ||
            f.category == Category::Name)
            his.push_back(&f);
    }
    std::stable_sort(his.begin(), his.end(),
                     [](const Finding* x, const Finding* y) { return x->section < y->section; });
    for (auto it = his.begin(); it != his.end();) {
        const std::size_t si = (*it)->section;
        auto end = std::find_if(it, his.end(), [&](const Finding* f) { return f->section != si; });
        const Section& s = r.sections[si];
        const bool readable =
            visible(s) && s.kind != SectionKind::Header && s.kind != SectionKind::Row;
        if (readable && letter_head(s.text, [&](std::size_t b, std::size_t e, HisOnLine what) {
                            return std::any_of(it, end, [&](const Finding* f) {
                                if (f->begin < b || f->end > e) return false;
                                const bool subject = f->owner.kind == Owner::Subject;
                                const bool name = f->category == Category::Name;
                                if (what == HisOnLine::OthersName) return name && !subject;
                                return subject && (what == HisOnLine::Name) == name;
                            });
                        }) == LetterHead::Letter)
            return true;
        it = end;
    }
    return false;
}

// A label on its own line ("Patient", "Client:") heading a column of labels: the name that
// opens the first line after the column, or null. `t` is the line [b, e), folded and trimmed.
const Finding* name_after_label_column(const WithholdRule& w, const Section& s, std::size_t si,
                                       std::size_t b, std::size_t e, std::string_view t,
                                       const std::vector<Finding>& findings,
                                       const FindingIndex& mine) {
    // A form's column has several labels; a table's header may give one or two ("Suspect",
    // "Name" down a table set out by rows) and its values interleave with its labels.
    constexpr std::size_t kMinOthers = 2, kMaxLabels = 12, kMaxLabel = 24;
    if (!t.empty() && t.back() == ':') t.remove_suffix(1);
    // "Name" alone heads a table's column as often as a form's: it names no one's record.
    if (t == "name" || t == "full name" ||
        std::find(w.subject_labels.begin(), w.subject_labels.end(), t) == w.subject_labels.end())
        return nullptr;
    // A label: a short line that opens with a capital ("DOB", "Address"; not "or", "his" of a
    // sentence set out one word per line), no digit, no finding.
    auto label_like = [&](std::size_t lb, std::size_t le) {
        const std::string_view line = std::string_view(s.text).substr(lb, le - lb);
        const std::size_t first = line.find_first_not_of(" \t");
        return line.size() <= kMaxLabel && first != std::string_view::npos &&
               std::isupper(static_cast<unsigned char>(line[first])) != 0 &&
               std::none_of(
                   line.begin(), line.end(),
                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) &&
               std::none_of(mine.begin(), mine.end(), [&](std::size_t fi) {
                   const Finding& f = findings[fi];
                   return f.section == si && f.begin < le && f.end > lb;
               });
    };
    if (!label_like(b, e)) return nullptr;
    std::size_t lb = e + 1;
    for (std::size_t k = 0; k <= kMaxLabels && lb < s.text.size(); ++k) {
        const std::size_t le = std::min(s.text.find('\n', lb), s.text.size());
        const std::string_view line = std::string_view(s.text).substr(lb, le - lb);
        if (!label_like(lb, le)) {
            if (k < kMinOthers) return nullptr;
            // The first value: a name that opens the line.
            const std::size_t first = std::min(line.find_first_not_of(" \t"), line.size());
            for (std::size_t fi : mine) {
                const Finding& f = findings[fi];
                if (f.section == si && f.begin == lb + first && f.category == Category::Name)
                    return &f;
            }
            return nullptr;
        }
        lb = le + 1;
    }
    return nullptr;
}

// The column of a table's row that holds finding `f`, or null outside a table.
const Field* field_holding(const Section& s, const Finding& f) {
    if (s.kind != SectionKind::Row) return nullptr;
    for (const Field& field : s.fields)
        if (inside(f, field)) return &field;
    return nullptr;
}

// Who is the record about? Its subject field ("Client: ...", "Name of victim: ..."), else the
// share of the people it names who are protected parties.
RuleVerdict about_protected_party(const WithholdRule& w, const Case& c, const Record& r,
                                  const std::vector<Finding>& findings, const FindingIndex& mine) {
    const bool title = titled(w.any_of, r, w.title_lines);
    auto protected_owner = [&](const Owner& o) { return party_in_roles(c, o, w.roles); };
    // The subject fields: lines whose label is one of subject_labels, in the first 40 lines of
    // each visible section. A record whose fields name both a protected party and the requester
    // (a police notice: victim and suspect) is about both, and is redacted, not withheld.
    bool field_protected = false, field_subject = false;
    for (std::size_t si = 0; si < r.sections.size(); ++si) {
        const Section& s = r.sections[si];
        // "Subject:" is the mail's; a table's "Name" column lists people, it names no subject.
        if (!visible(s) || s.kind == SectionKind::Header || s.kind == SectionKind::Row) continue;
        // The first 40 lines: where each is, and its text folded from its first word.
        struct Line {
            std::size_t b, e;
            std::string folded;
            std::size_t indent; // bytes of the folded line before its first word
        };
        std::vector<Line> lines;
        for (std::size_t b = 0; lines.size() < 40 && b < s.text.size();) {
            const std::size_t e = std::min(s.text.find('\n', b), s.text.size());
            std::string folded = fold(std::string_view(s.text).substr(b, e - b));
            const std::size_t indent = std::min(folded.find_first_not_of(" \t"), folded.size());
            lines.push_back({b, e, std::move(folded), indent});
            b = e + 1;
        }
        // A label that opens three or more lines speaks in turns (a call's "Caller:", a chat's
        // "Me:"): its first line names who speaks; the later ones are what was said, and a
        // name in them (his, asked about) makes it no record of his.
        std::map<std::string, int> turns;
        for (const Line& line : lines) {
            const std::string_view t = std::string_view(line.folded).substr(line.indent);
            if (const std::size_t colon = t.find(':'); colon != 0 && colon < 30)
                ++turns[std::string(t.substr(0, colon))];
        }
        std::set<std::string> spoken; // turn labels whose speaker has been named
        for (const Line& line : lines) {
            const std::size_t b = line.b, e = line.e;
            const std::string& folded = line.folded;
            const std::string_view t = std::string_view(folded).substr(line.indent);
            // A form laid out in columns: a line that is only a subject label, then the other
            // labels one per line, then the values in the same order ("Patient", "DOB",
            // "Address", then "Ivo Quill ...", "14/02/1983"). The first line after the labels
            // is the first label's value; a name that opens it is the record's subject.
            if (const Finding* f = name_after_label_column(w, s, si, b, e, t, findings, mine)) {
                if (f->owner.kind == Owner::Subject)
                    field_subject = true;
                else if (protected_owner(f->owner) || f->owner.kind == Owner::Unknown)
                    field_protected = true;
            }
            for (const auto& label : w.subject_labels) {
                if (t.size() <= label.size() || t.compare(0, label.size(), label) != 0 ||
                    (t[label.size()] != ':' && t[label.size()] != ' ' && t[label.size()] != '\t'))
                    continue;
                // "Client: ..." names its subject anywhere on the line; a label without a colon
                // ("Client Zoe Marsh", "I am Zoe Marsh") only by the name that follows it: "I am
                // writing about my son" names no subject.
                const std::size_t label_end = b + (folded.size() - t.size()) + label.size();
                const bool colon = t[label.size()] == ':';
                const bool turn = colon && turns[label] >= 3;
                if (turn && spoken.count(label)) break;
                for (std::size_t fi : mine) {
                    const Finding& f = findings[fi];
                    if (f.section != si || f.begin < b || f.end > e || f.category != Category::Name)
                        continue;
                    // A form laid out in columns puts blanks of any width between the two.
                    if (!colon && f.begin > label_end + 16 &&
                        std::string_view(s.text)
                                .substr(label_end, f.begin - label_end)
                                .find_first_not_of(" \t") != std::string_view::npos)
                        break;
                    if (f.owner.kind == Owner::Subject)
                        field_subject = true;
                    else if (protected_owner(f.owner) || f.owner.kind == Owner::Unknown)
                        field_protected = true;
                    if (turn) spoken.insert(label);
                    break;
                }
                break;
            }
        }
    }
    // The share of name mentions. A table's column that is not a subject's ("Recipient",
    // "Deliver to") names its person once, however many rows repeat her: his orders to her are a
    // list of his orders, not a record about her.
    std::size_t subject = 0, protected_parties = 0;
    std::set<std::pair<int, std::string>> columns_counted; // (party, column label)
    for (std::size_t fi : mine) {
        const Finding& f = findings[fi];
        const Section& s = r.sections[f.section];
        if (f.category != Category::Name || !visible(s)) continue;
        if (f.owner.kind == Owner::Subject) {
            ++subject;
        } else if (protected_owner(f.owner)) {
            if (const Field* column = field_holding(s, f); column) {
                const std::string label = fold(column->label);
                const bool subject_column =
                    std::find(w.subject_labels.begin(), w.subject_labels.end(), label) !=
                    w.subject_labels.end();
                if (!subject_column && !columns_counted.emplace(f.owner.party, label).second)
                    continue;
            }
            ++protected_parties;
        }
    }
    const std::size_t people = subject + protected_parties;
    const double share =
        people ? static_cast<double>(protected_parties) / static_cast<double>(people) : 0;
    if (field_subject) return RuleVerdict::No; // a field names the requester: about him too
    if (addressed_to_requester(r, findings, mine)) return RuleVerdict::No;
    // A form laid out in columns lists its labels apart from its values ("Name", "DOB", ...
    // then "Owen Price", "03/11/2008"): when the record has no title of the rule's kinds and
    // the first person its body names is the requester, it is his record first.
    if (!title && field_protected) {
        const Finding* first = nullptr;
        for (std::size_t fi : mine) {
            const Finding& f = findings[fi];
            const Section& s = r.sections[f.section];
            if (f.category != Category::Name || !visible(s) || s.kind == SectionKind::Header ||
                s.kind == SectionKind::Row)
                continue;
            if (!first || f.section < first->section ||
                (f.section == first->section && f.begin < first->begin))
                first = &f;
        }
        if (first && first->owner.kind == Owner::Subject) return RuleVerdict::No;
    }
    if (field_protected) return title ? RuleVerdict::Yes : RuleVerdict::Unsure;
    // No title of the rule's kinds, but it names protected parties again and again and never
    // the requester (a call with her, a note about the children): about them. The reviewer
    // decides.
    if (!title)
        return protected_parties >= 3 && subject == 0 ? RuleVerdict::Unsure : RuleVerdict::No;
    if (people >= 2 && share >= w.share) return RuleVerdict::Yes;
    if (people >= 2 && share >= w.unsure_share) return RuleVerdict::Unsure;
    return RuleVerdict::No;
}

RuleVerdict check(const WithholdRule& w, const Case& c, const Record& r,
                  const std::vector<Finding>& findings, const FindingIndex& mine) {
    if (w.kind == "mail-from-role") {
        if (r.kind != RecordKind::Email) {
            const Person* p = signer(c, r, findings, mine);
            return p && role_in(*p, w.roles) ? RuleVerdict::Yes : RuleVerdict::No;
        }
        for (const Person* p : senders(c, r, findings, mine))
            if (role_in(*p, w.roles)) return RuleVerdict::Yes;
        return RuleVerdict::No;
    }
    if (w.kind == "edges") {
        // A heading, header or footer: not a sentence that mentions it ("Discussed at MARAC;")
        // nor a form's row ("Referred to: MARAC, IDVA") nor a list of three or more things,
        // which is a form's value whatever line its label is on ("MARAC, IDVA, Choices").
        static const std::regex row(R"(^\s*[a-z][a-z /()'-]{0,30}:\s)");
        for (const auto& line : edge_lines(r, w.edge_lines))
            if (line.size() <= 90 && line.find(". ") == std::string::npos &&
                line.find(';') == std::string::npos && !std::regex_search(line, row) &&
                std::count(line.begin(), line.end(), ',') < 2 && any_in(w.any_of, line))
                return RuleVerdict::Yes;
        return RuleVerdict::No;
    }
    if (w.kind == "notice") {
        // A notice about the whole record: at its top or bottom, or "this ... must not".
        // A mark on one line's content leaves the record unsure: the reviewer decides whether
        // it reaches further than the line (detection withholds the line itself).
        bool content_marked = false;
        for (const auto& line : edge_lines(r, w.edge_lines, true)) {
            if (!any_in(w.any_of, line)) continue;
            if (!marks_line_content(w.any_of, line)) return RuleVerdict::Yes;
            content_marked = true;
        }
        const std::string head = opening(r, w.within_chars);
        if (any_in(w.and_any_of, head)) return RuleVerdict::Yes;
        return content_marked ? RuleVerdict::Unsure : RuleVerdict::No;
    }
    if (w.kind == "about-protected-party") {
        const RuleVerdict v = about_protected_party(w, c, r, findings, mine);
        // A meeting or a conversation she was at and he was not is her account, whatever it
        // is called and however often it names him: the reviewer decides.
        if (v == RuleVerdict::No &&
            (attended_by_party(c, r, findings, mine, w.roles) ||
             conversation_with_party(c, r, findings, mine, w.roles) ||
             account_taken_from_someone_else(r, findings, mine)) &&
            !attended_by_requester(r, findings, mine))
            return RuleVerdict::Unsure;
        return v;
    }
    const std::string head = opening(r, w.within_chars);
    const bool titled = title_matches(w, r);
    const bool named = name_matches(w, r) || named_in_opening(w, r);
    const bool hit = (!w.any_of.empty() && any_in(w.any_of, head) &&
                      (w.and_any_of.empty() || any_in(w.and_any_of, head))) ||
                     (titled && w.title_sure);
    if (hit) return RuleVerdict::Yes;
    const RuleVerdict by_content =
        w.signals ? by_signals(*w.signals, r, meeting_titled(w, r)) : RuleVerdict::No;
    return (titled || named) && by_content == RuleVerdict::No ? RuleVerdict::Unsure : by_content;
}

// The organisation of a listed professional when the record comes from them: an e-mail sent
// by them, or a document whose opening names their organisation (a letterhead).
std::string other_agency(const Case& c, const Record& r, const std::vector<Finding>& findings,
                         const FindingIndex& mine) {
    for (const Person* p : senders(c, r, findings, mine))
        if (p->role == Role::Professional)
            return p->organisation.empty() ? "a professional" : p->organisation;
    if (r.kind == RecordKind::Pdf) {
        const std::string head = opening(r, 300);
        for (const auto& p : c.parties)
            if (p.role == Role::Professional && !p.organisation.empty() &&
                head.find(fold(p.organisation)) != std::string::npos)
                return p.organisation;
    }
    return {};
}

std::vector<Box> boxes_for(const Section& s, std::size_t begin, std::size_t end) {
    std::vector<Box> out;
    if (s.kind == SectionKind::PageText) {
        auto it = std::lower_bound(s.words.begin(), s.words.end(), begin,
                                   [](const Word& w, std::size_t b) { return w.end <= b; });
        for (; it != s.words.end() && it->begin < end; ++it)
            if (it->begin < end && begin < it->end) out.push_back(it->box);
    } else if (s.area) {
        out.push_back(*s.area);
    }
    return out;
}

// The record's name with any third party's name in it replaced: file names can name people.
std::string safe_title(const Case& c, const Policy& policy, const Detector& detector,
                       const std::string& name) {
    // What to redact, as byte ranges; overlapping or touching findings ("Wye Flue" and "Flue")
    // become one range, so each is replaced once.
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (const TextFinding& t : detector.detect_text(name)) {
        if (t.recogniser == "residue-code") continue; // folders and dates of a path
        Finding f;
        f.category = t.category;
        f.owner = t.owner;
        f.confidence = t.confidence;
        f.recogniser = t.recogniser;
        if (policy.decide(c, f).action == Action::Keep) continue;
        ranges.emplace_back(t.begin, t.end);
    }
    std::sort(ranges.begin(), ranges.end());
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& r : ranges)
        if (!merged.empty() && r.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, r.second);
        else
            merged.push_back(r);
    std::string title = name;
    for (auto it = merged.rbegin(); it != merged.rend(); ++it)
        title.replace(it->first, it->second - it->first, "[redacted]");
    return title;
}

// A text's words, lower case, as runs of ASCII letters and digits (or any non-ASCII byte):
// (begin, end) byte offsets.
std::vector<std::pair<std::size_t, std::size_t>> title_words(const std::string& t) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    auto word_byte = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    };
    for (std::size_t i = 0; i < t.size();) {
        if (!word_byte(t[i])) {
            ++i;
            continue;
        }
        std::size_t b = i;
        while (i < t.size() && word_byte(t[i]))
            ++i;
        out.emplace_back(b, i);
    }
    return out;
}

std::string lower_words(const std::string& t,
                        const std::vector<std::pair<std::size_t, std::size_t>>& words,
                        std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t w = from; w < to; ++w) {
        if (w > from) out += ' ';
        for (std::size_t i = words[w].first; i < words[w].second; ++i)
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(t[i])));
    }
    return out;
}

// One value, one decision, titles included: a record's title (its file name) never shows a
// word the disclosure redacts in any record ("webchat" in a file name when "Webchat" is
// withheld as an unknown proper noun in the text, a person's name in a folder name).
void redact_titles(Disclosure& d) {
    constexpr std::size_t kMaxWords = 6;
    std::unordered_set<std::string> redacted;
    for (const RecordDisclosure& rd : d.records) {
        if (rd.fate != RecordFate::Disclose || !rd.record) continue;
        for (const Redaction& x : rd.redactions) {
            if (x.section >= rd.record->sections.size()) continue;
            const std::string& text = rd.record->sections[x.section].text;
            if (x.end > text.size() || x.begin >= x.end || x.end - x.begin > 80) continue;
            const std::string value = text.substr(x.begin, x.end - x.begin);
            const auto words = title_words(value);
            if (words.empty() || words.size() > kMaxWords) continue;
            std::string key = lower_words(value, words, 0, words.size());
            if (key.size() >= 3) redacted.insert(std::move(key));
        }
    }
    if (redacted.empty()) return;
    auto redact = [&](std::string& title) {
        const auto words = title_words(title);
        std::vector<std::pair<std::size_t, std::size_t>> cut; // byte ranges of the title
        for (std::size_t w = 0; w < words.size(); ++w)
            for (std::size_t n = std::min(kMaxWords, words.size() - w); n >= 1; --n)
                if (redacted.count(lower_words(title, words, w, w + n))) {
                    cut.emplace_back(words[w].first, words[w + n - 1].second);
                    w += n - 1;
                    break;
                }
        for (auto it = cut.rbegin(); it != cut.rend(); ++it)
            title.replace(it->first, it->second - it->first, "[redacted]");
    };
    for (RecordDisclosure& rd : d.records)
        redact(rd.title);
    for (std::string& name : d.skipped_records)
        redact(name);
}

} // namespace

std::vector<Redaction> unread_scan_covers(const Record& r, const Reason& reason) {
    std::vector<Redaction> out;
    for (std::size_t p = 0; p < r.pages.size(); ++p) {
        const PageInfo& info = r.pages[p];
        if (!info.image_only || info.ocr_done) continue;
        for (std::size_t si = 0; si < r.sections.size(); ++si)
            if (r.sections[si].kind == SectionKind::PageText &&
                r.sections[si].page == static_cast<int>(p + 1)) {
                out.push_back({si, 0, r.sections[si].text.size(), reason, {info.crop}, ""});
                break;
            }
    }
    return out;
}

namespace {

// An attachment goes with its message when the message is withheld in full.
void withhold_with_message(RecordDisclosure& attachment, const RecordDisclosure& message) {
    attachment.fate = RecordFate::WithholdInFull;
    attachment.withheld_because = message.withheld_because;
    attachment.withheld_kind = "attached to a message withheld in full";
    attachment.redactions.clear();
}

// A message that carries a record withheld in full (a safety plan, a risk assessment) is its
// covering note: it says what the attachment holds more often than not. Where the profile
// fails closed it is withheld until a reviewer decides, and its other attachments go with it;
// not a message sent to or by the requester (`his`), which he has had already. Further up, a
// message that forwards such a carrier with a line or two of its own ("see below, and delete
// it") is a covering note too: what it says is the forward, and its subject repeats the
// forwarded one's ("Fwd: ..."), which would name the withheld message. One that says more in
// its own words (a worker's account, then "forwarding the papers below") is disclosed with its
// redactions.
constexpr std::size_t kCoveringNoteWords = 20;

std::size_t own_words(const Record& r) {
    std::size_t n = 0;
    for (const Section& s : r.sections)
        if (s.kind == SectionKind::Body) n += tokenize(fold(s.text)).size();
    return n;
}

void withhold_carriers(Disclosure& d, const std::map<std::string, std::size_t>& index_of,
                       const std::set<std::string>& his, PolicyResult& result) {
    std::set<std::string> carriers;
    for (const RecordDisclosure& rd : d.records) {
        if (rd.fate != RecordFate::WithholdInFull) continue;
        for (const RecordDisclosure* carried = &rd; !carried->record->parent.empty();) {
            const auto it = index_of.find(carried->record->parent);
            if (it == index_of.end()) break;
            RecordDisclosure& parent = d.records[it->second];
            if (parent.fate != RecordFate::Disclose || his.count(parent.record->name)) break;
            if (carried != &rd && own_words(*parent.record) > kCoveringNoteWords) break;
            parent.fate = RecordFate::WithholdInFull;
            parent.withheld_because = carried->withheld_because;
            parent.withheld_kind = "until reviewed, as it carries a record withheld in full";
            parent.redactions.clear();
            carriers.insert(parent.record->name);
            result.risks.push_back({parent.record->name,
                                    "withheld in full because it carries " + carried->record->name +
                                        ", which is withheld in full: a reviewer decides "
                                        "before the final export"});
            carried = &parent;
        }
    }
    // Parents come before their attachments: an attachment withheld here takes its own along.
    for (RecordDisclosure& rd : d.records)
        if (rd.fate == RecordFate::Disclose && carriers.count(rd.record->parent)) {
            withhold_with_message(rd, d.records[index_of.at(rd.record->parent)]);
            carriers.insert(rd.record->name);
        }
}

} // namespace

void build_disclosure(const Policy& policy, const Case& c, const GatherResult& gathered,
                      const std::vector<Finding>& findings, PolicyResult& result,
                      const Detector& detector, const std::vector<WithholdRule>& withhold,
                      const WithholdOptions& options,
                      const std::function<Reason(const std::string&)>& reason) {
    auto& d = result.disclosure;
    std::vector<FindingIndex> by_record(gathered.records.size());
    for (std::size_t fi = 0; fi < findings.size(); ++fi)
        if (findings[fi].record < by_record.size()) by_record[findings[fi].record].push_back(fi);
    std::map<std::string, std::size_t> index_of; // record name -> index in d.records
    std::set<std::string> his;                   // messages sent to or by the requester
    for (std::size_t ri = 0; ri < gathered.records.size(); ++ri) {
        const Record& r = gathered.records[ri];
        const FindingIndex& mine = by_record[ri];
        if (exchanged_with_requester(r, findings, mine)) his.insert(r.name);
        RecordDisclosure rd;
        rd.record = &r;
        rd.title = safe_title(c, policy, detector, r.name);

        // Whole-record withholding: the first rule that is sure decides; a rule that is unsure
        // withholds only where the profile says to fail closed, until a reviewer decides.
        // A letter to the requester is said to him about his own matter, and a meeting he
        // attended was held with him: no rule that is only unsure (a title that may name a risk
        // meeting, a hearing's decision) withholds either.
        const WithholdRule* unsure = nullptr;
        std::optional<bool> to_him, attended;
        for (const auto& w : withhold) {
            const RuleVerdict v = check(w, c, r, findings, mine);
            if (v == RuleVerdict::Unsure && !unsure) {
                if (!to_him) to_him = addressed_to_requester(r, findings, mine);
                // Attending is what makes a meeting his, not a summary that says he attended.
                const bool meeting = w.kind != "about-protected-party";
                if (meeting && !attended) attended = attended_by_requester(r, findings, mine);
                if (!*to_him && !(meeting && *attended)) unsure = &w;
            }
            if (v != RuleVerdict::Yes) continue;
            rd.fate = RecordFate::WithholdInFull;
            rd.withheld_because = reason(w.reason);
            rd.withheld_kind = w.explain; // export says it only where the profile allows
            break;
        }
        if (rd.fate == RecordFate::Disclose && unsure) {
            if (options.withhold_when_unsure) {
                rd.fate = RecordFate::WithholdInFull;
                rd.withheld_because = reason(unsure->reason);
                rd.withheld_kind = "until reviewed, as it may be " + unsure->explain;
                result.risks.push_back(
                    {r.name, "withheld in full because it may be " + unsure->explain +
                                 ": a reviewer decides before the final export"});
            } else {
                result.risks.push_back({r.name, "may be " + unsure->explain +
                                                    ": check whether to withhold it in full"});
            }
        }
        // An attachment goes with its message: withheld when the message is.
        if (options.attachments_inherit && rd.fate == RecordFate::Disclose && !r.parent.empty())
            if (auto it = index_of.find(r.parent); it != index_of.end()) {
                const RecordDisclosure& parent = d.records[it->second];
                if (parent.fate == RecordFate::WithholdInFull) withhold_with_message(rd, parent);
            }
        // A record another agency wrote (a police e-mail, a social-care letter): its third
        // parties are redacted like any other, and the controller consults that agency before
        // the final export (ICO guidance on information from other organisations).
        if (const std::string agency = other_agency(c, r, findings, mine); !agency.empty()) {
            rd.consult_other_agency = true;
            result.risks.push_back({r.name, "came from another agency (" + agency +
                                                "): consult it before the final export"});
        }
        if (rd.fate == RecordFate::Disclose) {
            for (std::size_t fi : mine) {
                const Finding& f = findings[fi];
                if (result.decisions[fi].action == Action::Keep) continue;
                const Section& s = r.sections[f.section];
                rd.redactions.push_back({f.section, f.begin, f.end, result.decisions[fi].reason,
                                         boxes_for(s, f.begin, f.end), std::to_string(fi)});
            }
            // Hidden text never reaches the output; the reviewer is told it was there.
            for (const auto& info : r.pages)
                if (info.hidden_words > 0)
                    result.risks.push_back({r.name, std::to_string(info.hidden_words) +
                                                        " hidden words on a page (white, invisible "
                                                        "or under an earlier redaction)"});
            // A scanned page nobody could read is covered whole until a reviewer checks it.
            for (Redaction& cover : unread_scan_covers(r, reason("SCAN")))
                rd.redactions.push_back(std::move(cover));
            for (std::size_t p = 0; p < r.pages.size(); ++p)
                if (r.pages[p].image_only && !r.pages[p].ocr_done)
                    result.risks.push_back({r.name, "page " + std::to_string(p + 1) +
                                                        " is a scan that was not OCR'd"});
        }
        index_of[r.name] = d.records.size();
        d.records.push_back(std::move(rd));
    }
    if (options.withhold_when_unsure) withhold_carriers(d, index_of, his, result);
    // The records that could not be read are named by their file names too (an attached key
    // named by its owner's e-mail address).
    for (std::string& name : d.skipped_records)
        name = safe_title(c, policy, detector, name);
    redact_titles(d);
}

} // namespace safesar
