// The SQLite C API behind the storage interface. Behaviour as before the interface: WAL,
// busy_timeout, BEGIN IMMEDIATE for writers.
#include "review/sqlite_connection.hpp"

#include "safesar/review.hpp"

#include <sqlite3.h>

namespace safesar::review {

namespace {

class SqliteConnection;

class SqliteCursor final : public Cursor {
  public:
    SqliteCursor(const SqliteConnection& owner, sqlite3* db, std::string_view sql);
    ~SqliteCursor() override { sqlite3_finalize(stmt_); }
    SqliteCursor(const SqliteCursor&) = delete;
    SqliteCursor& operator=(const SqliteCursor&) = delete;

    void bind_text(int index, std::string_view value) override {
        check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                                SQLITE_TRANSIENT));
    }
    void bind_integer(int index, std::int64_t value) override {
        check(sqlite3_bind_int64(stmt_, index, value));
    }
    void bind_real(int index, double value) override {
        check(sqlite3_bind_double(stmt_, index, value));
    }
    void bind_null(int index) override { check(sqlite3_bind_null(stmt_, index)); }
    bool step() override;
    void reset() override {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::string text(int column) const override {
        const unsigned char* p = sqlite3_column_text(stmt_, column);
        return p ? std::string(reinterpret_cast<const char*>(p),
                               static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                 : std::string();
    }
    std::int64_t integer(int column) const override { return sqlite3_column_int64(stmt_, column); }
    double real(int column) const override { return sqlite3_column_double(stmt_, column); }
    bool is_null(int column) const override {
        return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
    }

  private:
    void check(int rc) const;
    const SqliteConnection& owner_;
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class SqliteConnection final : public Connection {
  public:
    SqliteConnection(const std::filesystem::path& file, bool create) : name_(file.string()) {
        // Read-write even for readers: a reader of a WAL database must be able to use its
        // -shm file.
        const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
        if (sqlite3_open_v2(file.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) !=
            SQLITE_OK) {
            std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            db_ = nullptr;
            throw ReviewError(name_, "cannot open the review state: " + why);
        }
        sqlite3_extended_result_codes(db_, 1);
        // Another process (the GUI, a second CLI) may hold the write lock for a moment: wait.
        sqlite3_busy_timeout(db_, 5000);
    }
    ~SqliteConnection() override { sqlite3_close(db_); }
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    Dialect dialect() const override { return Dialect::Sqlite; }
    const std::string& name() const override { return name_; }
    std::unique_ptr<Cursor> prepare(std::string_view sql) override {
        return std::make_unique<SqliteCursor>(*this, db_, sql);
    }
    void exec(std::string_view sql) override {
        char* message = nullptr;
        const std::string text(sql);
        if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            std::string why = message ? message : sqlite3_errmsg(db_);
            sqlite3_free(message);
            throw ReviewError(name_, "review state: " + why);
        }
    }
    void begin_write() override { exec("BEGIN IMMEDIATE"); }
    void begin_read() override { exec("BEGIN DEFERRED"); }
    void commit() override { exec("COMMIT"); }
    void rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
    std::int64_t last_insert_id() override { return sqlite3_last_insert_rowid(db_); }
    std::int64_t changes() override { return sqlite3_changes(db_); }
    // PRAGMA data_version changes when another connection commits to the file, never for this
    // connection's own commits.
    bool changed_elsewhere() override {
        SqliteCursor pragma(*this, db_, "PRAGMA data_version");
        pragma.step();
        const std::int64_t now = pragma.integer(0);
        const bool changed = data_version_ != now;
        data_version_ = now;
        return changed;
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw ReviewError(name_, what + ": " + sqlite3_errmsg(db_));
    }

  private:
    sqlite3* db_ = nullptr;
    std::int64_t data_version_ = -1; // as changed_elsewhere() last read it
    std::string name_;
};

SqliteCursor::SqliteCursor(const SqliteConnection& owner, sqlite3* db, std::string_view sql)
    : owner_(owner), db_(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK)
        owner_.fail("review state: cannot prepare \"" + std::string(sql.substr(0, 60)) + "\"");
}

void SqliteCursor::check(int rc) const {
    if (rc != SQLITE_OK) owner_.fail("review state: bind");
}

bool SqliteCursor::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    owner_.fail("review state");
}

} // namespace

std::unique_ptr<Connection> open_sqlite(const std::filesystem::path& file, bool create) {
    return std::make_unique<SqliteConnection>(file, create);
}

} // namespace safesar::review
