#include "registry.hpp"

#include "recognisers/recognisers.hpp"

#include <algorithm>

namespace safesar {

Recognisers make_registry(const Case* request, const Lexicon& lexicon,
                          const std::filesystem::path& dictionaries) {
    Recognisers r;
    r.push_back(make_known_people());
    r.push_back(make_nicknames());
    r.push_back(make_unlisted_people());
    r.push_back(make_people_columns());
    for (auto& p : make_patterns(request, lexicon, dictionaries)) r.push_back(std::move(p));
    r.push_back(make_unnumbered_places());
    r.push_back(make_vehicle_descriptions());
    r.push_back(make_address_tails());
    r.push_back(make_form_values());
    r.push_back(make_special_category());
    r.push_back(make_whereabouts());
    r.push_back(make_protected_sentences());
    r.push_back(make_someone_elses_words());
    r.push_back(make_someone_elses_row());
    r.push_back(make_residue());
    std::stable_sort(r.begin(), r.end(),
                     [](const auto& a, const auto& b) { return a->phase() < b->phase(); });
    return r;
}

} // namespace safesar
