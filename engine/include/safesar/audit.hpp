// The audit trail of a case: every scan, decision, manual redaction, risk acknowledgement,
// sign-off, export and verification, with who, when and what. Append-only (triggers refuse
// UPDATE and DELETE) and hash-chained: hash = SHA-256(prev_hash || canonical entry), so changing
// any past entry breaks every hash after it. Entries hold ids and digests, never finding text.
// The audit is internal: nothing of it goes into the requester's bundle.
#pragma once

#include "safesar/identity.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace safesar {

struct AuditEntry {
    std::int64_t seq = 0;
    std::string at;          // UTC, ISO 8601
    std::string who;         // the acting account's login (an `identity` entry gives its name)
    std::string action;      // identity, scan, decide, manual, withdraw, acknowledge, read,
                             // signoff, export, verify
    std::string detail_json; // ids, counts and digests
    std::string prev_hash, hash;
};

struct AuditVerification {
    std::int64_t entries = 0;
    std::optional<std::int64_t> first_broken; // the first entry that fails, if any
    std::vector<std::string> problems;        // what is wrong, the first broken entry's first
    bool ok() const { return !first_broken && problems.empty(); }
};

// The canonical form an entry's hash covers: a JSON array of seq, at, who, action, detail.
std::string canonical_audit_entry(const AuditEntry& entry);
// SHA-256 (hex) of prev_hash followed by the canonical entry.
std::string audit_entry_hash(const AuditEntry& entry);

// Both take the path of an embedded review database (review_db_path) and throw ReviewError
// when it does not exist or cannot be read. ReviewStore::audit and verify_audit do the same on
// an open store of either kind.
std::vector<AuditEntry> read_audit(const std::filesystem::path& db_file);

// Checks the chain, the head recorded beside it (entries removed from the end), that every
// scan, decision, manual redaction, acknowledgement, sign-off and export row still matches the
// digest its audit entry recorded, and that the append-only triggers are in place. Then appends
// a `verify` entry with the outcome, naming `who`.
AuditVerification verify_audit(const std::filesystem::path& db_file, const Identity& who);

// The same for a case folder, wherever its state is (review_database.hpp): the embedded file,
// or the case's rows in the shared database, found by the reference in its request.json (the
// rest of the request may be broken). With a shared database the `verify` entry names the
// database login, whoever `who` is.
std::vector<AuditEntry> read_case_audit(const std::filesystem::path& case_folder);
AuditVerification verify_case_audit(const std::filesystem::path& case_folder, const Identity& who);

} // namespace safesar
