// Is a text a letter to the requester? Detection reads "you" in it as him; policy never counts
// it as a record about someone else. One judgement for both.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace safesar {

// What a letter's head holds on the bytes [begin, end) of its text: the requester's name or
// address, or the name of someone who is not he.
enum class HisOnLine { Name, Address, OthersName };

// What a text's head says of the requester. `Letter`: a line of its first twelve opens "Dear"
// and holds his name ("Dear Mr Marsh,"), or his address (or postcode) is on a line of its
// first six and a greeting of any words is among the twelve ("Good morning,", "Hello,"). A
// "Dear" line that names someone else and not him opens a letter to that person ("Dear Mr Hale,"
// under his town): its "you" and "your" are the addressee's, `None`.
// `Headed`: his address at its head and no greeting: a document set out for him (a licence's
// conditions, "You must ..."), or a statement about something at his address. Detection reads
// "you" as him in both; policy takes only a letter as a record that cannot be about someone
// else. `his(b, e, what)` says whether a finding of his of that kind lies within [b, e).
enum class LetterHead { None, Headed, Letter };

LetterHead letter_head(std::string_view text,
                       const std::function<bool(std::size_t, std::size_t, HisOnLine)>& his);

} // namespace safesar
