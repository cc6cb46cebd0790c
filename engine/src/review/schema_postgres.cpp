#include "review/schema_postgres.hpp"

#include "review/dialect.hpp"
#include "review/schema.hpp"
#include "safesar/review.hpp"

#include <string_view>

namespace safesar::review {

namespace {

constexpr int base_schema =
    5; // what `postgres_tables` makes; migrate_from() brings it up from there

// Case-scoped tables: each row belongs to the case whose reference the connection set
// (postgres_connection.cpp), which is also the default of `case_ref`, so the review code's
// statements are the embedded store's. Text compares byte-wise ("C"), as in SQLite, so both
// stores list alike whatever the database's locale. Sequence numbers of history rows come from
// one sequence per table across cases; the audit's and the scans' are counted per case.
constexpr std::string_view postgres_tables = R"sql(
CREATE DOMAIN safesar_text AS TEXT COLLATE "C";
CREATE TABLE safesar_schema(
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1), version INTEGER NOT NULL);
CREATE TABLE meta(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    key safesar_text NOT NULL, value safesar_text NOT NULL, PRIMARY KEY (case_ref, key));
CREATE TABLE scans(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    seq BIGINT NOT NULL, at safesar_text NOT NULL, who safesar_text NOT NULL,
    findings INTEGER NOT NULL, new_findings INTEGER NOT NULL, gone INTEGER NOT NULL,
    PRIMARY KEY (case_ref, seq));
CREATE TABLE records(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    name safesar_text NOT NULL, kind safesar_text NOT NULL, pages INTEGER NOT NULL,
    withheld INTEGER NOT NULL, last_scan BIGINT NOT NULL, digest safesar_text NOT NULL DEFAULT '',
    policy_withheld INTEGER NOT NULL DEFAULT 0, withheld_kind safesar_text NOT NULL DEFAULT '',
    withheld_reason safesar_text NOT NULL DEFAULT '', PRIMARY KEY (case_ref, name));
CREATE TABLE findings(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    id safesar_text NOT NULL, record safesar_text NOT NULL, section safesar_text NOT NULL,
    section_index INTEGER NOT NULL, page INTEGER NOT NULL, category safesar_text NOT NULL,
    owner safesar_text NOT NULL, owner_name safesar_text NOT NULL, text safesar_text NOT NULL,
    begin_byte BIGINT NOT NULL, end_byte BIGINT NOT NULL, rule safesar_text NOT NULL,
    proposal safesar_text NOT NULL CHECK (proposal IN ('keep', 'redact', 'review')),
    reason safesar_text NOT NULL, policy_line safesar_text NOT NULL,
    withheld_record INTEGER NOT NULL, first_scan BIGINT NOT NULL, last_scan BIGINT NOT NULL,
    gone INTEGER NOT NULL, confidence DOUBLE PRECISION NOT NULL DEFAULT 1,
    recogniser safesar_text NOT NULL DEFAULT '', PRIMARY KEY (case_ref, id));
CREATE INDEX findings_by_place ON findings(case_ref, record, section_index, begin_byte);
CREATE TABLE manual(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    seq BIGSERIAL PRIMARY KEY, kind safesar_text NOT NULL CHECK (kind IN ('text', 'box')),
    record safesar_text NOT NULL, phrase safesar_text NOT NULL, page INTEGER NOT NULL,
    x0 DOUBLE PRECISION NOT NULL, y0 DOUBLE PRECISION NOT NULL,
    x1 DOUBLE PRECISION NOT NULL, y1 DOUBLE PRECISION NOT NULL,
    reason safesar_text NOT NULL, reviewer safesar_text NOT NULL CHECK (reviewer <> ''),
    at safesar_text NOT NULL, comment safesar_text NOT NULL, version BIGINT NOT NULL);
CREATE INDEX manual_by_case ON manual(case_ref, seq);
CREATE TABLE withdrawals(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    seq BIGSERIAL PRIMARY KEY, manual BIGINT NOT NULL UNIQUE REFERENCES manual(seq),
    reviewer safesar_text NOT NULL CHECK (reviewer <> ''), at safesar_text NOT NULL,
    comment safesar_text NOT NULL, version BIGINT NOT NULL);
CREATE TABLE risks(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    id safesar_text NOT NULL, record safesar_text NOT NULL, what safesar_text NOT NULL,
    first_scan BIGINT NOT NULL, last_scan BIGINT NOT NULL, gone INTEGER NOT NULL,
    PRIMARY KEY (case_ref, id));
CREATE TABLE acknowledgements(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    seq BIGSERIAL PRIMARY KEY, risk safesar_text NOT NULL,
    reviewer safesar_text NOT NULL CHECK (reviewer <> ''), at safesar_text NOT NULL,
    comment safesar_text NOT NULL, version BIGINT NOT NULL,
    FOREIGN KEY (case_ref, risk) REFERENCES risks(case_ref, id));
CREATE INDEX acknowledgements_by_risk ON acknowledgements(case_ref, risk, seq);
CREATE TABLE signoffs(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    seq BIGSERIAL PRIMARY KEY, reviewer safesar_text NOT NULL CHECK (reviewer <> ''),
    at safesar_text NOT NULL, comment safesar_text NOT NULL, version BIGINT NOT NULL);
CREATE INDEX signoffs_by_case ON signoffs(case_ref, seq);
CREATE TABLE exports(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    seq BIGSERIAL PRIMARY KEY, at safesar_text NOT NULL, who safesar_text NOT NULL,
    final INTEGER NOT NULL, version BIGINT NOT NULL, pdf safesar_text NOT NULL,
    pdf_sha256 safesar_text NOT NULL, json_sha256 safesar_text NOT NULL, pages INTEGER NOT NULL,
    redactions INTEGER NOT NULL);
CREATE INDEX exports_by_case ON exports(case_ref, seq);
CREATE TABLE identities(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    seq BIGSERIAL PRIMARY KEY, login safesar_text NOT NULL CHECK (login <> ''),
    full_name safesar_text NOT NULL, source safesar_text NOT NULL, at safesar_text NOT NULL);
CREATE INDEX identities_by_login ON identities(case_ref, login, seq);
CREATE TABLE page_reads(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    seq BIGSERIAL PRIMARY KEY, record safesar_text NOT NULL, page INTEGER NOT NULL CHECK (page >= 1),
    digest safesar_text NOT NULL, reviewer safesar_text NOT NULL CHECK (reviewer <> ''),
    at safesar_text NOT NULL);
CREATE INDEX page_reads_by_page ON page_reads(case_ref, record, page, digest);
CREATE TABLE record_decisions(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    seq BIGSERIAL PRIMARY KEY, record safesar_text NOT NULL,
    verdict safesar_text NOT NULL CHECK (verdict IN ('release', 'withhold', 'reopen')),
    policy_withheld INTEGER NOT NULL, digest safesar_text NOT NULL, reason safesar_text NOT NULL,
    reviewer safesar_text NOT NULL CHECK (reviewer <> ''), at safesar_text NOT NULL,
    comment safesar_text NOT NULL, version BIGINT NOT NULL);
CREATE INDEX record_decisions_by_record ON record_decisions(case_ref, record, seq);
CREATE TABLE decisions(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    seq BIGSERIAL PRIMARY KEY, finding safesar_text NOT NULL,
    verdict safesar_text NOT NULL CHECK (verdict IN ('approve', 'reject', 'span', 'reopen')),
    proposal safesar_text NOT NULL, span_text safesar_text NOT NULL, reason safesar_text NOT NULL,
    reviewer safesar_text NOT NULL CHECK (reviewer <> ''), at safesar_text NOT NULL,
    comment safesar_text NOT NULL, version BIGINT NOT NULL,
    FOREIGN KEY (case_ref, finding) REFERENCES findings(case_ref, id));
CREATE INDEX decisions_by_finding ON decisions(case_ref, finding, seq);
CREATE TABLE audit(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    seq BIGINT NOT NULL, at safesar_text NOT NULL, who safesar_text NOT NULL,
    action safesar_text NOT NULL, detail_json safesar_text NOT NULL,
    prev_hash safesar_text NOT NULL, hash safesar_text NOT NULL, PRIMARY KEY (case_ref, seq));
CREATE FUNCTION safesar_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE FUNCTION safesar_analyze() RETURNS void LANGUAGE sql SECURITY DEFINER
    SET search_path FROM CURRENT AS $$
ANALYZE findings, records, risks, decisions;
$$;
REVOKE ALL ON FUNCTION safesar_analyze() FROM PUBLIC;
)sql";

// The case tables: each gets the policy that scopes it to the connection's case.
constexpr const char* case_tables[] = {
    "meta",        "scans",      "records",          "findings",  "manual",
    "withdrawals", "risks",      "acknowledgements", "signoffs",  "exports",
    "identities",  "page_reads", "record_decisions", "decisions", "audit"};

// Reviewers read and append; only the working tables (not history) are ever updated. A
// sign-off in a perpetrator request needs safesar_approver (checked by the store, since a
// standard request's sign-off is any reviewer's). Administrators own the tables: they migrate.
constexpr std::string_view roles = R"sql(
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'safesar_reviewer') THEN
        CREATE ROLE safesar_reviewer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'safesar_approver') THEN
        CREATE ROLE safesar_approver NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'safesar_admin') THEN
        CREATE ROLE safesar_admin NOLOGIN;
    END IF;
END $$;
GRANT safesar_reviewer TO safesar_approver;
GRANT safesar_approver TO safesar_admin;
)sql";

std::string grants() {
    // Refreshing the planner's statistics after a scan needs the tables' owner: a function
    // that runs as it (record_scan.cpp).
    std::string sql = "GRANT SELECT ON safesar_schema TO safesar_reviewer;\n"
                      "GRANT EXECUTE ON FUNCTION safesar_analyze() TO safesar_reviewer;\n";
    for (const char* t : case_tables)
        sql += "GRANT SELECT, INSERT ON " + std::string(t) + " TO safesar_reviewer;\n";
    sql += "GRANT UPDATE ON meta, records, findings, risks TO safesar_reviewer;\n";
    for (const char* t : {"manual", "withdrawals", "acknowledgements", "signoffs", "exports",
                          "identities", "page_reads", "record_decisions", "decisions"})
        sql += "GRANT USAGE ON SEQUENCE " + std::string(t) + "_seq_seq TO safesar_reviewer;\n";
    return sql;
}

std::string policies() {
    std::string sql;
    for (const char* t : case_tables) {
        const std::string n(t);
        // FORCE: the owner (an administrator) is scoped too.
        sql += "ALTER TABLE " + n + " ENABLE ROW LEVEL SECURITY;\nALTER TABLE " + n +
               " FORCE ROW LEVEL SECURITY;\nCREATE POLICY one_case ON " + n +
               " USING (case_ref = current_setting('safesar.case', true)) WITH CHECK "
               "(case_ref = current_setting('safesar.case', true));\n";
    }
    return sql;
}

// History refuses UPDATE, DELETE and TRUNCATE, as the embedded store's triggers do; the
// trigger names are the embedded store's, so `audit --verify` checks both alike.
std::string postgres_append_only_triggers() {
    std::string sql;
    std::vector<std::string> names = {"audit"};
    for (const AuditedTable& t : audited_tables())
        names.emplace_back(t.name);
    for (const std::string& n : names) {
        sql += "CREATE TRIGGER " + n + "_no_update BEFORE UPDATE ON " + n +
               " FOR EACH ROW EXECUTE FUNCTION safesar_append_only();\n";
        sql += "CREATE TRIGGER " + n + "_no_delete BEFORE DELETE ON " + n +
               " FOR EACH ROW EXECUTE FUNCTION safesar_append_only();\n";
        sql += "CREATE TRIGGER " + n + "_no_truncate BEFORE TRUNCATE ON " + n +
               " FOR EACH STATEMENT EXECUTE FUNCTION safesar_append_only();\n";
    }
    return sql;
}

std::string owned_by_admin() {
    std::string sql = "ALTER TABLE safesar_schema OWNER TO safesar_admin;\n"
                      "ALTER DOMAIN safesar_text OWNER TO safesar_admin;\n"
                      "ALTER FUNCTION safesar_append_only() OWNER TO safesar_admin;\n"
                      "ALTER FUNCTION safesar_analyze() OWNER TO safesar_admin;\n";
    for (const char* t : case_tables)
        sql += "ALTER TABLE " + std::string(t) + " OWNER TO safesar_admin;\n";
    return sql;
}

// 6: teams. A team is a role, safesar_team_<name>, granted to its reviewers' logins; a case is
// assigned to one team (case_teams, by reference). Once any team exists every case-keyed table
// shows and takes a case's rows only for members of its team: a restrictive policy beside
// one_case, so a case nobody has assigned is open to nobody. Without teams nothing changes.
// The policy's test does not depend on the row (every row it sees is the connection's case,
// by one_case): written into the policy, its subqueries are evaluated once per statement (a
// function holding them would be called for every row). safesar_case_open_to_me() is the same
// test, for the store to say why a case is refused (case_teams.cpp).
constexpr std::string_view case_open_to_me = R"sql((NOT EXISTS (SELECT FROM teams)
    OR EXISTS (SELECT FROM case_teams c JOIN teams t ON t.name = c.team
               JOIN pg_roles r ON r.rolname = t.role
               WHERE c.case_ref = current_setting('safesar.case', true)
                 AND pg_has_role(current_user, r.oid, 'MEMBER'))))sql";

constexpr std::string_view teams_tables = R"sql(
CREATE TABLE teams(
    name safesar_text PRIMARY KEY CHECK (name ~ '^[a-z0-9_]{1,40}$'),
    role safesar_text NOT NULL UNIQUE, added_by safesar_text NOT NULL DEFAULT current_user,
    added_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE case_teams(
    case_ref safesar_text PRIMARY KEY, team safesar_text NOT NULL REFERENCES teams(name),
    assigned_by safesar_text NOT NULL DEFAULT current_user,
    assigned_at TIMESTAMPTZ NOT NULL DEFAULT now());
ALTER TABLE teams OWNER TO safesar_admin;
ALTER TABLE case_teams OWNER TO safesar_admin;
GRANT SELECT ON teams, case_teams TO safesar_reviewer;
)sql";

std::string team_policy(const std::string& table) {
    const std::string test(case_open_to_me);
    return "CREATE POLICY team_only ON " + table + " AS RESTRICTIVE USING " + test +
           " WITH CHECK " + test + ";\n";
}

void postgres_migrate_to_6(Db& db) {
    db.exec(teams_tables);
    db.exec("CREATE FUNCTION safesar_case_open_to_me() RETURNS boolean LANGUAGE sql STABLE AS "
            "$$ SELECT " +
            std::string(case_open_to_me) +
            " $$;\nALTER FUNCTION safesar_case_open_to_me() OWNER TO safesar_admin;");
    std::string sql;
    for (const char* t : case_tables)
        sql += team_policy(t);
    db.exec(sql);
    db.exec("UPDATE safesar_schema SET version = 6");
}

// 7: who is in a case (presence: one row per login, refreshed while the case is open, deleted
// when it is closed), and a notification on the case's channel at every audit entry, so an open
// view hears of another reviewer's change without asking (postgres_connection.cpp listens).
// A reviewer writes only their own presence row.
constexpr std::string_view presence_table = R"sql(
CREATE TABLE presence(
    case_ref safesar_text NOT NULL DEFAULT current_setting('safesar.case'),
    login safesar_text NOT NULL, full_name safesar_text NOT NULL,
    opened_at safesar_text NOT NULL, last_seen safesar_text NOT NULL, last_seen_ms BIGINT NOT NULL,
    PRIMARY KEY (case_ref, login));
ALTER TABLE presence OWNER TO safesar_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON presence TO safesar_reviewer;
ALTER TABLE presence ENABLE ROW LEVEL SECURITY;
ALTER TABLE presence FORCE ROW LEVEL SECURITY;
CREATE POLICY one_case ON presence USING (case_ref = current_setting('safesar.case', true))
    WITH CHECK (case_ref = current_setting('safesar.case', true));
CREATE POLICY own_row_added ON presence AS RESTRICTIVE FOR INSERT
    WITH CHECK (login = current_user);
CREATE POLICY own_row_changed ON presence AS RESTRICTIVE FOR UPDATE
    USING (login = current_user) WITH CHECK (login = current_user);
CREATE POLICY own_row_removed ON presence AS RESTRICTIVE FOR DELETE
    USING (login = current_user);
CREATE FUNCTION safesar_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('safesar_' || md5(NEW.case_ref), NEW.seq::text);
    RETURN NULL;
END $$;
ALTER FUNCTION safesar_notify_change() OWNER TO safesar_admin;
CREATE TRIGGER audit_notify AFTER INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION safesar_notify_change();
)sql";

void postgres_migrate_to_7(Db& db) {
    db.exec(presence_table);
    db.exec(team_policy("presence"));
    db.exec("UPDATE safesar_schema SET version = 7");
}

// Schema changes after 5, one function each, as in schema.cpp; `safesar db init` makes schema 5
// and runs them too, so a new database and a migrated one are made by the same statements.
void migrate_from(Db& db, int schema) {
    if (schema < 6) postgres_migrate_to_6(db);
    if (schema < 7) postgres_migrate_to_7(db);
}

} // namespace

int postgres_schema_target() {
    return schema_version;
}

int postgres_schema(Db& db) {
    if (!table_exists(db, "safesar_schema")) return 0;
    return static_cast<int>(db.scalar("SELECT version FROM safesar_schema"));
}

int postgres_init(Db& db) {
    db.connection().begin_write();
    try {
        // One initialiser at a time, whichever case: the lock of no case.
        const int before = postgres_schema(db);
        if (before == 0) {
            db.exec(roles);
            db.exec(postgres_tables);
            db.exec("INSERT INTO safesar_schema VALUES (1, " + std::to_string(base_schema) + ")");
            db.exec(policies());
            db.exec(postgres_append_only_triggers());
            db.exec(grants());
            db.exec(owned_by_admin());
            migrate_from(db, base_schema);
        } else if (before > schema_version) {
            db.fail("made by a newer SafeSAR (schema " + std::to_string(before) + "): not changed");
        } else {
            migrate_from(db, before);
        }
        db.connection().commit();
        return before;
    } catch (...) {
        db.connection().rollback();
        throw;
    }
}

int postgres_migrate(Db& db) {
    if (postgres_schema(db) == 0) db.fail("holds no SafeSAR tables: run `safesar db init` first");
    return postgres_init(db);
}

std::vector<std::string> postgres_problems(Db& db) {
    std::vector<std::string> out;
    const int schema = postgres_schema(db);
    if (schema == 0) {
        out.push_back("no SafeSAR tables: an administrator runs `safesar db init`");
        return out;
    }
    if (schema < schema_version)
        out.push_back("schema " + std::to_string(schema) + ", this SafeSAR needs " +
                      std::to_string(schema_version) +
                      ": an administrator runs `safesar db "
                      "migrate`");
    if (schema > schema_version)
        out.push_back("schema " + std::to_string(schema) + " is newer than this SafeSAR's (" +
                      std::to_string(schema_version) + "): upgrade SafeSAR");
    Statement role(db, "SELECT rolsuper OR rolbypassrls, coalesce((SELECT pg_has_role("
                       "current_user, r.oid, 'MEMBER') FROM pg_roles r WHERE r.rolname = "
                       "'safesar_reviewer'), false) FROM pg_roles WHERE rolname = current_user");
    if (role.step()) {
        if (role.integer(0) != 0)
            out.push_back("the login " + std::string("bypasses row-level security (a superuser): "
                                                     "cases would not be kept apart; reviewers "
                                                     "log in as roles of their own"));
        if (role.integer(1) == 0)
            out.push_back("the login is not granted safesar_reviewer (nor safesar_approver "
                          "or safesar_admin)");
    }
    std::vector<std::string> guarded = {"audit"};
    for (const AuditedTable& t : audited_tables())
        guarded.emplace_back(t.name);
    for (const std::string& t : guarded)
        for (const char* op : {"update", "delete"})
            if (!trigger_exists(db, t, t + "_no_" + op))
                out.push_back("the guard refusing " + std::string(op) + " on " + t +
                              " was removed");
    return out;
}

void require_postgres_schema(Db& db) {
    const int schema = postgres_schema(db);
    if (schema == 0) db.fail("holds no SafeSAR tables: an administrator runs `safesar db init`");
    if (schema < schema_version)
        db.fail("is of schema " + std::to_string(schema) + ", this SafeSAR needs " +
                std::to_string(schema_version) + ": an administrator runs `safesar db migrate`");
    if (schema > schema_version)
        db.fail("made by a newer SafeSAR (schema " + std::to_string(schema) + "): not opened");
}

} // namespace safesar::review
