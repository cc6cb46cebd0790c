// Resolution: one section's spans from every recogniser become its findings. Keyed on
// recogniser ids and owners, never on the prose of a rule.
#pragma once

#include "span.hpp"

#include <vector>

namespace safesar {

std::vector<Span> resolve(std::vector<Span> spans);

} // namespace safesar
