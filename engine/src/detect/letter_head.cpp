#include "letter_head.hpp"

#include <algorithm>
#include <cctype>

namespace safesar {

LetterHead letter_head(std::string_view text,
                       const std::function<bool(std::size_t, std::size_t, HisOnLine)>& his) {
    constexpr int kGreetingLines = 12, kAddressLines = 6;
    constexpr std::size_t kGreetingBytes = 40;
    bool his_address = false, greeting = false;
    std::size_t b = 0;
    for (int line = 0; line < kGreetingLines && b < text.size(); ++line) {
        const std::size_t e = std::min(text.find('\n', b), text.size());
        std::size_t start = b, stop = e;
        while (start < e && (text[start] == ' ' || text[start] == '\t'))
            ++start;
        while (stop > start && std::isspace(static_cast<unsigned char>(text[stop - 1])))
            --stop;
        bool dear = e - start > 5;
        for (std::size_t k = 0; dear && k < 5; ++k)
            dear = std::tolower(static_cast<unsigned char>(text[start + k])) == "dear "[k];
        if (dear && his(start, e, HisOnLine::Name)) return LetterHead::Letter;
        if (dear && his(start, e, HisOnLine::OthersName)) return LetterHead::None;
        if (line < kAddressLines && his(start, e, HisOnLine::Address)) his_address = true;
        // A greeting: a short line of words that ends in a comma ("Hello,", "Good morning,").
        const std::string_view l = text.substr(start, stop - start);
        greeting = greeting || (l.size() >= 3 && l.size() <= kGreetingBytes && l.back() == ',' &&
                                std::none_of(l.begin(), l.end(), [](char c) {
                                    return std::isdigit(static_cast<unsigned char>(c));
                                }));
        if (his_address && greeting) return LetterHead::Letter;
        b = e + 1;
    }
    return his_address ? LetterHead::Headed : LetterHead::None;
}

} // namespace safesar
