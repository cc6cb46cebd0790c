#include "review/case_session.hpp"

#include "safesar/data_dir.hpp"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <set>

namespace safesar::gui {

namespace fs = std::filesystem;

namespace {

// Where a section is drawn: its PDF page (page text, or an annotation or form field with its
// area), else 0, the text view of the record (every section of a record that is not a PDF: an
// image's OCR text is read there).
int view_of(const Record& r, const Section& s) {
    const bool on_page =
        r.kind == RecordKind::Pdf && s.page > 0 && (s.kind == SectionKind::PageText || s.area);
    return on_page ? s.page : 0;
}

} // namespace

namespace {
// Every this many ticks of the watch (a minute at the default interval) the reviewer's
// presence is refreshed: well inside the two minutes after which it is stale.
constexpr int kPresenceTicks = 30;
} // namespace

CaseSession::CaseSession(std::shared_ptr<const IdentityProvider> acting, QObject* parent)
    : QObject(parent), acting_(std::move(acting)), watch_(new QTimer(this)) {
    watch_->setInterval(2000);
    connect(watch_, &QTimer::timeout, this, &CaseSession::checkForOthers);
    connect(&watcher_, &QFutureWatcher<std::shared_ptr<CaseScan>>::finished, this, [this] {
        std::shared_ptr<CaseScan> result = watcher_.result();
        if (!result) {
            emit scanFailed(scan_error_);
            return;
        }
        try {
            const ScanRecorded r = store_->record_scan(*result);
            scan_ = std::move(result);
            scan_finding_at_.clear();
            const std::vector<std::string> ids = finding_ids(*scan_);
            for (std::size_t i = 0; i < ids.size(); ++i)
                scan_finding_at_[ids[i]] = i;
            listScannedRecords();
            refresh();
            // Where the review stands is the status line's: this says only what the scan did.
            emit scanned(tr("%1 findings, %2 new, %3 gone; %4 risks reported")
                             .arg(r.findings)
                             .arg(r.new_findings)
                             .arg(r.gone)
                             .arg(r.risks));
        } catch (const std::exception& e) {
            emit scanFailed(QString::fromStdString(e.what()));
        }
    });
}

CaseSession::~CaseSession() {
    cancel_ = true;
    watcher_.waitForFinished();
    leaveCase();
}

void CaseSession::open(const fs::path& folder) {
    LoadedCase loaded = load_case(folder);
    profile_ = load_profile(dictionaries_dir(), loaded.value.profile);
    auto store = std::make_unique<ReviewStore>(ReviewStore::open(loaded.value, acting_));
    leaveCase();
    request_ = std::move(loaded);
    edits_.reset();
    store_ = std::move(store);
    edits_ = std::make_unique<ReviewEdits>(*store_);
    seen_change_ = store_->last_change();
    store_->may_have_changed(); // from now on
    store_->mark_present();
    watch_ticks_ = 0;
    readPresence();
    listFiles();
    refresh();
    watch_->start();
}

void CaseSession::setWatchInterval(int milliseconds) {
    watch_->setInterval(milliseconds);
}

void CaseSession::leaveCase() noexcept {
    if (!store_) return;
    try {
        store_->mark_absent();
    } catch (...) {
        // The database is gone: the row goes stale by itself.
    }
}

void CaseSession::readPresence() {
    const std::string me = identity().login;
    others_present_.clear();
    for (Presence& p : store_->present())
        if (p.login != me && !p.stale) others_present_.push_back(std::move(p));
    emit presenceChanged();
}

void CaseSession::checkForOthers() {
    if (!store_) return;
    try {
        if (++watch_ticks_ % kPresenceTicks == 0) {
            store_->mark_present();
            readPresence();
        }
        if (!store_->may_have_changed()) return;
        const std::vector<CaseChange> changes = store_->changes_since(seen_change_);
        readPresence(); // on SQLite, another's presence is a change of the file too
        if (changes.empty()) return;
        seen_change_ = changes.back().seq;
        // This account's own acts are shown already; an identity entry goes with another act,
        // a verification changes nothing.
        const std::string me = identity().login;
        std::vector<const CaseChange*> theirs;
        std::vector<std::string> ids;
        bool decisions_only = true;
        QStringList who;
        for (const CaseChange& c : changes) {
            if (c.who == me || c.action == "identity" || c.action == "verify") continue;
            theirs.push_back(&c);
            decisions_only = decisions_only && c.action == "decide";
            ids.insert(ids.end(), c.findings.begin(), c.findings.end());
            const QString login = QString::fromStdString(c.who);
            if (!who.contains(login)) who << login;
        }
        if (theirs.empty()) return;
        emit othersChanging();
        if (decisions_only)
            reread(ids);
        else
            refresh();
        emit othersChanged(static_cast<int>(theirs.size()), who.join(", "),
                           QString::fromStdString(theirs.back()->at));
    } catch (const std::exception& e) {
        emit watchFailed(QString::fromStdString(e.what()));
    }
}

void CaseSession::startScan() {
    if (scanning() || !isOpen()) return;
    cancel_ = false;
    const fs::path folder = request().folder;
    auto future = QtConcurrent::run([this, folder]() -> std::shared_ptr<CaseScan> {
        GatherOptions options;
        options.cancel = &cancel_;
        options.on_file_done = [this](int done, int total) {
            QMetaObject::invokeMethod(
                this, [this, done, total] { emit scanProgress(done, total); },
                Qt::QueuedConnection);
        };
        try {
            return scan_case(folder, options);
        } catch (const Cancelled&) {
            scan_error_ = tr("The scan was cancelled.");
        } catch (const std::exception& e) {
            scan_error_ = QString::fromStdString(e.what());
        }
        return nullptr;
    });
    watcher_.setFuture(future);
}

void CaseSession::cancelScan() {
    cancel_ = true;
}

void CaseSession::listFiles() {
    records_.clear();
    const fs::path root = request().records_dir();
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        RecordEntry e;
        e.name = QString::fromStdString(f.lexically_relative(root).generic_string());
        std::string ext = f.extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
        e.pdf = ext == ".pdf";
        if (e.pdf) e.source.path = QString::fromStdString(f.string());
        records_.push_back(std::move(e));
    }
}

void CaseSession::listScannedRecords() {
    records_.clear();
    const auto& recs = scan_->gathered.records;
    for (std::size_t i = 0; i < recs.size(); ++i) {
        const Record& r = recs[i];
        RecordEntry e;
        e.name = QString::fromStdString(r.name);
        e.scan_index = static_cast<int>(i);
        e.pdf = r.kind == RecordKind::Pdf;
        if (e.pdf) {
            e.source.path = QString::fromStdString(r.path.string());
            if (!r.bytes.empty()) {
                e.source.path = e.name; // names the attachment
                e.source.bytes = QByteArray(reinterpret_cast<const char*>(r.bytes.data()),
                                            static_cast<qsizetype>(r.bytes.size()));
            }
        }
        for (const RecordDisclosure& d : scan_->policy.disclosure.records)
            if (d.record == &r) e.withheld = d.fate == RecordFate::WithholdInFull;
        records_.push_back(std::move(e));
    }
    for (const SkippedRecord& s : scan_->gathered.skipped) {
        RecordEntry e;
        e.name = QString::fromStdString(s.name);
        e.skipped_reason = QString::fromStdString(s.reason);
        records_.push_back(std::move(e));
    }
}

const RecordEntry* CaseSession::record(const QString& name) const {
    for (const RecordEntry& r : records_)
        if (r.name == name) return &r;
    return nullptr;
}

const StoredFinding* CaseSession::finding(const QString& id) const {
    auto it = finding_at_.find(id.toStdString());
    return it == finding_at_.end() ? nullptr : &findings_[it->second];
}

void CaseSession::refresh() {
    findings_ = store_->findings();
    finding_at_.clear();
    for (std::size_t i = 0; i < findings_.size(); ++i)
        finding_at_[findings_[i].id] = i;
    on_view_.clear();
    if (scan_)
        for (std::size_t i = 0; i < findings_.size(); ++i) {
            auto at = scan_finding_at_.find(findings_[i].id);
            if (at == scan_finding_at_.end()) continue;
            const Finding& sf = scan_->findings[at->second];
            const Record& r = scan_->gathered.records[sf.record];
            on_view_[{findings_[i].record, view_of(r, r.sections[sf.section])}].push_back(i);
        }
    manual_ = store_->manual_redactions();
    status_ = store_->status();
    pages_ = store_->pages_to_read();
    page_read_.clear();
    for (const PageToRead& p : pages_)
        page_read_[{p.record, p.page}] = p.read();
    rereadRecords();
    rebuildDisclosureOverlays();
    emit changed();
}

void CaseSession::rereadRecords() {
    record_reviews_.clear();
    for (RecordReview& r : store_->record_reviews())
        record_reviews_.emplace(QString::fromStdString(r.record), std::move(r));
    for (RecordEntry& e : records_) {
        if (!e.skipped_reason.isEmpty()) continue;
        auto it = record_reviews_.find(e.name);
        e.withheld = it != record_reviews_.end() && it->second.withheld;
    }
}

const RecordReview* CaseSession::recordReview(const QString& record) const {
    auto it = record_reviews_.find(record);
    return it == record_reviews_.end() ? nullptr : &it->second;
}

// A whole record changes which findings can be decided and which pages are read: re-read all.
void CaseSession::releaseRecord(const QString& record, const QString& comment) {
    store_->release_record(record.toStdString(), comment.toStdString());
    refresh();
}

void CaseSession::withholdRecord(const QString& record, const QString& reason,
                                 const QString& comment) {
    store_->withhold_record(record.toStdString(), reason.toStdString(), comment.toStdString());
    refresh();
}

void CaseSession::reopenRecord(const QString& record) {
    store_->reopen_record(record.toStdString());
    refresh();
}

bool CaseSession::pageRead(const QString& record, int page) const {
    auto it = page_read_.find({record.toStdString(), page});
    return it != page_read_.end() && it->second;
}

int CaseSession::redactionsOn(const QString& record, int page) const {
    // A finding drawn over several lines is one redaction; so is a manual one.
    std::set<QString> seen;
    for (const Overlay& o : overlays(record, page)) {
        if (o.state == OverlayState::Rejected) continue;
        if (!o.id.isEmpty())
            seen.insert(o.id);
        else if (o.begin < o.end) // a manual phrase: its span
            seen.insert(QString("%1:%2:%3").arg(o.section).arg(o.begin).arg(o.end));
        else // a manual box
            seen.insert(QString("box:%1:%2").arg(o.box.x0).arg(o.box.y0));
    }
    return static_cast<int>(seen.size());
}

std::pair<QString, int> CaseSession::placeOf(const ManualRedaction& m) const {
    if (m.kind == ManualRedaction::Kind::Box) return {QString::fromStdString(m.record), m.page};
    // A phrase: the first record (and page) it is found on, as the engine found it.
    const std::string wanted = m.record;
    for (const RecordEntry& entry : records_) {
        const std::string name = entry.name.toStdString();
        if (!wanted.empty() && name != wanted) continue;
        auto spans = manual_spans_.find(name);
        if (spans == manual_spans_.end() || !scan_ || entry.scan_index < 0) continue;
        const Record& rec = scan_->gathered.records[static_cast<std::size_t>(entry.scan_index)];
        const QString phrase = QString::fromStdString(m.phrase).simplified();
        for (const Redaction& r : spans->second) {
            const Section& s = rec.sections[r.section];
            const QString text =
                QString::fromStdString(s.text.substr(r.begin, r.end - r.begin)).simplified();
            if (text.compare(phrase, Qt::CaseInsensitive) == 0)
                return {entry.name, view_of(rec, s) > 0 ? view_of(rec, s) : 1};
        }
    }
    return {QString::fromStdString(wanted), 1};
}

void CaseSession::rebuildDisclosureOverlays() {
    manual_spans_.clear();
    const bool any_manual =
        std::any_of(manual_.begin(), manual_.end(), [](const auto& m) { return !m.withdrawn; });
    if (!scan_ || !any_manual) return;
    // The engine resolves phrases to spans and boxes exactly as the export will.
    const ReviewedDisclosure reviewed = store_->build_disclosure(*scan_, false);
    for (const RecordDisclosure& d : reviewed.disclosure.records)
        for (const Redaction& r : d.redactions)
            if (r.finding_id.empty()) manual_spans_[d.record->name].push_back(r);
}

std::optional<OverlayState> CaseSession::stateOf(const StoredFinding& f) {
    if (f.status == FindingStatus::Gone) return std::nullopt;
    if (f.in_withheld_record) return OverlayState::Withheld;
    switch (f.status) {
    case FindingStatus::New:
    case FindingStatus::Open:
        if (f.proposes_redaction()) return OverlayState::Proposed;
        return std::nullopt;
    case FindingStatus::Approved:
        if (f.proposes_redaction()) return OverlayState::Approved;
        return std::nullopt;
    case FindingStatus::Changed:
        return OverlayState::Approved;
    case FindingStatus::Rejected:
        return f.proposes_redaction() ? std::optional(OverlayState::Rejected) : std::nullopt;
    case FindingStatus::Gone:
        break;
    }
    return std::nullopt;
}

std::vector<Overlay> CaseSession::overlays(const QString& record_name, int page) const {
    std::vector<Overlay> out;
    if (!scan_) return out;
    const RecordEntry* entry = record(record_name);
    if (!entry || entry->scan_index < 0) return out;
    const Record& rec = scan_->gathered.records[static_cast<std::size_t>(entry->scan_index)];
    const std::string name = record_name.toStdString();
    auto on_this_view = [&](std::size_t section) {
        return view_of(rec, rec.sections[section]) == page;
    };
    auto add = [&](const Section& s, std::size_t section, std::size_t begin, std::size_t end,
                   OverlayState state, const QString& id, const QString& label) {
        Overlay o{{}, section, begin, end, state, id, label};
        if (page == 0) {
            out.push_back(o);
            return;
        }
        if (s.kind != SectionKind::PageText) { // an annotation or form field: its area
            o.box = *s.area;
            out.push_back(o);
            return;
        }
        // One box per line of words the span covers.
        for (const Word& w : s.words) {
            if (w.end <= begin || w.begin >= end) continue;
            if (!out.empty() && out.back().id == id && std::abs(out.back().box.y0 - w.box.y0) < 2 &&
                w.box.x0 >= out.back().box.x0) {
                out.back().box.x1 = std::max(out.back().box.x1, w.box.x1);
                out.back().box.y1 = std::max(out.back().box.y1, w.box.y1);
            } else {
                o.box = w.box;
                out.push_back(o);
            }
        }
    };
    auto here = on_view_.find({name, page});
    for (std::size_t i : here == on_view_.end() ? std::vector<std::size_t>{} : here->second) {
        const StoredFinding& f = findings_[i];
        const std::optional<OverlayState> state = stateOf(f);
        if (!state) continue;
        auto at = scan_finding_at_.find(f.id);
        if (at == scan_finding_at_.end()) continue;
        const Finding& sf = scan_->findings[at->second]; // on this view: the index says so
        const QString label =
            *state == OverlayState::Rejected ? tr("kept") : QString::fromStdString(f.reason);
        add(rec.sections[sf.section], sf.section, sf.begin, sf.end, *state,
            QString::fromStdString(f.id), label);
    }
    auto manual = manual_spans_.find(name);
    if (manual != manual_spans_.end())
        for (const Redaction& r : manual->second) {
            if (!on_this_view(r.section)) continue;
            if (page > 0 && !r.boxes.empty()) {
                for (const Box& b : r.boxes)
                    out.push_back({b, r.section, r.begin, r.end, OverlayState::Manual, QString(),
                                   QString::fromStdString(r.reason.code)});
            } else {
                add(rec.sections[r.section], r.section, r.begin, r.end, OverlayState::Manual,
                    QString(), QString::fromStdString(r.reason.code));
            }
        }
    return out;
}

CaseSession::Words CaseSession::wordsIn(const QString& record_name, int page,
                                        const Box& area) const {
    const RecordEntry* entry = record(record_name);
    if (!scan_ || !entry || entry->scan_index < 0) return {};
    const Record& rec = scan_->gathered.records[static_cast<std::size_t>(entry->scan_index)];
    for (const Section& s : rec.sections) {
        if (s.kind != SectionKind::PageText || s.page != page) continue;
        // From the first word inside to the last: the text between them as the page reads.
        std::size_t begin = std::string::npos, end = 0;
        for (const Word& w : s.words) {
            if (w.hidden || !w.box.intersects(area)) continue;
            begin = std::min(begin, w.begin);
            end = std::max(end, w.end);
        }
        if (begin == std::string::npos) return {};
        Words out;
        out.text = QString::fromStdString(s.text.substr(begin, end - begin)).simplified();
        for (const Word& w : s.words)
            if (!w.hidden && w.begin >= begin && w.end <= end) out.boxes.push_back(w.box);
        return out;
    }
    return {};
}

void CaseSession::reread(const std::vector<std::string>& ids) {
    FindingFilter filter;
    filter.ids = ids;
    QStringList changed;
    for (StoredFinding& f : store_->findings(filter)) {
        auto at = finding_at_.find(f.id);
        if (at == finding_at_.end()) continue;
        changed << QString::fromStdString(f.id);
        findings_[at->second] = std::move(f);
    }
    status_ = store_->status();
    emit stateChanged(changed);
}

void CaseSession::rereadManual() {
    manual_ = store_->manual_redactions();
    status_ = store_->status();
    rebuildDisclosureOverlays();
    emit stateChanged({});
}

void CaseSession::rereadStatus() {
    status_ = store_->status();
    pages_ = store_->pages_to_read();
    for (const PageToRead& p : pages_)
        page_read_[{p.record, p.page}] = p.read();
    emit stateChanged({});
}

void CaseSession::decide(const QStringList& ids, Verdict verdict) {
    std::vector<FindingDecision> list;
    std::vector<std::string> names;
    for (const QString& id : ids) {
        list.push_back({id.toStdString(), verdict, "", ""});
        // Decided on what this window shows: refused if another reviewer has decided it since.
        if (auto it = finding_at_.find(list.back().finding); it != finding_at_.end())
            list.back().seen = findings_[it->second].revision;
        names.push_back(id.toStdString());
    }
    try {
        edits_->decide(list);
    } catch (const ReviewError&) {
        reread(names); // show what the other reviewer decided
        throw;
    }
    reread(names);
}

void CaseSession::addManualBox(const QString& record, int page, const Box& box,
                               const QString& reason) {
    edits_->add_manual_box(record.toStdString(), page, box, reason.toStdString());
    rereadManual();
}

void CaseSession::addManualText(const QString& phrase, const QString& record,
                                const QString& reason) {
    edits_->add_manual_text(phrase.toStdString(), record.toStdString(), reason.toStdString());
    rereadManual();
}

void CaseSession::withdrawManual(std::int64_t id) {
    edits_->withdraw_manual(id);
    rereadManual();
}

void CaseSession::changeManual(std::int64_t id, const QString& phrase, const QString& reason) {
    for (ManualRedaction m : manual_)
        if (m.id == id) {
            if (m.kind == ManualRedaction::Kind::Text) m.phrase = phrase.toStdString();
            m.reason = reason.toStdString();
            edits_->replace_manual(id, m);
            rereadManual();
            return;
        }
    throw ReviewError("", "no manual redaction M" + std::to_string(id));
}

void CaseSession::acknowledgeRisk(const QString& risk, const QString& note) {
    store_->acknowledge_risk(risk.toStdString(), note.toStdString());
    rereadStatus();
}

void CaseSession::signOff(const QString& comment) {
    store_->signoff(comment.toStdString());
    rereadStatus();
}

QString CaseSession::signOffRefusal() const {
    return QString::fromStdString(store_->signoff_refusal());
}

bool CaseSession::markPageRead(const QString& record, int page) {
    const bool marked = store_->mark_page_read(record.toStdString(), page);
    rereadStatus();
    return marked;
}

QString CaseSession::undoLabel() const {
    return edits_ ? QString::fromStdString(edits_->undo_label()) : QString();
}

QString CaseSession::redoLabel() const {
    return edits_ ? QString::fromStdString(edits_->redo_label()) : QString();
}

void CaseSession::undo() {
    const std::vector<std::string> ids = edits_->undo_findings();
    edits_->undo();
    ids.empty() ? rereadManual() : reread(ids);
}

void CaseSession::redo() {
    const std::vector<std::string> ids = edits_->redo_findings();
    edits_->redo();
    ids.empty() ? rereadManual() : reread(ids);
}

} // namespace safesar::gui
