// Private: HTML mail bodies reduced to plain text for detection.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safesar::gather_detail {

// `html` is UTF-8. Block elements and <br> become line breaks, table cells are separated by a
// tab, <script>, <style> and <head> are dropped, entities are decoded; whitespace collapses as
// a browser would show it, except inside <pre>. nullopt when the markup nests so deeply that
// parsing it would cost too much (gumbo needs memory quadratic in the nesting depth).
std::optional<std::string> email_html_to_text(const std::string& html);

// Whether the markup nests so deeply that gumbo would need too much memory to parse it.
bool html_nests_too_deeply(std::string_view html);

} // namespace safesar::gather_detail
