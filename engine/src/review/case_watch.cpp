// What a view kept open needs while others work on the case: their changes since it last
// looked, and who else has the case open (review.hpp, "Others' changes").
#include "review/clock.hpp"
#include "review/dialect.hpp"
#include "review/store_impl.hpp"

#include <nlohmann/json.hpp>

namespace safesar {

std::int64_t ReviewStore::last_change() const {
    return impl_->db.scalar("SELECT coalesce(max(seq), 0) FROM audit");
}

std::vector<CaseChange> ReviewStore::changes_since(std::int64_t seq) const {
    review::ReadTransaction snapshot(impl_->db);
    review::Statement s(impl_->db, "SELECT seq, at, who, action, detail_json FROM audit "
                                   "WHERE seq > ? ORDER BY seq");
    s.bind(1, seq);
    std::vector<CaseChange> out;
    while (s.step()) {
        CaseChange c{s.integer(0), s.text(1), s.text(2), s.text(3), {}};
        const auto detail = nlohmann::json::parse(s.text(4), nullptr, false);
        if (c.action == "decide" && detail.is_object() && detail.contains("finding") &&
            detail["finding"].is_string())
            c.findings.push_back(detail["finding"].get<std::string>());
        out.push_back(std::move(c));
    }
    return out;
}

bool ReviewStore::may_have_changed() {
    return impl_->db.connection().changed_elsewhere();
}

void ReviewStore::mark_present() {
    review::Db& db = impl_->db;
    const Identity who = impl_->who();
    const std::string now = review::utc_now();
    const bool first = impl_->present_since.empty();
    if (first) impl_->present_since = now;
    // A reopened case starts its time in the case afresh; a refresh keeps it.
    review::Statement s(db, "INSERT INTO presence(login, full_name, opened_at, last_seen, "
                            "last_seen_ms) VALUES (?1, ?2, ?3, ?4, " +
                                review::epoch_ms_now(db) + ") ON CONFLICT (" +
                                review::conflict_target(db, "login") +
                                ") DO UPDATE SET full_name = excluded.full_name, "
                                "opened_at = CASE WHEN ?5 = 1 THEN excluded.opened_at ELSE "
                                "presence.opened_at END, last_seen = excluded.last_seen, "
                                "last_seen_ms = excluded.last_seen_ms");
    s.bind(1, who.login).bind(2, who.full_name).bind(3, impl_->present_since).bind(4, now);
    s.bind(5, first ? 1 : 0).run();
}

void ReviewStore::mark_absent() {
    review::Statement s(impl_->db, "DELETE FROM presence WHERE login = ?");
    s.bind(1, impl_->who().login).run();
    impl_->present_since.clear();
}

std::vector<Presence> ReviewStore::present(std::chrono::milliseconds stale_after) const {
    review::Db& db = impl_->db;
    review::Statement s(db, "SELECT login, full_name, opened_at, last_seen, " +
                                review::epoch_ms_now(db) +
                                " - last_seen_ms FROM presence ORDER BY login");
    std::vector<Presence> out;
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.text(3),
                       s.integer(4) > static_cast<std::int64_t>(stale_after.count())});
    return out;
}

} // namespace safesar
