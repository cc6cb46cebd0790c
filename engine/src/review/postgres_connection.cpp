// libpqxx behind the storage interface. Statements are prepared on the server once per
// connection; parameters go as text and take the type PostgreSQL infers from the statement.
#include "review/postgres_connection.hpp"

#include "safesar/review.hpp"

#include <pqxx/pqxx>

#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace safesar::review {

std::string postgres_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int next = 0;
    char quote = 0; // inside '...' or "..."
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote) {
            out += c;
            if (c == quote) quote = 0; // a doubled quote closes and reopens: still right
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            out += c;
            continue;
        }
        if (c != '?') {
            out += c;
            continue;
        }
        std::size_t j = i + 1;
        while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j])))
            ++j;
        out += '$';
        out += j > i + 1 ? std::string(sql.substr(i + 1, j - i - 1)) : std::to_string(++next);
        i = j - 1;
    }
    return out;
}

namespace {

class PostgresConnection;

class PostgresCursor final : public Cursor {
  public:
    PostgresCursor(PostgresConnection& owner, std::string statement)
        : owner_(owner), statement_(std::move(statement)) {}

    void bind_text(int index, std::string_view value) override { slot(index) = std::string(value); }
    void bind_integer(int index, std::int64_t value) override {
        slot(index) = std::to_string(value);
    }
    void bind_real(int index, double value) override {
        char text[40];
        std::snprintf(text, sizeof text, "%.17g", value); // exact: read back as the same double
        slot(index) = text;
    }
    void bind_null(int index) override { slot(index) = std::nullopt; }
    bool step() override;
    void reset() override {
        params_.clear();
        result_.reset();
        row_ = 0;
    }
    std::string text(int column) const override {
        const pqxx::field f = field(column);
        return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
    }
    std::int64_t integer(int column) const override {
        const pqxx::field f = field(column);
        if (f.is_null()) return 0;
        const std::string_view v(f.c_str(), f.size());
        if (v == "t") return 1; // a boolean, as SQLite gives 1 and 0
        if (v == "f") return 0;
        return f.as<std::int64_t>();
    }
    double real(int column) const override {
        const pqxx::field f = field(column);
        return f.is_null() ? 0.0 : f.as<double>();
    }
    bool is_null(int column) const override { return field(column).is_null(); }

  private:
    std::optional<std::string>& slot(int index) {
        if (index < 1) throw ReviewError("", "review state: parameter " + std::to_string(index));
        if (params_.size() < static_cast<std::size_t>(index))
            params_.resize(static_cast<std::size_t>(index));
        return params_[static_cast<std::size_t>(index) - 1];
    }
    pqxx::field field(int column) const {
        return (*result_)[static_cast<pqxx::result::size_type>(row_ - 1)]
                         [static_cast<pqxx::row::size_type>(column)];
    }

    PostgresConnection& owner_;
    std::string statement_; // the name it is prepared under
    std::vector<std::optional<std::string>> params_;
    std::optional<pqxx::result> result_;
    std::size_t row_ = 0; // 1-based: the row step() last gave
};

// The case's channel: the audit's trigger (schema_postgres.cpp) notifies it at every entry, with
// the entry's number. Notifications from this connection's own session are not counted.
class CaseChannel final : public pqxx::notification_receiver {
  public:
    CaseChannel(pqxx::connection_base& c, const std::string& channel, int own_backend)
        : pqxx::notification_receiver(c, channel), own_(own_backend) {}
    void operator()(const std::string& /*payload*/, int backend_pid) override {
        if (backend_pid != own_) heard_ = true;
    }
    bool take() { return std::exchange(heard_, false); }

  private:
    int own_;
    bool heard_ = false;
};

class PostgresConnection final : public Connection {
  public:
    PostgresConnection(const std::string& connection_string, const std::string& reference)
        : name_("PostgreSQL (SAFESAR_DATABASE)"), connection_string_(connection_string),
          reference_(reference) {
        connect();
        name_ = "PostgreSQL database " + std::string(connection_->dbname()) +
                (reference.empty() ? "" : ", case " + reference);
    }
    ~PostgresConnection() override {
        work_.reset();
        channel_.reset();
        connection_.reset();
    }
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    Dialect dialect() const override { return Dialect::Postgres; }
    const std::string& name() const override { return name_; }
    std::unique_ptr<Cursor> prepare(std::string_view sql) override {
        const std::string text = postgres_placeholders(sql);
        auto [it, added] = prepared_.emplace(text, "");
        if (added) {
            it->second = "s" + std::to_string(++statements_);
            try {
                connection_->prepare(it->second, text);
            } catch (const std::exception& e) {
                prepared_.erase(it);
                fail("review state: cannot prepare \"" + std::string(sql.substr(0, 60)) + "\"", e);
            }
        }
        return std::make_unique<PostgresCursor>(*this, it->second);
    }
    void exec(std::string_view sql) override {
        try {
            last_changes_ =
                static_cast<std::int64_t>(work_->exec(std::string(sql)).affected_rows());
        } catch (const std::exception& e) {
            fail("review state", e);
        }
    }
    // Writers of one case queue on its advisory lock, as SQLite's writers on the file's lock:
    // the read-then-write of a decision (the version, the audit's head) never interleaves.
    // With a case, each transaction also asks whether the login may still see it, in the same
    // round trip: a store opened before an administrator moved its case to another team is
    // refused in words, rather than shown the case as empty by the team policy.
    void begin_write() override {
        reconnect_if_lost();
        exec("BEGIN ISOLATION LEVEL READ COMMITTED");
        try {
            const std::string lock = "pg_advisory_xact_lock(hashtextextended("
                                     "'safesar case ' || current_setting('safesar.case'), 0))";
            if (reference_.empty())
                exec("SELECT " + lock);
            else
                require_case_open("SELECT " + lock + ", safesar_case_open_to_me()");
        } catch (...) {
            rollback();
            throw;
        }
    }
    void begin_read() override {
        reconnect_if_lost();
        if (reference_.empty()) {
            exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
            return;
        }
        try {
            require_case_open(
                "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT NULL, safesar_case_open_to_me()");
        } catch (...) {
            rollback();
            throw;
        }
    }
    void commit() override { exec("COMMIT"); }
    void rollback() noexcept override {
        try {
            work_->exec("ROLLBACK");
        } catch (...) {
            // The connection is gone: the server has rolled back already.
        }
    }
    std::int64_t last_insert_id() override {
        auto s = prepare("SELECT lastval()");
        s->step();
        return s->integer(0);
    }
    std::int64_t changes() override { return last_changes_; }
    // libpqxx hands notifications over only while no transaction object is open on the
    // connection: the statements' own (a nontransaction) is set aside for the moment.
    bool changed_elsewhere() override {
        if (reference_.empty()) return false;
        const bool reconnected = !connection_->is_open() || connection_->backendpid() != backend_;
        reconnect_if_lost(); // notifications sent while the session was gone were missed
        // The first call, or the first since a new session (an act may have made it): only a
        // connection that watches listens, and what was sent meanwhile was missed.
        if (!channel_) {
            listen();
            return true;
        }
        try {
            work_.reset();
            connection_->get_notifs();
            work_ = std::make_unique<pqxx::nontransaction>(*connection_);
        } catch (const std::exception& e) {
            fail("review state: cannot check for changes", e);
        }
        return channel_->take() || reconnected;
    }

    pqxx::result run(const std::string& statement,
                     const std::vector<std::optional<std::string>>& params) {
        std::vector<const char*> values;
        values.reserve(params.size());
        for (const auto& p : params)
            values.push_back(p ? p->c_str() : nullptr);
        try {
            pqxx::result r =
                work_->exec_prepared(statement, pqxx::prepare::make_dynamic_params(values));
            last_changes_ = static_cast<std::int64_t>(r.affected_rows());
            return r;
        } catch (const std::exception& e) {
            fail("review state", e);
        }
    }

  private:
    // A new session: the case every statement is scoped to (schema_postgres.cpp's policies)
    // is a setting of the session, so it is made afresh, never reused after a loss.
    void connect() {
        try {
            work_.reset();
            channel_.reset();
            prepared_.clear();
            connection_ = std::make_unique<pqxx::connection>(connection_string_);
            work_ = std::make_unique<pqxx::nontransaction>(*connection_);
            exec("SET client_encoding = 'UTF8'; SET lock_timeout = '20s'");
            auto scope = prepare("SELECT set_config('safesar.case', ?, false)");
            scope->bind_text(1, reference_);
            scope->step();
            backend_ = connection_->backendpid();
        } catch (const ReviewError&) {
            throw;
        } catch (const std::exception& e) {
            throw ReviewError(name_, "cannot connect: " + trimmed(e.what()));
        }
    }
    // Runs `sql`, whose last result's second column says whether the case is open to the login.
    void require_case_open(const std::string& sql) {
        pqxx::result r;
        try {
            r = work_->exec(sql);
        } catch (const std::exception& e) {
            fail("review state", e);
        }
        if (r.empty() || r[0][1].as<bool>()) return;
        throw ReviewError(name_, "the case " + reference_ +
                                     " is now assigned to a team the login " +
                                     connection_->username() +
                                     " is not a member of: nothing of it is shown or recorded "
                                     "(`safesar db team list` names its team)");
    }
    // LISTEN on the case's channel, named as the trigger names it.
    void listen() {
        auto name = prepare("SELECT 'safesar_' || md5(?)");
        name->bind_text(1, reference_);
        name->step();
        const std::string channel = name->text(0);
        name.reset();
        channel_ = std::make_unique<CaseChannel>(*connection_, channel, backend_);
    }
    // Before each act: a session lost (the server restarted, the connection cut) was rolled
    // back by the server, and the act that met it was refused; this one gets a new session.
    // (libpqxx would reconnect by itself, but without the session's case.)
    void reconnect_if_lost() {
        if (!connection_->is_open() || connection_->backendpid() != backend_) connect();
    }

    static std::string trimmed(std::string s) {
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
            s.pop_back();
        return s;
    }
    [[noreturn]] void fail(const std::string& what, const std::exception& e) const {
        if (dynamic_cast<const pqxx::broken_connection*>(&e))
            throw ReviewError(name_, "the connection to the database was lost (" +
                                         trimmed(e.what()) +
                                         "): nothing of this act was recorded; try again");
        throw ReviewError(name_, what + ": " + trimmed(e.what()));
    }

    std::string name_;
    std::string connection_string_, reference_;
    std::unique_ptr<pqxx::connection> connection_;
    int backend_ = 0;    // the server process of the session connect() set up
    int statements_ = 0; // statements prepared, for their names
    // The case's notifications, from the first call of changed_elsewhere() in this session: a
    // connection that never watches (the CLI, a load of reviewers deciding) is not woken at
    // every entry.
    std::unique_ptr<CaseChannel> channel_;
    std::unique_ptr<pqxx::nontransaction> work_;  // BEGIN and COMMIT are sent as statements
    std::map<std::string, std::string> prepared_; // SQL -> the name it is prepared under
    std::int64_t last_changes_ = 0;
};

bool PostgresCursor::step() {
    if (!result_) {
        result_ = owner_.run(statement_, params_);
        row_ = 0;
    }
    if (row_ >= result_->size()) return false;
    ++row_;
    return true;
}

} // namespace

std::unique_ptr<Connection> open_postgres(const std::string& connection_string,
                                          const std::string& case_reference) {
    return std::make_unique<PostgresConnection>(connection_string, case_reference);
}

} // namespace safesar::review
