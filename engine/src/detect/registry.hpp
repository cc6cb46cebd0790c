// The recognisers of one case, in the order they run (recognisers/recognisers.hpp lists them).
#pragma once

#include "recogniser.hpp"

#include "safesar/case_model.hpp"

#include <filesystem>

namespace safesar {

Recognisers make_registry(const Case* request, const Lexicon& lexicon,
                          const std::filesystem::path& dictionaries);

} // namespace safesar
