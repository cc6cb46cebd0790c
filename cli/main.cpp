// safesar: a thin shell over the engine. Each subcommand builds a job and runs it.
#include "commands.hpp"
#include "version_text.hpp"

#include "safesar/errors.hpp"
#include "safesar/printable.hpp"
#include "safesar/time_limit.hpp"

#include <cstdlib>

#include <iostream>

namespace safesar::cli {
int& exit_status() {
    static int status = 0;
    return status;
}
} // namespace safesar::cli

namespace {

constexpr int kUsageError = 2;

// The status to end with. A page given up after its time limit may still be drawing on a
// thread of its own (time_limit.hpp): then the process ends without running static
// destructors, which would pull Poppler out from under that thread.
int finish(int status) {
    if (safesar::running_abandoned_threads() > 0) {
        std::cout.flush();
        std::cerr.flush();
        std::_Exit(status);
    }
    return status;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"SafeSAR: answer subject access requests safely"};
    app.require_subcommand(1);
    app.set_version_flag("--version", safesar::cli::version_text,
                         "Print the version, the git revision and the libraries in use");
    using namespace safesar::cli;
    add_gather_command(app);
    add_detect_command(app);
    add_scan_command(app);
    add_run_command(app);
    add_deadline_command(app);
    add_review_command(app);
    add_signoff_command(app);
    add_status_command(app);
    add_export_command(app);
    add_audit_command(app);
    add_list_command(app);
    add_profiles_command(app);
    add_batch_command(app);
    add_db_command(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version end here with status 0; anything else is a usage error, which
        // exits 2 like batch's (docs/user-guide.md), apart from a failed run (1).
        return app.exit(e) == 0 ? 0 : kUsageError;
    } catch (const safesar::Error& e) {
        std::cerr << "safesar: " << safesar::shown(e.what(), 1000) << "\n";
        return finish(1);
    } catch (const std::exception& e) {
        std::cerr << "safesar: " << safesar::shown(e.what(), 1000) << "\n";
        return finish(1);
    }
    return finish(exit_status());
}
