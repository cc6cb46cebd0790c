// The storage interface under the review state: a connection to one case's tables, with
// statements that take positional parameters, transactions and the id of the last insert. Two
// implementations: the embedded SQLite file in the case folder (sqlite_connection.cpp) and a
// shared PostgreSQL database (postgres_connection.cpp). The review code talks to it through
// db.hpp; what SQL differs between the two is in dialect.cpp.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace safesar::review {

enum class Dialect { Sqlite, Postgres };

// One prepared statement and, once stepped, its rows. Parameters are 1-based.
class Cursor {
  public:
    virtual ~Cursor() = default;
    virtual void bind_text(int index, std::string_view value) = 0;
    virtual void bind_integer(int index, std::int64_t value) = 0;
    virtual void bind_real(int index, double value) = 0;
    virtual void bind_null(int index) = 0;
    virtual bool step() = 0;  // true while a row is available; throws ReviewError on error
    virtual void reset() = 0; // ready to run again; bindings cleared
    // Of the current row. A NULL reads as "" or 0; a boolean as 1 or 0.
    virtual std::string text(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual bool is_null(int column) const = 0;
};

class Connection {
  public:
    virtual ~Connection() = default;
    virtual Dialect dialect() const = 0;
    // What an error names: the state file, or the database and the case.
    virtual const std::string& name() const = 0;
    virtual std::unique_ptr<Cursor> prepare(std::string_view sql) = 0;
    // SQL with no parameters and no rows, possibly several statements.
    virtual void exec(std::string_view sql) = 0;
    // A write transaction excludes every other writer of the same case from its start, so
    // a read followed by a write in it cannot interleave with another reviewer's.
    virtual void begin_write() = 0;
    // Every query until commit sees one snapshot.
    virtual void begin_read() = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    virtual std::int64_t last_insert_id() = 0;
    virtual std::int64_t changes() = 0; // rows changed by the last statement
    // Cheap enough for a timer, outside any transaction: whether another connection may have
    // committed a change to the case since the last call (SQLite: the file's data_version;
    // PostgreSQL: a notification on the case's channel, which the audit's trigger sends). True
    // may be a false alarm (and is, on the first call); false means nothing was committed.
    virtual bool changed_elsewhere() = 0;
};

} // namespace safesar::review
