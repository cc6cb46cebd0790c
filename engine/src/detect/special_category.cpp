#include "special_category.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cctype>
#include <memory>

namespace safesar {

namespace {

// Sentence boundaries (byte offsets) by ICU. A line break before a lower-case word is read as a
// space: PDF pages and wrapped notes break lines in mid-sentence. A line break before a capital
// stays a break, so a note's heading line ("Telephone - Declan Mowbray") is not read as part of
// the sentence under it.
std::vector<std::pair<std::size_t, std::size_t>> sentences(const std::string& text) {
    std::string flat = text;
    for (std::size_t i = 0; i < flat.size(); ++i) {
        if (flat[i] != '\n') continue;
        std::size_t j = i + 1;
        while (j < flat.size() && (flat[j] == ' ' || flat[j] == '\t')) ++j;
        const bool continues = j < flat.size() && (std::islower(static_cast<unsigned char>(flat[j])) ||
                                                   flat[j] == '(' || flat[j] == ',');
        if (continues) flat[i] = ' ';
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
    for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next())
        out.emplace_back(static_cast<std::size_t>(start), static_cast<std::size_t>(end));
    utext_close(ut);
    return out;
}

bool pronoun(std::string_view w) {
    for (const char* p : {"she", "he", "her", "him", "his", "hers", "i", "me", "my"})
        if (w == p) return true;
    return false;
}

// In a sentence naming both the requester and someone else, whose is each term? The nearest
// person before it, or the pronoun just after a verb ("raped her"). A pronoun nearer than the
// other person's name refers to the requester ("Samira said Imtiaz hit her and that she was
// diagnosed with PTSD"). Returns the other person's name span when any term is theirs.
const Span* third_party_term(const std::vector<Token>& tokens, const FoldedText& folded,
                             const std::vector<std::size_t>& term_tokens,
                             const std::vector<const Span*>& names) {
    for (std::size_t ti : term_tokens) {
        if (ti + 1 < tokens.size() && pronoun(tokens[ti + 1].text)) continue;
        const std::size_t at = folded.original_begin(tokens[ti].begin);
        const Span* nearest = nullptr;
        for (const Span* n : names)
            if (n->end <= at && (!nearest || n->end > nearest->end)) nearest = n;
        bool pronoun_nearer = false;
        for (std::size_t k = ti; k-- > 0;) {
            const std::size_t ob = folded.original_begin(tokens[k].begin);
            if (nearest && ob < nearest->end) break;
            if (pronoun(tokens[k].text)) {
                pronoun_nearer = true;
                break;
            }
        }
        if (nearest && nearest->owner.kind != Owner::Subject && !pronoun_nearer) return nearest;
    }
    return nullptr;
}

// Words that say a line is about the person causing harm: "Abuser's substance use".
bool about_abuser(const std::string& folded_text) {
    for (const char* w : {"abuser", "perpetrator", "person causing harm", "ex-partner",
                          "ex partner", "person you are fleeing"})
        if (folded_text.find(w) != std::string::npos) return true;
    return false;
}

} // namespace

std::vector<Span> find_special_category(const std::string& original, const FoldedText& folded,
                                        const std::vector<Token>& tokens,
                                        const std::vector<Span>& people, const Lexicon& lexicon,
                                        bool perpetrator_request) {
    std::vector<Span> out;
    // Which tokens begin a special-category term?
    std::vector<std::pair<std::size_t, std::string>> hits; // original offset, term
    std::vector<std::size_t> hit_tokens;                   // their first tokens
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!lexicon.special_first.count(tokens[i].text)) continue;
        for (const auto& term : lexicon.special_terms) {
            if (term.empty() || tokens[i].text != term.front() || i + term.size() > tokens.size())
                continue;
            bool ok = true;
            for (std::size_t k = 0; k < term.size() && ok; ++k) ok = tokens[i + k].text == term[k];
            if (ok) {
                hits.emplace_back(folded.original_begin(tokens[i].begin), term.front());
                hit_tokens.push_back(i);
            }
        }
    }
    if (hits.empty()) return out;

    for (auto [b, e] : sentences(original)) {
        bool has_term = false;
        for (auto& h : hits) has_term = has_term || (h.first >= b && h.first < e);
        if (!has_term) continue;
        const Span* third = nullptr;
        bool names_subject = false;
        std::vector<const Span*> names;
        for (const auto& p : people) {
            if (p.begin < b || p.end > e || p.category != Category::Name) continue;
            names.push_back(&p);
            if (p.owner.kind == Owner::Subject) names_subject = true;
            else if (!third) third = &p;
        }
        // The requester is the survivor: her own health in a sentence that also names him is
        // hers, unless a term is nearer his name than any pronoun.
        if (!perpetrator_request && names_subject && third) {
            std::vector<std::size_t> in_sentence;
            for (std::size_t k = 0; k < hits.size(); ++k)
                if (hits[k].first >= b && hits[k].first < e) in_sentence.push_back(hit_tokens[k]);
            third = third_party_term(tokens, folded, in_sentence, names);
            if (!third) continue;
        }
        Span s;
        s.begin = b;
        s.end = e;
        while (s.end > s.begin && std::isspace(static_cast<unsigned char>(original[s.end - 1])))
            --s.end;
        while (s.begin < s.end && std::isspace(static_cast<unsigned char>(original[s.begin])))
            ++s.begin;
        s.category = Category::SpecialCategory;
        if (third) {
            s.owner = third->owner;
            s.rule = "special-category information in a sentence about " +
                     owner_phrase(third->owner).substr(0, owner_phrase(third->owner).size() - 2);
            s.confidence = 0.9f;
        } else if (perpetrator_request && !names_subject) {
            std::string f = fold(std::string_view(original).substr(b, e - b));
            auto word = [&](const char* w) {
                std::string pad = std::string(" ") + w + " ";
                return (" " + f + " ").find(pad) != std::string::npos;
            };
            if (!word("she") && !word("her")) continue;
            s.rule = "special-category information about a woman who is not the requester";
            s.confidence = 0.6f;
        } else if (!perpetrator_request && !names_subject) {
            // No name, but the sentence or the heading above it is about the abuser.
            const std::size_t line = b > 1 ? original.rfind('\n', b - 2) : std::string::npos;
            const std::size_t from = line == std::string::npos ? 0 : line + 1;
            if (!about_abuser(fold(std::string_view(original).substr(from, e - from)))) continue;
            s.rule = "special-category information about the person causing harm";
            s.confidence = 0.7f;
        } else {
            continue;
        }
        out.push_back(s);
    }
    return out;
}

} // namespace safesar
