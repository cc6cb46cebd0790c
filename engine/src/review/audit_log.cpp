#include "review/audit_log.hpp"

#include "review/clock.hpp"
#include "review/dialect.hpp"
#include "review/schema.hpp"
#include "review/sha256.hpp"
#include "safesar/audit.hpp"
#include "safesar/review.hpp"

namespace safesar {

namespace {
const std::string genesis(64, '0'); // the prev_hash of the first entry
}

std::string canonical_audit_entry(const AuditEntry& e) {
    return nlohmann::json::array({e.seq, e.at, e.who, e.action, e.detail_json}).dump();
}

std::string audit_entry_hash(const AuditEntry& e) {
    return review::sha256_hex(e.prev_hash + canonical_audit_entry(e));
}

namespace review {

std::string row_digest(Db& db, std::string_view table, std::int64_t seq) {
    const AuditedTable& t = audited_table(table);
    Statement s(db, "SELECT " + row_json(db, t.columns) + " FROM " + std::string(t.name) +
                        " WHERE seq = ?");
    s.bind(1, seq);
    if (!s.step()) db.fail(std::string(table) + " row " + std::to_string(seq) + " is missing");
    return sha256_hex(s.text(0));
}

namespace {

void append_entry(Db& db, const std::string& who, const std::string& action, nlohmann::json detail,
                  std::string_view table, std::int64_t row) {
    if (!table.empty()) {
        detail["table"] = std::string(table);
        detail["row"] = row;
        detail["digest"] = row_digest(db, table, row);
    }
    AuditEntry e;
    {
        Statement last(db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
        e.seq = last.step() ? last.integer(0) + 1 : 1;
        e.prev_hash = e.seq > 1 ? last.text(1) : genesis;
    }
    e.at = utc_now();
    e.who = who;
    e.action = action;
    e.detail_json = detail.dump(); // keys sorted: one canonical text per detail
    e.hash = audit_entry_hash(e);
    Statement insert(db, "INSERT INTO audit(seq, at, who, action, detail_json, prev_hash, hash) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, e.seq).bind(2, e.at).bind(3, e.who).bind(4, e.action).bind(5, e.detail_json);
    insert.bind(6, e.prev_hash).bind(7, e.hash).run();
    // The head, kept apart from the chain, shows entries cut from the end.
    Statement head(db, "UPDATE meta SET value = CASE key WHEN 'audit_head_seq' THEN ? ELSE ? END "
                       "WHERE key IN ('audit_head_seq', 'audit_head_hash')");
    head.bind(1, std::to_string(e.seq)).bind(2, e.hash).run();
}

// The account's full name and source, recorded once, and again whenever they change, so every
// entry's login can be told apart from a name and traced to who it was.
void record_identity(Db& db, const Identity& who) {
    if (who.login.empty()) throw ReviewError(db.name(), "nobody is named as acting");
    Statement last(db, "SELECT full_name, source FROM identities WHERE login = ? "
                       "ORDER BY seq DESC LIMIT 1");
    last.bind(1, who.login);
    if (last.step() && last.text(0) == who.full_name && last.text(1) == who.source) return;
    Statement insert(db,
                     "INSERT INTO identities(login, full_name, source, at) VALUES (?, ?, ?, ?)");
    insert.bind(1, who.login).bind(2, who.full_name).bind(3, who.source).bind(4, utc_now()).run();
    append_entry(db, who.login, "identity", {{"source", who.source}}, "identities",
                 db.last_insert_id());
}

} // namespace

void append_audit(Db& db, const Identity& who, const std::string& action, nlohmann::json detail,
                  std::string_view table, std::int64_t row) {
    record_identity(db, who);
    append_entry(db, who.login, action, std::move(detail), table, row);
}

void append_audit_login_only(Db& db, const std::string& login, const std::string& action,
                             nlohmann::json detail) {
    append_entry(db, login, action, std::move(detail), {}, 0);
}

} // namespace review
} // namespace safesar
