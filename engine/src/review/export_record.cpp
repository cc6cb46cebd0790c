// The audit entry of an export: which files, their SHA-256, and the review state they show, so
// the controller can later prove what was sent.
#include "review/audit_log.hpp"
#include "review/clock.hpp"
#include "review/sha256.hpp"
#include "review/store_impl.hpp"
#include "safesar/version.hpp"

namespace safesar {

void ReviewStore::record_export(const ExportResult& result, bool final, std::int64_t version) {
    const Identity actor = impl_->who();
    const std::string pdf_hash = review::sha256_file(result.pdf);
    // An encrypted bundle carries its JSON inside: the PDF's digest covers it.
    const std::string json_hash =
        result.json_embedded ? "embedded in the PDF" : review::sha256_file(result.json);
    auto& db = impl_->db;
    review::WriteTransaction tx(db);
    review::Statement insert(db,
                             "INSERT INTO exports(at, who, final, version, pdf, pdf_sha256, "
                             "json_sha256, pages, redactions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, review::utc_now()).bind(2, actor.login).bind(3, final ? 1 : 0).bind(4, version);
    insert.bind(5, result.pdf.filename().string()).bind(6, pdf_hash).bind(7, json_hash);
    insert.bind(8, result.pages).bind(9, result.redactions).run();
    review::append_audit(db, actor, "export",
                         {{"final", final},
                          {"version", version},
                          {"pdf", result.pdf.filename().string()},
                          {"pdf_sha256", pdf_hash},
                          {"json_sha256", json_hash},
                          {"pages", result.pages},
                          {"redactions", result.redactions},
                          {"safesar_version", version_line()}},
                         "exports", db.last_insert_id());
    tx.commit();
}

} // namespace safesar
