// Gathering: walk records/, decide each file's kind from its content, read it into the
// document model, and report every file that could not be read. Files are read on all cores;
// the result is in path order whatever the timing.
#include "safesar/gather.hpp"

#include "gather/file_kind.hpp"
#include "gather/read_record.hpp"
#include "safesar/errors.hpp"
#include "safesar/printable.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <fstream>
#include <iterator>
#include <mutex>
#include <new>
#include <thread>

namespace fs = std::filesystem;

namespace safesar {

namespace {

struct Found {
    fs::path file;              // the bytes of its path, as the file system has them
    std::string name;           // relative to records/, valid UTF-8 (for reports and JSON)
    std::string problem;        // set when the walk itself rejects the file
    bool name_replaced = false; // the name on disk is not valid UTF-8
};

struct Walk {
    std::vector<Found> files;
    std::vector<SkippedRecord> links; // links inside records/ and what they lead to
};

std::string relative_name(const fs::path& p, const fs::path& root) {
    return p.lexically_relative(root).generic_string();
}

// What a link under records/ leads to. A link out of records/ is refused: gathering must not
// read (and so disclose) files the controller did not put in the records. A link that stays
// inside is not read itself: its target is walked (and read) under its own name, once.
void follow_link(const fs::path& link, const fs::path& root, const fs::path& records_root, Found& f,
                 Walk& walk) {
    std::error_code ec;
    const fs::path written = fs::read_symlink(link, ec);
    const std::string to = shown(written.string());
    const fs::path target = fs::canonical(link, ec);
    if (ec == std::errc::too_many_symbolic_link_levels) {
        f.problem = "a link (to " + to + ") that loops and never reaches a file; not followed";
    } else if (ec) {
        f.problem = "a link to " + to + ", which does not exist; not followed";
    } else if (auto rel = target.lexically_relative(records_root);
               rel.empty() || *rel.begin() == "..") {
        f.problem =
            "a link to " + to + ", which leads out of the case's records/ folder; not followed";
    } else {
        walk.links.push_back({f.name, "a link to " + shown(relative_name(target, records_root)) +
                                          " in records/, read once under that name"});
        return;
    }
    walk.files.push_back(f);
    (void)root;
}

// Every regular file under records/, sorted.
Walk walk_records(const Case& c) {
    Walk walk;
    const fs::path root = c.records_dir();
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw RecordError("records/", "the case has no records/ folder");
    const fs::path records_root = fs::canonical(root, ec);
    if (ec) throw RecordError("records/", "cannot be opened: " + ec.message());
    auto options = fs::directory_options::skip_permission_denied;
    for (auto it = fs::recursive_directory_iterator(root, options, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string bytes = relative_name(p, root);
        Found f{p, valid_utf8(bytes), {}, false};
        f.name_replaced = f.name != bytes;
        if (it->is_symlink(ec)) {
            follow_link(p, root, records_root, f, walk); // never recursed into
            continue;
        }
        if (it->is_directory(ec)) continue;
        if (!it->is_regular_file(ec)) f.problem = "not a regular file";
        walk.files.push_back(f);
    }
    if (ec) throw RecordError("records/", "cannot be listed: " + ec.message());
    std::sort(walk.files.begin(), walk.files.end(),
              [](const Found& a, const Found& b) { return a.name < b.name; });
    // Two names that differ only in bytes that are not UTF-8 would read the same.
    for (std::size_t i = 1; i < walk.files.size(); ++i)
        for (int copy = 2; walk.files[i].name == walk.files[i - 1].name; ++copy)
            walk.files[i].name += " (" + std::to_string(copy) + ")";
    std::sort(walk.links.begin(), walk.links.end(),
              [](const SkippedRecord& a, const SkippedRecord& b) { return a.name < b.name; });
    return walk;
}

// Every string of a record is valid UTF-8 whatever a reader or a library let through: one bad
// byte must not abort a JSON report for the whole case.
void make_valid(Record& r) {
    auto fix = [](std::string& s) { s = valid_utf8(s); };
    fix(r.name);
    fix(r.mime_type);
    fix(r.date);
    fix(r.parent);
    for (auto& w : r.warnings)
        fix(w);
    for (auto& u : r.unread)
        fix(u);
    for (Section& s : r.sections) {
        fix(s.label);
        for (Field& f : s.fields)
            fix(f.label);
        // Words and fields point into the text by byte offsets, which this keeps.
        std::string valid = valid_utf8_same_length(s.text);
        if (valid != s.text) {
            r.warnings.push_back(s.label + ": bytes that are not UTF-8 shown as '?'");
            s.text = std::move(valid);
        }
    }
}

// What one file turned into: its records (the file and its attachments) or why it failed.
struct Outcome {
    std::vector<Record> records;
    std::vector<SkippedRecord> skipped;
};

class FileGatherer {
  public:
    explicit FileGatherer(const GatherOptions& options) : options_(options) {}

    // Whatever goes wrong below this point costs this file only.
    Outcome gather(const Found& f) {
        Outcome out;
        if (!f.problem.empty()) {
            out.skipped.push_back({f.name, f.problem});
            return out;
        }
        options_.deadline = std::chrono::steady_clock::now() +
                            std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                std::chrono::duration<double>(options_.limits->record_seconds));
        try {
            FileKind kind = sniffer_.of_file(f.file);
            std::vector<Record> attachments;
            Record r = read_file(f.file, f.name, kind, nullptr, attachments);
            if (f.name_replaced)
                r.warnings.push_back("the file name is not valid UTF-8: shown with U+FFFD");
            out.records.push_back(std::move(r));
            expand_attachments(attachments, out);
        } catch (const Cancelled&) {
            throw; // not a problem with the file
        } catch (const Error& e) {
            out = Outcome{};
            out.skipped.push_back({f.name, shown(e.reason(), 1000)});
        } catch (const std::bad_alloc&) {
            out = Outcome{};
            out.skipped.push_back({f.name, "not enough memory to read it"});
        } catch (const std::exception& e) {
            out = Outcome{};
            out.skipped.push_back({f.name, "could not be read: " + shown(e.what(), 1000)});
        }
        for (Record& r : out.records)
            make_valid(r);
        return out;
    }

  private:
    Record read_file(const fs::path& file, const std::string& name, const FileKind& kind,
                     const std::vector<unsigned char>* bytes, std::vector<Record>& attachments) {
        return gather_detail::read_record(kind, file, name, bytes, options_, attachments);
    }

    // Attachments and embedded files become records of their own, read by the reader their
    // content calls for (a PDF in an e-mail, a workbook in a letter, a photo in an Outlook
    // message), and their own attachments in turn. E-mail readers fill nested messages and text
    // parts themselves; what comes with bytes only is read here.
    void expand_attachments(std::vector<Record>& pending, Outcome& out) {
        for (std::size_t i = 0; i < pending.size(); ++i) {
            Record a = std::move(pending[i]);
            try {
                if (a.sections.empty() && !a.bytes.empty()) {
                    if (nesting(a.name) > max_nesting)
                        throw RecordError(a.name, "files nested more than " +
                                                      std::to_string(max_nesting) +
                                                      " deep inside one another are not read");
                    if (pending.size() > max_attachments)
                        throw RecordError(a.name, "more than " + std::to_string(max_attachments) +
                                                      " files inside one record; the rest are "
                                                      "not read");
                    FileKind kind = sniffer_.of_bytes(a.bytes, a.name);
                    if (kind.empty) throw RecordError(a.name, "empty attachment");
                    if (kind.reader == Reader::None)
                        throw RecordError(a.name, "attachment of a kind SafeSAR does not read (" +
                                                      kind.mime + ")");
                    std::vector<Record> nested;
                    Record r = read_file(a.path, a.name, kind, &a.bytes, nested);
                    r.path = a.path;
                    r.parent = a.parent;
                    for (auto& n : nested)
                        n.path = a.path;
                    // Export renders pages from the bytes; other kinds are shown from sections.
                    if (r.kind == RecordKind::Pdf || r.kind == RecordKind::Image)
                        r.bytes = std::move(a.bytes);
                    a = std::move(r);
                    for (auto& n : nested)
                        pending.push_back(std::move(n));
                }
                if (a.sections.empty() && a.kind != RecordKind::Pdf)
                    throw RecordError(a.name, "attachment with no readable content");
                out.records.push_back(std::move(a));
            } catch (const Cancelled&) {
                throw;
            } catch (const Error& e) {
                out.skipped.push_back({valid_utf8(a.name), shown(e.reason(), 1000)});
            } catch (const std::bad_alloc&) {
                out.skipped.push_back({valid_utf8(a.name), "not enough memory to read it"});
            } catch (const std::exception& e) {
                // One attachment's library failure costs that attachment, not its container.
                out.skipped.push_back(
                    {valid_utf8(a.name), "could not be read: " + shown(e.what(), 1000)});
            }
        }
    }

    // How deep an attachment sits: "mail.msg#letter.docx#embeddings/x.xlsx" is 2.
    static std::size_t nesting(const std::string& name) {
        return static_cast<std::size_t>(std::count(name.begin(), name.end(), '#'));
    }
    // A zip that holds itself, or a chain of documents each embedding the next, stops here.
    static constexpr std::size_t max_nesting = 8;
    static constexpr std::size_t max_attachments = 10000;

    GatherOptions options_; // a copy: each file has its own deadline
    FileKindSniffer sniffer_;
};

} // namespace

GatherResult gather_records(const Case& c, const GatherOptions& caller_options) {
    throw_if_cancelled(caller_options.cancel);
    GatherOptions options = caller_options;
    if (!options.limits) options.limits = default_limits();
    Walk walk = walk_records(c);
    const std::vector<Found>& files = walk.files;
    std::vector<Outcome> outcomes(files.size());

    std::atomic<std::size_t> next{0};
    std::mutex progress; // serialises on_file_done and guards `failure`
    int done = 0;
    std::exception_ptr failure; // the first worker's exception (Cancelled, a callback's)
    std::atomic<bool> stop{false};
    auto worker = [&] {
        try {
            FileGatherer gatherer(options);
            for (std::size_t i; !stop && (i = next++) < files.size();) {
                throw_if_cancelled(options.cancel);
                outcomes[i] = gatherer.gather(files[i]);
                std::lock_guard lock(progress);
                ++done;
                if (options.on_file_done)
                    options.on_file_done(done, static_cast<int>(files.size()));
            }
        } catch (...) {
            stop = true;
            std::lock_guard lock(progress);
            if (!failure) failure = std::current_exception();
        }
    };
    const unsigned wanted = options.threads ? options.threads : std::thread::hardware_concurrency();
    const unsigned threads =
        std::max(1u, std::min<unsigned>(wanted, static_cast<unsigned>(files.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& t : pool)
        t.join();
    if (failure) std::rethrow_exception(failure);

    GatherResult result;
    result.links = std::move(walk.links);
    for (auto& o : outcomes) {
        std::move(o.records.begin(), o.records.end(), std::back_inserter(result.records));
        std::move(o.skipped.begin(), o.skipped.end(), std::back_inserter(result.skipped));
    }
    return result;
}

} // namespace safesar
