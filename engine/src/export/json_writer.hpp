// REFERENCE.json: the disclosure as portable data (schema "safesar-bundle/1",
// docs/bundle.schema.json). Built from the same pieces as the PDF: tokens such as "[TP]" stand
// where text was redacted; withheld records carry no content at all.
#pragma once

#include "export/bundle_plan.hpp"
#include "export/settings.hpp"
#include "safesar/disclosure.hpp"

#include <string>

namespace safesar::exporting {

inline constexpr const char* bundle_schema = "safesar-bundle/1";

std::string bundle_json(const Disclosure& disclosure, const BundlePlan& plan,
                        const ControllerSettings& settings, const std::string& pdf_file_name);

// The JSON's own words: its keys, kinds, reasons and the controller's information (for
// verification, see OutputFiles::fixed_text).
std::vector<std::string> json_fixed_text(const Disclosure& disclosure,
                                         const ControllerSettings& settings);

} // namespace safesar::exporting
