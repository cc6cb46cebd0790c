#include "patterns.hpp"

#include "folded_text.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>

namespace safesar {

std::string phone_key(const std::string& text) {
    std::string d;
    for (char c : text)
        if (std::isdigit(static_cast<unsigned char>(c))) d += c;
    if (d.rfind("0044", 0) == 0) d.erase(0, 4);
    else if (d.rfind("44", 0) == 0 && d.size() >= 12) d.erase(0, 2);
    d.erase(0, d.find_first_not_of('0'));
    return d;
}

namespace {

using Groups = std::vector<re2::StringPiece>;

bool luhn(const std::string& digits) {
    int sum = 0;
    bool dbl = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (dbl && (d *= 2) > 9) d -= 9;
        sum += d;
        dbl = !dbl;
    }
    return sum % 10 == 0;
}

std::string digits_of(re2::StringPiece s) {
    std::string d;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c))) d += c;
    return d;
}

bool nhs_valid(const std::string& d) {
    if (d.size() != 10) return false;
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (d[i] - '0') * (10 - i);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    return check != 10 && check == d[9] - '0';
}

bool ni_valid(const std::string& s) {
    std::string p;
    for (char c : s)
        if (std::isalpha(static_cast<unsigned char>(c)))
            p += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (p.size() < 2) return false;
    const std::string bad1 = "DFIQUV", bad2 = "DFIOQUV";
    if (bad1.find(p[0]) != std::string::npos || bad2.find(p[1]) != std::string::npos) return false;
    const std::string two = p.substr(0, 2);
    for (const char* no : {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
        if (two == no) return false;
    return true;
}

bool iban_valid(re2::StringPiece s) {
    std::string c;
    for (char ch : s)
        if (std::isalnum(static_cast<unsigned char>(ch)))
            c += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (c.size() < 15 || c.size() > 34) return false;
    std::string r = c.substr(4) + c.substr(0, 4);
    int mod = 0;
    for (char ch : r) {
        int v = std::isdigit(static_cast<unsigned char>(ch)) ? ch - '0' : ch - 'A' + 10;
        mod = v >= 10 ? (mod * 100 + v) % 97 : (mod * 10 + v) % 97;
    }
    return mod == 1;
}

// A reference code: enough digits, and not a date (12/07/2025, 2025-07-12) or a phone number.
bool reference_like(re2::StringPiece s, std::size_t min_digits) {
    const std::string d = digits_of(s);
    if (d.size() < min_digits) return false;
    static const RE2 date(
        R"((?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}))");
    if (RE2::FullMatch(s, date)) return false;
    const bool all_digits = d.size() == s.size();
    if (all_digits && s[0] == '0') return false; // a phone number or its first group
    return true;
}

int month_of(std::string m) {
    static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
    std::transform(m.begin(), m.end(), m.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    for (int i = 0; i < 12; ++i)
        if (m.rfind(names[i], 0) == 0) return i + 1;
    return 0;
}

// "twenty" + "first" = 21; a tens word alone ("twentieth") is its own ordinal.
int day_in_words(std::string tens, std::string unit) {
    static const char* units[] = {"first",       "second",     "third",     "fourth",
                                  "fifth",       "sixth",      "seventh",   "eighth",
                                  "ninth",       "tenth",      "eleventh",  "twelfth",
                                  "thirteenth",  "fourteenth", "fifteenth", "sixteenth",
                                  "seventeenth", "eighteenth", "nineteenth"};
    auto lower = [](std::string& w) {
        std::transform(w.begin(), w.end(), w.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    };
    lower(tens);
    lower(unit);
    int base = tens == "twenty" ? 20 : tens == "thirty" ? 30 : 0;
    if (unit == "twentieth") return base ? 0 : 20;
    if (unit == "thirtieth") return base ? 0 : 30;
    for (int i = 0; i < 19; ++i)
        if (unit == units[i]) return base + i + 1;
    return 0;
}

int year_of(const std::string& y) {
    int v = std::stoi(y);
    if (y.size() == 2) v += v > 30 ? 1900 : 2000;
    return v;
}

bool plausible(const Date& d) {
    return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31 && d.year > 1900 &&
           d.year < 2100;
}

const char* kMonths = "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
                      "aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

struct Recogniser {
    std::string pattern;
    // Turns one match into a span (or nothing when the check fails).
    std::function<std::optional<Span>(const std::string& text, const Groups& g)> accept;
};

} // namespace

struct PatternRecognisers::Impl {
    struct Known {
        std::string key;
        Owner owner;
        std::string who;
    };
    std::vector<Known> phones, emails;
    std::vector<std::pair<Date, Known>> dobs;
    std::vector<Recogniser> recognisers;
    std::vector<std::unique_ptr<RE2>> compiled;
    std::unique_ptr<RE2::Set> set;

    Owner owner_of(const std::vector<Known>& list, const std::string& key, std::string& who) const {
        for (const auto& k : list)
            if (k.key == key) {
                who = k.who;
                return k.owner;
            }
        return Owner{};
    }

    std::optional<Span> date_span(const std::string& text, re2::StringPiece whole, Date d) const {
        if (!plausible(d)) return std::nullopt;
        Span s;
        s.begin = static_cast<std::size_t>(whole.data() - text.data());
        s.end = s.begin + whole.size();
        s.category = Category::DateOfBirth;
        for (const auto& [dob, k] : dobs)
            if (dob == d) {
                s.owner = k.owner;
                s.rule = "matches " + k.who + "'s date of birth";
                return s;
            }
        // An unknown date is a date of birth only when the text says so just before it.
        std::size_t from = s.begin > 40 ? s.begin - 40 : 0;
        std::string before = fold(std::string_view(text).substr(from, s.begin - from));
        for (const char* cue : {"dob", "d.o.b", "date of birth", "born", "birthday", "d/o/b"})
            if (before.find(cue) != std::string::npos) {
                s.rule = "a date of birth (said so just before it)";
                s.confidence = 0.8f;
                return s;
            }
        return std::nullopt;
    }
};

PatternRecognisers::PatternRecognisers(const Case* request, const Lexicon& lexicon)
    : impl_(std::make_unique<Impl>()) {
    auto& I = *impl_;
    if (request) {
        auto add_person = [&](const Person& p, const Owner& o, const std::string& who) {
            for (auto& ph : p.phones) I.phones.push_back({phone_key(ph), o, who});
            for (auto& e : p.emails) I.emails.push_back({fold(e), o, who});
            if (p.dob) I.dobs.push_back({*p.dob, {"", o, who}});
        };
        add_person(request->subject, Owner{Owner::Subject, -1, Role::Subject}, "the requester");
        for (std::size_t i = 0; i < request->parties.size(); ++i) {
            const auto& p = request->parties[i];
            add_person(p, Owner{Owner::Party, static_cast<int>(i), p.role},
                       "the listed " + std::string(to_string(p.role)));
        }
    }
    auto span_of = [](const std::string& text, re2::StringPiece m, Category c, std::string rule,
                      float conf = 0.9f) {
        Span s;
        s.begin = static_cast<std::size_t>(m.data() - text.data());
        s.end = s.begin + m.size();
        s.category = c;
        s.rule = std::move(rule);
        s.confidence = conf;
        return s;
    };
    Impl* impl = impl_.get();

    // UK phone numbers by shape: 0 or +44 then nine or ten digits, with spaces, dashes, dots or
    // brackets between. Fictional drama ranges are numbers like any other.
    I.recognisers.push_back(
        {R"((?:(?:\+|\b00)\s?44\s?(?:\(0\)\s?)?|\(0|\b0)\d(?:[ \t\n\-.()]{0,3}\d){7,10}\b)",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             std::string key = phone_key(std::string(g[0]));
             if (key.size() < 9 || key.size() > 10) return std::nullopt;
             std::string who;
             Owner o = impl->owner_of(impl->phones, key, who);
             Span s = span_of(text, g[0], Category::Phone,
                              who.empty() ? "a UK phone number" : "matches " + who + "'s phone");
             s.owner = o;
             return s;
         }});
    I.recognisers.push_back(
        {R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             std::string who;
             Owner o = impl->owner_of(impl->emails, fold(std::string(g[0])), who);
             Span s = span_of(text, g[0], Category::Email,
                              who.empty() ? "an e-mail address" : "matches " + who + "'s e-mail");
             s.owner = o;
             return s;
         }});
    // Postcodes in any case, with or without the space; ownership comes from the known terms.
    I.recognisers.push_back({R"(\b[A-Za-z]{1,2}[0-9][0-9A-Za-z]?[ \t]?[0-9][A-Za-z]{2}\b)",
                             [=](const std::string& text, const Groups& g) -> std::optional<Span> {
                                 std::string m(g[0]);
                                 if (!std::isalpha(static_cast<unsigned char>(m[0])))
                                     return std::nullopt;
                                 return span_of(text, g[0], Category::Postcode, "a UK postcode");
                             }});
    // Dates: 01/05/2016, 1.5.16, 2016-05-01, 1 May 2016, 1st May 2016, May 1, 2016.
    I.recognisers.push_back({R"(\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b)",
                             [=](const std::string& text, const Groups& g) {
                                 return impl->date_span(
                                     text, g[0],
                                     Date{year_of(std::string(g[3])), std::stoi(std::string(g[2])),
                                          std::stoi(std::string(g[1]))});
                             }});
    I.recognisers.push_back({R"(\b(\d{4})[\-/.](\d{1,2})[\-/.](\d{1,2})\b)",
                             [=](const std::string& text, const Groups& g) {
                                 return impl->date_span(text, g[0],
                                                        Date{std::stoi(std::string(g[1])),
                                                             std::stoi(std::string(g[2])),
                                                             std::stoi(std::string(g[3]))});
                             }});
    I.recognisers.push_back(
        {std::string(R"(\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+|[\-/.])(?:of\s+)?()") + kMonths +
             R"()\.?,?(?:\s+|[\-/.])(\d{4}|\d{2})\b)",
         [=](const std::string& text, const Groups& g) {
             return impl->date_span(text, g[0],
                                    Date{year_of(std::string(g[3])), month_of(std::string(g[2])),
                                         std::stoi(std::string(g[1]))});
         }});
    I.recognisers.push_back(
        {std::string(R"(\b()") + kMonths + R"()\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)",
         [=](const std::string& text, const Groups& g) {
             return impl->date_span(text, g[0],
                                    Date{std::stoi(std::string(g[3])), month_of(std::string(g[1])),
                                         std::stoi(std::string(g[2]))});
         }});
    // Dates with the day in words: "the third of May 1981", "nineteenth November 2012".
    I.recognisers.push_back(
        {std::string(
             R"(\b(?i:(twenty|thirty)[\- ]?)?(?i:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth))\s+(?:(?i:of)\s+)?()") +
             kMonths + R"(),?\s+(\d{4})\b)",
         [=](const std::string& text, const Groups& g) {
             return impl->date_span(text, g[0],
                                    Date{std::stoi(std::string(g[4])), month_of(std::string(g[3])),
                                         day_in_words(std::string(g[1]), std::string(g[2]))});
         }});
    // Street addresses: a number, capitalised words, a thoroughfare word (9 Quillet Close).
    {
        std::string suffixes;
        for (const auto& s : lexicon.street_suffixes) {
            std::string cap = s;
            cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
            suffixes += (suffixes.empty() ? "" : "|") + cap;
        }
        I.recognisers.push_back(
            {R"(\b\d{1,4}[A-Za-z]?,?[ \t]+(?:[A-Z][A-Za-z'\-]+[ \t\n]+){1,3}(?:)" + suffixes +
                 R"()\b)",
             [=](const std::string& text, const Groups& g) -> std::optional<Span> {
                 return span_of(text, g[0], Category::Address, "a street address", 0.85f);
             }});
    }
    // Schools and nurseries nobody listed: where a child can be found.
    I.recognisers.push_back(
        {R"(\b(?:St\.? )?(?:[A-Z][A-Za-z'\-]+[ \t]+){1,4}(?:(?:C of E|CE|RC|Catholic|Church of England|Community|Infant|Junior|Primary|Secondary|High|Grammar|Free|Special|Nursery|Pre-?)[ \t]+)?(?:School|Academy|Nursery|Pre-?school|Children's Centre|Playgroup|Sixth Form College))",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             return span_of(text, g[0], Category::School, "a school or nursery", 0.85f);
         }});
    // Where someone lives or works, said in words: "has moved to Larch Avenue", "staying in
    // Barnsley", "works at Hillgate Tyres". Whose it is comes from the person named last.
    I.recognisers.push_back(
        {R"(\b(?i:moved|moving|relocated|relocating|lives|living|live|staying|stays|resides|residing|rehoused|housed|settled|settling|based|renting|placed)\s+(?:(?i:now|currently|still|back)\s+)?(?i:at|in|on|to|near)\s+((?:[A-Z][A-Za-z'\-]+[ \t]+){0,3}[A-Z][A-Za-z'\-]+))",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             Span s = span_of(text, g[1], Category::Address, "a place someone lives", 0.7f);
             s.owner.kind = Owner::Unknown;
             s.rule = "a place where someone lives";
             return s;
         }});
    I.recognisers.push_back(
        {R"(\b(?i:works|work|working|worked|employed|job|shift|shifts)\s+(?i:at|for|with)\s+(?:(?i:the)\s+)?((?:(?:[A-Z][A-Za-z'&\-]+|&)[ \t]+){0,3}[A-Z][A-Za-z'&\-]+))",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             return span_of(text, g[1], Category::Workplace, "a place where someone works", 0.7f);
         }});
    // A business named with its trade word after "at" or "for": "the counter at Hebble Bakery".
    {
        std::string trades;
        for (const auto& w : lexicon.company_words) {
            std::string cap = w;
            cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
            trades += (trades.empty() ? "" : "|") + cap;
        }
        I.recognisers.push_back(
            {R"(\b(?i:at|for)\s+(?:(?i:the)\s+)?((?:(?:[A-Z][A-Za-z'\-]+|&)[ \t]+){1,3}(?:)" +
                 trades + R"()(?:[ \t]+(?:Ltd|Limited))?)\b)",
             [=](const std::string& text, const Groups& g) -> std::optional<Span> {
                 return span_of(text, g[1], Category::Workplace, "a place where someone works",
                                0.7f);
             }});
    }
    // Social media handles.
    I.recognisers.push_back(
        {R"((?:^|[^A-Za-z0-9_.@])(@[A-Za-z0-9_]{3,30})\b)",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             return span_of(text, g[1], Category::Online, "a social media handle", 0.7f);
         }});
    // Crime, incident and MARAC references: a reference cue ("crime", "ref", "incident", "log",
    // "URN", "case no"...) then a code of five digits or more, with letters, '/' or '-' mixed in
    // ("Crime 13250031187", "(ref 06OL/458812/25)"). Dates and phone numbers after a cue are not.
    I.recognisers.push_back(
        {R"(\b(?i:crime|incident|occurrence|marac|cad|urn|log|ref|reference|case\s*(?:no\.?|number|ref(?:erence)?))\b(?:\s*(?i:ref(?:erence)?|no|number|num)\b\.?){0,2}[:\s#]*(?:(?i:is)\s+)?([A-Za-z0-9][A-Za-z0-9/\-]*[A-Za-z0-9])\b)",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             if (!reference_like(g[1], 5)) return std::nullopt;
             return span_of(text, g[1], Category::Reference, "a crime or incident reference");
         }});
    // Codes of letters and digits in three or more parts split by '/', with four digits or more
    // ("BNS/M/2025/0112", "14/55821/25"), read as references without a cue; dates are not.
    I.recognisers.push_back(
        {R"(\b[A-Za-z0-9]{1,10}(?:/[A-Za-z0-9]{1,10}){2,5}\b)",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             const std::size_t b = static_cast<std::size_t>(g[0].data() - text.data());
             const std::size_t e = b + g[0].size();
             if ((b > 0 && (text[b - 1] == '/' || text[b - 1] == '.')) ||
                 (e < text.size() && (text[e] == '/' || text[e] == '.') && e + 1 < text.size() &&
                  std::isalnum(static_cast<unsigned char>(text[e + 1]))))
                 return std::nullopt; // part of a path or a web address
             if (!reference_like(g[0], 4)) return std::nullopt;
             return span_of(text, g[0], Category::Reference, "a police reference number", 0.8f);
         }});
    I.recognisers.push_back(
        {R"(\b(?i:marac)[\-/](?:[A-Za-z]{1,4}[\-/])?\d{2,4}[\-/]\d{2,6}\b|(?i:marac\s+ref(?:erence)?)[:\s#]*([A-Z0-9][A-Z0-9/\-]{3,}))",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             re2::StringPiece m = g[1].empty() ? g[0] : g[1];
             return span_of(text, m, Category::Reference, "a MARAC reference");
         }});
    I.recognisers.push_back({R"(\b\d{3}[ \-]?\d{3}[ \-]?\d{4}\b)",
                             [=](const std::string& text, const Groups& g) -> std::optional<Span> {
                                 if (!nhs_valid(digits_of(g[0]))) return std::nullopt;
                                 return span_of(text, g[0], Category::IdNumber,
                                                "an NHS number (checksum valid)");
                             }});
    I.recognisers.push_back(
        {R"(\b[A-Za-z]{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-Da-d]\b)",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             if (!ni_valid(std::string(g[0]))) return std::nullopt;
             return span_of(text, g[0], Category::IdNumber, "a National Insurance number");
         }});
    I.recognisers.push_back({R"(\b[A-Z]{2}[0-9]{2}[ ]?[A-Z]{3}\b)",
                             [=](const std::string& text, const Groups& g) -> std::optional<Span> {
                                 return span_of(text, g[0], Category::Vehicle,
                                                "a vehicle registration", 0.8f);
                             }});
    I.recognisers.push_back(
        {R"((?i:sort\s*code)[:\s]*(\d{2}[\- ]?\d{2}[\- ]?\d{2}))",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             return span_of(text, g[1], Category::Financial, "a bank sort code");
         }});
    I.recognisers.push_back(
        {R"((?i:account\s*(?:no\.?|number)?)[:\s]*(\d{8})\b)",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             return span_of(text, g[1], Category::Financial, "a bank account number");
         }});
    I.recognisers.push_back({R"(\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b)",
                             [=](const std::string& text, const Groups& g) -> std::optional<Span> {
                                 if (!iban_valid(g[0])) return std::nullopt;
                                 return span_of(text, g[0], Category::Financial,
                                                "an IBAN (checksum valid)");
                             }});
    I.recognisers.push_back({R"(\b\d(?:[ \-]?\d){12,18}\b)",
                             [=](const std::string& text, const Groups& g) -> std::optional<Span> {
                                 std::string d = digits_of(g[0]);
                                 if (d.size() < 13 || !luhn(d)) return std::nullopt;
                                 return span_of(text, g[0], Category::Financial,
                                                "a payment card number (Luhn valid)");
                             }});
    I.recognisers.push_back({R"(\b(?:https?://|www\.)[^\s<>"]+[^\s<>".,;:)])",
                             [=](const std::string& text, const Groups& g) -> std::optional<Span> {
                                 return span_of(text, g[0], Category::Online, "a web address",
                                                0.6f);
                             }});
    I.recognisers.push_back(
        {R"(\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b)",
         [=](const std::string& text, const Groups& g) -> std::optional<Span> {
             for (int k = 1; k <= 4; ++k)
                 if (std::stoi(std::string(g[k])) > 255) return std::nullopt;
             return span_of(text, g[0], Category::Online, "an IP address");
         }});

    RE2::Options opts;
    opts.set_log_errors(false);
    I.set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
    for (auto& r : I.recognisers) {
        auto re = std::make_unique<RE2>(r.pattern, opts);
        if (!re->ok()) throw std::logic_error("bad pattern: " + r.pattern + ": " + re->error());
        std::string err;
        I.set->Add(r.pattern, &err);
        I.compiled.push_back(std::move(re));
    }
    I.set->Compile();
}

PatternRecognisers::~PatternRecognisers() = default;

std::vector<Span> PatternRecognisers::find(const std::string& text) const {
    std::vector<Span> out;
    std::vector<int> hits;
    if (!impl_->set->Match(text, &hits)) return out;
    for (int h : hits) {
        const RE2& re = *impl_->compiled[static_cast<std::size_t>(h)];
        const int n = re.NumberOfCapturingGroups() + 1;
        Groups g(static_cast<std::size_t>(n));
        std::size_t pos = 0;
        while (pos <= text.size() &&
               re.Match(text, pos, text.size(), RE2::UNANCHORED, g.data(), n)) {
            std::size_t end = static_cast<std::size_t>(g[0].data() - text.data()) + g[0].size();
            if (auto s = impl_->recognisers[static_cast<std::size_t>(h)].accept(text, g))
                if (s->end > s->begin) out.push_back(std::move(*s));
            pos = end > pos ? end : pos + 1;
        }
    }
    return out;
}

} // namespace safesar
