// One factory per recogniser; registry.cpp lists them in the order they run. Each lives in a
// file of its own beside this one.
#pragma once

#include "../recogniser.hpp"

#include <filesystem>

namespace safesar {

// Known: the requester's and listed parties' names, addresses, schools, workplaces; and
// organisations (whose words are never a person).
std::unique_ptr<Recogniser> make_known_people();
// People: short forms of listed parties' given names, unlisted people, names in people columns.
std::unique_ptr<Recogniser> make_nicknames();
std::unique_ptr<Recogniser> make_unlisted_people();
std::unique_ptr<Recogniser> make_people_columns();
// Shapes: every pattern of dictionaries/detect/patterns.json; places named without a number;
// vehicles by colour and make.
Recognisers make_patterns(const Case* request, const Lexicon& lexicon,
                          const std::filesystem::path& dictionaries);
std::unique_ptr<Recogniser> make_unnumbered_places();
std::unique_ptr<Recogniser> make_vehicle_descriptions();
// Derived: the town after a third party's street; values in a form block.
std::unique_ptr<Recogniser> make_address_tails();
std::unique_ptr<Recogniser> make_form_values();
// Sentences: special-category data; whereabouts, routine and safety arrangements; secrets;
// sentences about the victim or a child alone.
std::unique_ptr<Recogniser> make_special_category();
std::unique_ptr<Recogniser> make_whereabouts();
std::unique_ptr<Recogniser> make_protected_sentences();
std::unique_ptr<Recogniser> make_someone_elses_words();
std::unique_ptr<Recogniser> make_someone_elses_row();
// Residue: candidate identifiers nothing else covered.
std::unique_ptr<Recogniser> make_residue();

} // namespace safesar
