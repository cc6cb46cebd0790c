// Opening a case's review state, and reading findings, risks, manual redactions and sign-offs.
#include "review/case_teams.hpp"
#include "review/database_login.hpp"
#include "review/postgres_connection.hpp"
#include "review/schema.hpp"
#include "review/schema_postgres.hpp"
#include "review/sqlite_connection.hpp"
#include "review/store_impl.hpp"
#include "safesar/enum_names.hpp"
#include "safesar/review_database.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>

namespace safesar {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The state holds third parties' names and the controller's reasoning: no more people may
// open it than may work in the case folder itself. Owner only; but when the case folder gives
// its group full access (a team's shared case, each reviewer with an account of their own, as
// two sign-offs need), that group too, never others. Checked at every open, so the state
// follows the case folder when it is shared or unshared later (as far as the owner can change
// it). The file is made before SQLite opens it, since SQLite would create it with the umask's
// mode (its -wal and -shm files copy the database file's mode and owner).
//
// An existing file is changed by its path, never opened here: closing any descriptor of a
// database file drops every POSIX lock this process holds on it, including those of SQLite
// connections already open (the GUI's), which would let another process delete the WAL under
// them.
void prepare_file(const std::filesystem::path& file) {
    const std::filesystem::path folder = file.parent_path();
    struct stat case_folder {};
    const bool shared = ::stat(folder.parent_path().c_str(), &case_folder) == 0 &&
                        (case_folder.st_mode & S_IRWXG) == S_IRWXG;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw ReviewError(folder.string(), "cannot be created: " + ec.message());
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd >= 0) {
        ::close(fd); // new: nobody can hold a lock on it yet
    } else if (errno != EEXIST) {
        throw ReviewError(file.string(), "cannot be created: " + std::string(std::strerror(errno)));
    }
    // The group: the case folder's (new files in a setgid folder take it anyway).
    const uid_t me = ::geteuid();
    auto owned = [&](const std::filesystem::path& p) {
        struct stat st {};
        return ::stat(p.c_str(), &st) == 0 && st.st_uid == me;
    };
    if (owned(folder)) {
        const bool grouped =
            shared && ::chown(folder.c_str(), static_cast<uid_t>(-1), case_folder.st_gid) == 0;
        ::chmod(folder.c_str(), grouped ? S_IRWXU | S_IRWXG | S_ISGID : S_IRWXU);
    }
    if (owned(file)) {
        const bool grouped =
            shared && ::chown(file.c_str(), static_cast<uid_t>(-1), case_folder.st_gid) == 0;
        ::chmod(file.c_str(), grouped ? S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP : S_IRUSR | S_IWUSR);
    }
}

// A risk the policy reports about a whole record: withheld until a reviewer decides, or one
// to check whether to withhold (policy/record_rules.cpp words them so).
bool asks_whether_to_withhold(const std::string& what) {
    return what.rfind("withheld in full because it may be", 0) == 0 ||
           what.find("check whether to withhold it in full") != std::string::npos;
}

} // namespace

FindingStatus review::status_of(const StoredFinding& f, bool gone, bool first_seen_now,
                                const std::string& verdict, const std::string& decided_on,
                                bool& reopened) {
    reopened = false;
    if (gone) return FindingStatus::Gone;
    const std::optional<Verdict> decided = verdict_names.parse(verdict);
    if (decided == Verdict::Reopen) return FindingStatus::Open; // decided once, withdrawn: not new
    if (!verdict.empty() && decided_on == f.proposal) {
        if (decided == Verdict::Approve) return FindingStatus::Approved;
        if (decided == Verdict::Reject) return FindingStatus::Rejected;
        return FindingStatus::Changed;
    }
    reopened = !verdict.empty(); // decided on a proposal the policy no longer makes
    return first_seen_now && !reopened ? FindingStatus::New : FindingStatus::Open;
}

bool FindingFilter::matches(const StoredFinding& f) const {
    if (!category.empty() && f.category != category) return false;
    if (!record.empty() && f.record != record) return false;
    if (!party.empty()) {
        const std::string wanted = lower(party);
        const bool by_kind = (wanted == "subject" || wanted == "unknown") && f.owner == wanted;
        if (!by_kind && lower(f.owner_name) != wanted) return false;
    }
    if (status) return f.status == *status;
    return !ids.empty() || f.status != FindingStatus::Gone;
}

std::vector<std::string> bulk_approval(const std::vector<StoredFinding>& findings,
                                       const FindingFilter& filter) {
    std::vector<std::string> out;
    for (const StoredFinding& f : findings)
        if (filter.matches(f) && f.awaits_decision()) out.push_back(f.id);
    return out;
}

ReviewStore::ReviewStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReviewStore::~ReviewStore() = default;
ReviewStore::ReviewStore(ReviewStore&&) noexcept = default;
ReviewStore& ReviewStore::operator=(ReviewStore&&) noexcept = default;

ReviewStore ReviewStore::open(const Case& request, std::shared_ptr<const IdentityProvider> acting) {
    return open(request, ReviewDatabase::from_environment(), std::move(acting));
}

namespace {

// The login of a shared database is who acts: fixed for the connection's life.
class DatabaseRole final : public IdentityProvider {
  public:
    explicit DatabaseRole(Identity who) : who_(std::move(who)) {}
    Identity current() const override { return who_; }

  private:
    Identity who_;
};

} // namespace

std::unique_ptr<ReviewStore::Impl>
ReviewStore::open_impl(const Case& request, const ReviewDatabase& database,
                       std::shared_ptr<const IdentityProvider> acting, bool existing_only) {
    if (!database.shared()) {
        const auto file = review_db_path(request.folder);
        if (existing_only && !std::filesystem::exists(file)) return nullptr;
        const ProfileInfo profile = load_profile(dictionaries_dir(), request.profile);
        prepare_file(file);
        auto impl = std::make_unique<Impl>(review::open_sqlite(file, true), file, request, profile,
                                           std::move(acting));
        review::configure(impl->db);
        review::create_schema(impl->db);
        return impl;
    }
    // The reviewer is the database login: nothing else may be named as acting.
    if (acting != os_account())
        throw ReviewError("SAFESAR_DATABASE",
                          "with a shared database the reviewer is the database login; no other "
                          "identity can be given");
    if (request.reference.empty())
        throw ReviewError(request.folder.string(), "the case has no reference to store it by");
    auto connection = review::open_postgres(database.connection, request.reference);
    review::Db probe(std::move(connection)); // checked before the store is built on it
    review::require_postgres_schema(probe);
    bool approver = false;
    const Identity who = review::database_login(probe, approver);
    review::require_case_team(probe, request.reference, who.login);
    if (existing_only && probe.scalar("SELECT count(*) FROM meta") == 0) return nullptr;
    {
        review::WriteTransaction tx(probe);
        probe.exec("INSERT INTO meta(key, value) VALUES ('version', '0'), "
                   "('audit_head_seq', '0'), ('audit_head_hash', '') ON CONFLICT DO NOTHING");
        tx.commit();
    }
    const ProfileInfo profile = load_profile(dictionaries_dir(), request.profile);
    auto impl = std::make_unique<Impl>(probe.release(), std::filesystem::path(), request, profile,
                                       std::make_shared<const DatabaseRole>(who));
    impl->approver = approver;
    return impl;
}

ReviewStore ReviewStore::open(const Case& request, const ReviewDatabase& database,
                              std::shared_ptr<const IdentityProvider> acting) {
    if (!acting) throw ReviewError("", "no identity provider: nobody could be recorded as acting");
    return ReviewStore(open_impl(request, database, std::move(acting), false));
}

std::optional<ReviewStore>
ReviewStore::open_existing(const Case& request, std::shared_ptr<const IdentityProvider> acting) {
    if (!acting) throw ReviewError("", "no identity provider: nobody could be recorded as acting");
    auto impl = open_impl(request, ReviewDatabase::from_environment(), std::move(acting), true);
    if (!impl) return std::nullopt;
    return ReviewStore(std::move(impl));
}

Identity ReviewStore::acting() const {
    return impl_->who();
}

std::string ReviewStatus::who(const std::string& login) const {
    auto it = reviewers.find(login);
    return it == reviewers.end() ? login : it->second.display();
}

const std::filesystem::path& ReviewStore::file() const {
    return impl_->db.file();
}

std::string ReviewStore::location() const {
    return impl_->db.name();
}

std::int64_t ReviewStore::Impl::version() {
    review::Statement s(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'version'");
    return s.step() ? s.integer(0) : 0;
}

std::int64_t ReviewStore::Impl::bump_version() {
    db.exec("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
            "WHERE key = 'version'");
    return version();
}

std::vector<StoredFinding> ReviewStore::Impl::findings(const FindingFilter& filter) {
    // Each finding with the latest decision taken on it; only the named ones when ids are
    // given (a reviewer's decision re-reads what it changed, not the whole case).
    // Many ids (a whole category approved at once) would pass SQLite's limit on bound
    // parameters: read every row then, and keep the named ones.
    constexpr std::size_t kMostBound = 500;
    const bool in_sql = filter.ids.size() <= kMostBound;
    const std::set<std::string> wanted(in_sql ? filter.ids.end() : filter.ids.begin(),
                                       filter.ids.end());
    std::string where;
    if (!filter.ids.empty() && in_sql) {
        where = "WHERE f.id IN (";
        for (std::size_t i = 0; i < filter.ids.size(); ++i)
            where += i ? ",?" : "?";
        where += ")";
    }
    review::Statement s(db, R"sql(
        SELECT f.id, f.record, f.section, f.page, f.category, f.owner, f.owner_name, f.text,
               f.begin_byte, f.end_byte, f.rule, f.proposal, f.reason, f.policy_line,
               f.withheld_record, f.gone, f.first_scan = (SELECT max(seq) FROM scans),
               d.verdict, d.proposal, d.span_text, d.reason, d.reviewer, d.at, d.comment,
               f.confidence, f.recogniser, coalesce(d.seq, 0)
        FROM findings f)sql" + std::string(review::kLatestDecisionJoin) +
                                where + " ORDER BY f.record, f.section_index, f.begin_byte, f.id");
    if (in_sql)
        for (std::size_t i = 0; i < filter.ids.size(); ++i)
            s.bind(static_cast<int>(i) + 1, filter.ids[i]);
    std::vector<StoredFinding> out;
    while (s.step()) {
        StoredFinding f;
        f.id = s.text(0);
        f.record = s.text(1);
        f.section = s.text(2);
        f.page = static_cast<int>(s.integer(3));
        f.category = s.text(4);
        f.owner = s.text(5);
        f.owner_name = s.text(6);
        f.text = s.text(7);
        f.begin = static_cast<std::size_t>(s.integer(8));
        f.end = static_cast<std::size_t>(s.integer(9));
        f.rule = s.text(10);
        f.proposal = s.text(11);
        f.reason = s.text(12);
        f.policy_line = s.text(13);
        f.in_withheld_record = s.integer(14) != 0;
        f.confidence = s.real(24);
        f.recogniser = s.text(25);
        f.revision = s.integer(26);
        const std::string verdict = s.text(17), decided_on = s.text(18);
        f.status = review::status_of(f, s.integer(15) != 0, s.integer(16) != 0, verdict, decided_on,
                                     f.reopened);
        const std::optional<Verdict> decided = verdict_names.parse(verdict);
        if (!verdict.empty() &&
            decided != Verdict::Reopen) { // a reopen leaves no decision in force
            f.span_text = decided == Verdict::ChangeSpan ? s.text(19) : "";
            f.decision_reason = s.text(20);
            f.decided_by = s.text(21);
            f.decided_at = s.text(22);
            f.comment = s.text(23);
        }
        if (!wanted.empty() && !wanted.count(f.id)) continue;
        if (filter.matches(f)) out.push_back(std::move(f));
    }
    return out;
}

std::vector<StoredRisk> ReviewStore::Impl::risks() {
    review::Statement s(db, R"sql(
        SELECT r.id, r.record, r.what, r.gone, a.reviewer, a.at, a.comment
        FROM risks r
        LEFT JOIN acknowledgements a
            ON a.seq = (SELECT max(seq) FROM acknowledgements WHERE risk = r.id)
        ORDER BY r.record, r.what, r.id)sql");
    std::vector<StoredRisk> out;
    while (s.step())
        out.push_back(
            {s.text(0), s.text(1), s.text(2), s.integer(3) != 0, s.text(4), s.text(5), s.text(6)});
    // Whether to withhold a record in full is answered by the decision on the record: while one
    // is in force it is the acknowledgement (reopening the record reopens the risk).
    std::map<std::string, RecordReview> decided;
    for (RecordReview& r : record_reviews())
        if (r.decision != RecordReview::Decision::None) decided.emplace(r.record, std::move(r));
    for (StoredRisk& risk : out) {
        auto it = decided.find(risk.record);
        if (it == decided.end() || !asks_whether_to_withhold(risk.what)) continue;
        const RecordReview& r = it->second;
        risk.acknowledged_by = r.decided_by;
        risk.acknowledged_at = r.decided_at;
        risk.comment = (r.decision == RecordReview::Decision::Release
                            ? "released for disclosure"
                            : "withheld in full (" + r.reason + ")") +
                       (r.comment.empty() ? "" : ": " + r.comment);
    }
    return out;
}

std::vector<ManualRedaction> ReviewStore::Impl::manual() {
    review::Statement s(db, R"sql(
        SELECT m.seq, m.kind, m.record, m.phrase, m.page, m.x0, m.y0, m.x1, m.y1, m.reason,
               m.reviewer, m.at, m.comment, w.seq IS NOT NULL, w.reviewer, w.at
        FROM manual m LEFT JOIN withdrawals w ON w.manual = m.seq ORDER BY m.seq)sql");
    std::vector<ManualRedaction> out;
    while (s.step()) {
        ManualRedaction m;
        m.id = s.integer(0);
        m.kind = s.text(1) == "box" ? ManualRedaction::Kind::Box : ManualRedaction::Kind::Text;
        m.record = s.text(2);
        m.phrase = s.text(3);
        m.page = static_cast<int>(s.integer(4));
        m.box = Box{s.real(5), s.real(6), s.real(7), s.real(8)};
        m.reason = s.text(9);
        m.reviewer = s.text(10);
        m.at = s.text(11);
        m.comment = s.text(12);
        m.withdrawn = s.integer(13) != 0;
        m.withdrawn_by = s.text(14);
        m.withdrawn_at = s.text(15);
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<SignOff> ReviewStore::Impl::signoffs(std::int64_t current_version) {
    review::Statement s(db, "SELECT reviewer, at, comment, version FROM signoffs ORDER BY seq");
    std::vector<SignOff> out;
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.integer(3) == current_version});
    return out;
}

std::vector<PageToRead> ReviewStore::Impl::pages_to_read() {
    // Disclosed records of the latest scan; a mark counts for the record's content it was made
    // on (its digest), so a record changed since must be read again.
    review::Statement s(db, R"sql(
        SELECT r.name, r.kind, r.pages, r.digest FROM records r
        WHERE r.withheld = 0 AND r.last_scan = (SELECT max(seq) FROM scans)
        ORDER BY r.name)sql");
    review::Statement first(db, R"sql(
        SELECT page, reviewer, at FROM page_reads WHERE record = ? AND digest = ? AND digest <> ''
        ORDER BY seq)sql");
    std::vector<PageToRead> out;
    while (s.step()) {
        const std::string name = s.text(0);
        const int pages = s.text(1) == to_string(RecordKind::Pdf)
                              ? std::max(1, static_cast<int>(s.integer(2)))
                              : 1;
        std::map<int, std::pair<std::string, std::string>> read;
        first.bind(1, name).bind(2, s.text(3));
        while (first.step())
            read.emplace(static_cast<int>(first.integer(0)),
                         std::make_pair(first.text(1), first.text(2))); // the first mark stays
        first.reset();
        for (int page = 1; page <= pages; ++page) {
            PageToRead p{name, page, {}, {}};
            if (auto it = read.find(page); it != read.end())
                std::tie(p.read_by, p.read_at) = it->second;
            out.push_back(std::move(p));
        }
    }
    return out;
}

std::map<std::string, Identity> ReviewStore::Impl::reviewers() {
    review::Statement s(db, "SELECT login, full_name, source FROM identities ORDER BY seq");
    std::map<std::string, Identity> out;
    while (s.step())
        out[s.text(0)] = Identity{s.text(0), s.text(1), s.text(2)}; // the latest name wins
    return out;
}

std::vector<PageToRead> ReviewStore::pages_to_read() const {
    review::ReadTransaction snapshot(impl_->db);
    return impl_->pages_to_read();
}

std::vector<StoredFinding> ReviewStore::findings(const FindingFilter& filter) const {
    review::ReadTransaction snapshot(impl_->db);
    return impl_->findings(filter);
}

std::vector<StoredRisk> ReviewStore::risks() const {
    review::ReadTransaction snapshot(impl_->db);
    return impl_->risks();
}

std::vector<ManualRedaction> ReviewStore::manual_redactions() const {
    review::ReadTransaction snapshot(impl_->db);
    return impl_->manual();
}

} // namespace safesar
