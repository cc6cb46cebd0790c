#include "review/db.hpp"

#include "review/sqlite_connection.hpp"
#include "safesar/review.hpp"

namespace safesar::review {

Db::Db(const std::filesystem::path& file, Mode mode)
    : connection_(open_sqlite(file, mode == Mode::Create)), file_(file) {}

Db::Db(std::unique_ptr<Connection> connection, std::filesystem::path file)
    : connection_(std::move(connection)), file_(std::move(file)) {}

Db::~Db() = default;

void Db::fail(const std::string& what) const {
    throw ReviewError(name(), what);
}

std::int64_t Db::scalar(std::string_view sql) {
    Statement s(*this, sql);
    return s.step() ? s.integer(0) : 0;
}

Statement::Statement(Db& db, std::string_view sql) : cursor_(db.connection().prepare(sql)) {}

Statement::~Statement() = default;

Statement& Statement::bind(int index, std::string_view value) {
    cursor_->bind_text(index, value);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    cursor_->bind_integer(index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    cursor_->bind_real(index, value);
    return *this;
}

Statement& Statement::bind_null(int index) {
    cursor_->bind_null(index);
    return *this;
}

void Statement::run() {
    while (step()) {
    }
}

WriteTransaction::WriteTransaction(Db& db) : db_(db) {
    db_.connection().begin_write();
}

WriteTransaction::~WriteTransaction() {
    if (!done_) db_.connection().rollback();
}

void WriteTransaction::commit() {
    db_.connection().commit();
    done_ = true;
}

ReadTransaction::ReadTransaction(Db& db) : db_(db) {
    db_.connection().begin_read();
}

ReadTransaction::~ReadTransaction() {
    // Nothing was written: ending it cannot lose anything, and a destructor must not throw.
    try {
        db_.connection().commit();
    } catch (...) {
        db_.connection().rollback();
    }
}

} // namespace safesar::review
