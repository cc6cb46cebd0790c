// `safesar audit CASE --verify`: walks the chain and the audited rows, names the first entry
// that does not hold.
#include "review/audit_log.hpp"
#include "review/database_login.hpp"
#include "review/db.hpp"
#include "review/dialect.hpp"
#include "review/postgres_connection.hpp"
#include "review/schema.hpp"
#include "review/schema_postgres.hpp"
#include "review/store_impl.hpp"
#include "safesar/audit.hpp"
#include "safesar/review.hpp"
#include "safesar/review_database.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <utility>

namespace safesar {

namespace {

using review::Db;
using review::Statement;
using review::table_exists;

void require_state(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file))
        throw ReviewError(file.string(), "no review state: the case has not been scanned");
}

std::vector<AuditEntry> entries_of(Db& db) {
    std::vector<AuditEntry> out;
    Statement s(db, "SELECT seq, at, who, action, detail_json, prev_hash, hash FROM audit "
                    "ORDER BY seq");
    while (s.step())
        out.push_back(
            {s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)});
    return out;
}

struct Findings {
    std::vector<std::pair<std::int64_t, std::string>> broken; // entry, problem
    std::vector<std::string> other;                           // problems with no entry to name

    void at(std::int64_t entry, std::string problem) {
        broken.emplace_back(entry, "entry " + std::to_string(entry) + ": " + std::move(problem));
    }
};

// Each entry follows the one before it, and its hash covers its content.
void check_chain(const std::vector<AuditEntry>& entries, Db& db, Findings& out) {
    std::string prev(64, '0');
    std::int64_t expected = 1;
    for (const AuditEntry& e : entries) {
        if (e.seq != expected) {
            out.at(expected, "missing: deleted (the next entry is " + std::to_string(e.seq) + ")");
            return;
        }
        if (e.prev_hash != prev) {
            out.at(e.seq, "does not follow entry " + std::to_string(e.seq - 1) +
                              " (its previous hash differs)");
            return;
        }
        if (audit_entry_hash(e) != e.hash) {
            out.at(e.seq, "its content was changed after it was written (hash mismatch)");
            return;
        }
        prev = e.hash;
        ++expected;
    }
    Statement head(db, "SELECT (SELECT value FROM meta WHERE key = 'audit_head_seq'), "
                       "(SELECT value FROM meta WHERE key = 'audit_head_hash')");
    head.step();
    const std::string last_seq = std::to_string(expected - 1);
    if (head.text(0) != last_seq || head.text(1) != (entries.empty() ? "" : prev))
        out.at(expected, "missing: the audit ends at entry " + last_seq +
                             " but its recorded head is entry " + head.text(0));
}

// Every audited row has exactly one entry, and still has the digest that entry recorded. A table
// a newer schema added is missing from an older state: rows an entry recorded there are missing.
void check_rows(const std::vector<AuditEntry>& entries, Db& db, Findings& out) {
    std::map<std::pair<std::string, std::int64_t>, std::pair<std::int64_t, std::string>> recorded;
    for (const AuditEntry& e : entries) {
        const auto detail = nlohmann::json::parse(e.detail_json, nullptr, false);
        if (detail.is_discarded() || !detail.is_object()) {
            out.at(e.seq, "its detail is not JSON");
            continue;
        }
        if (!detail.contains("table")) continue;
        const auto key =
            std::make_pair(detail.value("table", ""), detail.value("row", std::int64_t{0}));
        if (!recorded.emplace(key, std::make_pair(e.seq, detail.value("digest", ""))).second)
            out.at(e.seq, "records " + key.first + " row " + std::to_string(key.second) +
                              " a second time");
    }
    for (const review::AuditedTable& t : review::audited_tables()) {
        const std::string table(t.name);
        if (!table_exists(db, table)) continue;
        Statement rows(db, "SELECT seq FROM " + table + " ORDER BY seq");
        while (rows.step()) {
            const std::int64_t row = rows.integer(0);
            auto it = recorded.find({table, row});
            const std::string what = table + " row " + std::to_string(row);
            if (it == recorded.end()) {
                out.other.push_back(what + " has no audit entry");
                continue;
            }
            if (review::row_digest(db, table, row) != it->second.second)
                out.at(it->second.first,
                       what + " no longer matches the digest recorded here: changed afterwards");
            recorded.erase(it);
        }
    }
    for (const auto& [key, entry] : recorded)
        out.at(entry.first, key.first + " row " + std::to_string(key.second) +
                                " recorded here is missing: deleted afterwards");
}

// A table a newer schema added does not exist in an older state; its rows, had there been any,
// are still checked by check_rows.
void check_triggers(Db& db, Findings& out) {
    std::vector<std::string> tables = {"audit"};
    for (const review::AuditedTable& t : review::audited_tables())
        if (table_exists(db, std::string(t.name))) tables.emplace_back(t.name);
    for (const std::string& table : tables)
        for (const char* op : {"update", "delete"})
            if (!review::trigger_exists(db, table, table + "_no_" + op))
                out.other.push_back("the guard refusing " + std::string(op) + " on " + table +
                                    " was removed");
}

} // namespace

std::filesystem::path review_db_path(const std::filesystem::path& case_folder) {
    return case_folder / ".safesar" / "review.db";
}

namespace {

AuditVerification verify_in(Db& db, const Identity& who) {
    AuditVerification result;
    {
        review::ReadTransaction snapshot(db);
        const std::vector<AuditEntry> entries = entries_of(db);
        result.entries = static_cast<std::int64_t>(entries.size());
        Findings found;
        check_chain(entries, db, found);
        check_rows(entries, db, found);
        check_triggers(db, found);
        std::sort(found.broken.begin(), found.broken.end());
        if (!found.broken.empty()) result.first_broken = found.broken.front().first;
        for (auto& [entry, problem] : found.broken)
            result.problems.push_back(std::move(problem));
        for (auto& problem : found.other)
            result.problems.push_back(std::move(problem));
    }
    review::WriteTransaction tx(db);
    nlohmann::json detail = {
        {"ok", result.ok()}, {"entries", result.entries}, {"problems", result.problems.size()}};
    if (result.first_broken) detail["first_broken"] = *result.first_broken;
    if (table_exists(db, "identities"))
        review::append_audit(db, who, "verify", detail);
    else // an older state: verified as it is, not brought up to date
        review::append_audit_login_only(db, who.login, "verify", detail);
    tx.commit();
    return result;
}

std::vector<AuditEntry> read_in(Db& db) {
    review::ReadTransaction snapshot(db);
    return entries_of(db);
}

// The case's rows in the shared database, found by the reference in request.json alone: the
// trail must be checkable even when the rest of the request is broken.
std::unique_ptr<Db> shared_state(const std::filesystem::path& case_folder,
                                 const ReviewDatabase& database) {
    const std::filesystem::path request = case_folder / "request.json";
    std::ifstream in(request);
    const auto json = nlohmann::json::parse(in, nullptr, false);
    if (!in || json.is_discarded() || !json.is_object() || !json.contains("reference") ||
        !json["reference"].is_string() || json["reference"].get<std::string>().empty())
        throw ReviewError(request.string(), "no case reference to find its review state by");
    const std::string reference = json["reference"].get<std::string>();
    auto db = std::make_unique<Db>(review::open_postgres(database.connection, reference));
    review::require_postgres_schema(*db);
    if (db->scalar("SELECT count(*) FROM meta") == 0)
        throw ReviewError(db->name(), "no review state: the case has not been scanned");
    return db;
}

} // namespace

std::vector<AuditEntry> read_audit(const std::filesystem::path& file) {
    require_state(file);
    Db db(file, Db::Mode::Existing);
    review::configure(db);
    return read_in(db);
}

AuditVerification verify_audit(const std::filesystem::path& file, const Identity& who) {
    require_state(file);
    Db db(file, Db::Mode::Existing);
    review::configure(db);
    return verify_in(db, who);
}

std::vector<AuditEntry> read_case_audit(const std::filesystem::path& case_folder) {
    const ReviewDatabase database = ReviewDatabase::from_environment();
    if (!database.shared()) return read_audit(review_db_path(case_folder));
    return read_in(*shared_state(case_folder, database));
}

AuditVerification verify_case_audit(const std::filesystem::path& case_folder, const Identity& who) {
    const ReviewDatabase database = ReviewDatabase::from_environment();
    if (!database.shared()) return verify_audit(review_db_path(case_folder), who);
    auto db = shared_state(case_folder, database);
    // Recorded as the login, whoever the caller named.
    bool approver = false;
    return verify_in(*db, review::database_login(*db, approver));
}

std::vector<AuditEntry> ReviewStore::audit() const {
    return read_in(impl_->db);
}

AuditVerification ReviewStore::verify_audit() {
    return verify_in(impl_->db, impl_->who());
}

} // namespace safesar
