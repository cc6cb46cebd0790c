#include "review/schema.hpp"

#include "safesar/review.hpp"

#include <set>
#include <string>

namespace safesar::review {

namespace {

// 2: a decision may be `reopen` (the decision in force withdrawn).
// 3: who acted is an account (`identities`), pages marked read (`page_reads`), and each record's
//    content digest, so a mark stays with the page it was made on.
// 4: whole-record decisions (`record_decisions`), and what the policy proposed for each record
//    beside what the bundle does (`records.policy_withheld`, its kind and reason).
// 5: each finding's confidence and recogniser.
// 6: teams (schema_postgres.cpp): a shared database's cases kept to their team. A case folder's
//    own file is one case on one desktop, kept by the folder's permissions: nothing to add.
// 7: who is in the case (`presence`: one row per account, refreshed while the case is open).
// (schema_version, in schema.hpp, is the last of these.)

// Finding text and comments live here: the controller's own confidential store (mode 0600),
// never in the audit and never in a bundle.
constexpr std::string_view tables = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '7'), ('version', '0'),
    ('audit_head_seq', '0'), ('audit_head_hash', '');
CREATE TABLE IF NOT EXISTS scans(
    seq INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL,
    findings INTEGER NOT NULL, new_findings INTEGER NOT NULL, gone INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records(
    name TEXT PRIMARY KEY, kind TEXT NOT NULL, pages INTEGER NOT NULL,
    withheld INTEGER NOT NULL, last_scan INTEGER NOT NULL, digest TEXT NOT NULL DEFAULT '',
    policy_withheld INTEGER NOT NULL DEFAULT 0, withheld_kind TEXT NOT NULL DEFAULT '',
    withheld_reason TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS findings(
    id TEXT PRIMARY KEY, record TEXT NOT NULL, section TEXT NOT NULL,
    section_index INTEGER NOT NULL, page INTEGER NOT NULL, category TEXT NOT NULL,
    owner TEXT NOT NULL, owner_name TEXT NOT NULL, text TEXT NOT NULL,
    begin_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, rule TEXT NOT NULL,
    proposal TEXT NOT NULL CHECK (proposal IN ('keep', 'redact', 'review')),
    reason TEXT NOT NULL, policy_line TEXT NOT NULL, withheld_record INTEGER NOT NULL,
    first_scan INTEGER NOT NULL, last_scan INTEGER NOT NULL, gone INTEGER NOT NULL,
    confidence REAL NOT NULL DEFAULT 1, recogniser TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS findings_by_place
    ON findings(record, section_index, begin_byte);
CREATE TABLE IF NOT EXISTS manual(
    seq INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('text', 'box')),
    record TEXT NOT NULL, phrase TEXT NOT NULL, page INTEGER NOT NULL,
    x0 REAL NOT NULL, y0 REAL NOT NULL, x1 REAL NOT NULL, y1 REAL NOT NULL,
    reason TEXT NOT NULL, reviewer TEXT NOT NULL CHECK (reviewer <> ''), at TEXT NOT NULL,
    comment TEXT NOT NULL, version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS withdrawals(
    seq INTEGER PRIMARY KEY, manual INTEGER NOT NULL UNIQUE REFERENCES manual(seq),
    reviewer TEXT NOT NULL CHECK (reviewer <> ''), at TEXT NOT NULL, comment TEXT NOT NULL,
    version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS risks(
    id TEXT PRIMARY KEY, record TEXT NOT NULL, what TEXT NOT NULL,
    first_scan INTEGER NOT NULL, last_scan INTEGER NOT NULL, gone INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS acknowledgements(
    seq INTEGER PRIMARY KEY, risk TEXT NOT NULL REFERENCES risks(id),
    reviewer TEXT NOT NULL CHECK (reviewer <> ''), at TEXT NOT NULL, comment TEXT NOT NULL,
    version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS signoffs(
    seq INTEGER PRIMARY KEY, reviewer TEXT NOT NULL CHECK (reviewer <> ''), at TEXT NOT NULL,
    comment TEXT NOT NULL, version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS exports(
    seq INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, final INTEGER NOT NULL,
    version INTEGER NOT NULL, pdf TEXT NOT NULL, pdf_sha256 TEXT NOT NULL,
    json_sha256 TEXT NOT NULL, pages INTEGER NOT NULL, redactions INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS identities(
    seq INTEGER PRIMARY KEY, login TEXT NOT NULL CHECK (login <> ''), full_name TEXT NOT NULL,
    source TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS page_reads(
    seq INTEGER PRIMARY KEY, record TEXT NOT NULL, page INTEGER NOT NULL CHECK (page >= 1),
    digest TEXT NOT NULL, reviewer TEXT NOT NULL CHECK (reviewer <> ''), at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS page_reads_by_page ON page_reads(record, page, digest);
CREATE TABLE IF NOT EXISTS record_decisions(
    seq INTEGER PRIMARY KEY, record TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('release', 'withhold', 'reopen')),
    policy_withheld INTEGER NOT NULL, digest TEXT NOT NULL, reason TEXT NOT NULL,
    reviewer TEXT NOT NULL CHECK (reviewer <> ''), at TEXT NOT NULL, comment TEXT NOT NULL,
    version INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS record_decisions_by_record ON record_decisions(record, seq);
CREATE TABLE IF NOT EXISTS presence(
    login TEXT PRIMARY KEY, full_name TEXT NOT NULL, opened_at TEXT NOT NULL,
    last_seen TEXT NOT NULL, last_seen_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS audit(
    seq INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
    detail_json TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
)sql";

// Apart, so that a schema 1 database can have it made again (migrate_to_2).
constexpr std::string_view decisions_table = R"sql(
CREATE TABLE IF NOT EXISTS decisions(
    seq INTEGER PRIMARY KEY, finding TEXT NOT NULL REFERENCES findings(id),
    verdict TEXT NOT NULL CHECK (verdict IN ('approve', 'reject', 'span', 'reopen')),
    proposal TEXT NOT NULL, span_text TEXT NOT NULL, reason TEXT NOT NULL,
    reviewer TEXT NOT NULL CHECK (reviewer <> ''), at TEXT NOT NULL, comment TEXT NOT NULL,
    version INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS decisions_by_finding ON decisions(finding, seq);
)sql";

const std::vector<AuditedTable> audited = {
    {"scans", "seq, at, who, findings, new_findings, gone"},
    {"decisions",
     "seq, finding, verdict, proposal, span_text, reason, reviewer, at, comment, version"},
    {"manual", "seq, kind, record, phrase, page, x0, y0, x1, y1, reason, reviewer, at, comment, "
               "version"},
    {"withdrawals", "seq, manual, reviewer, at, comment, version"},
    {"acknowledgements", "seq, risk, reviewer, at, comment, version"},
    {"signoffs", "seq, reviewer, at, comment, version"},
    {"exports", "seq, at, who, final, version, pdf, pdf_sha256, json_sha256, pages, redactions"},
    {"identities", "seq, login, full_name, source, at"},
    {"page_reads", "seq, record, page, digest, reviewer, at"},
    {"record_decisions",
     "seq, record, verdict, policy_withheld, digest, reason, reviewer, at, comment, version"},
};

// The audit and every audited table refuse UPDATE and DELETE: history is only appended to.
std::string append_only_triggers() {
    std::string sql;
    std::vector<std::string_view> names = {"audit"};
    for (const AuditedTable& t : audited)
        names.push_back(t.name);
    for (std::string_view name : names) {
        for (std::string_view op : {"UPDATE", "DELETE"}) {
            const std::string n(name), o(op);
            sql += "CREATE TRIGGER IF NOT EXISTS " + n + "_no_" +
                   (o == "UPDATE" ? "update" : "delete") + " BEFORE " + o + " ON " + n +
                   " BEGIN SELECT RAISE(ABORT, '" + n + " is append-only'); END;\n";
        }
    }
    return sql;
}

// Schema 1 refused the verdict `reopen`. SQLite cannot change a CHECK in place: the rows are
// copied, unchanged, into the table made anew (their audit digests still hold), and the
// append-only triggers are made again by create_schema.
void migrate_to_2(Db& db) {
    db.exec("DROP TRIGGER IF EXISTS decisions_no_update;"
            "DROP TRIGGER IF EXISTS decisions_no_delete;"
            "DROP INDEX IF EXISTS decisions_by_finding;"
            "ALTER TABLE decisions RENAME TO decisions_schema_1;");
    db.exec(decisions_table);
    db.exec("INSERT INTO decisions SELECT * FROM decisions_schema_1;"
            "DROP TABLE decisions_schema_1;"
            "UPDATE meta SET value = '2' WHERE key = 'schema';");
}

// Schema 2 had no record digests; the new tables are made by `tables`. A record scanned before
// has an empty digest until the next scan, so no page of it counts as read before then.
void migrate_to_3(Db& db) {
    bool has_digest = false;
    Statement columns(db, "SELECT name FROM pragma_table_info('records')");
    while (columns.step())
        has_digest = has_digest || columns.text(0) == "digest";
    if (!has_digest) db.exec("ALTER TABLE records ADD COLUMN digest TEXT NOT NULL DEFAULT ''");
    db.exec("UPDATE meta SET value = '3' WHERE key = 'schema'");
}

// Schema 3 knew only the policy's fate of a record (`withheld`): it is the policy's too. The
// kind and reason are filled by the next scan.
void migrate_to_4(Db& db) {
    std::set<std::string> columns;
    Statement info(db, "SELECT name FROM pragma_table_info('records')");
    while (info.step())
        columns.insert(info.text(0));
    if (!columns.count("policy_withheld"))
        db.exec("ALTER TABLE records ADD COLUMN policy_withheld INTEGER NOT NULL DEFAULT 0;"
                "UPDATE records SET policy_withheld = withheld");
    if (!columns.count("withheld_kind"))
        db.exec("ALTER TABLE records ADD COLUMN withheld_kind TEXT NOT NULL DEFAULT ''");
    if (!columns.count("withheld_reason"))
        db.exec("ALTER TABLE records ADD COLUMN withheld_reason TEXT NOT NULL DEFAULT ''");
    db.exec("UPDATE meta SET value = '4' WHERE key = 'schema'");
}

// Schema 4 kept no confidence nor recogniser with a finding: the reviewer could not see the
// least certain first. Both are filled by the next scan.
void migrate_to_5(Db& db) {
    std::set<std::string> columns;
    Statement info(db, "SELECT name FROM pragma_table_info('findings')");
    while (info.step())
        columns.insert(info.text(0));
    if (!columns.count("confidence"))
        db.exec("ALTER TABLE findings ADD COLUMN confidence REAL NOT NULL DEFAULT 1");
    if (!columns.count("recogniser"))
        db.exec("ALTER TABLE findings ADD COLUMN recogniser TEXT NOT NULL DEFAULT ''");
    db.exec("UPDATE meta SET value = '5' WHERE key = 'schema'");
}

// Schema 6 added teams to the shared database only; the number is one for both stores.
void migrate_to_6(Db& db) {
    db.exec("UPDATE meta SET value = '6' WHERE key = 'schema'");
}

// Schema 6 knew nobody's presence; `tables` makes the table.
void migrate_to_7(Db& db) {
    db.exec("UPDATE meta SET value = '7' WHERE key = 'schema'");
}

} // namespace

void configure(Db& db) {
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL"); // a committed decision survives a power cut too
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("PRAGMA busy_timeout=5000");
}

void create_schema(Db& db) {
    WriteTransaction tx(db);
    db.exec(tables);
    db.exec(decisions_table);
    const int schema = static_cast<int>(db.scalar("SELECT value FROM meta WHERE key = 'schema'"));
    if (schema > schema_version)
        throw ReviewError(db.name(), "made by a newer SafeSAR (schema " + std::to_string(schema) +
                                         "): not opened");
    if (schema < 2) migrate_to_2(db);
    if (schema < 3) migrate_to_3(db);
    if (schema < 4) migrate_to_4(db);
    if (schema < 5) migrate_to_5(db);
    if (schema < 6) migrate_to_6(db);
    if (schema < 7) migrate_to_7(db);
    db.exec(append_only_triggers());
    tx.commit();
}

const std::vector<AuditedTable>& audited_tables() {
    return audited;
}

const AuditedTable& audited_table(std::string_view name) {
    for (const AuditedTable& t : audited)
        if (t.name == name) return t;
    throw ReviewError("", "no audited table " + std::string(name));
}

} // namespace safesar::review
