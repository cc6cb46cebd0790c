// A case's result as JSON, for the batch's own files (see case_result.cpp).
#pragma once

#include "safesar/batch.hpp"

#include <nlohmann/json.hpp>

namespace safesar::batching {

nlohmann::json to_json(const CaseResult& result);
CaseResult from_json(const nlohmann::json& json); // throws nlohmann::json::exception

} // namespace safesar::batching
