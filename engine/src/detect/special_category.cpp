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

} // namespace

std::vector<Span> find_special_category(const std::string& original, const FoldedText& folded,
                                        const std::vector<Token>& tokens,
                                        const std::vector<Span>& people, const Lexicon& lexicon,
                                        bool perpetrator_request) {
    std::vector<Span> out;
    // Which tokens begin a special-category term?
    std::vector<std::pair<std::size_t, std::string>> hits; // original offset, term
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!lexicon.special_first.count(tokens[i].text)) continue;
        for (const auto& term : lexicon.special_terms) {
            if (term.empty() || tokens[i].text != term.front() || i + term.size() > tokens.size())
                continue;
            bool ok = true;
            for (std::size_t k = 0; k < term.size() && ok; ++k) ok = tokens[i + k].text == term[k];
            if (ok) hits.emplace_back(folded.original_begin(tokens[i].begin), term.front());
        }
    }
    if (hits.empty()) return out;

    for (auto [b, e] : sentences(original)) {
        bool has_term = false;
        for (auto& h : hits) has_term = has_term || (h.first >= b && h.first < e);
        if (!has_term) continue;
        const Span* third = nullptr;
        bool names_subject = false;
        for (const auto& p : people) {
            if (p.begin < b || p.end > e || p.category != Category::Name) continue;
            if (p.owner.kind == Owner::Subject) names_subject = true;
            else if (!third) third = &p;
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
        } else {
            continue;
        }
        out.push_back(s);
    }
    return out;
}

} // namespace safesar
