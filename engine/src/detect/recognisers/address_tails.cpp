// The rest of a third party's address after its street: "9 Medlar Walk, Doncaster" or
// "Tansy House,\nBessacarr" names the town too. Up to three comma-separated parts of one to
// three capitalised words, each ending its clause. And the parts before a postcode that is not
// the requester's, on its line: "Devonshire Lane, Otgate, Derby DE22 1HA" is one address,
// whether or not its street has a number.
#include "recognisers.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace safesar {

namespace {

bool upper_at(const std::string& t, std::size_t i) {
    return i < t.size() && std::isupper(static_cast<unsigned char>(t[i]));
}

// Length of a capitalised word at `i` (letters, apostrophes, hyphens inside), 0 when none.
std::size_t word_at(const std::string& t, std::size_t i) {
    if (!upper_at(t, i)) return 0;
    std::size_t e = i + 1;
    auto letter = [&](std::size_t k) {
        return k < t.size() && std::isalpha(static_cast<unsigned char>(t[k]));
    };
    while (letter(e) || ((t[e] == '\'' || t[e] == '-') && letter(e + 1))) ++e;
    return e - i >= 3 ? e - i : 0;
}

bool postcode_at(const std::string& t, std::size_t i) {
    static const RE2 postcode(R"(^[A-Za-z]{1,2}[0-9][0-9A-Za-z]?[ \t]?[0-9][A-Za-z]{2}\b)");
    const std::size_t len = std::min<std::size_t>(t.size() - i, 16); // a postcode is short
    return i < t.size() && RE2::PartialMatch(re2::StringPiece(t.data() + i, len), postcode);
}

// The start of a capitalised word of three letters or more that ends at `e`, or npos.
std::size_t word_ending_at(const std::string& t, std::size_t e) {
    std::size_t b = e;
    auto letter = [&](std::size_t k) { return std::isalpha(static_cast<unsigned char>(t[k])); };
    while (b > 0 && (letter(b - 1) || ((t[b - 1] == '\'' || t[b - 1] == '-') && b >= 2 && letter(b - 2))))
        --b;
    return e - b >= 3 && upper_at(t, b) ? b : std::string::npos;
}

class AddressTails final : public Recogniser {
  public:
    std::string_view id() const override { return "address-tail"; }
    Phase phase() const override { return Phase::Derived; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        const std::string& text = ctx.text;
        for (const auto& s : ctx.found) {
            if (s.category != Category::Address || s.owner.kind == Owner::Subject) continue;
            std::size_t at = s.end;
            for (int part = 0; part < 3; ++part) {
                // ", " with spaces or one line break: the next part of the same address.
                if (at >= text.size() || text[at] != ',') break;
                std::size_t i = at + 1;
                while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
                if (i < text.size() && text[i] == '\n') ++i;
                while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
                if (postcode_at(text, i)) break; // found anyway
                std::size_t e = i, words = 0;
                for (std::size_t p = i; words < 3;) {
                    const std::size_t n = word_at(text, p);
                    if (n == 0) break;
                    const std::string w = fold(std::string_view(text).substr(p, n));
                    if (ctx.lex.is(w, kTitle) ||
                        (ctx.lex.is(w, kNotName) && !ctx.lex.is(w, kTownFirst)))
                        break; // "Mr", "Monday": not a town
                    e = p + n;
                    ++words;
                    if (e + 1 >= text.size() || text[e] != ' ' || !upper_at(text, e + 1)) break;
                    p = e + 1;
                }
                if (words == 0) break;
                // The part must end the clause: punctuation, a line end, or a postcode after it.
                const char next = e < text.size() ? text[e] : '\n';
                const bool ends = next == ',' || next == '.' || next == ';' || next == ')' ||
                                  next == '\n' || next == '\r' ||
                                  (next == ' ' && postcode_at(text, e + 1));
                if (!ends) break;
                Span t;
                t.begin = i;
                t.end = e;
                t.category = Category::Address;
                t.owner = s.owner;
                t.likely = s.likely;
                t.confidence = s.confidence;
                t.rule = "the town after an address (" + s.rule + ")";
                t.recogniser = id();
                out.push_back(t);
                at = e;
            }
        }
        for (const auto& s : ctx.found)
            if (s.category == Category::Postcode && s.owner.kind != Owner::Subject)
                parts_before(ctx, s, out);
    }

  private:
    // Up to four parts of one to three capitalised words (a house number may lead a part)
    // before the postcode, each separated by a comma, on the postcode's line.
    void parts_before(const SectionContext& ctx, const Span& postcode, std::vector<Span>& out) const {
        const std::string& text = ctx.text;
        std::size_t at = postcode.begin;
        for (int part = 0; part < 4; ++part) {
            std::size_t e = at;
            while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
            const bool comma = e > 0 && text[e - 1] == ',';
            if (part > 0 && !comma) break; // the part before ended the address
            if (comma) --e;
            while (e > 0 && text[e - 1] == ' ') --e;
            std::size_t b = e, words = 0;
            while (words < 3) {
                // The word that ends at e, then each one a space before the last found.
                const std::size_t w = word_ending_at(text, words == 0 ? b : b - 1);
                if (w == std::string::npos) break;
                const std::string f = fold(std::string_view(text).substr(w, b - w));
                if (ctx.lex.is(f, kTitle) || (ctx.lex.is(f, kNotName) && !ctx.lex.is(f, kTownFirst)))
                    break; // "Mr", "Monday": not part of an address
                b = w;
                ++words;
                if (b < 2 || text[b - 1] != ' ' || !std::isalpha(static_cast<unsigned char>(text[b - 2])))
                    break;
            }
            if (words == 0) break;
            // A house number before the street ("4 Quarry Walk").
            std::size_t nb = b;
            while (nb > 0 && text[nb - 1] == ' ') --nb;
            std::size_t db = nb;
            while (db > 0 && std::isdigit(static_cast<unsigned char>(text[db - 1]))) --db;
            if (db < nb && (db == 0 || !std::isalnum(static_cast<unsigned char>(text[db - 1])))) b = db;
            // A part that is someone's name ends the walk ("Witness: Jordan Arkwright, ...").
            // ctx.people is sorted by end: the first name ending after b is the one to check.
            auto p = std::upper_bound(ctx.people.begin(), ctx.people.end(), b,
                                      [](std::size_t x, const Span& n) { return x < n.end; });
            if (p != ctx.people.end() && p->begin < e) break;
            Span t;
            t.begin = b;
            t.end = e;
            t.category = Category::Address;
            t.owner = postcode.owner;
            t.likely = postcode.likely;
            t.confidence = std::min(postcode.confidence, 0.8f);
            t.rule = "a part of the address before a postcode (" + postcode.rule + ")";
            t.recogniser = id();
            out.push_back(t);
            at = b;
        }
    }
};

} // namespace

std::unique_ptr<Recogniser> make_address_tails() { return std::make_unique<AddressTails>(); }

} // namespace safesar
