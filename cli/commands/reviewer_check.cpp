// `--reviewer LOGIN`: a check on who is running safesar, never a name to record.
#include "../commands.hpp"

#include "safesar/review.hpp"
#include "safesar/review_database.hpp"

namespace safesar::cli {

void add_reviewer_check(CLI::App* command, std::string& asserted) {
    command->add_option("--reviewer", asserted,
                        "refuse to run unless this is the login of the account running safesar, "
                        "or with SAFESAR_DATABASE the database login (who acts is always that)");
}

Identity acting_reviewer(const std::string& asserted) {
    const Identity acting = acting_identity();
    if (!asserted.empty() && asserted != acting.login)
        throw ReviewError("", "--reviewer " + asserted +
                                  " does not match the account running "
                                  "safesar, " +
                                  acting.display() +
                                  ": what you do is recorded as the account you are logged in as; "
                                  "log in as " +
                                  asserted + " to act as them");
    return acting;
}

} // namespace safesar::cli
