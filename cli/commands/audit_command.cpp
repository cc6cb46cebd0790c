// safesar audit CASE [--verify]: print the audit trail, or verify its hash chain and every
// audited row; a broken trail exits non-zero naming the first broken entry.
#include "../commands.hpp"
#include "../json/json_output.hpp"

#include "safesar/audit.hpp"
#include "safesar/review.hpp"

#include <iostream>
#include <memory>

namespace safesar::cli {

namespace {

struct AuditArgs {
    std::string folder, who;
    bool verify = false, json = false;
};

// Works on the state alone: a trail must be checkable even when request.json is broken.
void run(const AuditArgs& a) {
    if (!a.verify) {
        const std::vector<AuditEntry> entries = read_case_audit(a.folder);
        if (a.json) {
            print_json(audit_json(entries), std::cout);
            return;
        }
        for (const AuditEntry& e : entries)
            std::cout << e.seq << "  " << e.at << "  " << e.who << "  " << e.action << "  "
                      << e.detail_json << "\n";
        if (!entries.empty())
            std::cout << "head: entry " << entries.back().seq << " " << entries.back().hash << "\n";
        return;
    }
    const AuditVerification v = verify_case_audit(a.folder, acting_reviewer(a.who));
    if (a.json) { // a broken trail still exits 1; the JSON says where
        print_json(audit_verification_json(v), std::cout);
        exit_status() = v.ok() ? 0 : 1;
        return;
    }
    if (v.ok()) {
        std::cout << "audit verified: " << v.entries << " entries, chain and rows intact\n";
        return;
    }
    std::cerr << "safesar: audit BROKEN";
    if (v.first_broken) std::cerr << " at entry " << *v.first_broken;
    std::cerr << "\n";
    for (const std::string& p : v.problems)
        std::cerr << "  " << p << "\n";
    exit_status() = 1;
}

} // namespace

void add_audit_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("audit", "Print or verify a case's audit trail");
    auto a = std::make_shared<AuditArgs>();
    cmd->add_option("CASE", a->folder, "the case folder")->required();
    cmd->add_flag("--verify", a->verify, "check the hash chain and the audited rows");
    add_reviewer_check(cmd, a->who);
    cmd->add_flag("--json", a->json,
                  "print the trail, or with --verify the verdict, as JSON "
                  "(docs/json/audit.schema.json, audit-verify.schema.json)");
    cmd->callback([a] { run(*a); });
}

} // namespace safesar::cli
