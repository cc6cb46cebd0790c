// Forms: "Name  Craig Lennon" then "Employer  Hillgate Tyres", "Vehicle  YR19 KXT". A value
// under a label belongs to the person named in the block's last Name row; when that person is a
// third party, the whole value is theirs, even a word no other recogniser knows. In the
// requester's own block the value is his: resolution lets it win over unattributed shapes of the
// same kind (his car's registration, his GP), and the residue pass leaves it alone.
#include "recognisers.hpp"

#include <algorithm>
#include <cctype>
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
    {"employment", false, Category::Workplace},
    {"job", false, Category::Workplace},
    {"employer", false, Category::Workplace},
    {"workplace", false, Category::Workplace},
    {"occupation", false, Category::Workplace},
    {"work", false, Category::Workplace},
    {"vehicle", false, Category::Vehicle},
    {"car", false, Category::Vehicle},
    {"school", false, Category::School},
    {"nursery", false, Category::School},
    {"gp", false, Category::School},
    {"nhs number", false, Category::IdNumber},
    {"ni number", false, Category::IdNumber},
    {"national insurance number", false, Category::IdNumber},
    {"client number", false, Category::Reference},
    {"case number", false, Category::Reference},
    {"reference", false, Category::Reference},
};

// Does `text` open with the label, followed by a space, a tab or a colon?
bool opens_with(std::string_view text, const Label& l) {
    const std::string_view lt = l.text;
    return text.size() > lt.size() && text.substr(0, lt.size()) == lt &&
           (text[lt.size()] == ' ' || text[lt.size()] == '\t' || text[lt.size()] == ':');
}

struct Line {
    std::size_t begin, end;   // original bytes
    std::size_t first_word;   // index of its first word in Section::words (PDF pages)
};

// Where the value starts after a label no list knows, or 0: the label is one to four words of
// letters starting with a capital, under 32 bytes, then a tab, a colon or two spaces.
std::size_t unlisted_label_end(const std::string& text, std::size_t b, std::size_t e) {
    while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
    if (b >= e || !std::isupper(static_cast<unsigned char>(text[b]))) return 0;
    std::size_t k = b, words = 1;
    for (; k < e && k - b < 32; ++k) {
        const char c = text[k];
        if (c == '\t' || c == ':' || (c == ' ' && k + 1 < e && text[k + 1] == ' ')) break;
        if (c == ' ') ++words;
        else if (!std::isalpha(static_cast<unsigned char>(c)) && c != '\'' && c != '-' && c != '/')
            return 0;
    }
    if (k >= e || k - b >= 32 || words > 4) return 0;
    while (k < e && (text[k] == '\t' || text[k] == ':' || text[k] == ' ')) ++k;
    return k < e ? k : 0;
}

// Forms print several fields on one line ("Mobile: 07700 900000   Vehicle: AB12 CDE"): a label
// the list knows, after a space and followed by a colon, ends the value before it. Its own value
// is the block owner's too only when the label plainly starts a new field (after a wide gap, a
// tab, a number or a full stop); "... Partner mobile: ..." or "... Name: ..." may be someone
// else's, so it ends the claim and nothing after it on the line is the owner's. The colon is
// required, so that "work" or "car" in a sentence starts nothing.
struct InlineField {
    std::size_t label_begin, value_begin; // folded offsets
    Category category;
    bool owners; // the value is the block owner's; false for the last one only
};
std::vector<InlineField> inline_fields(const std::string& folded, std::size_t from, std::size_t to) {
    std::vector<InlineField> out;
    for (std::size_t p = from + 1; p < to; ++p) {
        if (folded[p - 1] != ' ' && folded[p - 1] != '\t') continue;
        const std::string_view rest = std::string_view(folded).substr(p, to - p);
        for (const auto& l : kLabels) {
            if (!opens_with(rest, l)) continue;
            std::size_t k = p + std::string_view(l.text).size();
            while (k < to && folded[k] == ' ') ++k;
            if (k >= to || folded[k] != ':') continue;
            ++k;
            while (k < to && (folded[k] == ' ' || folded[k] == '\t')) ++k;
            // What stands before the label: a gap, a number or a full stop starts a new field.
            std::size_t q = p - 1;
            const bool gap = folded[q] == '\t' || (q > from && folded[q - 1] == ' ');
            while (q > from && folded[q] == ' ') --q;
            const char before = folded[q];
            const bool new_field = gap || std::isdigit(static_cast<unsigned char>(before)) ||
                                   before == '.' || before == ',' || before == ';' || before == ')';
            const bool owners = new_field && !l.is_name && k < to;
            out.push_back({p, k, l.category, owners});
            if (!owners) return out;
            p = k;
            break;
        }
    }
    return out;
}

class FormValues final : public Recogniser {
  public:
    std::string_view id() const override { return "form-value"; }
    Phase phase() const override { return Phase::Derived; }

    void find(SectionContext& ctx, std::vector<Span>& out) const override {
        const Section& s = ctx.section;
        const FoldedText& folded = ctx.folded;
        std::optional<Owner> owner;    // whose block we are in
        double value_x = 0;            // where the last row's value started
        bool has_value_x = false;
        Category last_category = Category::Name;
        bool last_was_row = false;
        std::size_t fi = 0; // folded index walking with the lines
        std::size_t person = 0; // ctx.people walking with the lines (sorted by end)
        std::size_t w = 0;      // Section::words walking with the lines

        for (std::size_t b = 0; b <= s.text.size();) {
            std::size_t e = s.text.find('\n', b);
            if (e == std::string::npos) e = s.text.size();
            const Line line{b, e, 0};
            b = e + 1;
            while (w < s.words.size() && s.words[w].begin < line.begin) ++w;
            const bool has_word = w < s.words.size() && s.words[w].begin < line.end;
            // The line in folded text.
            while (fi < folded.from.size() && folded.from[fi] < line.begin) ++fi;
            std::size_t fb = fi, fe = fi;
            while (fe < folded.from.size() && folded.from[fe] < line.end) ++fe;
            std::string_view text = std::string_view(folded.text).substr(fb, fe - fb);
            while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
                text.remove_prefix(1);
                ++fb;
            }
            const Label* label = nullptr;
            for (const auto& l : kLabels)
                if (opens_with(text, l)) {
                    label = &l;
                    break;
                }
            std::size_t value_begin = line.begin;
            // A label no list knows ("Offence", "Employment"): one to four words before a tab,
            // a colon or a wide gap. Inside a block its value is the block owner's too.
            std::size_t other_label_end = 0;
            if (!label && owner) other_label_end = unlisted_label_end(s.text, line.begin, line.end);
            if (other_label_end) {
                value_begin = other_label_end;
            } else if (label) {
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
                const bool continues = last_was_row && has_word && has_value_x &&
                                       std::abs(s.words[w].box.x0 - value_x) < 4.0 &&
                                       line.end > line.begin;
                if (!continues) {
                    last_was_row = false;
                    if (line.end > line.begin) owner.reset();
                    continue;
                }
            }
            std::size_t value_end = line.end;
            if (other_label_end && value_begin >= value_end) continue;
            // Further fields on the same line end this value and are values of their own.
            std::vector<InlineField> more;
            if (label) {
                std::size_t vf = fb;
                while (vf < fe && folded.from[vf] < value_begin) ++vf;
                more = inline_fields(folded.text, vf, fe);
                if (!more.empty()) value_end = folded.from[more.front().label_begin];
            }
            auto owned_value = [&](std::size_t begin, std::size_t end, Category category,
                                   std::string_view recogniser) {
                Span sp;
                sp.begin = begin;
                sp.end = end;
                while (sp.end > sp.begin &&
                       std::isspace(static_cast<unsigned char>(s.text[sp.end - 1])))
                    --sp.end;
                sp.category = category;
                sp.owner = *owner;
                sp.confidence = 0.85f;
                sp.rule = "a form value in the block of " + owner_phrase(*owner) + " details";
                sp.recogniser = recogniser; // static storage, as Span wants
                if (sp.end > sp.begin) out.push_back(sp);
            };
            if (label && label->is_name) {
                // The block's owner: the first person found in the value.
                owner = Owner{};
                while (person < ctx.people.size() && ctx.people[person].end <= value_begin)
                    ++person;
                for (std::size_t k = person; k < ctx.people.size() && ctx.people[k].begin < value_end;
                     ++k)
                    if (ctx.people[k].begin >= value_begin && ctx.people[k].end <= value_end) {
                        owner = ctx.people[k].owner;
                        break;
                    }
            } else if (owner && owner->kind != Owner::Unknown) {
                owned_value(value_begin, value_end,
                            label             ? label->category
                            : other_label_end ? Category::Name
                                              : last_category,
                            other_label_end ? "form-value-unlabelled" : id());
            }
            if (owner && owner->kind != Owner::Unknown)
                for (std::size_t k = 0; k < more.size() && more[k].owners; ++k)
                    owned_value(folded.from[more[k].value_begin],
                                k + 1 < more.size() ? folded.from[more[k + 1].label_begin]
                                                    : line.end,
                                more[k].category, id());
            if (label) {
                last_category = label->category;
                // x of the first word at or after the value's start on this line.
                has_value_x = false;
                for (std::size_t k = w; k < s.words.size() && s.words[k].begin < value_end; ++k)
                    if (s.words[k].begin >= value_begin) {
                        value_x = s.words[k].box.x0;
                        has_value_x = true;
                        break;
                    }
            }
            last_was_row = true;
        }
    }
};

} // namespace

std::unique_ptr<Recogniser> make_form_values() { return std::make_unique<FormValues>(); }

} // namespace safesar
