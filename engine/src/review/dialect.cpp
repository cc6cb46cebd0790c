#include "review/dialect.hpp"

namespace safesar::review {

std::string row_json(const Db& db, std::string_view columns) {
    const std::string list(columns);
    return db.dialect() == Dialect::Postgres ? "json_build_array(" + list + ")::text"
                                             : "json_array(" + list + ")";
}

std::string conflict_target(const Db& db, std::string_view key) {
    return db.dialect() == Dialect::Postgres ? "case_ref, " + std::string(key) : std::string(key);
}

std::string epoch_ms_now(const Db& db) {
    return db.dialect() == Dialect::Postgres
               ? "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)"
               : "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
}

bool table_exists(Db& db, const std::string& table) {
    Statement s(db, db.dialect() == Dialect::Postgres
                        ? "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                          "AND tablename = ?"
                        : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    s.bind(1, table);
    return s.step() && s.integer(0) > 0;
}

bool trigger_exists(Db& db, const std::string& table, const std::string& trigger) {
    if (db.dialect() == Dialect::Postgres) {
        Statement s(db, "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                        "WHERE c.relnamespace = current_schema()::regnamespace "
                        "AND c.relname = ? AND t.tgname = ? AND t.tgenabled <> 'D'");
        s.bind(1, table).bind(2, trigger);
        return s.step() && s.integer(0) > 0;
    }
    Statement s(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?");
    s.bind(1, trigger);
    return s.step() && s.integer(0) > 0;
}

void refresh_statistics(Db& db) {
    if (db.dialect() == Dialect::Postgres) db.exec("SELECT safesar_analyze()");
}

} // namespace safesar::review
