#include "validators.hpp"

#include "../folded_text.hpp"
#include "core/phone_digits.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

namespace safesar {

KnownValues::KnownValues(const Case* request) {
    if (!request) return;
    received_year = request->received.year;
    auto add_person = [&](const Person& p, const Owner& o, const std::string& who) {
        for (auto& ph : p.phones) phones.push_back({phone_digits_key(ph), o, who});
        for (auto& e : p.emails) emails.push_back({fold(e), o, who});
        if (p.dob) dobs.push_back({*p.dob, {"", o, who}});
    };
    add_person(request->subject, Owner{Owner::Subject, -1, Role::Subject}, "the requester");
    for (std::size_t i = 0; i < request->parties.size(); ++i) {
        const auto& p = request->parties[i];
        add_person(p, Owner{Owner::Party, static_cast<int>(i), p.role},
                   "the listed " + std::string(to_string(p.role)));
    }
    for (std::size_t i = 0; i < request->parties.size(); ++i) {
        const auto& p = request->parties[i];
        for (auto& g : given_names(p))
            party_given.push_back({g,
                                   {g, Owner{Owner::Party, static_cast<int>(i), p.role},
                                    "the listed " + std::string(to_string(p.role))}});
    }
}

std::optional<KnownValues::Known>
KnownValues::username_owner(std::string_view handle,
                            const std::vector<std::string>& subject_given) const {
    std::optional<Known> party;
    bool subject = false;
    for (const std::string& part : tokenize(handle)) {
        std::string word = part;
        while (!word.empty() && std::isdigit(static_cast<unsigned char>(word.back())))
            word.pop_back();
        for (const auto& [g, k] : party_given)
            if (word == g) party = k;
        subject = subject || std::find(subject_given.begin(), subject_given.end(), word) !=
                                 subject_given.end();
    }
    if (party) return party;
    if (subject) return Known{"", Owner{Owner::Subject, -1, Role::Subject}, "the requester"};
    return std::nullopt;
}

const KnownValues::Known* KnownValues::phone(const std::string& key) const {
    for (const auto& k : phones)
        if (k.key == key) return &k;
    return nullptr;
}
const KnownValues::Known* KnownValues::email(const std::string& folded) const {
    for (const auto& k : emails)
        if (k.key == folded) return &k;
    return nullptr;
}
const KnownValues::Known* KnownValues::dob(const Date& d) const {
    for (const auto& [date, k] : dobs)
        if (date == d) return &k;
    return nullptr;
}
const KnownValues::Known* KnownValues::birthday(int month, int day) const {
    for (const auto& [date, k] : dobs)
        if (date.month == month && date.day == day) return &k;
    return nullptr;
}

namespace {

using Piece = re2::StringPiece;

std::string digits_of(Piece s) {
    std::string d;
    for (char c : s)
        if (std::isdigit(static_cast<unsigned char>(c))) d += c;
    return d;
}

std::string upper_alnum(Piece s) {
    std::string out;
    for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool one_of(char c, const char* set) { return c != 0 && std::strchr(set, c) != nullptr; }

bool all_same(const std::string& d) {
    return !d.empty() && std::all_of(d.begin(), d.end(), [&](char c) { return c == d[0]; });
}

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

// NHS Data Dictionary: modulus 11 over the first nine digits, weights 10 down to 2.
bool nhs_valid(const std::string& d) {
    if (d.size() != 10 || all_same(d)) return false;
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (d[i] - '0') * (10 - i);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    return check != 10 && check == d[9] - '0';
}

// HMRC NIM39110.
bool ni_valid(Piece s) {
    const std::string p = upper_alnum(s);
    if (p.size() != 9) return false;
    if (one_of(p[0], "DFIQUV") || one_of(p[1], "DFIOQUV")) return false;
    const std::string two = p.substr(0, 2);
    for (const char* no : {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
        if (two == no) return false;
    return one_of(p[8], "ABCD");
}

// Royal Mail: the outward code's letters by position, the inward code's last two letters.
bool postcode_valid(Piece s) {
    const std::string p = upper_alnum(s);
    if (p == "GIR0AA") return true;
    if (p.size() < 5 || p.size() > 7) return false;
    const std::string out = p.substr(0, p.size() - 3), in = p.substr(p.size() - 3);
    if (!std::isdigit(static_cast<unsigned char>(in[0])) || one_of(in[1], "CIKMOV") ||
        one_of(in[2], "CIKMOV") || !std::isalpha(static_cast<unsigned char>(in[1])) ||
        !std::isalpha(static_cast<unsigned char>(in[2])))
        return false;
    auto A = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    auto D = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    if (!A(out[0]) || one_of(out[0], "QVX")) return false;
    switch (out.size()) {
    case 2: return D(out[1]);                                          // A9
    case 3:
        if (D(out[1]) && D(out[2])) return true;                       // A99
        if (D(out[1]) && A(out[2])) return one_of(out[2], "ABCDEFGHJKPSTUW"); // A9A
        return A(out[1]) && !one_of(out[1], "IJZ") && D(out[2]);       // AA9
    case 4:
        if (!A(out[1]) || one_of(out[1], "IJZ") || !D(out[2])) return false;
        if (D(out[3])) return true;                                    // AA99
        return one_of(out[3], "ABEHMNPRVWXY");                         // AA9A
    }
    return false;
}

// DVLA, current format: area letters, an age identifier issued so far, three letters.
bool vehicle_current_valid(Piece s) {
    const std::string p = upper_alnum(s);
    if (p.size() != 7) return false;
    if (one_of(p[0], "IQZ") || one_of(p[1], "IQZ")) return false;
    const int age = (p[2] - '0') * 10 + (p[3] - '0');
    if (!((age >= 2 && age <= 29) || (age >= 51 && age <= 79))) return false;
    for (int k = 4; k < 7; ++k)
        if (one_of(p[k], "IQ")) return false;
    return true;
}

// Prefix (A123 BCD) and suffix (ABC 123D) formats: the year letter is never I, O, Q, U or Z.
bool vehicle_older_valid(Piece s) {
    const std::string p = upper_alnum(s);
    const char year = std::isdigit(static_cast<unsigned char>(p[1])) ? p.front() : p.back();
    return !one_of(year, "IOQUZ");
}

bool iban_valid(Piece s) {
    const std::string c = upper_alnum(s);
    if (c.size() < 15 || c.size() > 34) return false;
    const std::string r = c.substr(4) + c.substr(0, 4);
    int mod = 0;
    for (char ch : r) {
        const int v = std::isdigit(static_cast<unsigned char>(ch)) ? ch - '0' : ch - 'A' + 10;
        mod = v >= 10 ? (mod * 100 + v) % 97 : (mod * 10 + v) % 97;
    }
    return mod == 1;
}

// A reference code: enough digits, not a date (12/07/2025) nor a phone number, and not a
// number of one repeated digit.
bool reference_like(Piece s, std::size_t min_digits) {
    const std::string d = digits_of(s);
    if (d.size() < min_digits || all_same(d)) return false;
    static const RE2 date(
        R"((?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}))");
    if (RE2::FullMatch(s, date)) return false;
    const bool all_digits = d.size() == s.size();
    return !(all_digits && s[0] == '0'); // a phone number or its first group
}

int month_of(std::string m) {
    static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
    for (auto& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (int i = 0; i < 12; ++i)
        if (m.rfind(names[i], 0) == 0) return i + 1;
    return 0;
}

// "twenty" + "first" = 21; a tens word alone ("twentieth") is its own ordinal.
int day_in_words(std::string tens, std::string unit) {
    static const char* units[] = {"first",      "second",     "third",       "fourth",
                                  "fifth",      "sixth",      "seventh",     "eighth",
                                  "ninth",      "tenth",      "eleventh",    "twelfth",
                                  "thirteenth", "fourteenth", "fifteenth",   "sixteenth",
                                  "seventeenth", "eighteenth", "nineteenth"};
    for (auto* w : {&tens, &unit})
        for (auto& c : *w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const int base = tens == "twenty" ? 20 : tens == "thirty" ? 30 : 0;
    if (unit == "twentieth") return base ? 0 : 20;
    if (unit == "thirtieth") return base ? 0 : 30;
    for (int i = 0; i < 19; ++i)
        if (unit == units[i]) return base + i + 1;
    return 0;
}

int number(Piece p) { return p.empty() ? 0 : std::stoi(std::string(p)); }

// The person named last before a match on its own line (a table row, a form line), if any.
const Span* person_before_on_line(const PatternMatch& m) {
    const Span* p = m.ctx.last_person_before(m.span.begin);
    if (!p || p->end > m.span.begin || m.span.begin - p->end > 80 ||
        !m.ctx.one_line(p->end, m.span.begin))
        return nullptr;
    return p;
}

void take_owner_on_line(PatternMatch& m, const Span& person) {
    m.span.owner = person.owner;
    m.span.rule += ", after " + owner_noun(person.owner) + " on its line";
}

int year_of(Piece y) {
    int v = number(y);
    if (y.size() == 2) v += v > 30 ? 1900 : 2000;
    return v;
}

// A whole date this many years before the request is presumed to be a date of birth.
constexpr int kOldDateYears = 14;

// Is the group followed in the text by a colon and a digit, as an hour is by its minutes?
bool hour_follows(const std::string& text, re2::StringPiece group) {
    const std::size_t end = static_cast<std::size_t>(group.data() - text.data()) + group.size();
    return end + 1 < text.size() && text[end] == ':' &&
           std::isdigit(static_cast<unsigned char>(text[end + 1]));
}

// A date is a date of birth when it is a listed person's, when the text says so just before, or
// when it lies long before the request.
bool date_of_birth(PatternMatch& m, const Date& d) {
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31 || d.year <= 1900 || d.year >= 2100)
        return false;
    if (const auto* k = m.known.dob(d)) {
        m.span.owner = k->owner;
        m.span.rule = "matches " + k->who + "'s date of birth";
        return true;
    }
    const std::size_t from = m.span.begin > 40 ? m.span.begin - 40 : 0;
    const std::string before = fold(std::string_view(m.text).substr(from, m.span.begin - from));
    static constexpr std::array<const char*, 6> cues{"dob",  "d.o.b",    "date of birth",
                                                     "born", "birthday", "d/o/b"};
    for (const char* cue : cues)
        if (before.find(cue) != std::string::npos) {
            m.span.rule = "a date of birth (said so just before it)";
            m.span.confidence = 0.8f;
            return true;
        }
    // A register's "DOB" column: the cell's own heading says so.
    for (const Field& f : m.ctx.section.fields)
        if (f.begin <= m.span.begin && m.span.end <= f.end) {
            const std::string label = fold(f.label);
            for (const char* cue : cues)
                if (label.find(cue) != std::string::npos) {
                    m.span.rule = "a date of birth (its column or field says so)";
                    m.span.confidence = 0.8f;
                    return true;
                }
        }
    // Records of this field are about the last few years: a whole date from long before the
    // request, with no event word to place it, is far more often someone's date of birth (a form
    // whose labels are not printed, a table cell) than an event. The requester's own is known.
    if (m.known.received_year && d.year <= m.known.received_year - kOldDateYears) {
        m.span.rule = "a whole date long before the request: likely someone's date of birth";
        m.span.confidence = 0.6f;
        return true;
    }
    return false;
}

const std::map<std::string, Validator>& validators() {
    static const std::map<std::string, Validator> v{
        {"none", [](PatternMatch&) { return true; }},
        // A shape too common to be anything on its own (a decimal number): a value only in a
        // table column whose label says what it is (the pattern's column_labels).
        {"column-only", [](PatternMatch&) { return false; }},
        {"uk-phone",
         [](PatternMatch& m) {
             const std::string key = phone_digits_key(std::string(m.groups[0]));
             if (key.size() < 9 || key.size() > 10) return false;
             if (const auto* k = m.known.phone(key)) {
                 m.span.owner = k->owner;
                 m.span.rule = "matches " + k->who + "'s phone";
             }
             return true;
         }},
        {"email",
         [](PatternMatch& m) {
             if (const auto* k = m.known.email(fold(std::string(m.groups[0])))) {
                 m.span.owner = k->owner;
                 m.span.rule = "matches " + k->who + "'s e-mail";
             }
             return true;
         }},
        {"uk-postcode", [](PatternMatch& m) { return postcode_valid(m.groups[0]); }},
        {"date-dmy",
         [](PatternMatch& m) {
             const auto& g = m.groups;
             return date_of_birth(m, Date{year_of(g[3]), number(g[2]), number(g[1])});
         }},
        {"date-ymd",
         [](PatternMatch& m) {
             const auto& g = m.groups;
             return date_of_birth(m, Date{number(g[1]), number(g[2]), number(g[3])});
         }},
        {"date-d-month-y",
         [](PatternMatch& m) {
             const auto& g = m.groups;
             // "2 may 08:40": two digits before a colon and a minute are an hour, not a year.
             if (g[3].size() == 2 && hour_follows(m.text, g[3])) return false;
             return date_of_birth(m, Date{year_of(g[3]), month_of(std::string(g[2])), number(g[1])});
         }},
        {"date-month-d-y",
         [](PatternMatch& m) {
             const auto& g = m.groups;
             return date_of_birth(m, Date{number(g[3]), month_of(std::string(g[1])), number(g[2])});
         }},
        {"date-in-words",
         [](PatternMatch& m) {
             const auto& g = m.groups;
             return date_of_birth(m, Date{number(g[4]), month_of(std::string(g[3])),
                                          day_in_words(std::string(g[1]), std::string(g[2]))});
         }},
        {"reference", [](PatternMatch& m) { return reference_like(m.groups[1], 5); }},
        {"slash-reference",
         [](PatternMatch& m) {
             const auto& t = m.text;
             const std::size_t b = m.span.begin, e = m.span.end;
             if ((b > 0 && (t[b - 1] == '/' || t[b - 1] == '.')) ||
                 (e < t.size() && (t[e] == '/' || t[e] == '.') && e + 1 < t.size() &&
                  std::isalnum(static_cast<unsigned char>(t[e + 1]))))
                 return false; // part of a path or a web address
             return reference_like(m.groups[0], 4);
         }},
        {"marac-reference",
         [](PatternMatch& m) {
             if (!m.groups[1].empty()) {
                 m.span.begin = static_cast<std::size_t>(m.groups[1].data() - m.text.data());
                 m.span.end = m.span.begin + m.groups[1].size();
             }
             return true;
         }},
        {"nhs-number",
         [](PatternMatch& m) {
             const std::string d = digits_of(m.groups[0]);
             if (!nhs_valid(d)) return false;
             // Scotland's CHI number opens with its holder's date of birth (DDMMYY): one
             // that opens with a listed person's, and no other's, is theirs.
             const KnownValues::Known* holder = nullptr;
             for (const auto& [date, k] : m.known.dobs) {
                 const std::string iso = to_iso(date); // YYYY-MM-DD
                 if (d.compare(0, 6, iso.substr(8, 2) + iso.substr(5, 2) + iso.substr(2, 2)) != 0)
                     continue;
                 if (holder && (holder->owner.kind != k.owner.kind ||
                                holder->owner.party != k.owner.party))
                     return true; // shared: nobody's
                 holder = &k;
             }
             if (holder) {
                 m.span.owner = holder->owner;
                 m.span.rule = "a CHI number built from " + holder->who + "'s date of birth";
             }
             return true;
         }},
        {"ni-number", [](PatternMatch& m) { return ni_valid(m.groups[0]); }},
        // A number shaped as an identity number, of any prefix, right after someone other than
        // the requester on its line ("Former partner: A. Person, QQ 12 34 56 A"): theirs.
        {"after-someone-else-on-line",
         [](PatternMatch& m) {
             const Span* p = person_before_on_line(m);
             if (!p || p->owner.kind == Owner::Subject) return false;
             take_owner_on_line(m, *p);
             return true;
         }},
        // An age is of the person named right before it ("Name, aged 40", "Name (40 years
        // old)"); anywhere else it is nobody's known: someone else's, as a date of birth is.
        {"named-right-before",
         [](PatternMatch& m) {
             // "Siobhan, 10", "Siobhan (aged 10)", "Siobhan, then aged 10", "Siobhan, now 10".
             const Span* p = m.ctx.last_person_before(m.span.begin);
             if (!p || p->end > m.span.begin || m.span.begin - p->end > 9) return true;
             std::string between(m.text.substr(p->end, m.span.begin - p->end));
             for (const char* when : {"then", "now"})
                 if (const std::size_t w = between.find(when); w != std::string::npos)
                     between.erase(w, std::strlen(when));
             for (char ch : between)
                 if (ch != ' ' && ch != ',' && ch != '(') return true;
             m.span.owner = p->owner;
             m.span.rule += " (" + owner_noun(p->owner) + "'s)";
             return true;
         }},
        // Three words joined by dots are a location unless one is a web domain's part.
        {"three-words",
         [](PatternMatch& m) {
             // Web and mail domains, and file names ("notes.final.pdf").
             static const std::array<std::string_view, 24> domain{
                 "com",  "org",    "net", "uk",   "co",   "gov",  "nhs", "ac",
                 "sch",  "police", "io",  "www",  "info", "eu",   "pdf", "doc",
                 "docx", "txt",    "csv", "xlsx", "eml",  "html", "jpg", "png"};
             const std::string_view t(m.groups[1].data(), m.groups[1].size());
             for (std::size_t b = 0; b <= t.size();) {
                 std::size_t e = t.find('.', b);
                 if (e == std::string_view::npos) e = t.size();
                 if (std::find(domain.begin(), domain.end(), t.substr(b, e - b)) != domain.end())
                     return false;
                 b = e + 1;
             }
             return true;
         }},
        // Two digits, two, two that cannot be a date (the middle pair is no month, or the first
        // no day): a sort code, whatever labels it.
        {"not-a-date",
         [](PatternMatch& m) {
             const int a = number(m.groups[1]), b = number(m.groups[2]);
             if (!(a == 0 || a > 31 || b == 0 || b > 12)) return false;
             // A table row or a form line names whose account it is.
             if (const Span* p = person_before_on_line(m)) take_owner_on_line(m, *p);
             return true;
         }},
        {"vehicle-current", [](PatternMatch& m) { return vehicle_current_valid(m.groups[0]); }},
        {"vehicle-older",
         [](PatternMatch& m) {
             // "ABC 1D" could be a ward or a form's code; only where no word of it is one.
             return vehicle_older_valid(m.groups[0]) &&
                    !m.ctx.lex.is(fold(std::string(m.groups[0]).substr(0, 3)),
                                  kSectorAcronym | kCommonWord | kTitle);
         }},
        {"iban", [](PatternMatch& m) { return iban_valid(m.groups[0]); }},
        {"luhn",
         [](PatternMatch& m) {
             const std::string d = digits_of(m.groups[0]);
             return d.size() >= 13 && !all_same(d) && luhn(d);
         }},
        {"ip",
         [](PatternMatch& m) {
             for (int k = 1; k <= 4; ++k)
                 if (number(m.groups[static_cast<std::size_t>(k)]) > 255) return false;
             return true;
         }},
        {"gps",
         [](PatternMatch& m) {
             double lat = 0, lon = 0;
             const std::string t(m.groups[0]);
             if (std::sscanf(t.c_str(), "%lf%*[^0-9+-]%lf", &lat, &lon) != 2) return false;
             return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
         }},
        {"gps-uk",
         [](PatternMatch& m) {
             // Two decimals are also money and measures: a position only inside the UK's box,
             // and not after a currency sign or as part of a longer number.
             double lat = 0, lon = 0;
             const std::string t(m.groups[0]);
             if (std::sscanf(t.c_str(), "%lf%*[^0-9+-]%lf", &lat, &lon) != 2) return false;
             const std::size_t b = m.span.begin;
             if (b > 0) {
                 const auto before = static_cast<unsigned char>(m.text[b - 1]);
                 if (before == '$' || before == '.' || before == 0xA3 /* the end of UTF-8 '£' */ ||
                     std::isdigit(before))
                     return false;
             }
             return lat >= 49.8 && lat <= 60.9 && lon >= -8.7 && lon <= 1.8;
         }},
        {"pub-name",
         [](PatternMatch& m) {
             // "the Police and Crime Commissioner", "the Children and Families Act": a body's or
             // a law's name goes on with a capitalised word, and its words are institutions'.
             const std::string_view rest = std::string_view(m.text).substr(m.span.end);
             const std::size_t next = rest.find_first_not_of(" \t");
             if (next != std::string_view::npos && next <= 2 &&
                 std::isupper(static_cast<unsigned char>(rest[next])))
                 return false;
             static const std::set<std::string> institutional = {
                 "police",     "crime",      "children",    "families", "family",  "health",
                 "social",     "care",       "safety",      "services", "service", "justice",
                 "education",  "skills",     "work",        "pensions", "home",    "office",
                 "court",      "county",     "council",     "mental",   "housing", "communities",
                 "local",      "government", "business",    "trade",    "energy",  "science",
                 "technology", "culture",    "media",       "sport",    "arts",    "safeguarding",
                 "adult",      "adults",     "young",       "people",   "women",   "men",
                 "victims",    "witnesses",  "support",     "advice",   "money",   "debt",
                 "benefits",   "learning",   "development", "research"};
             for (const auto& w : tokenize(fold(std::string(m.groups[1])))) {
                 if (w == "and") continue;
                 if (institutional.count(w) ||
                     m.ctx.lex.is(w, kTitle | kRoleCue | kSectorAcronym | kGeneral | kGenericPlace |
                                         kFacility | kPoliceForce | kCompanyWord | kStreetSuffix))
                     return false;
             }
             return true;
         }},
        {"birthday-day-month",
         [](PatternMatch& m) {
             const auto& g = m.groups;
             const bool day_first = !g[2].empty();
             const int month = month_of(std::string(day_first ? g[3] : g[4]));
             const int day = number(day_first ? g[2] : g[5]);
             if (month < 1 || day < 1 || day > 31) return false;
             // With its year it is a whole date, found as one.
             static const RE2 year(R"(^,?[ \t]+\d{2,4}\b)");
             if (RE2::PartialMatch(std::string_view(m.text).substr(m.span.end), year)) return false;
             if (const auto* k = m.known.birthday(month, day)) {
                 m.span.owner = k->owner;
                 m.span.rule = "matches the day and month of " + k->who + "'s date of birth";
             }
             return true;
         }},
        {"username",
         [](PatternMatch& m) {
             if (const auto k = m.known.username_owner(fold(std::string(m.groups[1])),
                                                       m.ctx.known.subject_given())) {
                 m.span.owner = k->owner;
                 m.span.rule += ", with " + k->who + "'s given name in it";
             }
             return true;
         }},
        {"vessel-name",
         [](PatternMatch& m) {
             // "NB" is also nota bene: "NB He said ..." names no boat.
             static const std::set<std::string> not_names = {
                 "he",  "she",  "they", "we",   "it",   "i",     "his",   "her",    "their", "our",
                 "my",  "your", "the",  "this", "that", "these", "those", "please", "note",  "all",
                 "any", "if",   "when", "mum",  "dad",  "staff", "there", "no",     "not"};
             const std::string name(m.groups[1]);
             const std::string first = name.substr(0, name.find_first_of(" \t"));
             return not_names.count(fold(first)) == 0;
         }},
        {"spoken-phone",
         [](PatternMatch& m) {
             // The digits said: "double oh" is 00, "treble nine" 999.
             static const std::map<std::string, char> digit = {
                 {"oh", '0'},  {"zero", '0'},  {"nought", '0'}, {"one", '1'},
                 {"two", '2'}, {"three", '3'}, {"four", '4'},   {"five", '5'},
                 {"six", '6'}, {"seven", '7'}, {"eight", '8'},  {"nine", '9'}};
             std::string digits;
             int repeat = 1;
             for (const auto& w : tokenize(fold(std::string(m.groups[0])))) {
                 if (w == "double")
                     repeat = 2;
                 else if (w == "treble" || w == "triple")
                     repeat = 3;
                 else if (auto d = digit.find(w); d != digit.end()) {
                     digits.append(static_cast<std::size_t>(repeat), d->second);
                     repeat = 1;
                 }
             }
             if (digits.size() < 10 || digits.size() > 11 || digits[0] != '0') return false;
             if (const auto* k = m.known.phone(phone_digits_key(digits))) {
                 m.span.owner = k->owner;
                 m.span.rule = "matches " + k->who + "'s phone, said in words";
             }
             return true;
         }},
        {"door-code",
         [](PatternMatch& m) {
             // "sort code", "tax code", "course code 2041": a code that opens nothing.
             static const std::set<std::string, std::less<>> not_secret{
                 "sort",      "tax",     "course",  "cost",    "product", "post",     "area",
                 "dialling",  "dialing", "error",   "status",  "site",    "branch",   "dress",
                 "discount",  "promo",   "voucher", "service", "client",  "customer", "account",
                 "reference", "country", "zip",     "postal",  "qr",      "bar",      "unit"};
             const std::size_t b = m.span.begin > 24 ? m.span.begin - 24 : 0;
             const auto words =
                 tokenize(fold(std::string_view(m.text).substr(b, m.span.begin - b)));
             // The words before the match: the last one that is not the cue itself.
             for (auto it = words.rbegin(); it != words.rend(); ++it) {
                 if (*it == "code" || *it == "pin" || *it == "passcode" || *it == "no" ||
                     *it == "number")
                     continue;
                 return not_secret.count(*it) == 0;
             }
             return true;
         }},
        {"spaced-code",
         [](PatternMatch& m) {
             // Not the start of a longer number ("NHS 999 123 4560" is an NHS number, found
             // whole by its own pattern), nor a health number's label.
             static const RE2 more(R"(^[ \t]*\d)");
             if (RE2::PartialMatch(std::string_view(m.text).substr(m.span.end), more)) return false;
             const std::string letters =
                 fold(std::string(m.groups[0].substr(0, m.groups[0].find(' '))));
             return letters != "nhs" && letters != "chi" && letters != "hcn";
         }},
        {"pet-name",
         [](PatternMatch& m) {
             // Pets are named with words ("Pepper", "Biscuit"): only a word that starts a
             // sentence or names a role, a trade or a place is not a name ("her dog. The...",
             // "the dog warden").
             static const std::set<std::string> starters = {
                 "he",      "she",  "they",  "it",     "the",    "this",    "that",   "we",
                 "his",     "her",  "their", "our",    "my",     "your",    "there",  "then",
                 "when",    "if",   "and",   "but",    "so",     "was",     "is",     "has",
                 "had",     "not",  "also",  "warden", "walker", "walking", "sitter", "groomer",
                 "trainer", "food", "lead",  "show",   "flap",   "basket",  "bowl",   "bed",
                 "hair",    "fur",  "bite",  "bites"};
             const std::string name = fold(std::string(m.groups[1]));
             if (starters.count(name) ||
                 m.ctx.knowledge.lex.is(name, kNotName | kTitle | kRoleCue | kSectorAcronym |
                                                  kGeneral | kCompanyWord | kFacility |
                                                  kGenericPlace | kStreetSuffix))
                 return false;
             m.ctx.attribute_place(m.span);
             return true;
         }},
        {"attribute-to-last-person",
         [](PatternMatch& m) {
             m.ctx.attribute_place(m.span);
             return true;
         }},
    };
    return v;
}

} // namespace

Validator validator(const std::string& name) {
    const auto& v = validators();
    auto it = v.find(name);
    if (it == v.end()) throw std::invalid_argument("no validator named \"" + name + "\"");
    return it->second;
}

} // namespace safesar
