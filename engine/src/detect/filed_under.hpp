// The number a service files the requester's records under. A case folder is gathered for
// him, so a number that several of its records carry in their names ("contact-log-40017733.csv",
// "tracker-40017733.xlsx") is his account's or his file's: where the records write it, or a
// longer number that begins with it (the account number with its check digits), it is his. So is
// a code of capitals and digits the names carry ("notes-KW-LN-30518.txt", "unit-B204.pdf").
#pragma once

#include "safesar/detect.hpp"
#include "safesar/document.hpp"

#include <string>
#include <vector>

namespace safesar {

// Runs of six digits or more that stand in the file names of at least two records (an
// attachment counts with the message that carries it, once).
std::vector<std::string> numbers_filed_under(const std::vector<Record>& records);

// Codes of letters and at least three digits ("B204", "KW-LN-30518": capitals or digits
// joined by '-', compared without the joins and in capitals) that stand in the file names of at
// least two files' own names (an attachment's name does not count).
std::vector<std::string> codes_filed_under(const std::vector<Record>& records);

// Gives the requester every reference, identity or account number that no rule gave an owner
// and whose digits are a filed-under number, or begin with one and go on for at most eight more,
// or that is a filed-under code; and every reference in a document (not a message, not an
// attachment) that is a code of its own file name: the document's own reference.
void his_filed_numbers(const std::vector<Record>& records, std::vector<Finding>& findings);

} // namespace safesar
