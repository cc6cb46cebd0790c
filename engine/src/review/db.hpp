// What the review code uses to reach its state: a connection (connection.hpp: SQLite or
// PostgreSQL), prepared statements, and transactions that roll back unless committed. Every
// error becomes a ReviewError naming the database, so the CLI prints one line.
#pragma once

#include "review/connection.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace safesar::review {

class Db;

class Statement {
  public:
    Statement(Db& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based: `?` in order, or `?N` by number.
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind_null(int index);

    bool step() { return cursor_->step(); } // true while a row is available; throws on error
    void run();                             // steps to the end
    void reset() { cursor_->reset(); }

    std::string text(int column) const { return cursor_->text(column); }
    std::int64_t integer(int column) const { return cursor_->integer(column); }
    double real(int column) const { return cursor_->real(column); }
    bool is_null(int column) const { return cursor_->is_null(column); }

  private:
    std::unique_ptr<Cursor> cursor_;
};

class Db {
  public:
    // Existing: never creates a database (the audit and list commands only read a case's state).
    enum class Mode { Create, Existing };
    // The embedded store: a SQLite file.
    Db(const std::filesystem::path& file, Mode mode);
    // Any store; `file` is empty but for the embedded one.
    explicit Db(std::unique_ptr<Connection> connection, std::filesystem::path file = {});
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(std::string_view sql) { connection_->exec(sql); }
    std::int64_t last_insert_id() const { return connection_->last_insert_id(); }
    std::int64_t changes() const { return connection_->changes(); }
    // One integer from a query with no parameters, e.g. "SELECT count(*) FROM findings".
    std::int64_t scalar(std::string_view sql);

    [[noreturn]] void fail(const std::string& what) const;
    Connection& connection() const { return *connection_; }
    // Hands the connection over (to a store built on it); this Db is unusable afterwards.
    std::unique_ptr<Connection> release() { return std::move(connection_); }
    Dialect dialect() const { return connection_->dialect(); }
    // What errors name: the state file, or the database and case.
    const std::string& name() const { return connection_->name(); }
    // The SQLite file; empty for a shared database.
    const std::filesystem::path& file() const { return file_; }

  private:
    std::unique_ptr<Connection> connection_;
    std::filesystem::path file_;
};

// Takes the case's write lock at once (SQLite: BEGIN IMMEDIATE, waiting up to busy_timeout;
// PostgreSQL: a transaction-scoped advisory lock on the case), so two processes never both
// read, then both write. Rolled back when destroyed uncommitted.
class WriteTransaction {
  public:
    explicit WriteTransaction(Db& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

  private:
    Db& db_;
    bool done_ = false;
};

// A read transaction: every query inside sees one snapshot, even while another process writes.
class ReadTransaction {
  public:
    explicit ReadTransaction(Db& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

  private:
    Db& db_;
};

} // namespace safesar::review
