// HTML to text with gumbo, for HTML-only e-mails and HTML attachments. Only what a reader would
// see is kept: the redaction has to cover what the requester would read, not the markup.
#include "gather/email_html.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <memory>
#include <string_view>
#include <vector>

namespace safesar::gather_detail {
namespace {

// Nesting beyond this is refused before gumbo sees it: gumbo needs memory quadratic in the
// depth (20,000 nested <div>s cost it 3 GB); real mail nests a few dozen levels.
constexpr std::size_t max_nesting = 500;

// Whether the markup nests deeper than max_nesting, from a scan of its tags that keeps a
// stack of open elements as the HTML tree builder would: an end tag closes the nearest open
// element of its name and everything opened after it, and an end tag matching nothing is
// ignored (so "<div></x>" repeated still counts as nesting). Void elements, self-closed tags and
// elements whose end tag may be implied (p, li, td...) are not counted, so ordinary mail scores
// low; each uncounted kind adds at most a level or two per counted element to the real depth.
bool scan_nests_too_deeply(std::string_view html) {
    static constexpr std::array<std::string_view, 33> uncounted{
        "area",   "base",     "br",     "col",   "embed", "hr",    "img",   "input", "link",
        "meta",   "param",    "source", "track", "wbr",   "p",     "li",    "dt",    "dd",
        "option", "optgroup", "tr",     "td",    "th",    "tbody", "thead", "tfoot", "colgroup",
        "rb",     "rt",       "rtc",    "rp",    "html",  "body"};
    std::vector<std::string> open;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        ++i;
        if (html.substr(i, 3) == "!--") {
            const auto end = html.find("-->", i);
            if (end == std::string_view::npos) break;
            i = end + 3;
            continue;
        }
        const bool closing = i < html.size() && html[i] == '/';
        if (closing) ++i;
        std::string name;
        while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i])) &&
               name.size() < 16)
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
        if (name.empty()) continue;
        if (std::find(uncounted.begin(), uncounted.end(), name) != uncounted.end()) continue;
        if (closing) {
            const auto match = std::find(open.rbegin(), open.rend(), name);
            if (match != open.rend()) open.erase(std::prev(match.base()), open.end());
            continue;
        }
        const auto end = html.find('>', i);
        const bool self_closed = end != std::string_view::npos && end > 0 && html[end - 1] == '/';
        if (self_closed) continue;
        open.push_back(std::move(name));
        if (open.size() > max_nesting) return true;
    }
    return false;
}

// A stack guard for our own recursion. The scan above bounds the tree's depth to a few times
// max_nesting, so real documents never reach this.
constexpr int max_walk_depth = 16 * static_cast<int>(max_nesting);

bool is_block(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
        return true;
    default:
        return false;
    }
}

bool is_hidden(GumboTag tag) {
    return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_HEAD ||
           tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_NOSCRIPT;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

class TextBuilder {
  public:
    void walk(const GumboNode* node, int depth, bool pre) {
        if (depth > max_walk_depth) return;
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            text(node->v.text.text, pre);
            return;
        case GUMBO_NODE_DOCUMENT:
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            break;
        default:
            return; // comments
        }
        const GumboVector* children = nullptr;
        GumboTag tag = GUMBO_TAG_UNKNOWN;
        if (node->type == GUMBO_NODE_DOCUMENT) {
            children = &node->v.document.children;
        } else {
            tag = node->v.element.tag;
            if (is_hidden(tag)) return;
            children = &node->v.element.children;
        }
        if (tag == GUMBO_TAG_BR) {
            out_ += '\n';
            pending_space_ = false;
            return;
        }
        const bool block = is_block(tag);
        if (block) line_break();
        if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && !at_line_start()) {
            out_ += '\t';
            pending_space_ = false;
        }
        for (unsigned i = 0; i < children->length; ++i)
            walk(static_cast<const GumboNode*>(children->data[i]), depth + 1,
                 pre || tag == GUMBO_TAG_PRE);
        if (block) line_break();
    }

    std::string finish() {
        // Trailing spaces off every line, at most one blank line in a row, no blank ends.
        std::string result;
        std::size_t blank_run = 0;
        std::string_view rest(out_);
        while (!rest.empty()) {
            const auto end = rest.find('\n');
            std::string_view line = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
            while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
                line.remove_suffix(1);
            if (line.empty()) {
                if (!result.empty()) ++blank_run;
                continue;
            }
            if (!result.empty()) result += blank_run > 0 ? "\n\n" : "\n";
            blank_run = 0;
            result += line;
        }
        if (!result.empty()) result += '\n';
        return result;
    }

  private:
    bool at_line_start() const { return out_.empty() || out_.back() == '\n'; }

    void line_break() {
        if (!at_line_start()) out_ += '\n';
        pending_space_ = false;
    }

    void text(std::string_view s, bool pre) {
        if (pre) {
            out_ += s;
            return;
        }
        for (const char c : s) {
            if (is_space(c)) {
                pending_space_ = !at_line_start();
                continue;
            }
            if (pending_space_ && !at_line_start()) out_ += ' ';
            pending_space_ = false;
            out_ += c;
        }
    }

    std::string out_;
    bool pending_space_ = false;
};

struct OutputFree {
    void operator()(GumboOutput* output) const {
        gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
};

} // namespace

bool html_nests_too_deeply(std::string_view html) {
    return scan_nests_too_deeply(html);
}

std::optional<std::string> email_html_to_text(const std::string& html) {
    if (scan_nests_too_deeply(html)) return std::nullopt;
    std::unique_ptr<GumboOutput, OutputFree> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
    if (!output) return std::string{};
    TextBuilder builder;
    builder.walk(output->document, 0, false);
    return builder.finish();
}

} // namespace safesar::gather_detail
