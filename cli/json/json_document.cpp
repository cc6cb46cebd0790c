#include "json_output.hpp"

#include "safesar/version.hpp"

#include <ostream>

namespace safesar::cli {

Json json_document(const char* shape) {
    Json j;
    j["schema"] = shape;
    j["safesar_version"] = version_line();
    return j;
}

void print_json(const Json& document, std::ostream& out) {
    // Text from records may not be valid UTF-8: replaced, never a throw mid-output.
    out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

} // namespace safesar::cli
