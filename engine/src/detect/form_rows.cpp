#include "form_rows.hpp"

#include <cmath>
#include <optional>

namespace safesar {

namespace {

struct Label {
    const char* text; // folded
    bool is_name;
    Category category;
};

// Longest first, so "date of birth" wins over "date".
const Label kLabels[] = {
    {"person causing harm", true, Category::Name},
    {"full name", true, Category::Name},
    {"client name", true, Category::Name},
    {"participant", true, Category::Name},
    {"client", true, Category::Name},
    {"forename(s)", true, Category::Name},
    {"forenames", true, Category::Name},
    {"forename", true, Category::Name},
    {"first name", true, Category::Name},
    {"surname", true, Category::Name},
    {"last name", true, Category::Name},
    {"name", true, Category::Name},
    {"date of birth", false, Category::DateOfBirth},
    {"d.o.b", false, Category::DateOfBirth},
    {"dob", false, Category::DateOfBirth},
    {"current address", false, Category::Address},
    {"previous address", false, Category::Address},
    {"home address", false, Category::Address},
    {"new address", false, Category::Address},
    {"temporary address", false, Category::Address},
    {"address", false, Category::Address},
    {"current location", false, Category::Address},
    {"location", false, Category::Address},
    {"refuge", false, Category::Address}, // where she is staying: the refuge's name and town
    {"safe number", false, Category::Phone},
    {"contact number", false, Category::Phone},
    {"telephone", false, Category::Phone},
    {"mobile", false, Category::Phone},
    {"phone", false, Category::Phone},
    {"e-mail", false, Category::Email},
    {"email", false, Category::Email},
    {"place of work", false, Category::Workplace},
    {"employer", false, Category::Workplace},
    {"workplace", false, Category::Workplace},
    {"occupation", false, Category::Workplace},
    {"work", false, Category::Workplace},
    {"vehicle", false, Category::Vehicle},
    {"car", false, Category::Vehicle},
    {"school", false, Category::School},
    {"nursery", false, Category::School},
    {"gp", false, Category::School},
};

struct Line {
    std::size_t begin, end; // original bytes
    std::optional<double> x0; // first word's left edge (PDF pages)
};

std::vector<Line> lines_of(const Section& s) {
    std::vector<Line> lines;
    std::size_t b = 0;
    std::size_t w = 0;
    while (b <= s.text.size()) {
        std::size_t e = s.text.find('\n', b);
        if (e == std::string::npos) e = s.text.size();
        Line l{b, e, std::nullopt};
        while (w < s.words.size() && s.words[w].begin < b) ++w;
        if (w < s.words.size() && s.words[w].begin < e) l.x0 = s.words[w].box.x0;
        lines.push_back(l);
        b = e + 1;
    }
    return lines;
}

// x of the first word at or after byte `at` on the line.
std::optional<double> x_at(const Section& s, std::size_t at, std::size_t line_end) {
    for (const auto& w : s.words)
        if (w.begin >= at && w.begin < line_end) return w.box.x0;
    return std::nullopt;
}

} // namespace

std::vector<Span> find_form_values(const Section& s, const FoldedText& folded,
                                   const std::vector<Span>& known) {
    std::vector<Span> out;
    std::optional<Owner> owner;        // whose block we are in
    std::optional<double> value_x;     // where the last row's value started
    Category last_category = Category::Name;
    bool last_was_row = false;
    std::size_t fi = 0; // folded index walking with the lines

    auto folded_line = [&](const Line& l) {
        while (fi < folded.from.size() && folded.from[fi] < l.begin) ++fi;
        std::size_t fe = fi;
        while (fe < folded.from.size() && folded.from[fe] < l.end) ++fe;
        return std::pair{fi, fe};
    };

    for (const Line& line : lines_of(s)) {
        auto [fb, fe] = folded_line(line);
        std::string_view text = std::string_view(folded.text).substr(fb, fe - fb);
        while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
            text.remove_prefix(1);
            ++fb;
        }
        const Label* label = nullptr;
        for (const auto& l : kLabels) {
            std::string_view lt = l.text;
            if (text.size() > lt.size() && text.substr(0, lt.size()) == lt &&
                (text[lt.size()] == ' ' || text[lt.size()] == '\t' || text[lt.size()] == ':')) {
                label = &l;
                break;
            }
        }
        std::size_t value_begin = line.begin;
        if (label) {
            std::size_t vf = fb + std::string_view(label->text).size();
            while (vf < fe && (folded.text[vf] == ' ' || folded.text[vf] == '\t' ||
                               folded.text[vf] == ':'))
                ++vf;
            if (vf >= fe) {
                last_was_row = false;
                continue;
            }
            value_begin = folded.from[vf];
        } else {
            // A line under the last row's value, in its column, continues it (an address
            // written over several lines); any other line ends the block.
            const bool continues = last_was_row && line.x0 && value_x &&
                                   std::abs(*line.x0 - *value_x) < 4.0 && line.end > line.begin;
            if (!continues) {
                last_was_row = false;
                if (line.end > line.begin) owner.reset();
                continue;
            }
        }
        const std::size_t value_end = line.end;
        if (label && label->is_name) {
            // The block's owner: the first person found in the value.
            owner = Owner{};
            for (const auto& k : known)
                if (k.category == Category::Name && k.begin >= value_begin && k.end <= value_end) {
                    owner = k.owner;
                    break;
                }
        } else if (owner && owner->kind != Owner::Unknown) {
            Span sp;
            sp.begin = value_begin;
            sp.end = value_end;
            while (sp.end > sp.begin && std::isspace(static_cast<unsigned char>(s.text[sp.end - 1])))
                --sp.end;
            sp.category = label ? label->category : last_category;
            sp.owner = *owner;
            sp.confidence = 0.85f;
            sp.rule = "a form value in the block of " + owner_phrase(*owner) + " details";
            if (sp.end > sp.begin) out.push_back(sp);
        }
        if (label) {
            last_category = label->category;
            value_x = x_at(s, value_begin, value_end);
        }
        last_was_row = true;
    }
    return out;
}

} // namespace safesar
