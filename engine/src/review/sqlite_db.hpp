// A thin RAII layer over the SQLite C API: a connection, prepared statements, and a write
// transaction that rolls back unless committed. Every error becomes a ReviewError naming the
// database file, so the CLI prints one line.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
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

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind_null(int index);

    bool step(); // true while a row is available; throws on error
    void run();  // steps to the end
    void reset();

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool is_null(int column) const;

  private:
    Db* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Db {
  public:
    // Existing: never creates a database (the audit and list commands only read a case's state).
    enum class Mode { Create, Existing };
    Db(const std::filesystem::path& file, Mode mode);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(std::string_view sql);
    std::int64_t last_insert_id() const;
    // One integer from a query with no parameters, e.g. "SELECT count(*) FROM findings".
    std::int64_t scalar(std::string_view sql);

    [[noreturn]] void fail(const std::string& what) const;
    sqlite3* handle() const { return db_; }
    const std::filesystem::path& file() const { return file_; }

  private:
    sqlite3* db_ = nullptr;
    std::filesystem::path file_;
};

// BEGIN IMMEDIATE takes the write lock at once (waiting up to busy_timeout), so two processes
// never both read, then both write. Rolled back when destroyed uncommitted.
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
