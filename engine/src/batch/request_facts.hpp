// What a case's request says that the batch summary needs: its reference, its profile and its
// due date. Known even for a case that failed later or did not run, so that the summary can
// say which overdue requests have no draft yet.
#pragma once

#include "safesar/batch.hpp"

#include <filesystem>

namespace safesar::batching {

// Throws DataError when the bank holidays cannot be read.
void add_request_facts(const Case& request, CaseResult& result);
// Reads CASE/request.json; leaves `result` as it is when the request cannot be read.
void add_request_facts(const std::filesystem::path& case_folder, CaseResult& result) noexcept;

} // namespace safesar::batching
