// Recording a scan: upsert by stable id, so decisions stay with their findings; findings and
// risks not reported any more are marked gone, not deleted (their history stays, and a finding
// that comes back finds its decision again).
#include "review/audit_log.hpp"
#include "review/clock.hpp"
#include "review/dialect.hpp"
#include "review/sha256.hpp"
#include "review/store_impl.hpp"
#include "safesar/version.hpp"

#include <map>
#include <set>

namespace safesar {

namespace {

using review::Statement;

std::string owner_of(const Finding& f) {
    if (f.owner.kind == Owner::Subject) return "subject";
    if (f.owner.kind == Owner::Party) return to_string(f.owner.role);
    return "unknown";
}

std::string owner_name(const Case& c, const Finding& f) {
    if (f.owner.kind != Owner::Party || f.owner.party < 0 ||
        static_cast<std::size_t>(f.owner.party) >= c.parties.size())
        return "";
    return c.parties[static_cast<std::size_t>(f.owner.party)].name;
}

// Indices of records the policy withholds in full.
std::set<std::size_t> withheld_records(const CaseScan& scan) {
    std::set<std::size_t> out;
    for (const RecordDisclosure& rd : scan.policy.disclosure.records)
        if (rd.fate == RecordFate::WithholdInFull && rd.record)
            out.insert(static_cast<std::size_t>(rd.record - scan.gathered.records.data()));
    return out;
}

struct Known {
    std::string proposal;
    bool gone = false;
    bool decided = false; // its latest decision is not a reopen
};

std::map<std::string, Known> known_findings(review::Db& db) {
    std::map<std::string, Known> out;
    Statement s(db, "SELECT id, proposal, gone, coalesce((SELECT d.verdict <> 'reopen' FROM "
                    "decisions d WHERE d.finding = findings.id ORDER BY d.seq DESC LIMIT 1), "
                    "false) FROM findings");
    while (s.step())
        out[s.text(0)] = {s.text(1), s.integer(2) != 0, s.integer(3) != 0};
    return out;
}

// What a reviewer reads of a record: its bytes (the file, or an attachment's own bytes) and
// the text gathered from it, section by section. A page marked read counts only while this
// stays the same.
std::string content_digest(const Record& r) {
    std::string content = to_string(r.kind);
    if (!r.bytes.empty()) {
        content += review::sha256_hex(
            std::string_view(reinterpret_cast<const char*>(r.bytes.data()), r.bytes.size()));
    } else {
        try {
            content += review::sha256_file(r.path);
        } catch (const ReviewError&) {
            // Gone since it was gathered: the text below is what was read.
        }
    }
    for (const Section& s : r.sections)
        content += "\n" + s.label + "\n" + s.text;
    return review::sha256_hex(content);
}

// What the policy proposes for each record; `withheld` (what the bundle does) is set by
// apply_record_decisions afterwards, from this and the reviewers' decisions.
void upsert_records(review::Db& db, const CaseScan& scan, std::int64_t seq,
                    const std::set<std::size_t>& withheld,
                    const std::vector<std::string>& digests) {
    std::vector<const RecordDisclosure*> fate(scan.gathered.records.size(), nullptr);
    for (const RecordDisclosure& rd : scan.policy.disclosure.records)
        if (rd.record)
            fate[static_cast<std::size_t>(rd.record - scan.gathered.records.data())] = &rd;
    Statement s(db, "INSERT INTO records(name, kind, pages, withheld, last_scan, digest, "
                    "policy_withheld, withheld_kind, withheld_reason) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?4, ?7, ?8) ON CONFLICT(" +
                        review::conflict_target(db, "name") +
                        ") DO UPDATE SET "
                        "kind = excluded.kind, pages = excluded.pages, "
                        "last_scan = excluded.last_scan, digest = excluded.digest, "
                        "policy_withheld = excluded.policy_withheld, "
                        "withheld_kind = excluded.withheld_kind, "
                        "withheld_reason = excluded.withheld_reason");
    for (std::size_t i = 0; i < scan.gathered.records.size(); ++i) {
        const Record& r = scan.gathered.records[i];
        const bool held = withheld.count(i) > 0;
        const RecordDisclosure* rd = fate[i];
        s.bind(1, r.name)
            .bind(2, to_string(r.kind))
            .bind(3, static_cast<std::int64_t>(r.pages.size()));
        s.bind(4, static_cast<std::int64_t>(held)).bind(5, seq).bind(6, digests[i]);
        s.bind(7, held && rd ? rd->withheld_kind : "");
        s.bind(8, held && rd && rd->withheld_because ? rd->withheld_because->code : "");
        s.run();
        s.reset();
    }
}

} // namespace

ScanRecorded ReviewStore::record_scan(const CaseScan& scan) {
    const Case& c = scan.request.value;
    const std::vector<std::string> ids = finding_ids(scan);
    const std::vector<std::string> rids = risk_ids(scan.policy.risks);
    const std::set<std::size_t> withheld = withheld_records(scan);
    std::vector<std::string> digests; // before the write lock: this reads every file
    for (const Record& r : scan.gathered.records)
        digests.push_back(content_digest(r));
    const Identity actor = impl_->who();
    auto& db = impl_->db;

    review::WriteTransaction tx(db);
    ScanRecorded out;
    out.scan = db.scalar("SELECT coalesce(max(seq), 0) + 1 FROM scans");
    const std::map<std::string, Known> known = known_findings(db);
    bool changed = false; // anything a reviewer or a sign-off must look at again

    Statement upsert(db, R"sql(
        INSERT INTO findings(id, record, section, section_index, page, category, owner,
            owner_name, text, begin_byte, end_byte, rule, proposal, reason, policy_line,
            withheld_record, first_scan, last_scan, gone, confidence, recogniser)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17, 0,
                ?18, ?19)
        ON CONFLICT()sql" + review::conflict_target(db, "id") +
                             R"sql() DO UPDATE SET
            record = excluded.record, section = excluded.section,
            section_index = excluded.section_index, page = excluded.page,
            owner = excluded.owner, owner_name = excluded.owner_name, text = excluded.text,
            begin_byte = excluded.begin_byte, end_byte = excluded.end_byte,
            rule = excluded.rule, proposal = excluded.proposal, reason = excluded.reason,
            policy_line = excluded.policy_line, withheld_record = excluded.withheld_record,
            last_scan = excluded.last_scan, gone = 0, confidence = excluded.confidence,
            recogniser = excluded.recogniser)sql");
    for (std::size_t i = 0; i < scan.findings.size(); ++i) {
        const Finding& f = scan.findings[i];
        const Decision& d = scan.policy.decisions.at(i);
        const Record& r = scan.gathered.records.at(f.record);
        const Section& s = r.sections.at(f.section);
        const std::string proposal = to_string(d.action);
        auto it = known.find(ids[i]);
        if (it == known.end()) {
            ++out.new_findings;
        } else if (it->second.gone || it->second.proposal != proposal) {
            changed = true; // back again, or proposed differently: its decision may not hold
            if (it->second.decided && it->second.proposal != proposal) ++out.reopened;
        }
        upsert.bind(1, ids[i]).bind(2, r.name).bind(3, s.label);
        upsert.bind(4, static_cast<std::int64_t>(f.section)).bind(5, s.page);
        upsert.bind(6, to_string(f.category)).bind(7, owner_of(f)).bind(8, owner_name(c, f));
        upsert.bind(9, f.text).bind(10, static_cast<std::int64_t>(f.begin));
        upsert.bind(11, static_cast<std::int64_t>(f.end)).bind(12, f.rule).bind(13, proposal);
        upsert.bind(14, d.reason.code).bind(15, d.policy_line);
        upsert.bind(16, static_cast<std::int64_t>(withheld.count(f.record))).bind(17, out.scan);
        upsert.bind(18, static_cast<double>(f.confidence)).bind(19, f.recogniser);
        upsert.run();
        upsert.reset();
    }
    Statement gone(db, "UPDATE findings SET gone = 1 WHERE gone = 0 AND last_scan <> ?");
    gone.bind(1, out.scan).run();
    out.gone = db.changes();
    out.findings = static_cast<int>(scan.findings.size());

    Statement risk(db, R"sql(
        INSERT INTO risks(id, record, what, first_scan, last_scan, gone) VALUES (?1, ?2, ?3, ?4, ?4, 0)
        ON CONFLICT()sql" + review::conflict_target(db, "id") +
                           R"sql() DO UPDATE SET
            last_scan = excluded.last_scan, gone = 0)sql");
    const auto risks_before = db.scalar("SELECT count(*) FROM risks");
    for (std::size_t i = 0; i < rids.size(); ++i) {
        risk.bind(1, rids[i])
            .bind(2, scan.policy.risks[i].record)
            .bind(3, scan.policy.risks[i].what);
        risk.bind(4, out.scan).run();
        risk.reset();
    }
    out.risks = static_cast<int>(rids.size());
    out.new_risks = static_cast<int>(db.scalar("SELECT count(*) FROM risks") - risks_before);
    Statement risks_gone(db, "UPDATE risks SET gone = 1 WHERE gone = 0 AND last_scan <> ?");
    risks_gone.bind(1, out.scan).run();
    changed = changed || out.new_findings || out.gone || out.new_risks || db.changes() > 0;
    upsert_records(db, scan, out.scan, withheld, digests);
    // A reviewer's decision on a whole record holds while the record and the policy's
    // proposal are unchanged; a record that now goes out differently must be looked at again.
    changed = review::apply_record_decisions(db) > 0 || changed;

    const std::int64_t version = changed ? impl_->bump_version() : impl_->version();
    Statement row(db, "INSERT INTO scans(seq, at, who, findings, new_findings, gone) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
    row.bind(1, out.scan).bind(2, review::utc_now()).bind(3, actor.login).bind(4, out.findings);
    row.bind(5, out.new_findings).bind(6, out.gone).run();
    std::string all_ids;
    for (const std::string& id : ids)
        all_ids += id + "\n";
    review::append_audit(db, actor, "scan",
                         {{"findings", out.findings},
                          {"new", out.new_findings},
                          {"gone", out.gone},
                          {"reopened", out.reopened},
                          {"risks", out.risks},
                          {"new_risks", out.new_risks},
                          {"records", scan.gathered.records.size()},
                          {"skipped", scan.gathered.skipped.size()},
                          {"finding_ids_sha256", review::sha256_hex(all_ids)},
                          {"safesar_version", version_line()},
                          {"version", version}},
                         "scans", out.scan);
    tx.commit();
    review::refresh_statistics(db);
    return out;
}

std::string record_scan_for_review(const CaseScan& scan) {
    ReviewStore store = ReviewStore::open(scan.request.value);
    const ScanRecorded r = store.record_scan(scan);
    return "review state: " + std::to_string(r.findings) + " findings (" +
           std::to_string(r.new_findings) + " new, " + std::to_string(r.gone) + " gone, " +
           std::to_string(r.reopened) + " reopened), " + std::to_string(r.risks) + " risks, in " +
           store.location();
}

} // namespace safesar
